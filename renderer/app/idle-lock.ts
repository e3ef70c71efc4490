import { useEffect, useRef } from 'react';

/** What counts as someone at the counter. */
const activity = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * Calls `onIdle` once nobody has touched the keyboard or the pointer for `minutes`; any
 * activity starts the wait again, and is told to `onActive`. `null` turns the lock off
 * (nobody signed in).
 */
export function useIdleLock(minutes: number | null, onIdle: () => void, onActive?: () => void) {
  const latest = useRef(onIdle);
  latest.current = onIdle;
  const active = useRef(onActive);
  active.current = onActive;

  useEffect(() => {
    if (minutes === null) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => latest.current(), minutes * 60_000);
    };
    const touched = () => {
      restart();
      active.current?.();
    };
    // Captured, so that a handler stopping an event cannot hide activity from the lock.
    for (const type of activity) {
      window.addEventListener(type, touched, { capture: true, passive: true });
    }
    restart();
    return () => {
      clearTimeout(timer);
      for (const type of activity) window.removeEventListener(type, touched, { capture: true });
    };
  }, [minutes]);
}
