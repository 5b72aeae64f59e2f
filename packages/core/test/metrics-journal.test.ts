import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { memoryLogger, silentLogger } from '../src/common/logger.js';
import type { DialkitEvent } from '../src/event/dialkit-event.js';
import { JournalImpl } from '../src/journal/journal-impl.js';
import type { JournalCheckpoint, JournalOptions } from '../src/journal/journal.js';
import { replayEvents, type ReplayResult } from '../src/journal/replay.js';
import { accrue, createMetricsAccumulator, metricsSnapshot, type MetricsAccumulator } from '../src/metrics/metrics-accumulator.js';
import { reduceCore } from '../src/state/core-reducer.js';
import { INITIAL_CORE_STATE, type CoreState } from '../src/state/core-state.js';
import { indexedDbStorage } from '../src/storage/indexeddb-storage.js';
import { memoryStorage } from '../src/storage/memory-storage.js';
import type { Storage } from '../src/storage/storage.js';
import { generateShift } from '../src/testing/shift-generator.js';
import { virtualTime, type VirtualTime } from '../src/testing/virtual-time.js';

/** What a console does per event: reduce, accrue, journal. */
function drive(journal: JournalImpl, events: readonly DialkitEvent[], time: VirtualTime, from?: ReplayResult): { state: CoreState; acc: MetricsAccumulator } {
  let state = from?.state ?? INITIAL_CORE_STATE;
  const acc = from?.acc ?? createMetricsAccumulator();
  for (const event of events) {
    const next = reduceCore(state, event);
    accrue(acc, state, next, event, time.clock.startOfDay);
    state = next;
    journal.append(event, state, acc);
  }
  return { state, acc };
}
function journalOn(storage: Storage, time: VirtualTime, options: Partial<JournalOptions> = {}): JournalImpl {
  return new JournalImpl({ storage, scheduler: time.scheduler, clock: time.clock, logger: silentLogger, ...options });
}
/** A storage whose appends fail `failures` times first; every method is a spy. */
function flakyStorage(failures = 0): Storage & { appendSpy: ReturnType<typeof vi.fn> } {
  const inner = memoryStorage();
  let left = failures;
  const appendSpy = vi.fn(<T>(log: 'journal', values: readonly T[]) =>
    left-- > 0 ? Promise.reject(new Error('quota exceeded')) : inner.append(log, values));
  return { ...inner, append: appendSpy, appendSpy };
}

