#!/usr/bin/env node
// A runnable demo of @dialkit/core in Node: one agent's shift, narrated.
//
// It composes a real console (createConsole) over the scripted in-memory backend of
// @dialkit/core/testing, on virtual time: the shift below lasts about 25 virtual minutes and runs
// in well under a second, the same way every time. Timestamps in [brackets] are virtual (UTC).
//
// Run it with `bash scripts/run-demo.sh` (installs, builds @dialkit/core, runs this), or, after a
// build, `node examples/core-demo/demo.mjs`. It imports the package's built output (dist).
import {
  Clock,
  Commands,
  DialkitError,
  callDuration,
  createConsole,
  definePlugin,
  isDialkitError,
  normalizeNumber,
} from '@dialkit/core';
import { createScriptedBackend, virtualTime } from '@dialkit/core/testing';
import { firstValueFrom } from 'rxjs';

// ---------------------------------------------------------------------------------------------
// The campaign is data: dial method, outcomes (with their mandatory fields), pause menu.
// ---------------------------------------------------------------------------------------------
/** @type {import('@dialkit/core').Campaign} */
const springSale = {
  id: 'spring-sale',
  name: 'Spring Sale',
  dialMethod: 'predictive',
  afterWrapUp: 'ready', // "Ready auto": back to Ready by itself after the disposition
  allowManualDial: true,
  dispositions: [
    { code: 'SALE', label: 'Sale', category: 'contact', successful: true, requires: ['plan', 'amount'], hotkey: '1' },
    { code: 'NA', label: 'No Answer', category: 'no-contact', successful: false, requires: [], hotkey: '2' },
    { code: 'CB', label: 'Callback', category: 'contact', successful: false, requires: ['notes'], callback: 'required', hotkey: '3' },
    { code: 'WN', label: 'Wrong Number', category: 'no-contact', successful: false, requires: ['notes'], hotkey: '4' },
  ],
  dispositionFields: [
    { id: 'plan', label: 'Plan', type: 'select', options: ['Basic', 'Plus', 'Premium'] },
    { id: 'amount', label: 'Amount', type: 'number' },
  ],
  pauseReasons: [
    { code: 'lunch', label: 'Lunch', kind: 'break' },
    { code: 'rest', label: 'Rest', kind: 'break' },
    { code: 'training', label: 'Training', kind: 'pause' },
  ],
  transferTargets: [
    { id: 'loans', label: 'Loans', kind: 'department', destination: '7001' },
    { id: 'collections', label: 'Collections', kind: 'department', destination: '7002' },
  ],
};

// ---------------------------------------------------------------------------------------------
// A compliance plugin: vetoes any dial to a number on the do-not-call list, before the backend
// is asked. It names a typed dependency (the Clock token) and never imports the DI container.
// ---------------------------------------------------------------------------------------------
const DO_NOT_CALL = new Set(['+34900000111', '+34900000222']);

const doNotCallPlugin = definePlugin({
  id: 'do-not-call',
  requires: { clock: Clock },
  activate({ clock }, ctx) {
    ctx.actions.before(Commands.dial, ({ number }) => {
      const n = normalizeNumber(number) ?? number;
      if (DO_NOT_CALL.has(n)) {
        ctx.notify({ kind: 'campaign', level: 'warning', message: `Blocked a call to ${n} at ${hhmmss(clock.now())}: do-not-call list`, dedupeKey: 'do-not-call' });
        throw new DialkitError('compliance.do-not-call', `${n} is on the do-not-call list`);
      }
    });
  },
});

// ---------------------------------------------------------------------------------------------
// Narration helpers.
// ---------------------------------------------------------------------------------------------
const MIN = 60_000;
const SEC = 1_000;
const time = virtualTime(Date.UTC(2026, 2, 2, 8, 0, 0)); // Monday 2 March 2026, 08:00 UTC

function hhmmss(at) {
  return new Date(at).toISOString().slice(11, 19);
}
function say(text) {
  console.log(`[${hhmmss(time.now())}] ${text}`);
}
function detail(text) {
  console.log(`           ${text}`);
}
function duration(ms) {
  if (ms === null || ms === undefined) return '—';
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n) => String(n).padStart(2, '0');
  return `${pad(h)}:${pad(m)}:${pad(s % 60)}`;
}
function describeStatus(status) {
  switch (status.kind) {
    case 'paused':
      return `paused (${status.reason.label}${status.reason.kind === 'break' ? ', a break' : ''})`;
    case 'reserved':
      return `reserved (call ${status.callId} offered)`;
    default:
      return status.kind;
  }
}
async function wait(ms, what) {
  if (what) say(what);
  await time.advance(ms);
}

