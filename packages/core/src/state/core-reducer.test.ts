import { describe, expect, it } from 'vitest';
import type { CampaignRules, PauseReason } from '../campaign/campaign.js';
import type { BackendEvent, DialkitEvent, NewCallInfo } from '../event/dialkit-event.js';
import { INITIAL_CORE_STATE, type CoreState } from './core-state.js';
import { reduceCore } from './core-reducer.js';

const lunch: PauseReason = { code: 'lunch', label: 'Lunch', kind: 'break' };
const training: PauseReason = { code: 'training', label: 'Training', kind: 'pause' };
const autoReady: CampaignRules = { id: 'spring', name: 'Spring', dialMethod: 'predictive', afterWrapUp: 'ready', allowManualDial: true };
const manualReady: CampaignRules = { ...autoReady, id: 'renewals', afterWrapUp: 'paused' };

/** Gives a backend event its time. */
function stamp(e: BackendEvent, at: number): DialkitEvent {
  return { ...e, at };
}

/** Folds events, failing the test on any illegal one unless `allowIllegal`. */
function run(events: readonly BackendEvent[], from: CoreState = INITIAL_CORE_STATE, allowIllegal = false) {
  const illegal: string[] = [];
  let at = 1_000;
  let s = from;
  for (const e of events) {
    s = reduceCore(s, stamp(e, (at += 1_000)), (_, reason) => illegal.push(reason));
  }
  if (!allowIllegal) expect(illegal).toEqual([]);
  return { state: s, illegal };
}

const login: BackendEvent[] = [{ type: 'agent.logged-in', agentId: 'a1', name: 'Ana' }];
const ready: BackendEvent[] = [...login, { type: 'campaign.joined', campaign: autoReady }, { type: 'agent.ready' }];
const offer = (callId = 'c1'): BackendEvent => ({ type: 'call.offered', callId, direction: 'outbound', origin: 'predictive', remoteNumber: '+34600111222', campaignId: 'spring' });
const dial = (callId = 'm1', extra: Partial<NewCallInfo> = {}): BackendEvent => ({ type: 'call.dialing', callId, direction: 'outbound', origin: 'manual', remoteNumber: '600222333', ...extra });

