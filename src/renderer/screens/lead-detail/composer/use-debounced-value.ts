import { useEffect, useState } from 'react';

/** `value`, but only once it has stayed the same for `delay` ms (typing does not fire a request per keystroke). */
export function useDebouncedValue<T>(value: T, delay = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}
