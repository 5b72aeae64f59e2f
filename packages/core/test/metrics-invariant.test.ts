import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PauseReason } from '../src/campaign/campaign.js';
import { schedulerClock } from '../src/common/clock.js';
import type { DialkitEvent } from '../src/event/dialkit-event.js';
import { replayEvents } from '../src/journal/replay.js';
import { metricsSnapshot, type StartOfDay } from '../src/metrics/metrics-accumulator.js';
import type { MetricsPeriod } from '../src/metrics/metrics.js';
import { reduceCore } from '../src/state/core-reducer.js';
import { INITIAL_CORE_STATE, type CoreState } from '../src/state/core-state.js';
import { generateShift } from '../src/testing/shift-generator.js';

const REASONS: readonly PauseReason[] = [
  { code: 'lunch', label: 'Lunch', kind: 'break' },
  { code: 'training', label: 'Training', kind: 'pause' },
  { code: 'odd', label: 'Odd one', kind: 'break' },
];

/** An extra event to slip in, built from the ids the sequence uses (or a bogus one). */
type Extra = (at: number, ids: readonly string[]) => DialkitEvent;
const id = fc.nat();
const pickId = (n: number, ids: readonly string[]): string => (n % 5 === 0 ? 'nope' : (ids[n % Math.max(1, ids.length)] ?? 'nope'));
const extraArb: fc.Arbitrary<Extra> = fc.oneof(
  fc.constantFrom<Extra>(
    (at) => ({ type: 'agent.ready', at }),
    (at) => ({ type: 'console.closed', at }),
    (at) => ({ type: 'console.started', at }),
    (at) => ({ type: 'agent.logged-out', at }),
    (at) => ({ type: 'agent.logged-in', at, agentId: 'agent-1', name: 'Ana' }),
    (at) => ({ type: 'agent.logged-in', at, agentId: 'intruder', name: 'Bo' }),
    (at) => ({ type: 'campaign.left', at }),
    (at) => ({ type: 'connection.changed', at, status: 'reconnecting' }),
    (at) => ({ type: 'notification.raised', at, notification: { kind: 'system', message: 'x' } }),
  ),
  fc.tuple(fc.constantFrom(...REASONS), fc.boolean()).map(([reason, request]): Extra =>
    (at) => (request ? { type: 'agent.pause-requested', at, reason } : { type: 'agent.paused', at, reason })),
  fc.tuple(id, fc.constantFrom<'call.connected' | 'call.resumed' | 'call.ringing'>('call.connected', 'call.resumed', 'call.ringing'))
    .map(([n, type]): Extra => (at, ids) => ({ type, at, callId: pickId(n, ids) })),
  fc.tuple(id, fc.boolean()).map(([n, local]): Extra => (at, ids) => ({ type: 'call.held', at, callId: pickId(n, ids), by: local ? 'local' : 'remote' })),
  fc.tuple(id, fc.constantFrom<'agentHangup' | 'noAnswer' | 'busy' | 'failed'>('agentHangup', 'noAnswer', 'busy', 'failed'))
    .map(([n, cause]): Extra => (at, ids) => ({ type: 'call.ended', at, callId: pickId(n, ids), cause })),
  fc.tuple(id, fc.boolean()).map(([n, successful]): Extra => (at, ids) => ({ type: 'disposition.saved', at, callId: pickId(n, ids), code: 'X', successful })),
  fc.tuple(id, fc.boolean(), fc.boolean()).map(([n, dial, consult]): Extra => (at, ids) => {
    const info = { at, callId: `extra-${n}`, direction: 'outbound', origin: 'manual', remoteNumber: '1' } as const;
    const type = dial ? 'call.dialing' : 'call.offered';
    return consult ? { type, ...info, consultFor: pickId(n + 1, ids) } : { type, ...info };
  }),
  fc.tuple(id, fc.boolean()).map(([n, muted]): Extra => (at, ids) => ({ type: 'call.muted', at, callId: pickId(n, ids), muted })),
);

/** Slips the extras in at the given places, each stamped between its neighbours so time never goes back. */
function interleave(events: readonly DialkitEvent[], extras: ReadonlyArray<readonly [number, number, Extra]>): DialkitEvent[] {
  const ids = [...new Set(events.flatMap((e) => ('callId' in e ? [e.callId] : [])))];
  const out = [...events];
  for (const [place, fraction, extra] of extras) {
    const i = place % (out.length + 1);
    const lo = out[i - 1]?.at ?? out[0]?.at ?? 0;
    const hi = out[i]?.at ?? lo + 600_000;
    out.splice(i, 0, extra(lo + Math.floor((hi - lo) * fraction), ids));
  }
  return out;
}

