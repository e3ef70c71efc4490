import {
  type DependencyList,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';

/** What a screen knows of its call to the core. */
export interface ApiState<T> {
  /** The newest answer; kept while the call is made again, and when a later call fails. */
  value: T | undefined;
  /** Why the newest call failed; null when it did not, and again once a later call answers. */
  error: unknown;
  loading: boolean;
}

/** What a screen does with an answer besides keeping it (fill a form with it, say). */
interface OnAnswer<T> {
  done?(value: T): void;
  failed?(error: unknown): void;
}

/**
 * One call to the core, made again as often as asked. Only the newest call's answer is taken:
 * an answer that comes after a newer call was made, or after `drop` (the screen is gone, or
 * asks something else now), changes nothing and runs nothing.
 */
export function latestCall<T>(initial: ApiState<T>, show: (state: ApiState<T>) => void) {
  let state = initial;
  let newest = 0;
  const set = (next: ApiState<T>) => {
    state = next;
    show(next);
  };
  return {
    run(call: () => Promise<T>, on: OnAnswer<T> = {}): void {
      newest += 1;
      const ticket = newest;
      if (!state.loading) set({ ...state, loading: true });
      // A call that throws at once fails like one that rejects.
      new Promise<T>((resolve) => resolve(call())).then(
        (value) => {
          if (ticket !== newest) return;
          set({ value, error: null, loading: false });
          on.done?.(value);
        },
        (error: unknown) => {
          if (ticket !== newest) return;
          set({ ...state, error, loading: false });
          on.failed?.(error);
        },
      );
    },
    drop(): void {
      newest += 1;
      if (state.loading) set({ ...state, loading: false });
    },
  };
}

interface ApiCall<T> extends ApiState<T> {
  /** Makes the call again; an answer still awaited from before is dropped. */
  reload(): void;
}

/**
 * Calls the core when the screen shows, and again when `deps` change or `reload` is called; a
 * null `call` makes none (yet). `on` runs for the answers kept, never after the screen is gone.
 */
export function useApi<T>(
  call: (() => Promise<T>) | null,
  deps: DependencyList,
  on: OnAnswer<T> = {},
): ApiCall<T> {
  const initial: ApiState<T> = { value: undefined, error: null, loading: call !== null };
  const [state, setState] = useState(initial);
  const [caller] = useState(() => latestCall(initial, setState));
  const [asked, setAsked] = useState(0);
  // The newest render's call and handlers: a call is made with what the screen shows now.
  const latest = useRef({ call, on });
  useLayoutEffect(() => {
    latest.current = { call, on };
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: the screen's `deps` and `reload` say when to call again; `call` and `on` are read from `latest`
  useEffect(() => {
    const now = latest.current.call;
    if (now) {
      caller.run(now, {
        done: (value) => latest.current.on.done?.(value),
        failed: (error) => latest.current.on.failed?.(error),
      });
    }
    return caller.drop;
  }, [caller, asked, ...deps]);

  const reload = useCallback(() => setAsked((count) => count + 1), []);
  return { ...state, reload };
}
