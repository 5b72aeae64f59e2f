import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DialkitError, memoryLogger, awaitsDisposition, isLive, normalizeNumber, type BackendEvent, type CoreState, type MetricsPeriod } from '../src/index.js';
import { createTestConsole, testCampaign, type TestConsole } from '../src/testing/index.js';

/** Number of random sequences; the issue asks for at least 10,000. */
const RUNS = Number(process.env['DIALKIT_PROPERTY_RUNS'] ?? 10_000);

const spring = testCampaign();
const noManual = testCampaign({ id: 'inbound-care', name: 'Inbound care', dialMethod: 'inbound', allowManualDial: false, afterWrapUp: 'paused' });
const CALL_IDS = ['c1', 'c2', 's1', 's2', 's3', 'ghost'];

type Step =
  | { kind: 'cmd'; name: 'login' | 'badLogin' | 'logout' | 'ready' | 'cancelPending' }
  | { kind: 'cmd'; name: 'join'; campaignId: string }
  | { kind: 'cmd'; name: 'pause'; code: string }
  | { kind: 'cmd'; name: 'dial'; number: string }
  | { kind: 'cmd'; name: 'hold' | 'resume' | 'hangup' | 'answer' | 'muteOn'; callId: string }
  | { kind: 'cmd'; name: 'submit'; callId: string; code: string; amount: boolean }
  | { kind: 'evt'; event: BackendEvent }
  | { kind: 'evts'; events: BackendEvent[] }
  | { kind: 'time'; ms: number };

const callId = fc.constantFrom(...CALL_IDS);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom<Step>({ kind: 'cmd', name: 'login' }, { kind: 'cmd', name: 'badLogin' }, { kind: 'cmd', name: 'logout' }, { kind: 'cmd', name: 'ready' }, { kind: 'cmd', name: 'cancelPending' }) },
  { weight: 1, arbitrary: fc.constantFrom('spring-sale', 'inbound-care', 'winter').map((campaignId): Step => ({ kind: 'cmd', name: 'join', campaignId })) },
  { weight: 1, arbitrary: fc.constantFrom('lunch', 'training', 'nap').map((code): Step => ({ kind: 'cmd', name: 'pause', code })) },
  { weight: 2, arbitrary: fc.constantFrom('600111222', '+34 600-111-222', 'abc', '12').map((number): Step => ({ kind: 'cmd', name: 'dial', number })) },
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom<'hold' | 'resume' | 'hangup' | 'answer' | 'muteOn'>('hold', 'resume', 'hangup', 'answer', 'muteOn'), callId).map(([name, id]): Step => ({ kind: 'cmd', name, callId: id })) },
  { weight: 3, arbitrary: fc.tuple(callId, fc.constantFrom('SALE', 'NA', 'WN', 'BOGUS'), fc.boolean()).map(([id, code, amount]): Step => ({ kind: 'cmd', name: 'submit', callId: id, code, amount })) },
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom('c1', 'c2', 's1', 'ghost'), fc.constantFrom('offered', 'connected', 'held', 'resumed', 'ended', 'ringing', 'remoteHold')).map(([id, what]): Step => {
    switch (what) {
      case 'offered': return { kind: 'evt', event: { type: 'call.offered', callId: id, direction: 'outbound', origin: 'predictive', remoteNumber: '600999888', campaignId: 'spring-sale' } };
      case 'connected': return { kind: 'evt', event: { type: 'call.connected', callId: id } };
      case 'held': return { kind: 'evt', event: { type: 'call.held', callId: id, by: 'local' } };
      case 'remoteHold': return { kind: 'evt', event: { type: 'call.held', callId: id, by: 'remote' } };
      case 'resumed': return { kind: 'evt', event: { type: 'call.resumed', callId: id } };
      case 'ringing': return { kind: 'evt', event: { type: 'call.ringing', callId: id } };
      default: return { kind: 'evt', event: { type: 'call.ended', callId: id, cause: 'remoteHangup' } };
    }
  }) },
  { weight: 1, arbitrary: fc.constantFrom<Step>(
    { kind: 'evt', event: { type: 'agent.paused', reason: { code: 'supervisor', label: 'Supervisor', kind: 'pause' } } },
    { kind: 'evt', event: { type: 'agent.ready' } },
    { kind: 'evt', event: { type: 'agent.logged-out' } },
    { kind: 'evt', event: { type: 'connection.changed', status: 'reconnecting' } },
    { kind: 'evt', event: { type: 'bogus.event' } as unknown as BackendEvent },
  ) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom('c1', 'c2'), fc.boolean()).map(([id, end]): Step => ({
    kind: 'evts',
    events: [
      { type: 'call.offered', callId: id, direction: 'outbound', origin: 'predictive', remoteNumber: '600999888', campaignId: 'spring-sale' },
      { type: 'call.connected', callId: id },
      ...(end ? [{ type: 'call.ended', callId: id, cause: 'remoteHangup' } as const] : []),
    ],
  })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 120_000 }).map((ms): Step => ({ kind: 'time', ms })) },
);