// ---------------------------------------------------------------------------------------------
// The shift.
// ---------------------------------------------------------------------------------------------
async function main() {
  console.log('Dialkit core demo: one agent shift on the scripted backend (virtual time, UTC)');
  console.log('');

  const backend = createScriptedBackend({
    campaigns: [springSale],
    users: { ana: 'demo-password' },
  });
  const dialkit = await createConsole({
    backend: backend.module,
    plugins: [doNotCallPlugin],
    scheduler: time.scheduler,
    clock: time.clock,
  });

  // State is streams: subscribe once, and every change is narrated as it happens.
  const statusSub = dialkit.agent.status$.subscribe((s) => detail(`status → ${describeStatus(s)}`));
  const notesSub = dialkit.notifications.notifications$.subscribe((list) => {
    const latest = list[list.length - 1];
    if (latest) detail(`notification (${latest.kind}, ${latest.level}): ${latest.message}`);
  });
  const plugins = [...(await firstValueFrom(dialkit.plugins.status$)).entries()].map(([id, s]) => `${id}: ${s.state}`);
  detail(`plugins: ${plugins.join(', ')}; backend: ${dialkit.backendIds.join(', ')}`);

  // Step 1: login and setup.
  say('Ana logs in with a wrong password');
  try {
    await dialkit.agent.login({ username: 'ana', password: 'wrong' });
  } catch (e) {
    if (!isDialkitError(e)) throw e;
    detail(`refused: ${e.code}: ${e.message}`);
  }
  say('Ana logs in');
  const session = await dialkit.agent.login({ username: 'ana', password: 'demo-password' });
  detail(`session of agent '${session.agentId}' started at ${hhmmss(session.startedAt)}`);
  detail(`campaigns assigned: ${dialkit.campaigns.assigned.map((c) => c.name).join(', ')}`);

  await wait(20 * SEC);
  say(`Ana joins the campaign '${springSale.id}'`);
  const campaign = await dialkit.agent.joinCampaign('spring-sale');
  detail(`campaign: ${campaign.name}; dial method: ${campaign.dialMethod}; after wrap-up: ${campaign.afterWrapUp}`);
  detail(`outcomes: ${campaign.dispositions.map((d) => `${d.hotkey} ${d.label}`).join(' · ')}`);
  detail(`pause menu: ${campaign.pauseReasons.map((r) => `${r.label} (${r.kind})`).join(', ')}`);
  detail(`backend can: ${[...dialkit.capabilities].join(', ')}`);

  // Step 2: Ready.
  await wait(100 * SEC, 'Ana reviews her screen for 100 s…');
  say('Ana presses Play (Ready)');
  await dialkit.agent.ready();

  // Step 3: the dialer places a call and connects it (predictive: auto-answer), with the lead.
  await wait(45 * SEC, 'Ana waits for a call in the dialing pool…');
  say('The dialer offers a predictive call with its lead');
  backend.emit({
    type: 'call.offered',
    callId: 'c-1001',
    direction: 'outbound',
    origin: 'predictive',
    remoteNumber: '+34600111222',
    campaignId: 'spring-sale',
    lead: { id: 'L-1042', name: 'Marta Ruiz', phone: '+34600111222', fields: { city: 'Madrid', plan: 'Basic', customerSince: '2019' } },
  });
  await wait(2 * SEC);
  say('The customer answers; the dialer connects the call to Ana (auto-answer)');
  backend.emit({ type: 'call.connected', callId: 'c-1001' });
  const call = dialkit.calls.lines[0];
  detail(`line ${call.line}: ${call.status.kind}, ${call.direction} ${call.origin} call to ${call.remoteNumber}`);
  detail(`lead ${call.lead.id}: ${call.lead.name}, ${Object.entries(call.lead.fields).map(([k, v]) => `${k}=${v}`).join(', ')}`);

  // Step 4: active call handling.
  await wait(90 * SEC, 'Ana talks with Marta for 90 s…');
  say('Ana mutes her microphone');
  await dialkit.calls.mute('c-1001', true);
  detail(`muted: ${dialkit.calls.lines[0].muted}`);
  await wait(10 * SEC);
  say('Ana unmutes and puts Marta on hold');
  await dialkit.calls.mute('c-1001', false);
  await dialkit.calls.hold('c-1001');
  detail(`call: ${dialkit.calls.lines[0].status.kind} by ${dialkit.calls.lines[0].status.by}`);
  await wait(30 * SEC, 'Marta waits on hold for 30 s…');
  say('Ana resumes the call');
  await dialkit.calls.resume('c-1001');
  detail(`call: ${dialkit.calls.lines[0].status.kind}; call duration so far ${duration(callDuration(dialkit.calls.lines[0], time.now()))}`);

  // Step 5: the customer hangs up → wrap-up.
  await wait(60 * SEC, 'They talk for another 60 s…');
  say('Marta hangs up');
  backend.emit({ type: 'call.ended', callId: 'c-1001', cause: 'remoteHangup' });
  detail(`call ended: ${dialkit.calls.lines[0].status.cause}; awaiting a disposition: ${dialkit.dispositions.awaiting.map((c) => c.id).join(', ')}`);

  // Step 6: disposition: a first try with mandatory values missing, then complete, with a callback.
  await wait(25 * SEC);
  say("Ana picks 'Callback' and presses Submit with nothing filled in");
  try {
    await dialkit.dispositions.submit('c-1001', { code: 'CB' });
  } catch (e) {
    if (!isDialkitError(e)) throw e;
    detail(`refused: ${e.code}: ${e.message}`);
    detail(`missing field ids: ${JSON.stringify(e.details?.missing)}`);
  }
  await wait(15 * SEC);
  const callbackAt = Date.UTC(2026, 2, 4, 17, 30);
  say('Ana adds notes and schedules a callback, and submits again');
  const record = await dialkit.dispositions.submit('c-1001', {
    code: 'CB',
    notes: 'Interested in Premium; wants to compare with her current provider first.',
    callback: { at: callbackAt, scope: 'personal', note: 'Call after work' },
  });
  detail(`stored in the outbox: ${record.code} for call ${record.callId}, lead ${record.leadId}, key '${record.key}'`);
  detail(`callback: ${new Date(record.callback.at).toISOString()} (${record.callback.scope})`);

  // Step 7: back to Ready by itself (afterWrapUp: 'ready'); the outbox delivers in the background.
  await wait(1 * SEC);
  detail(`backend acknowledged ${backend.stored.size} disposition(s); outbox pending: ${(await firstValueFrom(dialkit.dispositions.pending$)).length}`);

  // A compliance plugin at work: a manual dial to a number on the do-not-call list.
  await wait(20 * SEC);
  say('Ana tries a manual call to +34 900 000 111');
  try {
    await dialkit.calls.dial('+34 900 000 111');
  } catch (e) {
    if (!isDialkitError(e)) throw e;
    detail(`vetoed by the plugin: ${e.code}: ${e.message}`);
    detail(`the dialer was asked to dial: ${backend.calls.some((c) => c.method === 'callControl.dial') ? 'yes' : 'no'}`);
  }

  // Pause with a break reason from the menu.
  await wait(10 * SEC);
  say('Ana pauses for lunch');
  await dialkit.agent.pause('lunch');
  await wait(15 * MIN, 'Ana is on her lunch break for 15 min…');
  detail(`break time indicator: ${duration(time.now() - dialkit.agent.status.since)}`);

  // My Stats.
  say('Ana opens My Stats');
  const stats = dialkit.metrics.snapshot();
  const p = stats.session;
  const rows = [
    ['First activity', hhmmss(p.firstActivity)],
    ['Last activity', hhmmss(p.lastActivity)],
    ['Login time', duration(p.loginTime)],
    ['Available time', duration(p.availableTime)],
    ['Reserved time', duration(p.reservedTime)],
    ['On-call time', duration(p.onCallTime)],
    ['Talk time', duration(p.talkTime)],
    ['Hold time', duration(p.holdTime)],
    ['Wrap-up time', duration(p.wrapUpTime)],
    ['Pause time', duration(p.pauseTime)],
    ['Break time', duration(p.breakTime)],
    ...Object.entries(p.pauseByReason).map(([code, r]) => [`  pause: ${r.label} (${code}, ${r.kind})`, duration(r.ms)]),
    ['Total calls', String(p.totalCalls)],
    ['Calls handled', String(p.callsHandled)],
    ['Successful calls', String(p.successfulCalls)],
    ['Conversion rate', p.conversionRate === null ? '—' : `${(p.conversionRate * 100).toFixed(1)} %`],
    ['Average handle time', duration(p.averageHandleTime)],
  ];
  console.log('');
  console.log(`           My Stats, this session (since ${hhmmss(p.since)}, at ${hhmmss(stats.at)})`);
  for (const [label, value] of rows) console.log(`           ${label.padEnd(36, ' ')}${value}`);
  console.log('');

  const parts = p.availableTime + p.reservedTime + p.onCallTime + p.wrapUpTime + p.pauseTime;
  const invariant = parts === p.loginTime;
  detail(`invariant: login ${duration(p.loginTime)} = available + reserved + on call + wrap-up + paused (${duration(parts)}): ${invariant ? 'holds' : 'BROKEN'}`);

  statusSub.unsubscribe();
  notesSub.unsubscribe();
  await dialkit.dispose();

  if (!invariant) throw new Error('the metrics invariant does not hold');
  if (backend.stored.size !== 1) throw new Error(`expected 1 stored disposition, got ${backend.stored.size}`);
  console.log('');
  console.log(`Demo finished: ${p.callsHandled} call handled, ${backend.stored.size} disposition acknowledged, every command confirmed; exit 0.`);
}

main().then(
  () => {
    process.exitCode = 0;
  },
  (e) => {
    console.error(`Demo failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exitCode = 1;
  },
);
