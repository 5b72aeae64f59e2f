import { schedulerClock, type Clock } from '../common/clock.js';
import { ManualScheduler } from './manual-scheduler.js';

/** A virtual-time scheduler and clock, advanced by hand. */
export interface VirtualTime {
  /** The scheduler to inject. */
  readonly scheduler: ManualScheduler;
  /** A clock reading the scheduler (UTC days by default). */
  readonly clock: Clock;
  /** Now, in virtual ms since the epoch. */
  now(): number;
  /** Runs every timer due in the next `ms`, letting promises settle between them; time ends at now + ms. */
  advance(ms: number): Promise<void>;
  /** Lets pending promises settle without moving time. */
  settle(): Promise<void>;
}

const macrotask: (fn: () => void) => void =
  typeof (globalThis as { setImmediate?: unknown }).setImmediate === 'function'
    ? (fn) => (globalThis as unknown as { setImmediate: (f: () => void) => void }).setImmediate(fn)
    : (fn) => setTimeout(fn, 0);

/** Lets queued promise callbacks (and the macrotasks fake-indexeddb uses) run. */
async function drain(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise<void>((r) => macrotask(r));
}

/**
 * Virtual time for tests: timers run only when the test advances the clock, so a test of a
 * 60-second backoff runs in milliseconds and the same way every time.
 *
 * @param startAt - the epoch ms the clock starts at (default 2026-03-02T08:00:00Z).
 * @param utcOffsetMinutes - the agent's time zone offset for day boundaries (default 0).
 */
export function virtualTime(startAt = Date.UTC(2026, 2, 2, 8), utcOffsetMinutes = 0): VirtualTime {
  const scheduler = new ManualScheduler(startAt);
  const clock = schedulerClock(scheduler, utcOffsetMinutes);
  return {
    scheduler,
    clock,
    now: () => scheduler.now(),
    settle: drain,
    async advance(ms: number) {
      const target = scheduler.now() + ms;
      await drain();
      while (scheduler.runNext(target)) await drain();
      scheduler.setTime(target);
      await drain();
    },
  };
}
