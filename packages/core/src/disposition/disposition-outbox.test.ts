import { VirtualTimeScheduler } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { DispositionsPort } from '../backend/ports.js';
import { DialkitError } from '../common/errors.js';
import { memoryLogger } from '../common/logger.js';
import { memoryStorage } from '../storage/memory-storage.js';
import type { Storage } from '../storage/storage.js';
import { DispositionOutboxImpl, type DispositionOutboxOptions } from './disposition-outbox.js';
import type { DispositionRecord } from './disposition-record.js';

/** Lets every promise callback that is ready run (no timers involved). */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const record = (key = 'c-1:1', callId = 'c-1'): DispositionRecord => ({
  key, callId, campaignId: 'spring-sale', leadId: 'lead-7', agentId: 'ana', code: 'SALE', successful: true,
  notes: 'wants premium', fields: { amount: '120' }, callback: undefined, submittedAt: 0,
});

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((res) => (resolve = res));
  return { promise, resolve };
}

/**
 * An outbox on virtual time and memory storage, with a backend whose answer to each submit the
 * test decides (`answer(n)` for the n-th); `calls` records when (virtual ms) each submit came.
 */
function setup(answer: (n: number) => Promise<void>, over: Partial<DispositionOutboxOptions> = {}) {
  const scheduler = new VirtualTimeScheduler();
  const storage = over.storage ?? memoryStorage();
  const logger = memoryLogger();
  const calls: Array<{ key: string; at: number }> = [];
  const bindings: { dispositions: DispositionsPort | undefined } = {
    dispositions: {
      submit(r) {
        calls.push({ key: r.key, at: scheduler.now() });
        return answer(calls.length);
      },
    },
  };
  const outbox = new DispositionOutboxImpl({ storage, port: () => bindings.dispositions, scheduler, logger, ...over });
  return { scheduler, storage, logger, outbox, calls, bindings };
}

const down = (): Promise<void> => Promise.reject(new Error('503 Service Unavailable'));
const ok = (): Promise<void> => Promise.resolve();