describe('agent status', () => {
  it('logged out → login → paused with the system reason "login"', () => {
    const { state } = run(login);
    expect(state.agent.status).toMatchObject({ kind: 'paused', reason: { code: 'login' } });
    expect(state.agent.session).toMatchObject({ agentId: 'a1', name: 'Ana' });
  });

  it('paused → ready → paused with a break reason', () => {
    expect(run(ready).state.agent.status.kind).toBe('ready');
    const { state } = run([...ready, { type: 'agent.paused', reason: lunch }]);
    expect(state.agent.status).toMatchObject({ kind: 'paused', reason: lunch });
  });

  it('ready → reserved when a predictive call is offered → onCall when it connects', () => {
    const offered = run([...ready, offer()]).state;
    expect(offered.agent.status).toMatchObject({ kind: 'reserved', callId: 'c1' });
    expect(run([{ type: 'call.connected', callId: 'c1' }], offered).state.agent.status.kind).toBe('onCall');
  });

  it('reserved → ready again when the offered call is lost before it connects', () => {
    const { state } = run([...ready, offer(), { type: 'call.ended', callId: 'c1', cause: 'remoteHangup' }]);
    expect(state.agent.status.kind).toBe('ready');
    expect(state.calls).toEqual([]);
  });

  it('reserved for one call → reserved for the next when the first is lost (found by the property test)', () => {
    const { state } = run([...ready, offer('c1'), offer('c2'), { type: 'call.ended', callId: 'c1', cause: 'cancelled' }]);
    expect(state.agent.status).toMatchObject({ kind: 'reserved', callId: 'c2' });
  });

  it('onCall → wrapUp when the customer hangs up → ready automatically after the disposition', () => {
    const talk = run([...ready, offer(), { type: 'call.connected', callId: 'c1' }, { type: 'call.ended', callId: 'c1', cause: 'remoteHangup' }]).state;
    expect(talk.agent.status.kind).toBe('wrapUp');
    expect(talk.calls[0]?.status).toEqual({ kind: 'ended', cause: 'remoteHangup' });
    const done = run([{ type: 'disposition.saved', callId: 'c1', code: 'SALE', successful: true }], talk).state;
    expect(done.agent.status.kind).toBe('ready');
    expect(done.calls).toEqual([]);
  });

  it('a campaign with manual ready sends the agent to paused after wrap-up', () => {
    const { state } = run([...login, { type: 'campaign.joined', campaign: manualReady }, { type: 'agent.ready' }, offer(), { type: 'call.connected', callId: 'c1' }, { type: 'call.ended', callId: 'c1', cause: 'agentHangup' }, { type: 'disposition.saved', callId: 'c1', code: 'NA', successful: false }]);
    expect(state.agent.status).toMatchObject({ kind: 'paused', reason: { code: 'after-wrap-up' } });
  });

  it('agent on a call asks for a pause → paused with that reason after wrap-up', () => {
    const mid = run([...ready, offer(), { type: 'call.connected', callId: 'c1' }, { type: 'agent.pause-requested', reason: lunch }]).state;
    expect(mid.agent.status.kind).toBe('onCall');
    expect(mid.agent.pendingPause).toEqual(lunch);
    const { state } = run([{ type: 'call.ended', callId: 'c1', cause: 'agentHangup' }, { type: 'disposition.saved', callId: 'c1', code: 'SALE', successful: true }], mid);
    expect(state.agent.status).toMatchObject({ kind: 'paused', reason: lunch });
    expect(state.agent.pendingPause).toBeNull();
  });

  it('a pending pause can be withdrawn before wrap-up ends', () => {
    const { state } = run([...ready, offer(), { type: 'call.connected', callId: 'c1' }, { type: 'agent.pause-requested', reason: lunch }, { type: 'agent.pause-requested', reason: null }, { type: 'call.ended', callId: 'c1', cause: 'agentHangup' }, { type: 'disposition.saved', callId: 'c1', code: 'SALE', successful: true }]);
    expect(state.agent.status.kind).toBe('ready');
  });

  it('a manual dial from paused goes straight to onCall and returns to the same pause', () => {
    const mid = run([...login, { type: 'agent.paused', reason: training }, dial()]).state;
    expect(mid.agent.status.kind).toBe('onCall');
    const { state } = run([{ type: 'call.ended', callId: 'm1', cause: 'busy' }, { type: 'disposition.saved', callId: 'm1', code: 'BUSY', successful: false }], mid);
    expect(state.agent.status).toMatchObject({ kind: 'paused', reason: training });
  });

  it('a manual dial that fails still awaits its disposition (wrap-up)', () => {
    expect(run([...ready, dial(), { type: 'call.ended', callId: 'm1', cause: 'noAnswer' }]).state.agent.status.kind).toBe('wrapUp');
  });

  it('stays onCall while any line is live and goes to wrap-up only when all are done', () => {
    const s = run([...ready, offer('c1'), { type: 'call.connected', callId: 'c1' }, { type: 'call.held', callId: 'c1', by: 'local' }, dial('m2'), { type: 'call.connected', callId: 'm2' }, { type: 'call.ended', callId: 'm2', cause: 'agentHangup' }]).state;
    expect(s.agent.status.kind).toBe('onCall');
    expect(s.calls.map((c) => [c.id, c.line, c.status.kind])).toEqual([['c1', 1, 'held'], ['m2', 2, 'ended']]);
    const { state } = run([{ type: 'call.resumed', callId: 'c1' }, { type: 'call.ended', callId: 'c1', cause: 'remoteHangup' }], s);
    expect(state.agent.status.kind).toBe('wrapUp');
    expect(state.calls.length).toBe(2);
  });

  it('the backend pausing a busy agent (supervisor) is applied after wrap-up', () => {
    const { state } = run([...ready, offer(), { type: 'call.connected', callId: 'c1' }, { type: 'agent.paused', reason: training }, { type: 'call.ended', callId: 'c1', cause: 'agentHangup' }, { type: 'disposition.saved', callId: 'c1', code: 'SALE', successful: true }]);
    expect(state.agent.status).toMatchObject({ kind: 'paused', reason: training });
  });

  it('logout from any status clears the session, calls and campaign', () => {
    const { state } = run([...ready, offer(), { type: 'call.connected', callId: 'c1' }, { type: 'agent.logged-out' }]);
    expect(state.agent.status.kind).toBe('loggedOut');
    expect(state.calls).toEqual([]);
    expect(state.agent.campaign).toBeNull();
  });

  it('joining and leaving a campaign keeps the status', () => {
    const { state } = run([...ready, { type: 'campaign.left' }]);
    expect(state.agent.campaign).toBeNull();
    expect(state.agent.status.kind).toBe('ready');
  });
});

