// SIP call benchmarks on the project's rig (Kamailio + SIPp on loopback), in Node:
//   sip.setup_overhead_ms      median extra set-up time per call through Dialkit's adapter over raw
//                              sip.js (dial → connected), PAIRS interleaved pairs (default 200)
//   sip.heap_growth_1k_calls_mb heap after GC from call 1,000 to call 2,000 of sequential calls
//                              (each measured once sip.js's 32 s transaction timers have run)
// Needs the built adapter (`pnpm --filter @dialkit/sip-adapter build`) and `node --expose-gc`.
// Prints one JSON line per metric. usage: node --expose-gc packages/sip-adapter/bench/calls.mjs
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { asyncScheduler } from 'rxjs';
import { Inviter, Registerer, SessionState, UserAgent } from 'sip.js';
import { schedulerClock, silentLogger } from '@dialkit/core';
import { createSipBackend, noMediaEngine } from '../dist/index.js';

globalThis.WebSocket ??= WebSocket;
const RIG = fileURLToPath(new URL('../../../rig/sip/', import.meta.url));
const UDP = Number(process.env.SIP_RIG_UDP_PORT ?? 5260);
const WS = Number(process.env.SIP_RIG_WS_PORT ?? 8288);
const PAIRS = Number(process.env.PAIRS ?? 200);
const HEAP_CALLS = Number(process.env.HEAP_CALLS ?? 2000);
const SIPP_PORT = Number(process.env.SIPP_PORT ?? 5290);
const env = { ...process.env, SIP_RIG_UDP_PORT: String(UDP), SIP_RIG_WS_PORT: String(WS), SIP_RIG_MAX_SECONDS: '900' };
const runDir = mkdtempSync(join(tmpdir(), 'dialkit-sip-bench-'));
const work = mkdtempSync(join(tmpdir(), 'dialkit-sipp-bench-'));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

execFileSync(join(RIG, 'start.sh'), [runDir], { env, stdio: ['ignore', 'ignore', 'inherit'], timeout: 15_000 });
let sipp;
const cleanup = () => {
  if (sipp && sipp.exitCode === null) sipp.kill('SIGTERM');
  try { execFileSync(join(RIG, 'stop.sh'), [runDir], { stdio: 'inherit', timeout: 15_000 }); } catch { /* already stopped */ }
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { cleanup(); process.exit(130); });
// Bounded in time whatever happens.
setTimeout(() => { console.error('calls.mjs: deadline reached'); cleanup(); process.exit(1); }, Number(process.env.DEADLINE_MS ?? 540_000)).unref();
const total = PAIRS * 2 + HEAP_CALLS + 20 + 10; // pairs, heap run, warm-up, margin
sipp = spawn('timeout', ['-k', '2', '900', 'sipp', '-sf', join(RIG, 'scenarios', 'uas-answer.xml'), '-i', '127.0.0.1', '-mi', '127.0.0.1', '-p', String(SIPP_PORT), '-mp', String(SIPP_PORT + 100), '-m', String(total), '-nostdin', '-timeout', '850s'], { cwd: work, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 400));
const target = `7${SIPP_PORT}`;

