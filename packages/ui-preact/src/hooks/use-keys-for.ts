import { useMemo } from 'preact/hooks';
import { map, type Observable } from 'rxjs';
import { useDialkit } from './use-dialkit.js';
import { useStream } from './use-observable.js';

/**
 * The keys bound to a hotkey id, following `dialkit.hotkeys.bindings$`: undefined until it is
 * registered (the provider registers the default hotkeys in an effect, after the first render)
 * or when it is not bound (its keys were taken), then the keys in force, after any rebinding.
 * Give it to `aria-keyshortcuts`, so that screen readers announce only keys that work.
 *
 * @param id - the hotkey id, e.g. `agent.ready`.
 * @example
 * ```tsx
 * const keys = useKeysFor('agent.logout');
 * <button aria-keyshortcuts={keys} onClick={logout}>Log out</button>
 * ```
 */
export function useKeysFor(id: string): string | undefined {
  const { hotkeys } = useDialkit();
  const keys$ = useMemo<Observable<string | undefined>>(
    () => hotkeys.bindings$.pipe(map((bindings) => bindings.find((b) => b.id === id)?.keys)),
    [hotkeys, id],
  );
  return useStream(keys$, () => hotkeys.bindings.find((b) => b.id === id)?.keys);
}
