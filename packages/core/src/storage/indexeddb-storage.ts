import { wrap, type DBSchema, type IDBPDatabase } from 'idb';
import { DialkitError } from '../common/errors.js';
import type { LogEntry, LogName, Storage, StoreName } from './storage.js';

/*
 * Why no DOM types here: core's tsconfig has no `DOM` lib. idb's declarations name DOM's IDB*
 * interfaces (IDBFactory, IDBDatabase…); without the lib those names resolve to `any` (skipLibCheck
 * hides the errors), while idb's own schema typing of stores, keys and values still works. A
 * `/// <reference lib="dom" />` is not file-scoped: it would give all of core the DOM and reach
 * consumers through the emitted `.d.ts`. So the public signature takes the structural
 * {@link IndexedDbFactory}, and the few native pieces used (the open request, IDBKeyRange) get the
 * minimal local types below.
 *
 * Why not `openDB`: it always opens through the global `indexedDB` and takes no factory. We open
 * through the given factory and hand the request to idb's `wrap`, which is what `openDB` does.
 * idb recognises native objects with `instanceof IDBRequest` etc., so the IDB interface classes
 * must be globals: every browser has them; in Node, `import 'fake-indexeddb/auto'` installs them.
 */

/**
 * The part of an IndexedDB factory that {@link indexedDbStorage} uses: a browser's `indexedDB`,
 * or `new IDBFactory()` from fake-indexeddb in Node.
 */
export interface IndexedDbFactory {
  /** Opens (creating or upgrading) a database; returns an `IDBOpenDBRequest`. */
  open(name: string, version?: number): unknown;
}

/** Options of {@link indexedDbStorage}. */
export interface IndexedDbStorageOptions {
  /** The factory to open the database with; `globalThis.indexedDB` when left out. */
  readonly indexedDB?: IndexedDbFactory;
}

/** Schema version: bump it when a store is added (the upgrade creates every missing store). */
const SCHEMA_VERSION = 1;
/** Every key-value store, keyed by {@link StoreName} so that a new name cannot be forgotten here. */
const KEY_VALUE_STORES: Readonly<Record<StoreName, true>> = { outbox: true, drafts: true, settings: true, checkpoints: true, meta: true };
/** Every log, likewise. */
const LOGS: Readonly<Record<LogName, true>> = { journal: true };

interface DialkitDb extends DBSchema {
  outbox: { key: string; value: unknown };
  drafts: { key: string; value: unknown };
  settings: { key: string; value: unknown };
  checkpoints: { key: string; value: unknown };
  meta: { key: string; value: unknown };
  journal: { key: number; value: unknown };
}
type Db = IDBPDatabase<DialkitDb>;

interface OpenRequest {
  readonly result: unknown;
  addEventListener(type: 'upgradeneeded', listener: () => void): void;
}
/** The native `IDBDatabase` events and method used here (idb types them through DOM). */
interface NativeDatabase {
  addEventListener(type: 'versionchange' | 'close', listener: () => void): void;
  close(): void;
}
interface KeyRangeStatics {
  lowerBound(bound: number, open?: boolean): unknown;
  upperBound(bound: number, open?: boolean): unknown;
}

/**
 * A {@link Storage} on IndexedDB: one database per `name`, one object store per {@link StoreName}
 * (out-of-line string keys) and an auto-increment store per {@link LogName}.
 *
 * @remarks
 * The database opens on first use. Two instances with the same factory and name share their data:
 * that is how a reload or a new tab finds the outbox and drafts of the last one. When another tab
 * upgrades the schema, this connection closes and reopens on the next call. Every failure rejects
 * with `storage.failed`, naming the database, store and operation, with the original error as
 * `cause`; so does every call when no factory is given and `globalThis.indexedDB` is missing.
 *
 * @param name - database name, e.g. `dialkit` (use one per agent or per test).
 * @param options - the IndexedDB factory to use.
 * @example
 * ```ts
 * const storage = indexedDbStorage('dialkit');                       // the browser's IndexedDB
 * const test = indexedDbStorage('t', { indexedDB: new IDBFactory() }); // fake-indexeddb in Node
 * await storage.put('drafts', 'c-1', { notes: 'asked for a brochure' });
 * ```
 */
