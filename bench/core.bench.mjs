// Benchmarks of @dialkit/core on its built output (packages/core/dist). Run by bench/run.mjs.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Subject, VirtualTimeScheduler } from 'rxjs';
import {
  createConsole, defineBackend, indexedDbStorage, reduceCore, replayEvents, INITIAL_CORE_STATE,
} from '../packages/core/dist/index.js';
import { generateShift, testCampaign, virtualTime } from '../packages/core/dist/testing/index.js';
import { measureBundle, peerExternals } from '../scripts/bundle-size.mjs';
import { checksum, figure, heapAfterGc, median, repeat } from './lib.mjs';

const DAY = 86_400_000;
const utcDay = (at) => Math.floor(at / DAY) * DAY;

/** A backend whose events the bench pushes, with ports that confirm and keep nothing. */
function benchBackend() {
  const events = new Subject();
  const ok = async () => undefined;
  const campaign = testCampaign();
  let n = 0;
  const module = defineBackend({
    id: 'bench',
    capabilities: ['hold', 'mute', 'dtmf', 'multiLine'],
    create: () => ({
      events$: events.asObservable(),
      ports: {
        presence: {
          login: async (c) => { events.next({ type: 'agent.logged-in', agentId: c.username, name: c.username }); return { agentId: c.username, name: c.username }; },
          logout: async () => events.next({ type: 'agent.logged-out' }),
          ready: async () => events.next({ type: 'agent.ready' }),
          pause: async (reason) => events.next({ type: 'agent.paused', reason }),
        },
        campaigns: {
          assigned: async () => [campaign],
          join: async () => { events.next({ type: 'campaign.joined', campaign: { id: campaign.id, name: campaign.name, dialMethod: campaign.dialMethod, afterWrapUp: 'ready', allowManualDial: true } }); return campaign; },
          leave: ok,
        },
        callControl: {
          dial: async () => ({ callId: `d${++n}` }), answer: ok, reject: ok, hangup: ok,
          hold: async (callId) => events.next({ type: 'call.held', callId, by: 'local' }),
          resume: async (callId) => events.next({ type: 'call.resumed', callId }),
          mute: ok, sendDtmf: ok, transferBlind: ok, completeTransfer: ok, conference: ok,
        },
        dispositions: { submit: ok },
      },
      dispose: () => undefined,
    }),
  });
  return { module, emit: (e) => events.next(e) };
}

/** A Storage that discards what it is given (for the leak test). */
function discardingStorage() {
  return {
    get: async () => undefined, put: async () => undefined, delete: async () => undefined,
    entries: async () => [], append: async (_l, v) => v.length, read: async () => [], truncate: async () => undefined, close: async () => undefined,
  };
}

/** Subscribes every public state stream of a console; returns a counter of emissions and an unsubscribe. */
function subscribeAll(d) {
  let emissions = 0;
  const bump = () => { emissions++; };
  const subs = [
    d.agent.state$, d.agent.status$, d.calls.lines$, d.calls.active$, d.campaigns.assigned$, d.campaigns.current$,
    d.campaigns.loaded$, d.dispositions.awaiting$, d.dispositions.pending$, d.dispositions.drafts$, d.metrics.snapshot$,
    d.notifications.notifications$, d.connection$, d.plugins.status$, d.i18n.locale$,
  ].map((o) => o.subscribe(bump));
  return { count: () => emissions, stop: () => subs.forEach((s) => s.unsubscribe()) };
}

/** Backend events carry no time (core stamps them): split it off once, before any clock starts. */
function splitTimes(events) {
  // eslint-disable-next-line no-unused-vars -- `at` is dropped on purpose
  return { times: events.map((e) => e.at), bodies: events.map(({ at, ...body }) => body) };
}

async function eventsThroughput(events, { times, bodies }) {
  let at = events[0].at;
  const scheduler = new VirtualTimeScheduler();
  const clock = { now: () => at, startOfDay: utcDay };
  const backend = benchBackend();
  const d = await createConsole({ backend: backend.module, scheduler, clock, journal: { persist: false } });
  const subs = subscribeAll(d);
  const t0 = performance.now();
  for (let i = 0; i < bodies.length; i++) {
    at = times[i];
    backend.emit(bodies[i]);
    // Events arrive in tasks of their own (a WebSocket message each): let the promise work they
    // started (presence sync, command settlement) run inside the measured time, every 1,024 events.
    if ((i & 1023) === 1023) await new Promise((resolve) => setImmediate(resolve));
  }
  await new Promise((resolve) => setImmediate(resolve));
  const ms = performance.now() - t0;
  const state = d.state;
  const sum = checksum({ status: state.agent.status, calls: state.calls.length, metrics: d.metrics.snapshot().session, emissions: subs.count() });
  subs.stop();
  await d.dispose();
  return { rate: events.length / (ms / 1000), sum };
}

