import { describe, expect, it } from 'vitest';
import type { CampaignRules, PauseReason } from '../src/campaign/campaign.js';
import { schedulerClock } from '../src/common/clock.js';
import type { DialkitEvent, NewCallInfo } from '../src/event/dialkit-event.js';
import { accrue, createMetricsAccumulator, metricsSnapshot, type MetricsAccumulator } from '../src/metrics/metrics-accumulator.js';
import type { MetricsSnapshot } from '../src/metrics/metrics.js';
import { reduceCore } from '../src/state/core-reducer.js';
import { INITIAL_CORE_STATE, type CoreState } from '../src/state/core-state.js';

// Every scenario starts at 08:00 UTC and counts in seconds from there; days are UTC days.
const T0 = Date.UTC(2026, 2, 2, 8);
const s = (seconds: number): number => T0 + seconds * 1000;
const startOfDay = schedulerClock(undefined, 0).startOfDay;

const LUNCH: PauseReason = { code: 'lunch', label: 'Lunch', kind: 'break' };
const TRAINING: PauseReason = { code: 'training', label: 'Training', kind: 'pause' };
const campaign = (afterWrapUp: 'ready' | 'paused'): CampaignRules => ({ id: 'spring', name: 'Spring', dialMethod: 'predictive', afterWrapUp, allowManualDial: true });

const login = (at: number): DialkitEvent => ({ type: 'agent.logged-in', at, agentId: 'ana', name: 'Ana' });
const ready = (at: number): DialkitEvent => ({ type: 'agent.ready', at });
const paused = (at: number, reason: PauseReason): DialkitEvent => ({ type: 'agent.paused', at, reason });
const offered = (at: number, callId: string, extra: Partial<NewCallInfo> = {}): DialkitEvent =>
  ({ type: 'call.offered', at, callId, direction: 'outbound', origin: 'predictive', remoteNumber: '+15550001', ...extra });
const dialing = (at: number, callId: string, extra: Partial<NewCallInfo> = {}): DialkitEvent =>
  ({ type: 'call.dialing', at, callId, direction: 'outbound', origin: 'manual', remoteNumber: '+15550002', ...extra });
const connected = (at: number, callId: string): DialkitEvent => ({ type: 'call.connected', at, callId });
const held = (at: number, callId: string, by: 'local' | 'remote' = 'local'): DialkitEvent => ({ type: 'call.held', at, callId, by });
const resumed = (at: number, callId: string): DialkitEvent => ({ type: 'call.resumed', at, callId });
const ended = (at: number, callId: string, cause: 'agentHangup' | 'noAnswer' | 'busy' | 'transferred' = 'agentHangup'): DialkitEvent =>
  ({ type: 'call.ended', at, callId, cause });
const saved = (at: number, callId: string, successful: boolean): DialkitEvent =>
  ({ type: 'disposition.saved', at, callId, code: successful ? 'SALE' : 'NO_INTEREST', successful });

/** Folds the events (every one must be legal), then takes a snapshot at `now`. */
function fold(events: readonly DialkitEvent[]): { state: CoreState; acc: MetricsAccumulator } {
  let state = INITIAL_CORE_STATE;
  const acc = createMetricsAccumulator();
  for (const event of events) {
    const next = reduceCore(state, event, (e, reason) => {
      throw new Error(`scenario event ${e.type} at ${e.at} is illegal: ${reason}`);
    });
    accrue(acc, state, next, event, startOfDay);
    state = next;
  }
  return { state, acc };
}
function stats(events: readonly DialkitEvent[], now: number): MetricsSnapshot {
  const { state, acc } = fold(events);
  return metricsSnapshot(acc, state, now, startOfDay);
}
/** A logged-in, Ready agent from second 0. */
const start = (afterWrapUp: 'ready' | 'paused' = 'ready'): DialkitEvent[] =>
  [login(s(0)), { type: 'campaign.joined', at: s(0), campaign: campaign(afterWrapUp) }, ready(s(0))];