describe('call lifecycle', () => {
  it('dialing → ringing → connected → held (local) → connected → ended, with timestamps', () => {
    const { state } = run([...ready, dial(), { type: 'call.ringing', callId: 'm1' }, { type: 'call.connected', callId: 'm1' }, { type: 'call.held', callId: 'm1', by: 'local' }]);
    const call = state.calls[0];
    expect(call).toMatchObject({ status: { kind: 'held', by: 'local' }, origin: 'manual', direction: 'outbound', role: 'primary' });
    expect(call?.connectedAt).toBeGreaterThan(call?.createdAt ?? Infinity);
  });

  it('hold by the far end is remote hold, and can turn into a local hold', () => {
    const s = run([...ready, offer(), { type: 'call.connected', callId: 'c1' }, { type: 'call.held', callId: 'c1', by: 'remote' }]).state;
    expect(s.calls[0]?.status).toEqual({ kind: 'held', by: 'remote' });
    expect(run([{ type: 'call.held', callId: 'c1', by: 'local' }], s).state.calls[0]?.status).toEqual({ kind: 'held', by: 'local' });
  });

  it('mute and recording are flags on a live call; ending a call clears mute', () => {
    const s = run([...ready, offer(), { type: 'call.connected', callId: 'c1' }, { type: 'call.muted', callId: 'c1', muted: true }, { type: 'call.recording', callId: 'c1', recording: true }]).state;
    expect(s.calls[0]).toMatchObject({ muted: true, recording: true });
    expect(run([{ type: 'call.ended', callId: 'c1', cause: 'agentHangup' }], s).state.calls[0]?.muted).toBe(false);
  });

  it('a consult call never needs a disposition and conference marks both calls', () => {
    const s = run([...ready, offer(), { type: 'call.connected', callId: 'c1' }, { type: 'call.held', callId: 'c1', by: 'local' }, dial('k1', { origin: 'transfer', consultFor: 'c1' }), { type: 'call.connected', callId: 'k1' }, { type: 'call.conferenced', callIds: ['c1', 'k1'], conferenceId: 'conf1' }]).state;
    expect(s.calls.map((c) => c.conferenceId)).toEqual(['conf1', 'conf1']);
    const k = run([{ type: 'call.ended', callId: 'k1', cause: 'transferred' }], s).state;
    expect(k.calls.map((c) => c.id)).toEqual(['c1']);
  });

  it('a new call takes the lowest free line', () => {
    const { state } = run([...ready, offer('c1'), { type: 'call.connected', callId: 'c1' }, { type: 'call.held', callId: 'c1', by: 'local' }, dial('m2'), { type: 'call.ended', callId: 'c1', cause: 'remoteHangup' }, { type: 'disposition.saved', callId: 'c1', code: 'NA', successful: false }, dial('m3')]);
    expect(state.calls.map((c) => [c.id, c.line])).toEqual([['m2', 2], ['m3', 1]]);
  });

  it('the lead sent with a call, or later, is kept on the call', () => {
    const { state } = run([...ready, offer(), { type: 'call.lead-updated', callId: 'c1', lead: { id: 'L1', name: 'Marta', phone: '+34600111222', fields: {} } }]);
    expect(state.calls[0]?.lead?.name).toBe('Marta');
  });
});

describe('malformed and illegal backend input is ignored and reported, never thrown', () => {
  const cases: Array<[string, BackendEvent[], RegExp]> = [
    ['a call event before login', [offer()], /no agent is logged in/],
    ['ready before login', [{ type: 'agent.ready' }], /no agent is logged in/],
    ['an unknown call', [...ready, { type: 'call.connected', callId: 'nope' }], /no call 'nope'/],
    ['hold on a ringing call', [...ready, dial(), { type: 'call.ringing', callId: 'm1' }, { type: 'call.held', callId: 'm1', by: 'local' }], /cannot go from 'ringing' to 'held'/],
    ['resume of a call that is not held', [...ready, offer(), { type: 'call.resumed', callId: 'c1' }], /cannot be resumed while 'offered'/],
    ['a duplicate call id', [...ready, offer(), offer()], /already exists/],
    ['a disposition for a live call', [...ready, offer(), { type: 'call.connected', callId: 'c1' }, { type: 'disposition.saved', callId: 'c1', code: 'X', successful: false }], /does not await a disposition/],
    ['a pending pause while idle', [...ready, { type: 'agent.pause-requested', reason: lunch }], /needs a busy agent/],
    ['a second agent logging in', [...login, { type: 'agent.logged-in', agentId: 'b2', name: 'Bob' }], /already logged in/],
    ['mute on an ended call', [...ready, dial(), { type: 'call.ended', callId: 'm1', cause: 'busy' }, { type: 'call.muted', callId: 'm1', muted: true }], /has ended/],
    ['a conference with one call', [...ready, offer(), { type: 'call.connected', callId: 'c1' }, { type: 'call.conferenced', callIds: ['c1'], conferenceId: 'x' }], /two live calls/],
  ];
  it.each(cases)('%s', (_name, events, reason) => {
    const { illegal } = run(events, INITIAL_CORE_STATE, true);
    expect(illegal.length).toBeGreaterThan(0);
    expect(illegal.join(' | ')).toMatch(reason);
  });

  it('an ignored event keeps every slice by reference', () => {
    const s = run(ready).state;
    const after = reduceCore(s, { type: 'call.connected', callId: 'ghost', at: 99_000 });
    expect(after).toBe(s);
  });
});
