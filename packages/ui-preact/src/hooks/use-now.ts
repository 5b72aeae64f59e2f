import { useMemo } from 'preact/hooks';
import { asyncScheduler, interval, map, NEVER, type Observable } from 'rxjs';
import { Scheduler } from '@dialkit/core';
import { useDialkit } from './use-dialkit.js';
import { useStream } from './use-observable.js';

/**
 * The console clock's "now", re-read every `periodMs` on the console's scheduler while `active`
 * (virtual time in tests, so timers never need real sleeps).
 *
 * @param active - tick only while true (e.g. while on a break).
 * @param periodMs - tick period (default 1000).
 */
export function useNow(active = true, periodMs = 1000): number {
  const dialkit = useDialkit();
  const now$ = useMemo<Observable<number>>(() => {
    if (!active) return NEVER;
    const scheduler = dialkit.get(Scheduler) ?? asyncScheduler;
    return interval(periodMs, scheduler).pipe(map(() => dialkit.clock.now()));
  }, [dialkit, active, periodMs]);
  return useStream(now$, () => dialkit.clock.now());
}
