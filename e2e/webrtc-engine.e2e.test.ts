// The SIP adapter's WebRTC media engine (`webRtcMediaEngine`, `@dialkit/sip-adapter/webrtc`) in
// Chromium: what only a browser can show — the WebAudio conference mix, RFC 4733 DTMF on the wire,
// device switching on a live call, the generated ringtone. One page (e2e/webrtc/harness.ts) holds
// the agent (Dialkit's SIP backend + the engine, driven through its CallControlPort) and two sip.js
// customers, B and C, registered at the project's Kamailio rig on ports of its own.
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, JSHandle, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';
import type { Harness } from './webrtc/harness.js';

// Ports of its own (sip-adapter tests 5160/8188, bench 5260/8288, sip.e2e 5360/8388).
const UDP = 5660;
const WS = 8688;
const RIG = fileURLToPath(new URL('../rig/sip/', import.meta.url));
/**
 * Silence, as WebRTC's inbound `audioLevel` reports it: a muted track sends zeros. The fake
 * microphone beeps at full scale (level 1); the level then decays by 4× about every 100 ms
 * (1, 0.25, 0.0625, 0.0156, 0.0039, …), so a party that went quiet is measured after SETTLE_MS.
 */
const SILENT = 0.005;
const HEARD = 0.01;
const SETTLE_MS = 1000;

let runDir = '';
let server: Server | undefined;
let browser: Browser | undefined;
let page: Page | undefined;
let harness: JSHandle<Harness> | undefined;
const pageErrors: string[] = [];

/** Runs `fn` in the page on its harness, with one serialisable argument. */
function h<R, A = undefined>(fn: (harness: Harness, arg: A) => R | Promise<R>, arg?: A): Promise<R> {
  if (!harness) throw new Error('the page opens in beforeAll');
  return harness.evaluate<R, A>(fn as never, arg as A); // (playwright types the argument as it arrives, unboxed)
}

beforeAll(async () => {
  runDir = mkdtempSync(join(tmpdir(), 'dialkit-e2e-webrtc-'));
  execFileSync(join(RIG, 'start.sh'), [runDir], {
    env: { ...process.env, SIP_RIG_UDP_PORT: String(UDP), SIP_RIG_WS_PORT: String(WS), SIP_RIG_MAX_SECONDS: '600' },
    stdio: ['ignore', 'ignore', 'inherit'], timeout: 15_000,
  });
  // The harness and what it imports, from the packages' sources.
  const out = await build({
    entryPoints: [fileURLToPath(new URL('./webrtc/harness.ts', import.meta.url))],
    bundle: true, format: 'esm', platform: 'browser', target: 'es2022', conditions: ['source'], write: false, logLevel: 'silent',
  });
  const html = `<!doctype html><meta charset="utf-8"><title>WebRTC engine</title><script type="module">${out.outputFiles[0]?.text ?? ''}</script>`;
  // Its own origin on loopback (a page fulfilled by playwright's router could not open WebSockets).
  const http = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  server = http;
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  browser = await launchBrowser();
  page = await (await browser.newContext()).newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`);
  await page.waitForFunction(() => (window as unknown as { harnessReady?: boolean }).harnessReady === true, undefined, { timeout: 10_000 });
  harness = await page.evaluateHandle(() => (window as unknown as { harness: Harness }).harness);
  await h((x, ws) => x.start(ws), `ws://127.0.0.1:${WS}`);
});

afterEach(async () => {
  if (harness) await h((x) => x.reset());
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (runDir !== '') {
    execFileSync(join(RIG, 'stop.sh'), [runDir], { stdio: 'inherit', timeout: 15_000 });
    // KEEP_RIG=1 keeps the run directory (Kamailio's log) for a look after a failure.
    if (process.env['KEEP_RIG'] === undefined) rmSync(runDir, { recursive: true, force: true });
  }
});