const login: Step = { kind: 'cmd', name: 'login' };
const prefix: fc.Arbitrary<Step[]> = fc.constantFrom<Step[]>(
  [],
  [login],
  [login, { kind: 'cmd', name: 'join', campaignId: 'spring-sale' }],
  [login, { kind: 'cmd', name: 'join', campaignId: 'spring-sale' }, { kind: 'cmd', name: 'ready' }],
  [login, { kind: 'cmd', name: 'join', campaignId: 'spring-sale' }, { kind: 'cmd', name: 'ready' }],
  [login, { kind: 'cmd', name: 'join', campaignId: 'inbound-care' }, { kind: 'cmd', name: 'ready' }],
);
const sequence = fc.tuple(prefix, fc.array(step, { minLength: 1, maxLength: 30 })).map(([p, rest]) => [...p, ...rest]);

/** The error code the model says a command must fail with in state `s`, or null for success. */
function expectedError(s: CoreState, st: Step & { kind: 'cmd' }, campaigns = [spring, noManual]): string | null {
  const a = s.agent;
  const busy = a.status.kind === 'reserved' || a.status.kind === 'onCall' || a.status.kind === 'wrapUp';
  const loggedIn = a.session !== null;
  const call = 'callId' in st ? s.calls.find((c) => c.id === st.callId) : undefined;
  switch (st.name) {
    case 'login': return loggedIn ? 'agent.already-logged-in' : null;
    case 'badLogin': return 'agent.invalid-credentials';
    case 'logout': return !loggedIn ? 'agent.not-logged-in' : busy || s.calls.length > 0 ? 'agent.calls-active' : null;
    case 'join':
      if (!loggedIn) return 'agent.not-logged-in';
      if (busy) return 'agent.invalid-state';
      return campaigns.some((c) => c.id === st.campaignId) ? null : 'agent.campaign-not-assigned';
    case 'ready':
      if (!loggedIn) return 'agent.not-logged-in';
      if (a.status.kind === 'ready') return null;
      if (busy) return 'agent.invalid-state';
      return a.campaign ? null : 'agent.campaign-required';
    case 'pause': {
      if (!loggedIn) return 'agent.not-logged-in';
      const reasons = campaigns.find((c) => c.id === a.campaign?.id)?.pauseReasons ?? [];
      return reasons.some((r) => r.code === st.code) ? null : 'agent.unknown-pause-reason';
    }
    case 'cancelPending': return loggedIn ? null : 'agent.not-logged-in';
    case 'dial': {
      if (!loggedIn) return 'agent.not-logged-in';
      if (normalizeNumber(st.number) === undefined) return 'call.invalid-number';
      if (a.campaign && !a.campaign.allowManualDial) return 'call.manual-dial-not-allowed';
      if (a.status.kind === 'wrapUp' || a.status.kind === 'reserved') return 'agent.invalid-state';
      return s.calls.filter(isLive).some((c) => c.status.kind !== 'held') ? 'call.line-busy' : null;
    }
    case 'hold': return !call ? 'call.not-found' : call.status.kind === 'connected' ? null : 'call.invalid-state';
    case 'resume': return !call ? 'call.not-found' : call.status.kind === 'held' && call.status.by === 'local' ? null : 'call.invalid-state';
    case 'hangup': return !call ? 'call.not-found' : call.status.kind === 'ended' ? 'call.invalid-state' : null;
    case 'answer': return !call ? 'call.not-found' : call.status.kind === 'offered' ? null : 'call.invalid-state';
    case 'muteOn': return !call ? 'call.not-found' : call.status.kind === 'connected' || call.status.kind === 'held' ? null : 'call.invalid-state';
    case 'submit': {
      if (!loggedIn) return 'agent.not-logged-in';
      if (!call || !awaitsDisposition(call)) return 'disposition.not-awaiting';
      const campaign = campaigns.find((c) => c.id === (call.campaignId ?? a.campaign?.id));
      if (!campaign) return null;
      const code = campaign.dispositions.find((d) => d.code === st.code);
      if (!code) return 'disposition.unknown-code';
      if (code.requires.includes('amount') && !st.amount) return 'disposition.invalid';
      if (code.requires.includes('notes')) return 'disposition.invalid';
      return null;
    }
  }
}