function bareReducer(events) {
  const t0 = performance.now();
  let s = INITIAL_CORE_STATE;
  for (let i = 0; i < events.length; i++) s = reduceCore(s, events[i]);
  const ms = performance.now() - t0;
  return { rate: events.length / (ms / 1000), sum: checksum(s.agent.status) };
}

async function journalWrite(events) {
  const factory = new IDBFactory();
  const storage = indexedDbStorage(`bench-journal-${Math.random()}`, { indexedDB: factory });
  const t0 = performance.now();
  const batch = 500;
  for (let i = 0; i < events.length; i += batch) await storage.append('journal', events.slice(i, i + batch));
  const ms = performance.now() - t0;
  const n = (await storage.read('journal')).length;
  await storage.close();
  return { rate: events.length / (ms / 1000), sum: n };
}

/** The core benchmarks by name; `only` (a substring) picks some. */
export async function runCoreBench({ quick = false, only } = {}) {
  const runs = quick ? 3 : 5;
  const tasks = {
    events: async () => {
      // Events through the whole pipeline vs. a bare reducer loop, on the same seeded shift. Each
      // is measured in fresh processes, one after the other: a process's JIT decisions (and a
      // neighbour's load on a shared machine) move one process's runs together, so the figure is
      // the median of every run over three processes, each process's median printed beside it.
      const pipeline = inChildren('pipeline', 3, quick);
      const bare = inChildren('bare', 3, quick);
      const pipeRate = median(pipeline.flatMap((r) => r.rates));
      const bareRate = median(bare.flatMap((r) => r.rates));
      const perProcess = (rs) => rs.map((r) => `${Math.round(median(r.rates) / 1000)}k`);
      return [
        figure('core.events_per_s', pipeRate, 'events/s', 1_000_000, 'min', { checksum: pipeline[0].sum, events: pipeline[0].events, per_process: perProcess(pipeline) }),
        figure('core.vs_bare_reducer', pipeRate / bareRate, 'ratio', undefined, 'min', { bare_events_per_s: Math.round(bareRate), checksum: bare[0].sum, per_process: perProcess(bare) }),
      ];
    },
    journal: async () => {
      const shift = generateShift({ seed: 42, calls: 4_000, startAt: Date.UTC(2026, 2, 2, 8) }).slice(0, 20_000);
      const jw = await repeat(runs, 1, () => journalWrite(shift));
      return [figure('core.journal_write_events_per_s', median(jw.map((r) => r.rate)), 'events/s', undefined, 'min', { checksum: checksum(jw[0].sum) })];
    },
    restore: async () => {
      const restore = await repeat(runs, 1, () => restoreMetrics(1_000));
      return [figure('core.metrics_restore_1k_calls_ms', median(restore.map((r) => r.ms)), 'ms', 30, 'max', { checksum: restore[0].sum })];
    },
    replay: async () => {
      const big = generateShift({ seed: 7, calls: 100_000, startAt: Date.UTC(2026, 2, 2, 8) });
      const replay = await repeat(runs, 1, () => {
        const t0 = performance.now();
        const r = replayEvents(big, utcDay);
        const ms = performance.now() - t0;
        return { ms, sum: checksum(r.acc) };
      });
      return [figure('core.metrics_replay_100k_calls_ms', median(replay.map((r) => r.ms)), 'ms', 200, 'max', { checksum: replay[0].sum, events: big.length })];
    },
    heap: async () => [await heapGrowth()],
    bundle: async () => {
      const size = await measureBundle({ entry: 'packages/core/dist/index.js', external: peerExternals('packages/core') });
      return [figure('core.bundle_gzip_kb', size.gzipBytes / 1024, 'KB', 15, 'max', { raw_kb: Math.round(size.rawBytes / 102.4) / 10 })];
    },
  };
  const figures = [];
  for (const [name, task] of Object.entries(tasks)) if (!only || name.includes(only)) figures.push(...(await task()));
  return figures;
}

