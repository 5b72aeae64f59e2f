import { auditTime, interval, map, merge, shareReplay, startWith, type Observable, type SchedulerLike } from 'rxjs';
import type { Clock } from '../common/clock.js';
import type { CoreState } from '../state/core-state.js';
import { metricsSnapshot, type MetricsAccumulator } from './metrics-accumulator.js';
import type { MetricsService } from './metrics-service.js';
import type { MetricsSnapshot } from './metrics.js';

/** Options of {@link MetricsServiceImpl}. */
export interface MetricsServiceOptions {
  /** The current core state. */
  readonly getState: () => CoreState;
  /** The metrics accumulator, up to date with `getState()`. */
  readonly getAccumulator: () => MetricsAccumulator;
  /** Fires after each event was reduced and accrued (its values are ignored). */
  readonly changes$: Observable<unknown>;
  /** Runs the tick and the after-events emission. */
  readonly scheduler: SchedulerLike;
  /** "Now" and local midnight. */
  readonly clock: Clock;
  /** Live-timer tick, in ms; 1,000 by default. */
  readonly tickMs?: number;
}

/**
 * The {@link MetricsService}: snapshots on demand, on a tick, and after events, never per event.
 *
 * @example
 * ```ts
 * const metrics = new MetricsServiceImpl({ getState, getAccumulator, changes$, scheduler, clock });
 * metrics.snapshot$.subscribe((s) => render(s.today.talkTime));
 * ```
 */
export class MetricsServiceImpl implements MetricsService {
  /** The figures: on subscription, every tick, and once after each burst of events. */
  readonly snapshot$: Observable<MetricsSnapshot>;
  private readonly options: MetricsServiceOptions;
  private readonly startOfDay = (at: number): number => this.options.clock.startOfDay(at);

  /** @param options - where state and accumulator come from, and the timers; see {@link MetricsServiceOptions}. */
  constructor(options: MetricsServiceOptions) {
    this.options = options;
    const { scheduler } = options;
    // auditTime: the first event of a burst schedules one emission, the rest only mark it due.
    const afterEvents$ = options.changes$.pipe(auditTime(0, scheduler));
    const tick$ = interval(options.tickMs ?? 1000, scheduler);
    this.snapshot$ = merge(afterEvents$, tick$).pipe(
      startWith(undefined),
      map(() => this.snapshot()),
      shareReplay({ bufferSize: 1, refCount: true }),
    );
  }

  /** The figures now, computed from the accumulator and the clock. */
  snapshot(): MetricsSnapshot {
    return metricsSnapshot(this.options.getAccumulator(), this.options.getState(), this.options.clock.now(), this.startOfDay);
  }
}
