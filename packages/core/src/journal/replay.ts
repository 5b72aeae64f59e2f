import type { DialkitEvent } from '../event/dialkit-event.js';
import { accrue, cloneAccumulator, createMetricsAccumulator, type MetricsAccumulator, type StartOfDay } from '../metrics/metrics-accumulator.js';
import { reduceCore } from '../state/core-reducer.js';
import { INITIAL_CORE_STATE, type CoreState } from '../state/core-state.js';

/** The core state and metrics accumulator after some events: what a replay folds, and starts from. */
export interface ReplayResult {
  /** The core state after the last event. */
  readonly state: CoreState;
  /** The metrics accumulator after the last event. */
  readonly acc: MetricsAccumulator;
}

/**
 * Folds events through {@link reduceCore} and {@link accrue}: the one fold that the journal's
 * restore, the tests and the benchmark share, so that a restored console computes exactly what a
 * running one did.
 *
 * @param events - the events, oldest first.
 * @param startOfDay - the clock's local-midnight function.
 * @param from - where to start (a checkpoint); the initial state and an empty accumulator when left
 *   out. Its accumulator is copied, never changed.
 * @example
 * ```ts
 * const { state, acc } = replayEvents(events, clock.startOfDay);
 * const stats = metricsSnapshot(acc, state, clock.now(), clock.startOfDay);
 * ```
 */
export function replayEvents(events: Iterable<DialkitEvent>, startOfDay: StartOfDay, from?: ReplayResult): ReplayResult {
  let state = from?.state ?? INITIAL_CORE_STATE;
  const acc = from === undefined ? createMetricsAccumulator() : cloneAccumulator(from.acc);
  if (Array.isArray(events)) {
    // The common case, without an iterator: this loop is the replay benchmark's hot path.
    const list = events as readonly DialkitEvent[];
    for (let i = 0; i < list.length; i++) {
      const event = list[i] as DialkitEvent;
      const next = reduceCore(state, event);
      accrue(acc, state, next, event, startOfDay);
      state = next;
    }
    return { state, acc };
  }
  for (const event of events) {
    const next = reduceCore(state, event);
    accrue(acc, state, next, event, startOfDay);
    state = next;
  }
  return { state, acc };
}
