import { BehaviorSubject, type Observable, type SchedulerLike, type Subscription } from 'rxjs';
import type { DispositionsPort } from '../backend/ports.js';
import type { Disposable } from '../common/disposable.js';
import { DialkitError, toDialkitError } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import { createToken } from '../common/token.js';
import type { Storage } from '../storage/storage.js';
import type { DispositionRecord } from './disposition-record.js';

/**
 * The persistent disposition outbox: a record is stored before it is sent, sent with its
 * idempotency key, retried with backoff, and removed only on the backend's acknowledgement, so that
 * nothing an agent submits is lost, even across a reload or a crash.
 */
export interface DispositionOutbox extends Disposable {
  /** Records stored and not yet acknowledged, oldest first; replays the latest list. */
  readonly pending$: Observable<readonly DispositionRecord[]>;
  /** The latest value of {@link DispositionOutbox.pending$}. */
  readonly pending: readonly DispositionRecord[];
  /**
   * Stores a record in the `outbox` store, then starts sending it in the background.
   *
   * @param record - a validated record; enqueueing its key again replaces the stored copy.
   * @returns resolves once the record is persisted; rejects with `storage.failed` if it could not be.
   */
  enqueue(record: DispositionRecord): Promise<void>;
  /** Loads every record a previous console left in storage and sends them (call once, on startup). */
  start(): Promise<void>;
  /**
   * How many times this outbox tried to send a record (including tries with no backend bound);
   * answered for pending records and the last 100 acknowledged ones, 0 for older ones.
   *
   * @param key - the record's idempotency key.
   */
  attempts(key: string): number;
  /** Sends every waiting record now, without waiting for its backoff; resolves when these tries settle. */
  flush(): Promise<void>;
}
/** Token for the {@link DispositionOutbox}. */
export const DispositionOutbox = createToken<DispositionOutbox>('core.disposition-outbox');

/** Constructor options of {@link DispositionOutboxImpl}. */
export interface DispositionOutboxOptions {
  /** Where records wait (store `outbox`, keyed by `record.key`). */
  readonly storage: Storage;
  /** The backend's dispositions port, read at each try (undefined counts as a failed try). */
  readonly port: () => DispositionsPort | undefined;
  /** Scheduler of the retry timers. */
  readonly scheduler: SchedulerLike;
  /** Diagnostics. */
  readonly logger: Logger;
  /** Told once per record, on its first failed try, with a `disposition.send-failed` error. */
  readonly onError?: (error: DialkitError, record: DispositionRecord) => void;
  /** Retry delays: `initialMs` doubling up to `maxMs`. */
  readonly backoff?: {
    /** First retry delay in ms (default 1 000). */
    readonly initialMs?: number;
    /** Longest retry delay in ms (default 60 000). */
    readonly maxMs?: number;
  };
}

/** How many acknowledged records {@link DispositionOutbox.attempts} still answers for. */
const ACKED_KEPT = 100;

interface Entry {
  record: DispositionRecord;
  /** Failed tries so far (sets the next delay). */
  failures: number;
  /** The try under way, if any: one at a time per record. */
  sending: Promise<void> | undefined;
  /** The scheduled retry, if any. */
  retry: Subscription | undefined;
}

/**
 * {@link DispositionOutbox} on a {@link Storage} and a {@link DispositionsPort}.
 *
 * @remarks
 * Each record has at most one try in flight. A failed try (rejection, a synchronous throw, or no
 * port) is retried after `initialMs`, then twice as long each time up to `maxMs`, forever: only the
 * backend's acknowledgement removes a record, first from storage, then from `pending$`. If that
 * delete fails the record leaves `pending$` anyway; the next `start()` resends it, which an
 * idempotent backend ignores. Background work never throws: failures are logged and reported
 * through `onError`. After `dispose()` no try starts and no timer fires; `enqueue` still persists,
 * so the next console's `start()` sends the record.
 *
 * @example
 * ```ts
 * const outbox = new DispositionOutboxImpl({ storage, port: () => backend.dispositions, scheduler, logger });
 * await outbox.start();          // resend what a crashed console left behind
 * await outbox.enqueue(record);  // stored: safe to close the wrap-up form now
 * ```
 */
export class DispositionOutboxImpl implements DispositionOutbox {
  private readonly entries = new Map<string, Entry>();
  private readonly tries = new Map<string, number>();
  /** Try counts of the last {@link ACKED_KEPT} acknowledged records (bounded: a shift has thousands). */
  private readonly acked = new Map<string, number>();
  private readonly state$ = new BehaviorSubject<readonly DispositionRecord[]>([]);
  private readonly initialMs: number;
  private readonly maxMs: number;
  private disposed = false;

  /** {@inheritDoc DispositionOutbox.pending$} */
  readonly pending$: Observable<readonly DispositionRecord[]> = this.state$.asObservable();

  /**
   * Creates an idle outbox: nothing is sent until {@link DispositionOutboxImpl.start} or an enqueue.
   *
   * @param options - storage, port, scheduler, logger, error callback and backoff.
   */
  constructor(private readonly options: DispositionOutboxOptions) {
    this.initialMs = Math.max(1, options.backoff?.initialMs ?? 1_000);
    this.maxMs = Math.max(this.initialMs, options.backoff?.maxMs ?? 60_000);
  }

