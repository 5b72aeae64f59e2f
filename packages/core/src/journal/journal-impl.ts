import { interval, type SchedulerLike, type Subscription } from 'rxjs';
import type { Clock } from '../common/clock.js';
import type { Logger } from '../common/logger.js';
import type { DialkitEvent } from '../event/dialkit-event.js';
import { cloneAccumulator, createMetricsAccumulator, type MetricsAccumulator } from '../metrics/metrics-accumulator.js';
import type { CoreState } from '../state/core-state.js';
import type { Storage } from '../storage/storage.js';
import type { Journal, JournalCheckpoint, JournalOptions, RestoredJournal } from './journal.js';
import { replayEvents } from './replay.js';

/** The longest wait between two retries of a failing flush. */
const MAX_RETRY_MS = 30_000;

/** What the journal remembers of the last checkpoint it wrote or loaded. */
type CheckpointMark = Pick<JournalCheckpoint, 'seq' | 'day' | 'dayFloorSeq'>;

/**
 * The {@link Journal}: an in-memory ring of recent events and a write-behind batch to
 * {@link Storage}, checkpoints every `checkpointEvery` events, a `lastSeen` heartbeat.
 *
 * @remarks
 * When a checkpoint starts a new day, journal entries from before the previous day are truncated:
 * the log keeps at least the previous and the current day. A failing write is logged, reported to
 * `onError`, and retried with a doubling delay (up to 30 s); its events stay pending, in order.
 *
 * @example
 * ```ts
 * const journal = new JournalImpl({ storage, scheduler, clock, logger });
 * const { state, acc } = await journal.restore();
 * const gap = await journal.closedGap();   // then dispatch console.closed / console.started
 * // for every event: next = reduceCore(state, e); accrue(acc, state, next, e, …); journal.append(e, next, acc)
 * ```
 */
export class JournalImpl implements Journal {
  private readonly storage: Storage;
  private readonly scheduler: SchedulerLike;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly limit: number;
  private readonly flushMs: number;
  private readonly checkpointEvery: number;
  private readonly persist: boolean;
  private readonly onError: ((error: unknown) => void) | undefined;
  private readonly ring: DialkitEvent[] = [];
  private head = 0;
  private pending: DialkitEvent[] = [];
  private latestState: CoreState | undefined;
  private latestAcc: MetricsAccumulator | undefined;
  private sinceCheckpoint = 0;
  private lastCheckpoint: CheckpointMark | undefined;
  private restoredLastAt: number | undefined;
  private failures = 0;
  private flushTimer: Subscription | undefined;
  private readonly heartbeat: Subscription | undefined;
  private queue: Promise<void> = Promise.resolve();
  private disposed = false;
  private readonly lastSeenAtStart: Promise<number | undefined>;
  private readonly startOfDay = (at: number): number => this.clock.startOfDay(at);

  /** @param options - storage, timers, limits; see {@link JournalOptions}. */
  constructor(options: JournalOptions) {
    this.storage = options.storage;
    this.scheduler = options.scheduler;
    this.clock = options.clock;
    this.logger = options.logger;
    this.limit = Math.max(1, options.memoryLimit ?? 1_000);
    this.flushMs = options.flushMs ?? 250;
    this.checkpointEvery = Math.max(1, options.checkpointEvery ?? 500);
    this.persist = options.persist ?? true;
    this.onError = options.onError;
    // Read before the first heartbeat can overwrite it.
    this.lastSeenAtStart = this.persist
      ? this.storage.get<{ at: number }>('meta', 'lastSeen').then(
          (seen) => seen?.at,
          (e: unknown) => {
            this.report('Journal could not read when the console was last seen', e);
            return undefined;
          },
        )
      : Promise.resolve(undefined);
    this.heartbeat = this.persist
      ? interval(options.heartbeatMs ?? 30_000, this.scheduler).subscribe(() => void this.writeLastSeen())
      : undefined;
  }

  /** Records an event in memory and in the pending batch; schedules one flush. O(1). */
  append(event: DialkitEvent, stateAfter: CoreState, acc: MetricsAccumulator): void {
    this.remember(event);
    if (!this.persist) return;
    this.pending.push(event);
    this.latestState = stateAfter;
    this.latestAcc = acc;
    this.sinceCheckpoint++;
    if (this.flushTimer === undefined) this.scheduleFlush(this.flushMs);
  }

  /** The events kept in memory, oldest first. */
  recent(): readonly DialkitEvent[] {
    return this.ring.length < this.limit ? this.ring.slice() : this.ring.slice(this.head).concat(this.ring.slice(0, this.head));
  }

  /** Writes the pending batch now (after any flush under way); never rejects. */
  flush(): Promise<void> {
    this.queue = this.queue.then(() => this.flushNow());
    return this.queue;
  }