export function indexedDbStorage(name: string, options: IndexedDbStorageOptions = {}): Storage {
  const factory = options.indexedDB ?? (globalThis as { indexedDB?: IndexedDbFactory }).indexedDB;
  let connection: Promise<Db> | undefined;
  let closed = false;

  const fail = (where: string, operation: string, cause: unknown): DialkitError => {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return new DialkitError('storage.failed', `IndexedDB storage '${name}' could not ${operation} in '${where}': ${reason}`, { cause });
  };

  const open = async (): Promise<Db> => {
    if (factory === undefined) throw new Error('IndexedDB is not available (no globalThis.indexedDB and no factory given)');
    if (typeof (globalThis as { IDBRequest?: unknown }).IDBRequest !== 'function') {
      throw new Error("IndexedDB is not available: the IDB interfaces are not globals (in Node, import 'fake-indexeddb/auto')");
    }
    const request = factory.open(name, SCHEMA_VERSION) as OpenRequest;
    request.addEventListener('upgradeneeded', () => {
      const db = wrap(request.result as never) as unknown as Db;
      for (const store of Object.keys(KEY_VALUE_STORES) as StoreName[]) {
        if (!db.objectStoreNames.contains(store)) db.createObjectStore(store);
      }
      for (const log of Object.keys(LOGS) as LogName[]) {
        if (!db.objectStoreNames.contains(log)) db.createObjectStore(log, { autoIncrement: true });
      }
    });
    const db = await (wrap(request as never) as unknown as Promise<Db>);
    const native = db as unknown as NativeDatabase;
    const self = connection; // the promise run() stored for this open
    const drop = (): void => {
      if (connection === self) connection = undefined;
    };
    // Another tab wants a newer schema: let it, and reopen on our next call.
    native.addEventListener('versionchange', () => {
      native.close();
      drop();
    });
    // The browser closed the connection abnormally (storage cleared, disk error).
    native.addEventListener('close', drop);
    return db;
  };

  /** Runs `work` on the open database, turning any error into `storage.failed`. */
  const run = async <R>(where: StoreName | LogName, operation: string, work: (db: Db) => Promise<R>): Promise<R> => {
    try {
      if (closed) throw new Error('the storage is closed');
      connection ??= open();
      const pending = connection;
      let db: Db;
      try {
        db = await pending;
      } catch (e) {
        if (connection === pending) connection = undefined; // let the next call try again
        throw e;
      }
      return await work(db);
    } catch (e) {
      throw fail(where, operation, e);
    }
  };

  const keyRange = (): KeyRangeStatics => {
    const statics = (globalThis as { IDBKeyRange?: KeyRangeStatics }).IDBKeyRange;
    if (statics === undefined) throw new Error('IDBKeyRange is not available');
    return statics;
  };

  return {
    get<T>(store: StoreName, key: string) {
      return run(store, `get '${key}'`, async (db) => (await db.get(store, key)) as T | undefined);
    },
    put<T>(store: StoreName, key: string, value: T) {
      return run(store, `put '${key}'`, async (db) => {
        await db.put(store, value, key);
      });
    },
    delete(store: StoreName, key: string) {
      return run(store, `delete '${key}'`, (db) => db.delete(store, key));
    },
    entries<T>(store: StoreName) {
      return run(store, 'read entries', async (db) => {
        const tx = db.transaction(store, 'readonly');
        // Both lists come in key order from one transaction, so they line up.
        const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
        return keys.map((key, i) => [key, values[i] as T] as const);
      });
    },
    append<T>(log: LogName, values: readonly T[]) {
      return run(log, `append ${values.length} value(s)`, async (db) => {
        if (values.length === 0) return 0;
        const tx = db.transaction(log, 'readwrite');
        // Every add is queued before the first await: the transaction must not auto-commit between them.
        const adds: Array<Promise<number>> = [];
        try {
          for (const value of values) adds.push(tx.store.add(value));
        } catch (e) {
          // A value that cannot be cloned throws at once; the adds before it must not commit.
          for (const p of [...adds, tx.done]) p.catch(() => undefined);
          (tx as unknown as { abort(): void }).abort();
          throw e;
        }
        const [seqs] = await Promise.all([Promise.all(adds), tx.done]);
        return seqs[seqs.length - 1] ?? 0;
      });
    },
    read<T>(log: LogName, afterSeq = 0) {
      return run(log, `read after ${afterSeq}`, async (db) => {
        const tx = db.transaction(log, 'readonly');
        const range = keyRange().lowerBound(afterSeq, true);
        const [keys, values] = await Promise.all([tx.store.getAllKeys(range as never), tx.store.getAll(range as never), tx.done]);
        return keys.map((seq, i): LogEntry<T> => ({ seq, value: values[i] as T }));
      });
    },
    truncate(log: LogName, uptoSeq: number) {
      return run(log, `truncate up to ${uptoSeq}`, (db) => db.delete(log, keyRange().upperBound(uptoSeq) as never));
    },
    async close() {
      if (closed) return;
      closed = true;
      const pending = connection;
      connection = undefined;
      if (pending === undefined) return;
      try {
        ((await pending) as unknown as NativeDatabase).close();
      } catch {
        // Never opened: nothing to close.
      }
    },
  };
}
