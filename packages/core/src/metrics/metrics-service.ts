import type { Observable } from 'rxjs';
import { createToken } from '../common/token.js';
import type { MetricsSnapshot } from './metrics.js';

/**
 * The agent's own figures ("My Stats"): this session and today, with live timers.
 *
 * @remarks
 * Snapshots are computed from the metrics accumulator that the core folds every event into, plus
 * the live time since the last event: computing one costs O(pause reasons), never O(events).
 */
export interface MetricsService {
  /**
   * The figures, hot: replays the latest to a late subscriber; while subscribed, emits every tick
   * (1 s by default) so that live times move, and once after a burst of events (at most once per
   * scheduler turn, however many events arrived).
   */
  readonly snapshot$: Observable<MetricsSnapshot>;
  /** The figures now (synchronous). */
  snapshot(): MetricsSnapshot;
}

/** Token for the {@link MetricsService}. */
export const MetricsService = createToken<MetricsService>('core.metrics-service');
