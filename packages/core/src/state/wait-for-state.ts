import { filter, firstValueFrom, map, startWith, timeout, type SchedulerLike } from 'rxjs';
import { DialkitError } from '../common/errors.js';
import type { CoreState } from './core-state.js';
import type { CoreStore } from './core-store.js';

/**
 * Resolves when `predicate` holds for the store's state (checked now and after every change),
 * or rejects with `command.timeout`. Always unsubscribes: no waiter outlives its timeout.
 */
export function waitForState<T>(
  store: CoreStore,
  predicate: (state: CoreState) => T | undefined | false,
  options: { scheduler: SchedulerLike; timeoutMs: number; what: string },
): Promise<T> {
  return firstValueFrom(
    store.changed$.pipe(
      startWith(null),
      map(() => predicate(store.state)),
      filter((v): v is T => v !== undefined && v !== false),
      timeout({
        first: options.timeoutMs,
        scheduler: options.scheduler,
        with: () => {
          throw new DialkitError('command.timeout', `The backend did not confirm ${options.what} within ${options.timeoutMs} ms`);
        },
      }),
    ),
  );
}
