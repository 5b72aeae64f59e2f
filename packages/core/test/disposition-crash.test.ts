import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { VirtualTimeScheduler } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { DispositionsPort } from '../src/backend/ports.js';
import type { Call } from '../src/call/call-state.js';
import type { Campaign } from '../src/campaign/campaign.js';
import { memoryLogger } from '../src/common/logger.js';
import { DispositionOutboxImpl } from '../src/disposition/disposition-outbox.js';
import type { DispositionRecord } from '../src/disposition/disposition-record.js';
import { validateDisposition } from '../src/disposition/validate-disposition.js';
import { WrapUpDraftsImpl } from '../src/disposition/wrap-up-drafts.js';
import { indexedDbStorage, type IndexedDbFactory } from '../src/storage/indexeddb-storage.js';
import type { Storage } from '../src/storage/storage.js';

const DB = 'dialkit-test';

/**
 * A dialer's dispositions API: stores a record once per idempotency key, counts every attempt,
 * and acknowledges only while `acknowledging` is on (otherwise the request hangs forever, as when
 * the console dies before the response arrives).
 */
class FakeDispositionsBackend implements DispositionsPort {
  readonly stored = new Map<string, DispositionRecord>();
  attempts = 0;
  acknowledging = true;
  private readonly waiting: Array<{ count: number; resolve: () => void }> = [];

  submit(record: DispositionRecord): Promise<void> {
    this.attempts += 1;
    if (!this.stored.has(record.key)) this.stored.set(record.key, structuredClone(record));
    for (const w of this.waiting.filter((x) => this.attempts >= x.count)) w.resolve();
    return this.acknowledging ? Promise.resolve() : new Promise<void>(() => undefined);
  }

  /** Resolves once `count` attempts have reached the backend. */
  received(count: number): Promise<void> {
    if (this.attempts >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push({ count, resolve }));
  }
}

const campaign: Campaign = {
  id: 'spring-sale', name: 'Spring sale', dialMethod: 'predictive', afterWrapUp: 'ready', allowManualDial: false,
  pauseReasons: [], transferTargets: [], dispositionFields: [{ id: 'amount', label: 'Amount', type: 'number' }],
  dispositions: [{ code: 'SALE', label: 'Sale', category: 'contact', successful: true, requires: ['amount', 'notes'] }],
};

const call: Call = {
  id: 'c-1', line: 1, status: { kind: 'ended', cause: 'remoteHangup' }, direction: 'outbound', origin: 'predictive',
  role: 'primary', consultFor: undefined, conferenceId: undefined, remoteNumber: '+34600000000', remoteName: 'Eva',
  lead: undefined, leadId: 'lead-7', campaignId: 'spring-sale', muted: false, recording: false, needsDisposition: true,
  createdAt: 0, connectedAt: 1_000, endedAt: 60_000,
};

/** One console's worth of persistence: a fresh connection to the shared database, as after a reload. */
function bootConsole(factory: IndexedDbFactory, port: DispositionsPort) {
  const scheduler = new VirtualTimeScheduler();
  const storage = indexedDbStorage(DB, { indexedDB: factory });
  const outbox = new DispositionOutboxImpl({ storage, port: () => port, scheduler, logger: memoryLogger() });
  return { scheduler, storage, outbox };
}

describe('a console that crashes during wrap-up loses nothing', () => {
  it('a disposition sent but never acknowledged before the crash is resent once, and stored once', async () => {
    const factory = new IDBFactory();
    const backend = new FakeDispositionsBackend();
    backend.acknowledging = false;

    const a = bootConsole(factory, backend);
    await a.outbox.start();
    const record = validateDisposition(
      { code: 'SALE', notes: 'Wants the yearly plan', fields: { amount: '120' } },
      { call, campaign, agentId: 'ana', now: 61_000, key: 'c-1:ana:1' },
    );
    await a.outbox.enqueue(record);
    await backend.received(1); // the backend has it, but its acknowledgement never comes back

    // Crash: the outbox stops, its IndexedDB connection is abandoned, never closed.
    a.outbox.dispose();
    backend.acknowledging = true;

    const b = bootConsole(factory, backend);
    await b.outbox.start();
    await b.outbox.flush(); // settles the resend that start() began

    expect(backend.attempts).toBeGreaterThanOrEqual(2);
    expect(backend.stored.size).toBe(1);
    expect(backend.stored.get('c-1:ana:1')).toEqual(record);
    expect(b.outbox.pending).toEqual([]);
    expect(await b.storage.entries('outbox')).toEqual([]);
    expect(await indexedDbStorage(DB, { indexedDB: factory }).entries('outbox')).toEqual([]);
  });

  it('a disposition that never reached a backend that was down is sent after the restart', async () => {
    const factory = new IDBFactory();
    const backend = new FakeDispositionsBackend();
    const down: DispositionsPort = { submit: () => Promise.reject(new Error('ECONNREFUSED')) };

    const a = bootConsole(factory, down);
    const record = validateDisposition({ code: 'SALE', notes: 'Yes', fields: { amount: '9' } }, {
      call, campaign, agentId: 'ana', now: 61_000, key: 'c-1:ana:1',
    });
    await a.outbox.enqueue(record);
    await a.outbox.flush();
    expect(a.outbox.attempts('c-1:ana:1')).toBeGreaterThanOrEqual(1);
    a.outbox.dispose(); // crash with a retry still scheduled

    const b = bootConsole(factory, backend);
    await b.outbox.start();
    await b.outbox.flush();
    expect(backend.attempts).toBe(1);
    expect([...backend.stored.keys()]).toEqual(['c-1:ana:1']);
    expect(await b.storage.entries('outbox')).toEqual([]);
  });

  it('a draft typed before the crash is restored by the next console', async () => {
    const factory = new IDBFactory();
    const scheduler = new VirtualTimeScheduler();
    const storageA = indexedDbStorage(DB, { indexedDB: factory });
    let saved!: () => void;
    const draftSaved = new Promise<void>((resolve) => (saved = resolve));
    const watched: Storage = {
      ...storageA,
      put: async (store, key, value) => {
        await storageA.put(store, key, value);
        if (store === 'drafts') saved();
      },
    };
    const draftsA = new WrapUpDraftsImpl({ storage: watched, scheduler });
    draftsA.save('c-1', { code: 'SALE', notes: 'Wants the yearly plan, call after 5pm', fields: { amount: '120' } });
    scheduler.flush(); // the agent stops typing: the 300 ms quiet time passes
    await draftSaved;
    // Crash: draftsA is neither flushed nor disposed, and its storage is never closed.

    const draftsB = new WrapUpDraftsImpl({ storage: indexedDbStorage(DB, { indexedDB: factory }), scheduler: new VirtualTimeScheduler() });
    expect(draftsB.get('c-1')).toBeUndefined();
    await draftsB.load();
    expect(draftsB.get('c-1')).toEqual({ code: 'SALE', notes: 'Wants the yearly plan, call after 5pm', fields: { amount: '120' } });
  });
});