  /** {@inheritDoc DispositionOutbox.pending} */
  get pending(): readonly DispositionRecord[] {
    return this.state$.value;
  }

  /** {@inheritDoc DispositionOutbox.enqueue} */
  async enqueue(record: DispositionRecord): Promise<void> {
    try {
      await this.options.storage.put('outbox', record.key, record);
    } catch (e) {
      throw toDialkitError(e, 'storage.failed', `Disposition '${record.key}' for call '${record.callId}' could not be saved`);
    }
    const existing = this.entries.get(record.key);
    if (existing === undefined) this.entries.set(record.key, newEntry(record));
    else existing.record = record;
    this.emit();
    if (!this.disposed) void this.trySend(record.key);
  }

  /** {@inheritDoc DispositionOutbox.start} */
  async start(): Promise<void> {
    let stored: ReadonlyArray<readonly [string, DispositionRecord]>;
    try {
      stored = await this.options.storage.entries<DispositionRecord>('outbox');
    } catch (e) {
      throw toDialkitError(e, 'storage.failed', 'The disposition outbox could not be loaded');
    }
    if (this.disposed) return;
    const loaded = stored
      .filter(([key]) => !this.entries.has(key))
      .map(([, record]) => record)
      .sort((a, b) => a.submittedAt - b.submittedAt);
    for (const record of loaded) this.entries.set(record.key, newEntry(record));
    this.emit();
    if (loaded.length > 0) this.options.logger.log('info', `Resending ${loaded.length} stored disposition(s)`, { keys: loaded.map((r) => r.key) });
    for (const record of loaded) void this.trySend(record.key);
  }

  /** {@inheritDoc DispositionOutbox.attempts} */
  attempts(key: string): number {
    return this.tries.get(key) ?? this.acked.get(key) ?? 0;
  }

  /** {@inheritDoc DispositionOutbox.flush} */
  async flush(): Promise<void> {
    await Promise.all([...this.entries.keys()].map((key) => this.trySend(key)));
  }

  /** Stops every retry timer; tries in flight may still finish and remove their records. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const entry of this.entries.values()) {
      entry.retry?.unsubscribe();
      entry.retry = undefined;
    }
    this.state$.complete();
  }

  /** Starts a try unless one is in flight (then returns it); never rejects. */
  private trySend(key: string): Promise<void> {
    const entry = this.entries.get(key);
    if (entry === undefined || this.disposed) return Promise.resolve();
    if (entry.sending !== undefined) return entry.sending;
    entry.retry?.unsubscribe();
    entry.retry = undefined;
    const sending = this.attempt(entry).then((error) => {
      entry.sending = undefined;
      if (error !== undefined) this.failed(entry, error);
    });
    entry.sending = sending;
    return sending;
  }

  private forgetTries(key: string): void {
    const n = this.tries.get(key);
    this.tries.delete(key);
    if (n === undefined) return;
    this.acked.delete(key);
    this.acked.set(key, n);
    if (this.acked.size > ACKED_KEPT) this.acked.delete(this.acked.keys().next().value as string);
  }

  /** One try: resolves with the error of a failed try, or undefined once acknowledged and removed. */
  private async attempt(entry: Entry): Promise<DialkitError | undefined> {
    const record = entry.record;
    const attempt = this.attempts(record.key) + 1;
    this.tries.set(record.key, attempt);
    try {
      const port = this.options.port();
      if (port === undefined) throw new DialkitError('backend.port-missing', 'No backend provides the dispositions port');
      await port.submit(record);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      return new DialkitError(
        'disposition.send-failed',
        `Disposition '${record.key}' for call '${record.callId}' was not acknowledged (try ${attempt}): ${reason}`,
        { cause: e, details: { key: record.key, attempt } },
      );
    }
    try {
      await this.options.storage.delete('outbox', record.key);
    } catch (e) {
      this.options.logger.log('warn', `Acknowledged disposition '${record.key}' could not be removed from storage`, { key: record.key, error: String(e) });
    }
    this.entries.delete(record.key);
    this.forgetTries(record.key);
    this.emit();
    this.options.logger.log('info', `Disposition '${record.key}' acknowledged`, { key: record.key, attempt });
    return undefined;
  }

  /** Reports a failed try and schedules the next one. */
  private failed(entry: Entry, error: DialkitError): void {
    if (this.disposed || this.entries.get(entry.record.key) !== entry) return;
    entry.failures += 1;
    const delay = Math.min(this.initialMs * 2 ** (entry.failures - 1), this.maxMs);
    this.options.logger.log('warn', error.message, { key: entry.record.key, retryInMs: delay });
    if (entry.failures === 1 && this.options.onError !== undefined) {
      try {
        this.options.onError(error, entry.record);
      } catch (e) {
        this.options.logger.log('error', 'The disposition onError callback threw', { error: String(e) });
      }
    }
    if (this.disposed) return; // onError may have disposed us
    entry.retry = this.options.scheduler.schedule(() => {
      entry.retry = undefined;
      void this.trySend(entry.record.key);
    }, delay);
  }

  private emit(): void {
    this.state$.next([...this.entries.values()].map((e) => e.record));
  }
}

function newEntry(record: DispositionRecord): Entry {
  return { record, failures: 0, sending: undefined, retry: undefined };
}