try {
  // Raw sip.js: the same UA setup the adapter uses, minus the adapter.
  const { noMediaSdh } = await rawSdh();
  const rawUa = new UserAgent({ uri: UserAgent.makeURI('sip:agent2@127.0.0.1'), transportOptions: { server: `ws://127.0.0.1:${WS}` }, authorizationUsername: 'agent2', authorizationPassword: 'agent2-pw', sessionDescriptionHandlerFactory: noMediaSdh, logBuiltinEnabled: false, logLevel: 'error' });
  await rawUa.start();
  const reg = new Registerer(rawUa);
  await new Promise((resolve, reject) => reg.register({ requestDelegate: { onAccept: resolve, onReject: reject } }));
  const rawCall = async () => {
    const inviter = new Inviter(rawUa, UserAgent.makeURI(`sip:${target}@127.0.0.1`));
    const t0 = performance.now();
    const up = new Promise((r) => inviter.stateChange.addListener((s) => s === SessionState.Established && r()));
    const down = new Promise((r) => inviter.stateChange.addListener((s) => s === SessionState.Terminated && r()));
    await inviter.invite();
    await up;
    const ms = performance.now() - t0;
    await inviter.bye();
    await down;
    return ms;
  };

  const sip = createSipBackend({ server: `ws://127.0.0.1:${WS}`, user: 'agent1', password: 'agent1-pw', domain: '127.0.0.1', media: noMediaEngine() });
  const instance = sip.module.create({ clock: schedulerClock(asyncScheduler), scheduler: asyncScheduler, logger: silentLogger });
  const waiting = new Map();
  const sub = instance.events$.subscribe((e) => { const w = waiting.get(`${e.type}|${e.callId}`); if (w) { waiting.delete(`${e.type}|${e.callId}`); w(); } });
  await sip.control.registered();
  const cc = instance.ports.callControl;
  const when = (type, callId) => new Promise((r) => waiting.set(`${type}|${callId}`, r));
  const dialkitCall = async () => {
    const t0 = performance.now();
    const { callId } = await cc.dial({ number: target, origin: 'manual' });
    await when('call.connected', callId);
    const ms = performance.now() - t0;
    const ended = when('call.ended', callId);
    await cc.hangup(callId);
    await ended;
    return ms;
  };

  for (let i = 0; i < 10; i++) { await rawCall(); await dialkitCall(); } // warm-up
  const diffs = [], raws = [], dks = [];
  for (let i = 0; i < PAIRS; i++) {
    const first = i % 2 === 0;
    const a = first ? await rawCall() : await dialkitCall();
    const b = first ? await dialkitCall() : await rawCall();
    const raw = first ? a : b, dk = first ? b : a;
    raws.push(raw); dks.push(dk); diffs.push(dk - raw);
  }
  const overhead = median(diffs);
  console.log(JSON.stringify({ metric: 'sip.setup_overhead_ms', value: Math.round(overhead * 1000) / 1000, unit: 'ms', target: 1, pairs: PAIRS, rawMedianMs: Math.round(median(raws) * 1000) / 1000, dialkitMedianMs: Math.round(median(dks) * 1000) / 1000, ratio: Math.round((median(dks) / median(raws)) * 1000) / 1000 }));

  if (typeof globalThis.gc === 'function') {
    // sip.js keeps each INVITE client transaction for 64×T1 = 32 s after it ends (RFC 6026: late
    // 2xx retransmissions), on a timer: measure once those timers have run, or the figure is the
    // last 32 s of calls, not a leak.
    const settle = () => new Promise((r) => setTimeout(r, Number(process.env.SETTLE_MS ?? 33_000)));
    const heapAt = () => { globalThis.gc(); globalThis.gc(); return process.memoryUsage().heapUsed; };
    let h1000 = 0;
    for (let i = 1; i <= HEAP_CALLS; i++) {
      await (process.env.HEAP_MODE === 'raw' ? rawCall() : dialkitCall());
      if (i === HEAP_CALLS / 2) { await settle(); h1000 = heapAt(); }
    }
    await settle();
    const h2000 = heapAt();
    console.log(JSON.stringify({ metric: 'sip.heap_growth_1k_calls_mb', value: Math.round(((h2000 - h1000) / 1048576) * 1000) / 1000, unit: 'MB', target: 2, calls: HEAP_CALLS, lines: sip.control.lineCount }));
  } else {
    console.error('sip.heap_growth_1k_calls_mb skipped: run with node --expose-gc');
  }
  sub.unsubscribe();
  await instance.dispose();
  await reg.unregister().catch(() => undefined);
  await rawUa.stop();
} finally {
  cleanup();
}
process.exit(0);

/** A minimal no-media SessionDescriptionHandler for the raw sip.js side (the same SDP work as the adapter's engine). */
async function rawSdh() {
  const engine = noMediaEngine();
  let n = 0;
  const noMediaSdh = () => {
    const media = engine.createSession({ callId: `raw-${++n}`, direction: 'outbound' });
    return {
      close: () => media.close(),
      getDescription: async (o) => ({ body: await media.localDescription({ hold: o?.hold === true }), contentType: 'application/sdp' }),
      hasDescription: (t) => t === 'application/sdp',
      setDescription: (sdp) => media.remoteDescription(sdp),
      rollbackDescription: () => media.rollback(),
      sendDtmf: () => true,
    };
  };
  return { noMediaSdh };
}