  /** Loads the last checkpoint and replays the journal after it; see {@link Journal.restore}. */
  async restore(): Promise<RestoredJournal> {
    if (!this.persist) return { ...replayEvents([], this.startOfDay), events: 0 };
    try {
      let checkpoint = await this.storage.get<JournalCheckpoint>('checkpoints', 'latest');
      if (checkpoint !== undefined && checkpoint.acc.version !== createMetricsAccumulator().version) {
        this.logger.log('warn', 'Journal checkpoint has another format; replaying the log from its start', { version: checkpoint.acc.version });
        checkpoint = undefined;
      }
      const entries = await this.storage.read<DialkitEvent>('journal', checkpoint?.seq ?? 0);
      const events = entries.map((e) => e.value);
      const from = checkpoint === undefined ? undefined : { state: checkpoint.state, acc: checkpoint.acc };
      const { state, acc } = replayEvents(events, this.startOfDay, from);
      if (checkpoint !== undefined) this.lastCheckpoint = { seq: checkpoint.seq, day: checkpoint.day, dayFloorSeq: checkpoint.dayFloorSeq };
      for (const event of events) this.remember(event);
      this.sinceCheckpoint += events.length;
      this.restoredLastAt = acc.lastAt ?? undefined;
      return { state, acc, events: events.length };
    } catch (e) {
      this.logger.log('error', 'Journal could not be restored', { error: describe(e) });
      throw e;
    }
  }

  /** When the previous run was last seen alive; see {@link Journal.closedGap}. */
  async closedGap(): Promise<number | undefined> {
    const seen = await this.lastSeenAtStart;
    if (seen === undefined) return undefined;
    return this.restoredLastAt === undefined ? seen : Math.max(seen, this.restoredLastAt);
  }

  /** Cancels the flush and heartbeat timers. */
  dispose(): void {
    this.disposed = true;
    this.flushTimer?.unsubscribe();
    this.flushTimer = undefined;
    this.heartbeat?.unsubscribe();
  }

  private remember(event: DialkitEvent): void {
    if (this.ring.length < this.limit) {
      this.ring.push(event);
      return;
    }
    this.ring[this.head] = event;
    this.head = this.head + 1 === this.limit ? 0 : this.head + 1;
  }

  private scheduleFlush(delay: number): void {
    if (this.disposed) return;
    this.flushTimer = this.scheduler.schedule(() => {
      this.flushTimer = undefined;
      void this.flush();
    }, delay);
  }

  /** Writes the pending batch, then a checkpoint when due, then `lastSeen`. Never rejects. */
  private async flushNow(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    // The latest state and accumulator belong to the batch's last event: append is synchronous.
    const covered = this.sinceCheckpoint;
    const due = covered >= this.checkpointEvery && this.latestState !== undefined && this.latestAcc !== undefined;
    const state = this.latestState;
    const acc = due && this.latestAcc !== undefined ? cloneAccumulator(this.latestAcc) : undefined;
    let seq: number;
    try {
      seq = await this.storage.append('journal', batch);
      this.failures = 0;
    } catch (e) {
      this.pending = batch.concat(this.pending);
      this.failures++;
      this.report(`Journal could not write ${batch.length} event(s); retrying`, e);
      this.flushTimer?.unsubscribe();
      this.scheduleFlush(Math.min(MAX_RETRY_MS, this.flushMs * 2 ** this.failures));
      return;
    }
    if (state !== undefined && acc !== undefined) {
      try {
        await this.writeCheckpoint(seq, state, acc);
        this.sinceCheckpoint -= covered;
      } catch (e) {
        this.report('Journal could not write a checkpoint; retrying at the next flush', e);
      }
    }
    await this.writeLastSeen();
  }

  private async writeCheckpoint(seq: number, state: CoreState, acc: MetricsAccumulator): Promise<void> {
    const previous = this.lastCheckpoint;
    const day = acc.dayStart;
    let dayFloorSeq = previous?.dayFloorSeq ?? 0;
    let truncateUpTo = 0;
    if (previous !== undefined && day > previous.day) {
      truncateUpTo = previous.dayFloorSeq;
      dayFloorSeq = previous.seq;
    }
    const checkpoint: JournalCheckpoint = { seq, state, acc, day, dayFloorSeq };
    await this.storage.put('checkpoints', 'latest', checkpoint);
    this.lastCheckpoint = { seq, day, dayFloorSeq };
    if (truncateUpTo > 0) {
      try {
        await this.storage.truncate('journal', truncateUpTo);
      } catch (e) {
        this.report('Journal could not truncate old entries', e);
      }
    }
  }

  private async writeLastSeen(): Promise<void> {
    try {
      await this.storage.put('meta', 'lastSeen', { at: this.clock.now() });
    } catch (e) {
      this.report('Journal could not write its heartbeat', e);
    }
  }

  private report(message: string, error: unknown): void {
    this.logger.log('warn', message, { error: describe(error) });
    try {
      this.onError?.(error);
    } catch (e) {
      this.logger.log('error', 'Journal onError callback threw', { error: describe(e) });
    }
  }
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
