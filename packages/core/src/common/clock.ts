import type { SchedulerLike } from 'rxjs';
import { asyncScheduler } from 'rxjs';
import { createToken } from './token.js';

/**
 * The source of "now" for everything in Dialkit: timestamps on events, metrics periods, live timers.
 *
 * @remarks Inject a clock built on a virtual-time scheduler in tests so they run deterministic, in milliseconds.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** The start (local midnight) of the day containing `at`, in the agent's time zone. */
  startOfDay(at: number): number;
}
/** Token for the {@link Clock}. */
export const Clock = createToken<Clock>('core.clock');

/** Token for the RxJS scheduler every timer in Dialkit runs on. */
export const Scheduler = createToken<SchedulerLike>('core.scheduler');

/**
 * A clock that reads `scheduler.now()`: the system time with RxJS's default scheduler, virtual time
 * with a `VirtualTimeScheduler` or `TestScheduler`.
 *
 * @param scheduler - where "now" comes from.
 * @param utcOffsetMinutes - fixed offset of the agent's day from UTC; by default the host's local time zone.
 */
export function schedulerClock(scheduler: SchedulerLike = asyncScheduler, utcOffsetMinutes?: number): Clock {
  return {
    now: () => scheduler.now(),
    startOfDay(at) {
      if (utcOffsetMinutes === undefined) {
        const d = new Date(at);
        d.setHours(0, 0, 0, 0);
        return d.getTime();
      }
      const shift = utcOffsetMinutes * 60_000;
      const day = 86_400_000;
      return Math.floor((at + shift) / day) * day - shift;
    },
  };
}