/** Naive reference: time per status and line figure of one period, from the states between events. */
function oracle(events: readonly DialkitEvent[], now: number, from: (state: CoreState, e: DialkitEvent, before: CoreState) => boolean, dayStart?: number) {
  const t = { login: 0, ready: 0, paused: 0, break: 0, talk: 0, hold: 0 };
  let state = INITIAL_CORE_STATE;
  let online = true;
  let prev: number | undefined;
  const add = (a: number, b: number, s: CoreState): void => {
    const lo = Math.max(a, dayStart ?? -Infinity);
    if (!online || s.agent.status.kind === 'loggedOut' || b <= lo) return;
    const dt = b - lo;
    t.login += dt;
    if (s.agent.status.kind === 'ready') t.ready += dt;
    if (s.agent.status.kind === 'paused') {
      t.paused += dt;
      if (s.agent.status.reason.kind === 'break') t.break += dt;
    }
    const kinds = s.calls.map((c) => c.status.kind);
    if (kinds.includes('connected')) t.talk += dt;
    else if (kinds.includes('held')) t.hold += dt;
  };
  for (const e of events) {
    if (prev !== undefined) add(prev, e.at, state);
    prev = Math.max(prev ?? e.at, e.at);
    const next = reduceCore(state, e);
    if (e.type === 'console.closed') online = false;
    if (e.type === 'console.started') online = true;
    if (from(next, e, state)) Object.keys(t).forEach((k) => (t[k as keyof typeof t] = 0));
    state = next;
  }
  if (prev !== undefined) add(prev, now, state);
  return t;
}

function expectConsistent(p: MetricsPeriod): void {
  // The invariant, exactly.
  expect(p.loginTime).toBe(p.availableTime + p.reservedTime + p.onCallTime + p.wrapUpTime + p.pauseTime);
  expect(Object.values(p.pauseByReason).reduce((sum, r) => sum + r.ms, 0)).toBe(p.pauseTime);
  expect(p.breakTime).toBeLessThanOrEqual(p.pauseTime);
  expect(p.talkTime + p.holdTime).toBeLessThanOrEqual(p.onCallTime);
  for (const v of [p.loginTime, p.availableTime, p.reservedTime, p.onCallTime, p.wrapUpTime, p.pauseTime, p.talkTime, p.holdTime]) {
    expect(v).toBeGreaterThanOrEqual(0);
  }
}

describe('metrics invariant', () => {
  it('login time = available + reserved + on call + wrap-up + paused, for both periods, at any moment, whatever the events', () => {
    fc.assert(
      fc.property(
        fc.integer(), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 365 * 24 * 60 }), fc.integer({ min: -12 * 4, max: 14 * 4 }),
        fc.array(fc.tuple(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), extraArb), { maxLength: 40 }),
        fc.integer({ min: 0, max: 3 * 86_400_000 }),
        (seed, calls, startMinute, offsetQuarters, extras, later) => {
          const startOfDay: StartOfDay = schedulerClock(undefined, offsetQuarters * 15).startOfDay;
          const base = generateShift({ seed, calls, startAt: Date.UTC(2025, 0, 1) + startMinute * 60_000 });
          const events = interleave(base, extras);
          const { state, acc } = replayEvents(events, startOfDay);
          const now = (acc.lastAt ?? 0) + later;
          const snap = metricsSnapshot(acc, state, now, startOfDay);
          expectConsistent(snap.session);
          expectConsistent(snap.today);
          const newSession = (next: CoreState, e: DialkitEvent, before: CoreState): boolean =>
            e.type === 'agent.logged-in' && before.agent.session === null && next.agent.session !== null;
          const session = oracle(events, now, newSession);
          const today = oracle(events, now, () => false, startOfDay(now));
          for (const [period, ref] of [[snap.session, session], [snap.today, today]] as const) {
            expect({ login: period.loginTime, ready: period.availableTime, paused: period.pauseTime, break: period.breakTime, talk: period.talkTime, hold: period.holdTime }).toEqual(ref);
          }
          expect(snap.session.callsHandled).toBeLessThanOrEqual(snap.session.totalCalls);
          expect(snap.session.successfulCalls).toBeLessThanOrEqual(snap.session.callsHandled);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('replaying a checkpoint and then the tail equals replaying everything, wherever the split', () => {
    const startOfDay = schedulerClock(undefined, 0).startOfDay;
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 15 }), fc.double({ min: 0, max: 1, noNaN: true }), (seed, calls, at) => {
        const events = generateShift({ seed, calls, startAt: Date.UTC(2025, 5, 1, 20) });
        const k = Math.floor(events.length * at);
        const head = replayEvents(events.slice(0, k), startOfDay);
        expect(replayEvents(events.slice(k), startOfDay, JSON.parse(JSON.stringify(head)) as typeof head)).toEqual(replayEvents(events, startOfDay));
      }),
      { numRuns: 300 },
    );
  });
});
