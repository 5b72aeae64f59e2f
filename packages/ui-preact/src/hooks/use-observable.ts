import type { Observable } from 'rxjs';
import { useLayoutEffect, useState } from 'preact/hooks';

/**
 * Reads an observable in a component: the first render uses `getSnapshot()` (a service's
 * synchronous getter), then the component re-renders whenever the stream emits a different value.
 *
 * @remarks
 * The `useSyncExternalStore` pattern with `preact/hooks` only (no `preact/compat`): subscribe =
 * the stream, snapshot = the getter. Core's streams replay their latest value on subscribe, so a
 * change between the render and the subscription is never missed, and a new `source$` is
 * read before the browser paints. Memoise streams made per render (such as
 * `calls.duration$(id)`): a new one is resubscribed each time (harmless, but wasted work).
 *
 * @param source$ - the stream to follow.
 * @param getSnapshot - the value now, used for the first render and when `source$` changes.
 * @returns the latest value.
 * @example
 * ```tsx
 * const status = useStream(dialkit.agent.status$, () => dialkit.agent.status);
 * ```
 */
export function useStream<T>(source$: Observable<T>, getSnapshot: () => T): T {
  const [state, setState] = useState(() => ({ value: getSnapshot() }));
  useLayoutEffect(() => {
    const sub = source$.subscribe((value) => {
      setState((prev) => (Object.is(prev.value, value) ? prev : { value }));
    });
    return () => sub.unsubscribe();
  }, [source$]);
  return state.value;
}

/**
 * Reads an observable that has no synchronous getter: `initial` until it first emits.
 *
 * @param source$ - the stream to follow (stable identity; memoise streams made per render).
 * @param initial - the value before the first emission.
 * @returns the latest value.
 */
export function useObservable<T>(source$: Observable<T>, initial: T): T {
  return useStream(source$, () => initial);
}