describe('DispositionOutboxImpl', () => {
  it('enqueue resolves only once the record is in the outbox store, and sends only after that', async () => {
    const inner = memoryStorage();
    const put = deferred();
    const slowStorage: Storage = { ...inner, put: (s, k, v) => put.promise.then(() => inner.put(s, k, v)) };
    const { outbox, calls } = setup(ok, { storage: slowStorage });

    let enqueued = false;
    const done = outbox.enqueue(record()).then(() => (enqueued = true));
    await settle();
    expect(enqueued).toBe(false);
    expect(calls).toEqual([]);
    expect(await inner.get('outbox', 'c-1:1')).toBeUndefined();

    put.resolve();
    await done;
    expect(enqueued).toBe(true);
    await settle();
    expect(calls.map((c) => c.key)).toEqual(['c-1:1']);
  });

  it('keeps the record in storage until the backend acknowledges, then deletes it', async () => {
    const ack = deferred();
    const { outbox, storage } = setup(() => ack.promise);

    await outbox.enqueue(record());
    await settle();
    expect(await storage.get('outbox', 'c-1:1')).toEqual(record());
    expect(outbox.pending).toEqual([record()]);

    ack.resolve();
    await settle();
    expect(await storage.get('outbox', 'c-1:1')).toBeUndefined();
    expect(outbox.pending).toEqual([]);
  });

  it('a backend that keeps failing is retried after 1s, 2s, 4s … up to 60s apart, never giving up', async () => {
    const { outbox, storage, scheduler, calls } = setup(down);

    await outbox.enqueue(record());
    for (let i = 0; i < 9; i++) {
      await settle();
      scheduler.flush(); // runs the one retry that is due
    }
    await settle();
    expect(calls.map((c) => c.at)).toEqual([0, 1_000, 3_000, 7_000, 15_000, 31_000, 63_000, 123_000, 183_000, 243_000]);
    expect(outbox.attempts('c-1:1')).toBe(10);
    expect(await storage.get('outbox', 'c-1:1')).toEqual(record());
    expect(outbox.pending).toHaveLength(1);
    outbox.dispose();
  });

  it('a failed try keeps the record, and the next successful retry removes it', async () => {
    const { outbox, storage, scheduler, calls } = setup((n) => (n === 1 ? down() : ok()), { backoff: { initialMs: 250 } });

    await outbox.enqueue(record());
    await settle();
    expect(await storage.entries('outbox')).toHaveLength(1);
    scheduler.flush();
    await settle();
    expect(calls.map((c) => c.at)).toEqual([0, 250]);
    expect(await storage.entries('outbox')).toEqual([]);
    expect(outbox.pending).toEqual([]);
  });

  it('reports only the first failure of each record to onError, as disposition.send-failed', async () => {
    const errors: Array<{ error: DialkitError; key: string }> = [];
    const { outbox, scheduler } = setup(down, { onError: (error, r) => errors.push({ error, key: r.key }) });

    await outbox.enqueue(record('k-1'));
    await outbox.enqueue(record('k-2', 'c-2'));
    for (let i = 0; i < 3; i++) {
      await settle();
      scheduler.flush();
    }
    expect(errors.map((e) => e.key)).toEqual(['k-1', 'k-2']);
    expect(errors[0]?.error).toBeInstanceOf(DialkitError);
    expect(errors[0]?.error.code).toBe('disposition.send-failed');
    expect(errors[0]?.error.message).toMatch(/'k-1'.*'c-1'.*503/);
    outbox.dispose();
  });

  it('sends one try per record at a time: flush during a try in flight does not send again', async () => {
    const ack = deferred();
    const { outbox, calls } = setup(() => ack.promise);

    await outbox.enqueue(record());
    await outbox.enqueue(record()); // the same key again
    const flushed = outbox.flush();
    await settle();
    expect(calls).toHaveLength(1);
    ack.resolve();
    await flushed;
    expect(outbox.pending).toEqual([]);
  });

  it('flush sends a waiting record at once instead of waiting for its backoff', async () => {
    const { outbox, scheduler, calls } = setup((n) => (n === 1 ? down() : ok()));

    await outbox.enqueue(record());
    await settle();
    await outbox.flush();
    expect(calls.map((c) => c.at)).toEqual([0, 0]);
    expect(outbox.pending).toEqual([]);
    scheduler.flush(); // the cancelled retry does not fire
    expect(calls).toHaveLength(2);
  });

  it('with no backend bound, a try fails and is retried until one is', async () => {
    const errors: string[] = [];
    const { outbox, scheduler, calls, bindings } = setup(ok, { onError: (e) => errors.push(String((e.cause as DialkitError).code)) });
    const bound = bindings.dispositions;
    bindings.dispositions = undefined;

    await outbox.enqueue(record());
    await settle();
    expect(errors).toEqual(['backend.port-missing']);
    bindings.dispositions = bound;
    scheduler.flush();
    await settle();
    expect(calls.map((c) => c.at)).toEqual([1_000]);
    expect(outbox.attempts('c-1:1')).toBe(2);
    expect(outbox.pending).toEqual([]);
  });

  it('survives a backend that throws synchronously, and a throwing onError', async () => {
    const boom = (): Promise<void> => {
      throw new Error('boom');
    };
    const { outbox, logger, scheduler } = setup(boom, { onError: () => { throw new Error('bad callback'); } });

    await outbox.enqueue(record());
    await settle();
    scheduler.flush();
    await settle();
    expect(outbox.attempts('c-1:1')).toBe(2);
    expect(logger.entries.some((e) => e.message.includes('onError callback threw'))).toBe(true);
    outbox.dispose();
  });

  it('start() sends every record an earlier outbox left in storage', async () => {
    const storage = memoryStorage();
    await storage.put('outbox', 'b', { ...record('b', 'c-2'), submittedAt: 20 });
    await storage.put('outbox', 'a', { ...record('a', 'c-1'), submittedAt: 10 });
    const ack = deferred();
    const { outbox, calls } = setup(() => ack.promise, { storage });

    await outbox.start();
    expect(outbox.pending.map((r) => r.key)).toEqual(['a', 'b']);
    await settle();
    expect(calls.map((c) => c.key)).toEqual(['a', 'b']);
    ack.resolve();
    await outbox.flush();
    expect(await storage.entries('outbox')).toEqual([]);
  });

  it('dispose stops the retries: nothing is sent afterwards', async () => {
    const { outbox, storage, scheduler, calls } = setup(down);

    await outbox.enqueue(record());
    await settle();
    outbox.dispose();
    scheduler.flush();
    await outbox.flush();
    await settle();
    expect(calls).toHaveLength(1);
    expect(await storage.entries('outbox')).toHaveLength(1); // still there for the next start()
  });

  it('pending$ replays the latest list to a late subscriber', async () => {
    const ack = deferred();
    const { outbox } = setup(() => ack.promise);
    await outbox.enqueue(record());

    const seen: string[][] = [];
    const sub = outbox.pending$.subscribe((list) => seen.push(list.map((r) => r.key)));
    ack.resolve();
    await settle();
    sub.unsubscribe();
    expect(seen).toEqual([['c-1:1'], []]);
  });

  it('enqueue rejects with storage.failed when the record cannot be stored, and sends nothing', async () => {
    const storage = memoryStorage();
    await storage.close();
    const { outbox, calls } = setup(ok, { storage });

    await expect(outbox.enqueue(record())).rejects.toMatchObject({ code: 'storage.failed' });
    await settle();
    expect(calls).toEqual([]);
    expect(outbox.pending).toEqual([]);
  });
});
