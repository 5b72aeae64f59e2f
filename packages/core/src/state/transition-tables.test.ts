import { describe, expect, it } from 'vitest';
import { AGENT_TRANSITIONS, type AgentStatus, type AgentStatusKind } from '../agent/agent-state.js';
import { transitionAgentStatus } from '../agent/agent-transition.js';
import { CALL_TRANSITIONS, type CallStatus, type CallStatusKind } from '../call/call-state.js';
import { createCall, transitionCall } from '../call/call-transition.js';

const lunch = { code: 'lunch', label: 'Lunch', kind: 'break' } as const;
const agentStatus: Record<AgentStatusKind, AgentStatus> = {
  loggedOut: { kind: 'loggedOut' },
  paused: { kind: 'paused', reason: lunch, since: 1 },
  ready: { kind: 'ready', since: 1 },
  reserved: { kind: 'reserved', callId: 'c1', since: 1 },
  onCall: { kind: 'onCall', since: 1 },
  wrapUp: { kind: 'wrapUp', since: 1 },
};
const other: Record<AgentStatusKind, AgentStatus> = {
  ...agentStatus,
  paused: { kind: 'paused', reason: { code: 'training', label: 'Training', kind: 'pause' }, since: 2 },
  reserved: { kind: 'reserved', callId: 'c2', since: 2 },
};
const agentKinds = Object.keys(AGENT_TRANSITIONS) as AgentStatusKind[];

describe('every agent status transition', () => {
  const pairs = agentKinds.flatMap((from) => agentKinds.map((to) => [from, to, AGENT_TRANSITIONS[from].includes(to)] as const));
  it.each(pairs)('%s → %s allowed: %s', (from, to, allowed) => {
    const target = from === to ? other[to] : agentStatus[to];
    if (allowed) expect(transitionAgentStatus(agentStatus[from], target)).toBe(target);
    else if (from === to) expect(transitionAgentStatus(agentStatus[from], agentStatus[to])).toBe(agentStatus[from]);
    else expect(() => transitionAgentStatus(agentStatus[from], target)).toThrow(`'${from}' → '${to}'`);
  });
});

const callStatus: Record<CallStatusKind, CallStatus> = {
  dialing: { kind: 'dialing' },
  ringing: { kind: 'ringing' },
  offered: { kind: 'offered' },
  connected: { kind: 'connected' },
  held: { kind: 'held', by: 'local' },
  ended: { kind: 'ended', cause: 'remoteHangup' },
};
const callKinds = Object.keys(CALL_TRANSITIONS) as CallStatusKind[];

describe('every call state transition', () => {
  const base = createCall({ callId: 'c1', direction: 'outbound', origin: 'manual', remoteNumber: '600111222' }, 'dialing', [], 0);
  const pairs = callKinds.flatMap((from) => callKinds.map((to) => [from, to, CALL_TRANSITIONS[from].includes(to)] as const));
  it.each(pairs)('%s → %s allowed: %s', (from, to, allowed) => {
    const call = { ...base, status: callStatus[from] };
    const target: CallStatus = from === 'held' && to === 'held' ? { kind: 'held', by: 'remote' } : callStatus[to];
    const next = transitionCall(call, target, 5);
    if (from === to && from !== 'held') expect(next).toBe(call);
    else if (allowed) {
      expect(next?.status).toEqual(target);
      if (to === 'connected') expect(next?.connectedAt).toBe(5);
      if (to === 'ended') expect(next?.endedAt).toBe(5);
    } else expect(next).toBeUndefined();
  });
});