describe('Journal', () => {
  it('after 1,000 calls, a reload restoring from IndexedDB computes exactly what a full replay does', async () => {
    const factory = new IDBFactory();
    const time = virtualTime();
    const events = generateShift({ seed: 21, calls: 1000, startAt: time.now() });
    const before = journalOn(indexedDbStorage('dialkit', { indexedDB: factory }), time);
    let live: ReplayResult | undefined;
    for (let i = 0; i < events.length; i += 700) {
      live = drive(before, events.slice(i, i + 700), time, live);
      await before.flush();
    }
    before.dispose(); // a crash: no close, no last words
    const storage = indexedDbStorage('dialkit', { indexedDB: factory });
    const after = journalOn(storage, time);
    const restored = await after.restore();
    const full = replayEvents(events, time.clock.startOfDay);
    const now = (full.acc.lastAt ?? 0) + 5000;
    expect(restored.state).toEqual(full.state);
    expect(restored.acc).toEqual(full.acc);
    expect(metricsSnapshot(restored.acc, restored.state, now, time.clock.startOfDay)).toEqual(metricsSnapshot(full.acc, full.state, now, time.clock.startOfDay));
    expect(restored.events).toBeLessThan(500 + 700); // from the checkpoint, not from the start
    // The log was truncated, yet keeps at least the whole of the last working day.
    const kept = (await storage.read<DialkitEvent>('journal')).map((e) => e.value);
    expect(kept.length).toBeLessThan(events.length);
    expect(kept).toEqual(events.slice(events.length - kept.length));
    const lastDay = time.clock.startOfDay(events.at(-1)?.at ?? 0);
    expect(kept[0]?.at).toBeLessThan(lastDay);
    after.dispose();
  }, 60_000);

  it('a checkpoint plus the tail after it equals a full replay, wherever the split', async () => {
    const time = virtualTime();
    const events = generateShift({ seed: 4, calls: 60, startAt: time.now() });
    for (const k of [0, 1, 17, 100, Math.floor(events.length / 2), events.length - 1, events.length]) {
      const head = replayEvents(events.slice(0, k), time.clock.startOfDay);
      const headAcc = structuredClone(head.acc);
      expect(replayEvents(events.slice(k), time.clock.startOfDay, head)).toEqual(replayEvents(events, time.clock.startOfDay));
      expect(head.acc).toEqual(headAcc); // the starting point is not changed
    }
    const storage = memoryStorage();
    const journal = journalOn(storage, time, { checkpointEvery: 100 });
    drive(journal, events, time);
    await journal.flush();
    const checkpoint = await storage.get<JournalCheckpoint>('checkpoints', 'latest');
    expect(checkpoint?.seq).toBe(events.length);
    const more = generateShift({ seed: 5, calls: 3, startAt: (events.at(-1)?.at ?? 0) + 3_600_000 });
    drive(journal, more, time, replayEvents(events, time.clock.startOfDay));
    await journal.flush();
    const restored = await journalOn(storage, time).restore();
    expect(restored.events).toBe(more.length);
    expect({ state: restored.state, acc: restored.acc }).toEqual(replayEvents([...events, ...more], time.clock.startOfDay));
  });

  it('a checkpoint of another format is ignored with a warning: the log is replayed from its start', async () => {
    const time = virtualTime();
    const storage = memoryStorage();
    const events = generateShift({ seed: 6, calls: 20, startAt: time.now() });
    const journal = journalOn(storage, time, { checkpointEvery: 10 });
    drive(journal, events, time);
    await journal.flush();
    const checkpoint = await storage.get<JournalCheckpoint>('checkpoints', 'latest');
    await storage.put('checkpoints', 'latest', { ...checkpoint, acc: { ...checkpoint?.acc, version: 0 } });
    const logger = memoryLogger();
    const restored = await journalOn(storage, time, { logger }).restore();
    expect(restored.events).toBe(events.length);
    expect({ state: restored.state, acc: restored.acc }).toEqual(replayEvents(events, time.clock.startOfDay));
    expect(logger.entries.map((e) => e.level)).toContain('warn');
  });

  it('keeps at most memoryLimit events in memory, the most recent, in order; persist: false touches no storage', async () => {
    const time = virtualTime();
    const storage = flakyStorage();
    const journal = journalOn(storage, time, { memoryLimit: 100, persist: false });
    const events = generateShift({ seed: 8, calls: 150, startAt: time.now() });
    drive(journal, events, time);
    expect(journal.recent()).toEqual(events.slice(-100));
    await journal.flush();
    await time.advance(120_000);
    expect(storage.appendSpy).not.toHaveBeenCalled();
    expect(await storage.entries('meta')).toEqual([]);
    expect((await journal.restore()).events).toBe(0);
    expect(await journal.closedGap()).toBeUndefined();
  });

  it('writes behind: one batch per flush delay, however many events arrived', async () => {
    const time = virtualTime();
    const storage = flakyStorage();
    const journal = journalOn(storage, time);
    drive(journal, generateShift({ seed: 1, calls: 2, startAt: time.now() }).slice(0, 10), time);
    await time.advance(249);
    expect(storage.appendSpy).not.toHaveBeenCalled();
    await time.advance(1);
    expect(storage.appendSpy).toHaveBeenCalledTimes(1);
    expect(storage.appendSpy.mock.calls[0]?.[1]).toHaveLength(10);
    journal.dispose();
  });

  it('a failing storage is logged, reported and retried with backoff; nothing is lost or duplicated', async () => {
    const time = virtualTime();
    const storage = flakyStorage(2);
    const logger = memoryLogger();
    const onError = vi.fn();
    const journal = journalOn(storage, time, { logger, onError });
    const events = generateShift({ seed: 2, calls: 3, startAt: time.now() });
    drive(journal, events.slice(0, 5), time);
    await time.advance(250);
    expect(onError).toHaveBeenCalledTimes(1);
    drive(journal, events.slice(5, 8), time, replayEvents(events.slice(0, 5), time.clock.startOfDay));
    await time.advance(500);
    expect(onError).toHaveBeenCalledTimes(2);
    await time.advance(1000);
    expect(logger.entries.filter((e) => e.level === 'warn')).toHaveLength(2);
    expect((await storage.read<DialkitEvent>('journal')).map((e) => e.value)).toEqual(events.slice(0, 8));
    journal.dispose();
  });

  it('a reload after the console was closed: the heartbeat says when, and that gap is offline time', async () => {
    const time = virtualTime();
    const storage = memoryStorage();
    const before = journalOn(storage, time);
    const t0 = time.now();
    drive(before, [{ type: 'agent.logged-in', at: t0, agentId: 'ana', name: 'Ana' }, { type: 'agent.ready', at: t0 }], time);
    await time.advance(65_000); // flushed at 250 ms, heartbeats at 30 s and 60 s
    before.dispose(); // the tab is closed
    await time.advance(600_000);
    const after = journalOn(storage, time);
    const restored = await after.restore();
    const gap = await after.closedGap();
    expect(gap).toBe(t0 + 60_000);
    const resumed = drive(after, [{ type: 'console.closed', at: gap ?? 0 }, { type: 'console.started', at: time.now() }], time, restored);
    const stats = metricsSnapshot(resumed.acc, resumed.state, time.now() + 1000, time.clock.startOfDay);
    expect(stats.session.availableTime).toBe(61_000);
    expect(stats.session.loginTime).toBe(61_000);
    expect(after.recent().map((e) => e.type)).toEqual(['agent.logged-in', 'agent.ready', 'console.closed', 'console.started']);
    after.dispose();
    expect(await journalOn(memoryStorage(), time).closedGap()).toBeUndefined(); // a first run has no gap
  });
});
