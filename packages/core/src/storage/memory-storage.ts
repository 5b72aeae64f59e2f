import { DialkitError } from '../common/errors.js';
import type { LogEntry, LogName, Storage, StoreName } from './storage.js';

interface MemoryLog {
  /** The sequence number the next appended value gets. */
  next: number;
  entries: Array<LogEntry<unknown>>;
}

/**
 * A {@link Storage} that keeps everything in memory, for tests, Node tools and consoles that
 * must not persist anything.
 *
 * @remarks
 * Behaves like {@link indexedDbStorage}: values are structured-cloned on the way in and on the way
 * out (a stored value never aliases the caller's object), keys come back in key order, log sequence
 * numbers start at 1 and are never reused, even after a truncate. A value that cannot be cloned
 * and every call after {@link Storage.close} reject with `storage.failed`. Nothing survives the
 * process, and two instances never share data.
 *
 * @example
 * ```ts
 * const storage = memoryStorage();
 * await storage.put('settings', 'locale', 'es');
 * await storage.get<string>('settings', 'locale'); // 'es'
 * const last = await storage.append('journal', [{ type: 'agent.logged-in' }]); // 1
 * ```
 */
export function memoryStorage(): Storage {
  const stores = new Map<StoreName, Map<string, unknown>>();
  const logs = new Map<LogName, MemoryLog>();
  let closed = false;

  const storeOf = (name: StoreName): Map<string, unknown> => {
    let store = stores.get(name);
    if (store === undefined) {
      store = new Map();
      stores.set(name, store);
    }
    return store;
  };
  const logOf = (name: LogName): MemoryLog => {
    let log = logs.get(name);
    if (log === undefined) {
      log = { next: 1, entries: [] };
      logs.set(name, log);
    }
    return log;
  };
  /** Runs `work` as the store would: rejecting with `storage.failed` on any error, or once closed. */
  const run = <R>(where: StoreName | LogName, operation: string, work: () => R): Promise<R> => {
    try {
      if (closed) throw new Error('the storage is closed');
      return Promise.resolve(work());
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      return Promise.reject(
        new DialkitError('storage.failed', `Memory storage could not ${operation} in '${where}': ${reason}`, { cause: e }),
      );
    }
  };

  return {
    get<T>(store: StoreName, key: string) {
      return run(store, `get '${key}'`, () => {
        const map = storeOf(store);
        return map.has(key) ? structuredClone(map.get(key) as T) : undefined;
      });
    },
    put<T>(store: StoreName, key: string, value: T) {
      return run(store, `put '${key}'`, () => {
        storeOf(store).set(key, structuredClone(value));
      });
    },
    delete(store: StoreName, key: string) {
      return run(store, `delete '${key}'`, () => {
        storeOf(store).delete(key);
      });
    },
    entries<T>(store: StoreName) {
      return run(store, 'read entries', () => {
        const map = storeOf(store);
        // Default sort compares UTF-16 code units: the order IndexedDB gives string keys.
        return [...map.keys()].sort().map((key) => [key, structuredClone(map.get(key) as T)] as const);
      });
    },
    append<T>(name: LogName, values: readonly T[]) {
      return run(name, 'append', () => {
        if (values.length === 0) return 0;
        // Clone everything first, so a value that cannot be cloned appends nothing (one transaction).
        const copies = values.map((v) => structuredClone(v));
        const log = logOf(name);
        for (const value of copies) log.entries.push({ seq: log.next++, value });
        return log.next - 1;
      });
    },
    read<T>(name: LogName, afterSeq = 0) {
      return run(name, 'read', () =>
        logOf(name)
          .entries.filter((e) => e.seq > afterSeq)
          .map((e): LogEntry<T> => ({ seq: e.seq, value: structuredClone(e.value as T) })),
      );
    },
    truncate(name: LogName, uptoSeq: number) {
      return run(name, 'truncate', () => {
        const log = logOf(name);
        log.entries = log.entries.filter((e) => e.seq > uptoSeq);
      });
    },
    close() {
      closed = true;
      return Promise.resolve();
    },
  };
}