describe('webRtcMediaEngine in Chromium (one page: agent on Dialkit + two sip.js customers, Kamailio)', () => {
  it('three-way conference mixed with WebAudio: with the agent muted, B hears C and C hears B; before it (C held) B hears nothing of C', async ({ annotate }) => {
    const b = await h((x) => x.dial('B'));
    const c = await h((x) => x.dial('C'));

    // Control: the measurement hears audio. B hears the agent's (fake, beeping) microphone, and the
    // agent hears C's.
    const control = await h((x, cc) => x.levels(1500, [cc]), c);
    expect(control.B).toBeGreaterThan(HEARD);
    expect(control.agent[c]).toBeGreaterThan(HEARD);

    // Before the conference: the agent muted on both calls, C's call held. B hears nothing (of C).
    await h((x, [bb, cc]) => Promise.all([x.mute(bb, true), x.mute(cc, true)]), [b, c] as const);
    await h((x, cc) => x.hold(cc), c);
    expect(await h((x) => x.customer('C').heldByAgent)).toBe(true);
    await sleep(SETTLE_MS);
    const before = await h((x) => x.levels(1500));
    expect(before.packetsB).toBeGreaterThan(30); // B still receives RTP, only silence
    expect(before.B).toBeLessThan(SILENT);

    // The conference: C is taken off hold and the engine mixes; the agent is still muted.
    await h((x, ids) => x.conference(ids), [b, c]);
    expect(await h((x, cc) => x.trail(cc), c)).toEqual(expect.arrayContaining(['call.held', 'call.resumed', 'call.conferenced']));
    await expect.poll(async () => (await h((x) => x.levels(800))).B, { timeout: 6000, interval: 0 }).toBeGreaterThan(HEARD);
    const mixed = await h((x) => x.levels(1500));
    expect(mixed.B).toBeGreaterThan(HEARD); // B hears C
    expect(mixed.C).toBeGreaterThan(HEARD); // C hears B

    // What B hears is C: C turns their own microphone off and B hears silence while C still hears B;
    // the same the other way round.
    await h((x) => x.setSending('C', false));
    await sleep(SETTLE_MS);
    const cOff = await h((x) => x.levels(1500));
    expect(cOff.B).toBeLessThan(SILENT);
    expect(cOff.C).toBeGreaterThan(HEARD);
    await h((x) => {
      x.setSending('C', true);
      x.setSending('B', false);
    });
    await sleep(SETTLE_MS);
    const bOff = await h((x) => x.levels(1500));
    expect(bOff.C).toBeLessThan(SILENT);
    expect(bOff.B).toBeGreaterThan(HEARD);
    await annotate(`conference audioLevel: ${JSON.stringify({ control, before, mixed, cOff, bOff })}`);
    expect(await h((x) => x.errors())).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('RFC 4733 DTMF: sendDtmf(callId, "12#") plays 1, 2, # on the agent\'s RTCDTMFSender and B receives them as SDP-negotiated telephone-events', async ({ annotate }) => {
    await h((x) => x.watchNextCall('B'));
    const b = await h((x) => x.dial('B'));
    const watch = { ...(await h((x, bb) => x.watchTones(bb), b)), pts: (await h((x) => x.dtmfReceived('B'))).pts };
    expect(watch.canInsert).toBe(true);
    expect(watch.pts.length).toBeGreaterThan(0); // telephone-event is in the agent's SDP offer
    // The receiver's transform sees B's ordinary audio first (it passes every frame on).
    await expect.poll(() => h((x) => x.dtmfReceived('B').audioFrames), { timeout: 5000 }).toBeGreaterThan(0);

    await h((x, bb) => x.sendDtmf(bb, '12#'), b);
    await h((x) => x.dtmfDone());
    const tones = await h((x) => x.tones());
    expect(tones.map((t) => t.tone)).toEqual(['1', '2', '#', '']);

    // On the wire: each tone is one RFC 4733 event (one RTP timestamp), in order, on a negotiated
    // telephone-event payload type, ended with the E bit.
    await expect.poll(() => h((x) => x.dtmfReceived('B').packets.filter((p) => p.end).length), { timeout: 5000 }).toBeGreaterThanOrEqual(3);
    const { packets, answered } = await h((x) => x.dtmfReceived('B'));
    // B's answer keeps telephone-event (as `pt/clock rate`); every event came on one of those.
    const clock = new Map(answered.map((a) => a.split('/').map(Number) as [number, number]));
    expect(clock.size).toBeGreaterThan(0);
    const byEvent = new Map<number, { event: number; end: boolean; ms: number }>();
    for (const p of packets) {
      expect([...clock.keys()]).toContain(p.pt);
      const seen = byEvent.get(p.rtpTimestamp);
      byEvent.set(p.rtpTimestamp, { event: p.event, end: p.end || (seen?.end ?? false), ms: Math.max((p.duration * 1000) / (clock.get(p.pt) ?? 8000), seen?.ms ?? 0) });
    }
    const events = [...byEvent.values()];
    expect(events.map((e) => '0123456789*#ABCD'[e.event] ?? '?').join('')).toBe('12#');
    expect(events.every((e) => e.end)).toBe(true);
    // About the 100 ms per tone the adapter asks for (Chromium rounds up to its 20 ms packets).
    for (const e of events) {
      expect(e.ms).toBeGreaterThanOrEqual(80);
      expect(e.ms).toBeLessThanOrEqual(200);
    }
    await annotate(`DTMF: ${JSON.stringify({ offered: watch.pts, answered, tones, events, packets: packets.length })}`);
    expect(pageErrors).toEqual([]);
  });

  it('devices: AudioDevicesPort lists Chromium\'s fake devices; choosing another microphone mid-call replaces the sending track and B still hears the agent', async ({ annotate }) => {
    const b = await h((x) => x.dial('B'));
    const devices = await h((x) => x.devices());
    const inputs = devices.filter((d) => d.kind === 'input');
    const outputs = devices.filter((d) => d.kind === 'output');
    expect(inputs.map((d) => d.label)).toEqual(['Fake Audio Input 1', 'Fake Audio Input 2']);
    expect(outputs.map((d) => d.label)).toEqual(['Fake Audio Output 1', 'Fake Audio Output 2']);
    expect(devices.some((d) => d.id === 'default' || d.id === 'communications')).toBe(false);

    const old = await h((x, bb) => x.sender(bb), b);
    expect(old).not.toBeNull();
    expect(old!.readyState).toBe('live');
    expect((await h((x) => x.levels(1500))).B).toBeGreaterThan(HEARD);

    const target = inputs.find((d) => d.id !== old!.deviceId && d.label === 'Fake Audio Input 2');
    expect(target).toBeDefined();
    await h((x, id) => x.selectInput(id), target!.id);
    const now = await h((x, bb) => x.sender(bb), b);
    expect(now).not.toBeNull();
    expect(now!.id).not.toBe(old!.id);
    expect(now!.deviceId).toBe(target!.id);
    expect(now!.label).toBe('Fake Audio Input 2');
    expect(now!.readyState).toBe('live');
    expect(await h((x, id) => x.trackState(id), old!.id)).toBe('ended');
    expect(JSON.parse((await h((x) => x.storedChoice())) ?? '{}')).toMatchObject({ input: target!.id });

    // The far end still receives audio, from the new microphone.
    await sleep(300);
    const after = await h((x) => x.levels(1500));
    expect(after.packetsB).toBeGreaterThan(30);
    expect(after.B).toBeGreaterThan(HEARD);
    await annotate(`devices: ${JSON.stringify({ devices: devices.map((d) => `${d.kind}:${d.label}`), old, now, after })}`);
    expect(await h((x) => x.errors())).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('ringtone: while B\'s call is offered the engine plays a 400/450 Hz ring through WebAudio; answering stops it', async ({ annotate }) => {
    const quiet = await h((x) => x.speakers(300));
    expect(quiet.sources).toBe(0);
    await h((x) => x.call('B', 'sip:agent@127.0.0.1'));
    const id = await h((x) => x.offered());
    // The first 0.4 s burst comes at once; wait for it (at most one 3 s cycle).
    const ringing = await h((x) => x.speakers(3500, 0.02));
    expect(ringing.sources).toBe(1);
    expect(ringing.contexts).toEqual(['running']);
    expect(ringing.peak).toBeGreaterThan(0.05);
    expect(ringing.frequencyHz).toBeGreaterThan(380);
    expect(ringing.frequencyHz).toBeLessThan(470);
    expect(await h((x, cid) => x.trail(cid), id)).toEqual(['call.offered']);

    await h((x, cid) => x.answer(cid), id);
    await h((x, cid) => x.waitConnected(cid), id);
    // A full ring cycle (3 s) with nothing on the speakers but the call (which plays on an <audio>).
    // (after the analyser's 43 ms window and the audio thread's latency have passed)
    await sleep(250);
    const answered = await h((x) => x.speakers(3200));
    expect(answered.sourcesMax).toBe(0);
    expect(answered.peak).toBe(0);
    expect(await h((x) => x.customer('B').session)).toBe('Established');
    await annotate(`ringtone: ${JSON.stringify({ quiet, ringing, answered })}`);
    expect(await h((x) => x.errors())).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
