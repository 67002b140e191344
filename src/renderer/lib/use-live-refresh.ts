import { useEffect } from 'react';
import type { EventName } from '../../shared/contract/events';
import { on } from './call';

/** Calls `refresh` `delay` ms after any of `events`, at most once per `delay` (a running import or bulk action sends many). */
export function useLiveRefresh(events: readonly EventName[], refresh: () => void, delay = 1000): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = (): void => {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        refresh();
      }, delay);
    };
    const offs = events.map((event) => on(event, later));
    return () => {
      clearTimeout(timer);
      offs.forEach((off) => off());
    };
    // The event names are a constant list per screen; joining them keeps the effect stable across renders.
  }, [events.join(), refresh, delay]);
}
