import { createToken } from '../common/token.js';

/** Key-value stores Dialkit keeps. */
export type StoreName = 'outbox' | 'drafts' | 'settings' | 'checkpoints' | 'meta';

/** Append-only logs Dialkit keeps. */
export type LogName = 'journal';

/** One entry of a log, with its sequence number (increasing, never reused). */
export interface LogEntry<T> {
  /** Sequence number. */
  readonly seq: number;
  /** What was appended. */
  readonly value: T;
}

/**
 * Persistence port: the event journal, the disposition outbox, wrap-up drafts, settings.
 *
 * @remarks Values are structured-cloned (stored copies never alias the caller's objects).
 * Implementations: {@link indexedDbStorage} (the browser, and Node under fake-indexeddb) and
 * {@link memoryStorage}. A failure rejects with `storage.failed`.
 */
export interface Storage {
  /** A value by key, or undefined. */
  get<T>(store: StoreName, key: string): Promise<T | undefined>;
  /** Stores a value under a key, replacing any. */
  put<T>(store: StoreName, key: string, value: T): Promise<void>;
  /** Removes a key (no error when absent). */
  delete(store: StoreName, key: string): Promise<void>;
  /** Every key and value of a store, by key order. */
  entries<T>(store: StoreName): Promise<ReadonlyArray<readonly [string, T]>>;
  /** Appends values to a log in one transaction; resolves with the last sequence number given (0 if none). */
  append<T>(log: LogName, values: readonly T[]): Promise<number>;
  /** Entries with `seq > afterSeq`, oldest first. */
  read<T>(log: LogName, afterSeq?: number): Promise<ReadonlyArray<LogEntry<T>>>;
  /** Drops entries with `seq <= uptoSeq`. */
  truncate(log: LogName, uptoSeq: number): Promise<void>;
  /** Closes connections; the storage is unusable afterwards. */
  close(): Promise<void>;
}
/** Token for the {@link Storage} port. */
export const Storage = createToken<Storage>('core.storage');
