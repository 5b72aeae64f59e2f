import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { isDialkitError } from '../common/errors.js';
import { indexedDbStorage } from './indexeddb-storage.js';
import { memoryStorage } from './memory-storage.js';
import type { Storage } from './storage.js';

/** The behaviour every {@link Storage} implementation must have. */
const implementations: ReadonlyArray<readonly [string, () => Storage]> = [
  ['memoryStorage', () => memoryStorage()],
  ['indexedDbStorage (fake-indexeddb)', () => indexedDbStorage('contract', { indexedDB: new IDBFactory() })],
];

describe.each(implementations)('Storage contract: %s', (_name, create) => {
  describe('key-value stores', () => {
    it('gives back what was put, and undefined for a key never put', async () => {
      const s = create();
      await s.put('settings', 'locale', { lang: 'es', rtl: false });
      expect(await s.get('settings', 'locale')).toEqual({ lang: 'es', rtl: false });
      expect(await s.get('settings', 'missing')).toBeUndefined();
    });

    it('replaces the value on a second put of the same key', async () => {
      const s = create();
      await s.put('drafts', 'c-1', 'first');
      await s.put('drafts', 'c-1', 'second');
      expect(await s.get('drafts', 'c-1')).toBe('second');
      expect(await s.entries('drafts')).toEqual([['c-1', 'second']]);
    });

    it('deletes a key, and deleting an absent key is no error', async () => {
      const s = create();
      await s.put('outbox', 'k1', 1);
      await s.delete('outbox', 'k1');
      await s.delete('outbox', 'never-there');
      expect(await s.get('outbox', 'k1')).toBeUndefined();
    });

    it('lists entries in key order, whatever the order they were put in', async () => {
      const s = create();
      for (const key of ['b', 'a10', 'C', 'a2', 'a']) await s.put('meta', key, key.toUpperCase());
      const entries = await s.entries<string>('meta');
      expect(entries.map(([k]) => k)).toEqual(['C', 'a', 'a10', 'a2', 'b']);
      expect(entries.map(([, v]) => v)).toEqual(['C', 'A', 'A10', 'A2', 'B']);
    });

    it('keeps stores apart: the same key in two stores holds two values', async () => {
      const s = create();
      await s.put('outbox', 'k', 'in outbox');
      await s.put('drafts', 'k', 'in drafts');
      expect(await s.get('outbox', 'k')).toBe('in outbox');
      expect(await s.entries('checkpoints')).toEqual([]);
    });

    it('stores a copy: changing the object after put, or the object read, changes nothing stored', async () => {
      const s = create();
      const value = { notes: 'original', fields: { amount: '10' } };
      await s.put('drafts', 'c-1', value);
      value.notes = 'changed after put';
      value.fields.amount = '99';
      const read = await s.get<typeof value>('drafts', 'c-1');
      expect(read).toEqual({ notes: 'original', fields: { amount: '10' } });
      if (read !== undefined) read.notes = 'changed after get';
      expect(await s.get('drafts', 'c-1')).toEqual({ notes: 'original', fields: { amount: '10' } });
    });

    it('rejects a value that cannot be cloned with storage.failed naming the store and operation', async () => {
      const s = create();
      const error: unknown = await s.put('outbox', 'k', { fn: () => 1 }).catch((e: unknown) => e);
      expect(isDialkitError(error, 'storage.failed')).toBe(true);
      expect((error as Error).message).toMatch(/put 'k' in 'outbox'/);
      expect((error as Error).cause).toBeDefined();
      expect(await s.get('outbox', 'k')).toBeUndefined();
    });
  });

  describe('logs', () => {
    it('numbers appended values from 1 upwards and resolves with the last number', async () => {
      const s = create();
      expect(await s.append('journal', ['a', 'b', 'c'])).toBe(3);
      expect(await s.append('journal', ['d'])).toBe(4);
      expect(await s.read('journal')).toEqual([
        { seq: 1, value: 'a' }, { seq: 2, value: 'b' }, { seq: 3, value: 'c' }, { seq: 4, value: 'd' },
      ]);
    });

    it('resolves 0 when appending nothing, and appends nothing', async () => {
      const s = create();
      expect(await s.append('journal', [])).toBe(0);
      expect(await s.read('journal')).toEqual([]);
    });

    it('reads only the entries after a given sequence number', async () => {
      const s = create();
      await s.append('journal', [10, 20, 30, 40]);
      expect(await s.read('journal', 2)).toEqual([{ seq: 3, value: 30 }, { seq: 4, value: 40 }]);
      expect(await s.read('journal', 4)).toEqual([]);
    });

    it('truncates up to a sequence number and never reuses a number afterwards', async () => {
      const s = create();
      await s.append('journal', ['a', 'b', 'c']);
      await s.truncate('journal', 2);
      expect(await s.read('journal')).toEqual([{ seq: 3, value: 'c' }]);
      await s.truncate('journal', 3);
      expect(await s.read('journal')).toEqual([]);
      expect(await s.append('journal', ['d'])).toBe(4);
      expect(await s.read('journal')).toEqual([{ seq: 4, value: 'd' }]);
    });

    it('appends all or nothing: one value that cannot be cloned leaves the log unchanged', async () => {
      const s = create();
      await s.append('journal', ['kept']);
      const error: unknown = await s.append('journal', ['x', () => 1]).catch((e: unknown) => e);
      expect(isDialkitError(error, 'storage.failed')).toBe(true);
      expect((error as Error).message).toMatch(/append.*'journal'/);
      expect(await s.read('journal')).toEqual([{ seq: 1, value: 'kept' }]);
    });

    it('stores copies of appended values', async () => {
      const s = create();
      const event = { type: 'call.connected', callId: 'c-1' };
      await s.append('journal', [event]);
      event.callId = 'changed';
      expect(await s.read('journal')).toEqual([{ seq: 1, value: { type: 'call.connected', callId: 'c-1' } }]);
    });
  });

  it('rejects every call after close with storage.failed', async () => {
    const s = create();
    await s.put('settings', 'k', 1);
    await s.close();
    await s.close(); // twice is harmless
    await expect(s.get('settings', 'k')).rejects.toMatchObject({ code: 'storage.failed', message: expect.stringMatching(/closed/) });
    await expect(s.append('journal', [1])).rejects.toMatchObject({ code: 'storage.failed' });
  });
});
