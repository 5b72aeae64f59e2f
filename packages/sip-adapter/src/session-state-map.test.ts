import { describe, expect, it } from 'vitest';
import { SessionState } from 'sip.js';
import { causeForStatusCode, initialLine, mapSipSignal, type LineState, type SipSignal } from './session-state-map.js';

const line = (over: Partial<LineState> = {}): LineState => ({ ...initialLine('outbound'), ...over });
const run = (start: LineState, signals: readonly SipSignal[]) => {
  let s = start;
  const out: string[] = [];
  for (const sig of signals) {
    const r = mapSipSignal(s, sig);
    s = r.state;
    for (const c of r.changes) out.push(c.type === 'call.ended' ? `ended:${c.cause}` : c.type === 'call.held' ? `held:${c.by}` : c.type);
  }
  return out;
};
const est: SipSignal = { kind: 'session-state', state: SessionState.Established };
const term: SipSignal = { kind: 'session-state', state: SessionState.Terminated };

describe('sip.js → core mapping table', () => {
  it.each<[string, LineState, SipSignal[], string[]]>([
    ['outbound answered', line(), [{ kind: 'provisional', statusCode: 100 }, { kind: 'provisional', statusCode: 180 }, est], ['call.ringing', 'call.connected']],
    ['183 early media counts as ringing', line(), [{ kind: 'provisional', statusCode: 183 }], ['call.ringing']],
    ['busy 486', line(), [{ kind: 'final-failure', statusCode: 486 }, term], ['ended:busy']],
    ['busy everywhere 600', line(), [{ kind: 'final-failure', statusCode: 600 }, term], ['ended:busy']],
    ['declined 603', line(), [{ kind: 'final-failure', statusCode: 603 }, term], ['ended:rejected']],
    ['unavailable 480', line(), [{ kind: 'final-failure', statusCode: 480 }, term], ['ended:noAnswer']],
    ['not found 404', line(), [{ kind: 'final-failure', statusCode: 404 }, term], ['ended:failed']],
    ['terminated without a cause while dialing', line(), [term], ['ended:failed']],
    ['our no-answer timer wins over the 487 that follows', line({ status: 'ringing' }), [{ kind: 'local-end', reason: 'no-answer' }, { kind: 'final-failure', statusCode: 487 }, term], ['ended:noAnswer']],
    ['agent hangs up while ringing = cancelled', line({ status: 'ringing' }), [{ kind: 'local-end', reason: 'hangup' }, term], ['ended:cancelled']],
    ['agent hangs up an offer = rejected', line({ status: 'offered' }), [{ kind: 'local-end', reason: 'hangup' }, term], ['ended:rejected']],
    ['agent hangs up a connected call', line({ status: 'connected' }), [{ kind: 'local-end', reason: 'hangup' }, term], ['ended:agentHangup']],
    ['far end hangs up', line({ status: 'connected' }), [{ kind: 'remote-end', reason: 'bye' }, term], ['ended:remoteHangup']],
    ['connected, terminated without a signal = remote hangup', line({ status: 'connected' }), [term], ['ended:remoteHangup']],
    ['caller gives up on an offer', line({ status: 'offered' }), [{ kind: 'remote-end', reason: 'cancel' }, term], ['ended:cancelled']],
    ['offer vanishes without a signal = cancelled', line({ status: 'offered' }), [term], ['ended:cancelled']],
    ['transferred, then the far end says BYE', line({ status: 'connected' }), [{ kind: 'local-end', reason: 'transferred' }, { kind: 'remote-end', reason: 'bye' }, term], ['ended:transferred']],
    ['inbound answered', line({ status: 'offered' }), [est], ['call.connected']],
    ['local hold and resume', line({ status: 'connected' }), [{ kind: 'hold', by: 'local', held: true }, { kind: 'hold', by: 'local', held: false }], ['held:local', 'call.resumed']],
    ['remote hold and resume', line({ status: 'connected' }), [{ kind: 'hold', by: 'remote', held: true }, { kind: 'hold', by: 'remote', held: false }], ['held:remote', 'call.resumed']],
    ['both hold, local resumes first → still held by remote', line({ status: 'connected' }), [{ kind: 'hold', by: 'local', held: true }, { kind: 'hold', by: 'remote', held: true }, { kind: 'hold', by: 'local', held: false }, { kind: 'hold', by: 'remote', held: false }], ['held:local', 'held:remote', 'call.resumed']],
    ['a repeated hold offer changes nothing', line({ status: 'connected' }), [{ kind: 'hold', by: 'remote', held: true }, { kind: 'hold', by: 'remote', held: true }], ['held:remote']],
    ['signals after the end are ignored', line({ status: 'connected' }), [term, est, { kind: 'hold', by: 'remote', held: true }, term], ['ended:remoteHangup']],
    ['a second Established is no second connect', line(), [est, est], ['call.connected']],
  ])('%s', (_name, start, signals, expected) => {
    expect(run(start, signals)).toEqual(expected);
  });

  it('status codes: 486/600 busy, 603/403/607 rejected, 408/480 noAnswer, 487 cancelled, anything else failed', () => {
    expect([486, 600, 603, 403, 607, 408, 480, 487, 404, 500, 503, 488].map(causeForStatusCode)).toEqual(
      ['busy', 'busy', 'rejected', 'rejected', 'rejected', 'noAnswer', 'noAnswer', 'cancelled', 'failed', 'failed', 'failed', 'failed'],
    );
  });
});
