import type { SchedulerLike } from 'rxjs';
import type { Clock } from '../common/clock.js';
import type { Logger } from '../common/logger.js';
import { createToken } from '../common/token.js';
import type { DialkitEvent } from '../event/dialkit-event.js';
import type { MetricsAccumulator } from '../metrics/metrics-accumulator.js';
import type { CoreState } from '../state/core-state.js';
import type { Storage } from '../storage/storage.js';

/**
 * What the journal stores in store `checkpoints` under key `latest`: the fold of every event up to
 * log entry `seq`, so that a restore replays only the entries after it.
 */
export interface JournalCheckpoint {
  /** Sequence number of the last journal entry folded in. */
  readonly seq: number;
  /** The core state after that entry. */
  readonly state: CoreState;
  /** The metrics accumulator after that entry. */
  readonly acc: MetricsAccumulator;
  /** Local midnight of the day of that entry (the accumulator's `today`). */
  readonly day: number;
  /** Every entry with `seq <= dayFloorSeq` is from a day before `day` (0 when unknown). */
  readonly dayFloorSeq: number;
}

/** What {@link Journal.restore} gives back. */
export interface RestoredJournal {
  /** The core state as it was when the previous run last wrote. */
  readonly state: CoreState;
  /** The metrics accumulator, likewise. */
  readonly acc: MetricsAccumulator;
  /** How many journal entries were replayed on top of the checkpoint. */
  readonly events: number;
}

/**
 * The event journal: every event the core reduces, kept in memory (bounded) and written behind to
 * {@link Storage} in batches, with periodic checkpoints of the core state and the metrics
 * accumulator, so that a reload restores both and My Stats survive it.
 *
 * @remarks
 * Store and keys: log `journal` holds the events; store `checkpoints` key `latest` holds a
 * {@link JournalCheckpoint}; store `meta` key `lastSeen` holds `{ at }`, written by a heartbeat and
 * after every flush, so that the next run knows since when the console was closed. Background work
 * (flushes, checkpoints, heartbeats) never throws: a storage failure is logged, reported, and
 * retried on the next flush.
 */
export interface Journal {
  /**
   * Records an event, in O(1): into the in-memory buffer and the pending batch; schedules one
   * write-behind flush. Call it after the event was reduced, with the state and accumulator after it.
   */
  append(event: DialkitEvent, stateAfter: CoreState, acc: MetricsAccumulator): void;
  /** The most recent events in memory, oldest first (at most the memory limit). */
  recent(): readonly DialkitEvent[];
  /** Writes the pending batch now (and a checkpoint when due); resolves when written or failed. */
  flush(): Promise<void>;
  /**
   * Loads the last checkpoint (or starts from the initial state) and folds the journal entries
   * after it. Call once, at startup, before the first {@link Journal.append}.
   *
   * @throws DialkitError `storage.failed` when the storage cannot be read.
   */
  restore(): Promise<RestoredJournal>;
  /**
   * When the previous run was last seen alive (epoch ms), or undefined when there was none: the
   * console then dispatches `console.closed { at: closedGap }` and `console.started { at: now }`, so
   * that the time in between counts as offline. Never before the last restored event.
   */
  closedGap(): Promise<number | undefined>;
  /** Cancels the timers (flush, heartbeat). Pending events stay: call {@link Journal.flush} for a last write. */
  dispose(): void;
}

/** Token for the {@link Journal}. */
export const Journal = createToken<Journal>('core.journal');

/** Options of {@link JournalImpl}. */
export interface JournalOptions {
  /** Where the journal, checkpoints and heartbeat go. */
  readonly storage: Storage;
  /** Runs the flush and heartbeat timers. */
  readonly scheduler: SchedulerLike;
  /** Stamps the heartbeat; gives local midnight for restores. */
  readonly clock: Clock;
  /** Storage failures are logged here. */
  readonly logger: Logger;
  /** How many events {@link Journal.recent} keeps in memory (a ring); 1,000 by default. */
  readonly memoryLimit?: number;
  /** Write-behind delay of a batch, in ms; 250 by default. */
  readonly flushMs?: number;
  /** A checkpoint is written after this many events; 500 by default. */
  readonly checkpointEvery?: number;
  /** Interval of the `lastSeen` heartbeat, in ms; 30,000 by default. */
  readonly heartbeatMs?: number;
  /** False keeps the journal in memory only (benchmarks, consoles that must not persist); true by default. */
  readonly persist?: boolean;
  /** Told about every background storage failure (after it was logged). */
  readonly onError?: (error: unknown) => void;
}
