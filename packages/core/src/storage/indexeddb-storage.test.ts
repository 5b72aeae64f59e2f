import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { indexedDbStorage } from './indexeddb-storage.js';

describe('indexedDbStorage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('a second instance on the same factory and name sees the first one\'s data (a reload)', async () => {
    const factory = new IDBFactory();
    const before = indexedDbStorage('dialkit', { indexedDB: factory });
    await before.put('outbox', 'k-1', { code: 'SALE' });
    await before.append('journal', ['e1', 'e2']);
    // The first instance is abandoned, not closed: a crash leaves its connection open.
    const after = indexedDbStorage('dialkit', { indexedDB: factory });
    expect(await after.entries('outbox')).toEqual([['k-1', { code: 'SALE' }]]);
    expect(await after.read('journal')).toEqual([{ seq: 1, value: 'e1' }, { seq: 2, value: 'e2' }]);
    expect(await after.append('journal', ['e3'])).toBe(3);
    await after.put('drafts', 'c-1', 'typed after reload');
    expect(await before.get('drafts', 'c-1')).toBe('typed after reload');
  });

  it('keeps databases of different names apart', async () => {
    const factory = new IDBFactory();
    await indexedDbStorage('agent-ana', { indexedDB: factory }).put('settings', 'locale', 'es');
    expect(await indexedDbStorage('agent-bo', { indexedDB: factory }).get('settings', 'locale')).toBeUndefined();
  });

  it('opens the global indexedDB when no factory is given', async () => {
    vi.stubGlobal('indexedDB', new IDBFactory());
    const s = indexedDbStorage('global');
    await s.put('settings', 'k', 'v');
    expect(await indexedDbStorage('global').get('settings', 'k')).toBe('v');
  });

  it('rejects with storage.failed saying IndexedDB is not available when there is no global indexedDB', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const s = indexedDbStorage('nowhere');
    await expect(s.get('settings', 'k')).rejects.toMatchObject({
      code: 'storage.failed',
      message: expect.stringMatching(/IndexedDB is not available/),
    });
  });

  it('rejects with storage.failed saying how to fix it when the IDB interfaces idb needs are not globals', async () => {
    vi.stubGlobal('IDBRequest', undefined);
    const s = indexedDbStorage('no-globals', { indexedDB: new IDBFactory() });
    await expect(s.put('settings', 'k', 1)).rejects.toMatchObject({
      code: 'storage.failed',
      message: expect.stringMatching(/fake-indexeddb\/auto/),
    });
  });

  it('rejects with storage.failed naming the store when the database cannot be opened', async () => {
    const factory = new IDBFactory();
    // A newer schema from a later release already exists: opening at our version fails.
    await new Promise<void>((resolve, reject) => {
      const request = factory.open('future', 99);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(new Error('setup failed'));
    });
    const s = indexedDbStorage('future', { indexedDB: factory });
    const error: unknown = await s.get('outbox', 'k').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'storage.failed', message: expect.stringMatching(/'future'.*get 'k' in 'outbox'/) });
    expect((error as Error).cause).toBeDefined();
  });

  it('gives way to another tab that upgrades the schema, and reopens on the next call', async () => {
    const factory = new IDBFactory();
    const s = indexedDbStorage('shared', { indexedDB: factory });
    await s.put('settings', 'k', 'v');
    await new Promise<void>((resolve, reject) => {
      const request = factory.open('shared', 2);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(new Error('upgrade was blocked'));
    });
    // Our version (1) is now older than the database: the next call fails cleanly, it does not hang.
    await expect(s.get('settings', 'k')).rejects.toMatchObject({ code: 'storage.failed' });
  });
});