describe('My Stats figures', () => {
  it('an agent who takes a 2-minute lunch break has 120000 ms break time and pause time', () => {
    const m = stats([...start(), paused(s(60), LUNCH), ready(s(180))], s(240)).session;
    expect(m.breakTime).toBe(120_000);
    expect(m.pauseTime).toBe(120_000);
    expect(m.pauseByReason).toEqual({ lunch: { label: 'Lunch', kind: 'break', ms: 120_000 } });
    expect(m.availableTime).toBe(120_000);
    expect(m.loginTime).toBe(240_000);
  });

  it('pause time by reason keeps each code apart; a training pause is pause time but not break time', () => {
    const events = [login(s(0)), ready(s(10)), paused(s(20), TRAINING), paused(s(320), LUNCH), paused(s(440), TRAINING), ready(s(500))];
    const m = stats(events, s(500)).session;
    expect(m.pauseByReason).toEqual({
      login: { label: 'Logged in', kind: 'pause', ms: 10_000 },
      training: { label: 'Training', kind: 'pause', ms: 360_000 },
      lunch: { label: 'Lunch', kind: 'break', ms: 120_000 },
    });
    expect(m.pauseTime).toBe(490_000);
    expect(m.breakTime).toBe(120_000);
    expect(m.availableTime).toBe(10_000);
  });

  it('a predictive call: reserved while offered, on call while connected, wrap-up until the disposition', () => {
    const events = [...start(), offered(s(30), 'c1'), connected(s(33), 'c1'), ended(s(93), 'c1'), saved(s(113), 'c1', true)];
    const m = stats(events, s(120)).session;
    expect(m).toMatchObject({
      availableTime: 37_000, reservedTime: 3_000, onCallTime: 60_000, wrapUpTime: 20_000, pauseTime: 0, loginTime: 120_000,
      talkTime: 60_000, holdTime: 0, totalCalls: 1, callsHandled: 1, successfulCalls: 1, conversionRate: 1, averageHandleTime: 80_000,
    });
  });

  it('talk time stops while the call is held and hold time runs instead, whoever holds', () => {
    const events = [...start(), dialing(s(0), 'c1'), connected(s(10), 'c1'), held(s(70), 'c1'), resumed(s(100), 'c1'),
      held(s(130), 'c1', 'remote'), resumed(s(145), 'c1'), ended(s(160), 'c1')];
    const m = stats(events, s(160)).session;
    expect(m.talkTime).toBe(60_000 + 30_000 + 15_000);
    expect(m.holdTime).toBe(30_000 + 15_000);
    expect(m.onCallTime).toBe(160_000); // dialing counts as on-call time, but is neither talk nor hold
    expect(m.callsHandled).toBe(1); // held and resumed twice, still one call
  });

  it('a warm transfer: the consult leg is talk time while the customer holds, but no call of its own', () => {
    const events = [...start(), offered(s(0), 'c1'), connected(s(0), 'c1'), held(s(60), 'c1'),
      dialing(s(60), 'x1', { origin: 'transfer', consultFor: 'c1' }), connected(s(70), 'x1'), ended(s(100), 'x1'),
      ended(s(100), 'c1', 'transferred'), saved(s(110), 'c1', false)];
    const m = stats(events, s(110)).session;
    expect(m.totalCalls).toBe(1);
    expect(m.callsHandled).toBe(1);
    expect(m.talkTime).toBe(60_000 + 30_000);
    expect(m.holdTime).toBe(10_000); // customer held while the consult leg was still dialing
  });

  it('conversion rate is null with no calls, then successful ÷ handled: 0.5 after one sale in two calls', () => {
    const none = stats(start(), s(60)).session;
    expect(none).toMatchObject({ conversionRate: null, averageHandleTime: null, talkTime: 0, totalCalls: 0, callsHandled: 0 });
    const events = [...start(), offered(s(10), 'c1'), connected(s(10), 'c1'), ended(s(70), 'c1'), saved(s(80), 'c1', true),
      offered(s(90), 'c2'), connected(s(90), 'c2'), ended(s(110), 'c2'), saved(s(120), 'c2', false)];
    const m = stats(events, s(120)).session;
    expect(m.conversionRate).toBe(0.5);
    expect(m.averageHandleTime).toBe((60_000 + 10_000 + 20_000 + 10_000) / 2);
  });

  it('a missed offer and a busy manual dial are calls, not handled calls; the busy dial still takes wrap-up', () => {
    const events: DialkitEvent[] = [...start(), offered(s(10), 'c1'), ended(s(15), 'c1', 'noAnswer'),
      dialing(s(20), 'c2'), { type: 'call.ringing', at: s(21), callId: 'c2' }, ended(s(30), 'c2', 'busy'), saved(s(40), 'c2', true)];
    const m = stats(events, s(40)).session;
    expect(m).toMatchObject({ totalCalls: 2, callsHandled: 0, successfulCalls: 0, conversionRate: null, reservedTime: 5_000, onCallTime: 10_000, wrapUpTime: 10_000 });
  });

  it('a pause asked for during a call starts when wrap-up ends; afterWrapUp "paused" pauses after the next call', () => {
    const events: DialkitEvent[] = [...start('paused'), offered(s(0), 'c1'), connected(s(0), 'c1'),
      { type: 'agent.pause-requested', at: s(10), reason: LUNCH }, ended(s(60), 'c1'), saved(s(70), 'c1', false), ready(s(370)),
      offered(s(370), 'c2'), connected(s(370), 'c2'), ended(s(400), 'c2'), saved(s(410), 'c2', false)];
    const m = stats(events, s(450)).session;
    expect(m.breakTime).toBe(300_000);
    expect(m.pauseByReason).toEqual({
      lunch: { label: 'Lunch', kind: 'break', ms: 300_000 },
      'after-wrap-up': { label: 'After wrap-up', kind: 'pause', ms: 40_000 },
    });
  });

  it('first and last activity are the first and latest agent events; console and connection events are not activity', () => {
    const events = [{ type: 'console.started', at: s(-5) } as const, login(s(0)), ready(s(12)),
      { type: 'connection.changed', at: s(20), status: 'reconnecting' } as const, { type: 'notification.raised', at: s(25), notification: { kind: 'system', message: 'hi' } } as const];
    const m = stats(events, s(30));
    expect(m.session).toMatchObject({ since: s(0), firstActivity: s(0), lastActivity: s(12) });
    expect(m.today).toMatchObject({ since: Date.UTC(2026, 2, 2), firstActivity: s(0), lastActivity: s(12) });
    expect(stats([], s(30)).today).toMatchObject({ firstActivity: undefined, lastActivity: undefined, loginTime: 0 });
  });

  it('time with the console closed is offline: not login time, not any status time', () => {
    const events = [...start(), { type: 'console.closed', at: s(60) } as const, { type: 'console.started', at: s(660) } as const];
    const m = stats(events, s(720)).session;
    expect(m.loginTime).toBe(120_000);
    expect(m.availableTime).toBe(120_000);
    expect(m.lastActivity).toBe(s(0));
    const closedNow = fold([...start(), { type: 'console.closed', at: s(60) }]);
    expect(metricsSnapshot(closedNow.acc, closedNow.state, s(600), startOfDay).session.loginTime).toBe(60_000);
  });

  it('today starts over at local midnight and keeps only the part of a status after it', () => {
    const evening = Date.UTC(2026, 2, 2, 23);
    const midnight = Date.UTC(2026, 2, 3);
    const events = [login(evening), ready(evening)];
    const live = stats(events, midnight + 30 * 60_000);
    expect(live.session.availableTime).toBe(90 * 60_000);
    expect(live.today).toMatchObject({ since: midnight, availableTime: 30 * 60_000, firstActivity: undefined });
    const later = stats([...events, paused(midnight + 45 * 60_000, LUNCH)], midnight + 60 * 60_000);
    expect(later.today).toMatchObject({ availableTime: 45 * 60_000, breakTime: 15 * 60_000, loginTime: 60 * 60_000, firstActivity: midnight + 45 * 60_000 });
    expect(later.session).toMatchObject({ availableTime: 105 * 60_000, loginTime: 120 * 60_000 });
  });

  it('today resets its call counts at midnight; the session keeps them', () => {
    const evening = Date.UTC(2026, 2, 2, 23, 50);
    const events = [login(evening), ready(evening), offered(evening, 'c1'), connected(evening, 'c1'), ended(evening + 600_000, 'c1'), saved(evening + 660_000, 'c1', true)];
    const m = stats(events, evening + 700_000);
    expect(m.session).toMatchObject({ totalCalls: 1, callsHandled: 1, successfulCalls: 1, talkTime: 600_000 });
    expect(m.today).toMatchObject({ totalCalls: 0, callsHandled: 0, successfulCalls: 1, talkTime: 0, wrapUpTime: 60_000, conversionRate: null });
  });

  it('a new login starts a new session; today keeps both sessions', () => {
    const events = [...start(), { type: 'agent.logged-out', at: s(60) } as const, login(s(120)), ready(s(130))];
    const m = stats(events, s(180));
    expect(m.session).toMatchObject({ since: s(120), loginTime: 60_000, pauseTime: 10_000, availableTime: 50_000, firstActivity: s(120) });
    expect(m.today).toMatchObject({ loginTime: 120_000, firstActivity: s(0), lastActivity: s(130) });
  });

  it('a snapshot adds live time up to now without changing the accumulator; time never runs backwards', () => {
    const { state, acc } = fold([...start(), paused(s(60), LUNCH)]);
    const before = structuredClone(acc);
    expect(metricsSnapshot(acc, state, s(90), startOfDay).session.breakTime).toBe(30_000);
    expect(metricsSnapshot(acc, state, s(30), startOfDay).session.breakTime).toBe(0);
    expect(acc).toEqual(before);
    expect(JSON.parse(JSON.stringify(acc))).toEqual(acc);
  });
});