/** Checks the state is one the machine may be in. */
function assertLegal(s: CoreState): void {
  const a = s.agent;
  const live = s.calls.some(isLive);
  const pending = s.calls.some(awaitsDisposition);
  const offered = s.calls.some((c) => c.status.kind === 'offered');
  if (a.status.kind === 'loggedOut') {
    expect(s.calls).toEqual([]);
    expect(a.session).toBeNull();
    return;
  }
  expect(a.session).not.toBeNull();
  if (live) expect(a.status.kind).toBe('onCall');
  else if (pending) expect(a.status.kind).toBe('wrapUp');
  else if (offered) expect(a.status.kind).toBe('reserved');
  else expect(['ready', 'paused']).toContain(a.status.kind);
  expect(new Set(s.calls.map((c) => c.line)).size).toBe(s.calls.length);
  expect(new Set(s.calls.map((c) => c.id)).size).toBe(s.calls.length);
  for (const c of s.calls) if (c.status.kind === 'ended') expect(c.needsDisposition).toBe(true);
}

function assertInvariant(p: MetricsPeriod): void {
  expect(p.loginTime).toBe(p.availableTime + p.reservedTime + p.onCallTime + p.wrapUpTime + p.pauseTime);
  expect(p.breakTime).toBeLessThanOrEqual(p.pauseTime);
}

async function runCommand(t: TestConsole, st: Step & { kind: 'cmd' }): Promise<void> {
  const { dialkit: d } = t;
  switch (st.name) {
    case 'login': return void (await d.agent.login({ username: 'ana', password: 'pw' }));
    case 'badLogin': return void (await d.agent.login({ username: 'ana', password: '' }));
    case 'logout': return d.agent.logout();
    case 'ready': return d.agent.ready();
    case 'cancelPending': return d.agent.cancelPendingPause();
    case 'join': return void (await d.agent.joinCampaign(st.campaignId));
    case 'pause': return d.agent.pause(st.code);
    case 'dial': return void (await d.calls.dial(st.number));
    case 'hold': return d.calls.hold(st.callId);
    case 'resume': return d.calls.resume(st.callId);
    case 'hangup': return d.calls.hangup(st.callId);
    case 'answer': return d.calls.answer(st.callId);
    case 'muteOn': return d.calls.mute(st.callId, true);
    case 'submit': return void (await d.dispositions.submit(st.callId, { code: st.code, ...(st.amount ? { fields: { amount: '10' } } : {}) }));
  }
}

describe('random sequences of commands and backend events (fast-check)', () => {
  it(`${RUNS} sequences: never an illegal state, every illegal command rejected with its code, no untyped throw, metrics invariant`, async () => {
    let commandsRun = 0;
    let rejected = 0;
    const codes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(sequence, async (steps) => {
        const logger = memoryLogger();
        const t = await createTestConsole([], { campaigns: [spring, noManual], journal: { persist: false }, logger });
        try {
          for (const st of steps) {
            if (st.kind === 'time') await t.time.advance(st.ms);
            else if (st.kind === 'evt') t.backend.emit(st.event);
            else if (st.kind === 'evts') for (const e of st.events) t.backend.emit(e);
            else {
              const expected = expectedError(stateOf(t), st);
              commandsRun++;
              let code: string | null = null;
              try {
                await settleOnVirtualTime(t, runCommand(t, st));
              } catch (e) {
                if (!(e instanceof DialkitError)) throw new Error(`untyped throw from ${st.name}: ${String(e)}`, { cause: e });
                code = e.code;
                rejected++;
                codes.set(e.code, (codes.get(e.code) ?? 0) + 1);
              }
              expect({ cmd: st, code }).toEqual({ cmd: st, code: expected });
            }
            assertLegal(stateOf(t));
            expect(logger.entries.filter((e) => e.level === 'error')).toEqual([]);
            const snap = t.dialkit.metrics.snapshot();
            assertInvariant(snap.session);
            assertInvariant(snap.today);
          }
        } finally {
          await t.dialkit.dispose();
        }
      }),
      { numRuns: RUNS, seed: 20261124 },
    );
    expect(commandsRun).toBeGreaterThan(RUNS);
    expect(rejected).toBeGreaterThan(0);
    // Every guard was exercised, not just the easy ones.
    expect([...codes.keys()].sort()).toEqual(expect.arrayContaining([
      'agent.already-logged-in', 'agent.calls-active', 'agent.campaign-not-assigned', 'agent.campaign-required', 'agent.invalid-credentials',
      'agent.invalid-state', 'agent.not-logged-in', 'agent.unknown-pause-reason', 'call.invalid-number', 'call.invalid-state', 'call.line-busy',
      'call.manual-dial-not-allowed', 'call.not-found', 'disposition.invalid', 'disposition.not-awaiting', 'disposition.unknown-code',
    ]));
  }, 600_000);
});

/** Lets virtual time run while a command waits, as real time would: a command the backend never confirms times out. */
async function settleOnVirtualTime<T>(t: TestConsole, p: Promise<T>): Promise<T> {
  let done = false;
  const tracked = p.finally(() => {
    done = true;
  });
  tracked.catch(() => undefined);
  for (let i = 0; i < 30 && !done; i++) {
    await t.time.settle();
    if (!done) await t.time.advance(1_000);
  }
  return tracked;
}

function stateOf(t: TestConsole): CoreState {
  return t.dialkit.state;
}