async function restoreMetrics(calls) {
  const factory = new IDBFactory();
  const name = `bench-restore-${Math.random()}`;
  const events = generateShift({ seed: 11, calls, startAt: Date.now() - 6 * 3_600_000 });
  // First console: journal the shift into IndexedDB.
  {
    let at = events[0].at;
    const storage = indexedDbStorage(name, { indexedDB: factory });
    const backend = benchBackend();
    const d = await createConsole({ backend: backend.module, storage, scheduler: new VirtualTimeScheduler(), clock: { now: () => at, startOfDay: utcDay } });
    for (const { at: eAt, ...e } of events) { at = eAt; backend.emit(e); }
    await d.dispose();
    await storage.close();
  }
  // Reload: a new console over the same database; time until today's metrics are back.
  const at = events[events.length - 1].at + 1_000;
  const storage = indexedDbStorage(name, { indexedDB: factory });
  const t0 = performance.now();
  const d = await createConsole({ backend: benchBackend().module, storage, scheduler: new VirtualTimeScheduler(), clock: { now: () => at, startOfDay: utcDay } });
  const snap = d.metrics.snapshot();
  const ms = performance.now() - t0;
  await d.dispose();
  await storage.close();
  return { ms, sum: checksum(snap.today) };
}

async function heapGrowth() {
  // Virtual time moves with the events, as real time would: timers (draft saves, retries, ticks) run.
  const time = virtualTime(Date.UTC(2026, 2, 2, 8));
  const backend = benchBackend();
  const d = await createConsole({ backend: backend.module, storage: discardingStorage(), scheduler: time.scheduler, clock: time.clock });
  const subs = subscribeAll(d);
  await d.agent.login({ username: 'bench', password: 'x' });
  await d.campaigns.refresh();
  await d.agent.joinCampaign('spring-sale');
  await d.agent.ready();
  const step = async () => time.advance(1000);
  const samples = [];
  for (let i = 1; i <= 20_000; i++) {
    const callId = `c${i}`;
    backend.emit({ type: 'call.offered', callId, direction: 'outbound', origin: 'predictive', remoteNumber: '600111222', campaignId: 'spring-sale' });
    await step();
    backend.emit({ type: 'call.connected', callId });
    await step();
    await d.calls.hold(callId);
    await step();
    await d.calls.resume(callId);
    await step();
    backend.emit({ type: 'call.ended', callId, cause: 'remoteHangup' });
    await step();
    await d.dispositions.submit(callId, { code: 'NA', notes: `call ${i}` });
    await step();
    if (i >= 10_000 && i % 1_000 === 0) samples.push(heapAfterGc());
  }
  const growthMb = (samples[samples.length - 1] - samples[0]) / 1_048_576;
  const sum = checksum({ status: d.agent.status, stats: d.metrics.snapshot().session.callsHandled });
  subs.stop();
  await d.dispose();
  return figure('core.heap_growth_10k_calls_mb', growthMb, 'MB', 1, 'max', { checksum: sum, samples_mb: samples.map((b) => Math.round(b / 104857.6) / 10) });
}

/** Runs one throughput measurement (`pipeline` or `bare`) in `n` fresh processes, one at a time. */
function inChildren(kind, n, quick) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const r = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--child', kind, ...(quick ? ['--quick'] : [])], { encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) throw new Error(`bench: the ${kind} child failed (${r.status ?? r.signal}): ${r.stderr}`);
    out.push(JSON.parse(r.stdout.trim().split('\n').pop()));
  }
  return out;
}

/** A child process of {@link inChildren}: measures, prints one JSON line `{ rates, sum, events }`. */
async function child(kind, quick) {
  const runs = quick ? 3 : 5;
  const shift = generateShift({ seed: 42, calls: quick ? 20_000 : 60_000, startAt: Date.UTC(2026, 2, 2, 8) });
  const split = kind === 'pipeline' ? splitTimes(shift) : undefined;
  const results = kind === 'pipeline'
    ? await repeat(runs, 2, () => eventsThroughput(shift, split))
    : await repeat(runs, 2, () => bareReducer(shift));
  process.stdout.write(`${JSON.stringify({ rates: results.map((r) => r.rate), sum: results[0].sum, events: shift.length })}\n`);
}

const childAt = process.argv.indexOf('--child');
if (childAt > 0 && process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await child(process.argv[childAt + 1], process.argv.includes('--quick'));
}
