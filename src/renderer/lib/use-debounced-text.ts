import { useEffect, useRef, useState } from 'react';

/**
 * Text typed into a control, committed `delay` ms after the last keystroke. When the committed value changes from outside
 * (filters cleared, a chip removed) the control shows it instead of what was typed.
 */
export function useDebouncedText(value: string, commit: (text: string) => void, delay = 250): readonly [string, (text: string) => void] {
  const [text, setText] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const commitRef = useRef(commit);
  commitRef.current = commit;
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(value);
  }

  useEffect(() => () => clearTimeout(timer.current), []);

  const change = (next: string): void => {
    setText(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => commitRef.current(next), delay);
  };
  return [text, change];
}
