import { useEffect } from 'react';

/** Calls `refresh` every `ms` while the screen is shown. */
export function useRefreshEvery(ms: number, refresh: () => void): void {
  useEffect(() => {
    const timer = setInterval(refresh, ms);
    return () => clearInterval(timer);
  }, [ms, refresh]);
}
