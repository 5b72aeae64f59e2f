import { LOGIN_PAUSE } from '../campaign/campaign.js';
import type { AgentState } from '../agent/agent-state.js';
import { deriveAgentState, isBusy, transitionAgentStatus } from '../agent/agent-transition.js';
import type { Call, CallStatus } from '../call/call-state.js';
import { createCall, transitionCall } from '../call/call-transition.js';
import type { DialkitEvent } from '../event/dialkit-event.js';
import { INITIAL_CORE_STATE, type CoreState } from './core-state.js';

/** Called when an event cannot apply to the current state; the state is left as it was. */
export type IllegalEventHandler = (event: DialkitEvent, reason: string) => void;

const ignore: IllegalEventHandler = () => undefined;

/**
 * The core reducer: pure and synchronous, `state × event → state`. Slices that an event does not
 * change keep their reference. An event that cannot apply (unknown call, illegal move, before
 * login) leaves the state unchanged and is reported through `onIllegal`: malformed backend input
 * never throws.
 */
export function reduceCore(state: CoreState, event: DialkitEvent, onIllegal: IllegalEventHandler = ignore): CoreState {
  switch (event.type) {
    case 'agent.logged-in': {
      const a = state.agent;
      if (a.session) {
        if (a.session.agentId !== event.agentId) onIllegal(event, `agent '${a.session.agentId}' is already logged in`);
        return state;
      }
      return withAgent(state, {
        status: transitionAgentStatus(a.status, { kind: 'paused', reason: LOGIN_PAUSE, since: event.at }),
        session: { agentId: event.agentId, name: event.name, startedAt: event.at },
        campaign: null,
        pendingPause: null,
        idle: { kind: 'paused', reason: LOGIN_PAUSE },
      });
    }
    case 'agent.logged-out':
      if (state.agent.status.kind === 'loggedOut') return state;
      return { ...INITIAL_CORE_STATE, connection: state.connection };
    case 'agent.ready':
    case 'agent.paused': {
      const a = state.agent;
      if (a.status.kind === 'loggedOut') return illegal(state, event, onIllegal, 'no agent is logged in');
      if (isBusy(a.status)) {
        // The backend wins on presence; calls still decide whether the agent is busy.
        return event.type === 'agent.ready'
          ? withAgent(state, { ...a, idle: { kind: 'ready' }, pendingPause: null })
          : withAgent(state, { ...a, pendingPause: event.reason });
      }
      const to = event.type === 'agent.ready'
        ? ({ kind: 'ready', since: event.at } as const)
        : ({ kind: 'paused', reason: event.reason, since: event.at } as const);
      const status = transitionAgentStatus(a.status, to);
      const idle = event.type === 'agent.ready' ? ({ kind: 'ready' } as const) : ({ kind: 'paused', reason: event.reason } as const);
      if (status === a.status && a.idle.kind === idle.kind && a.pendingPause === null) return state;
      return withAgent(state, { ...a, status, idle, pendingPause: null });
    }
    case 'agent.pause-requested': {
      const a = state.agent;
      if (!isBusy(a.status)) return illegal(state, event, onIllegal, `a pending pause needs a busy agent, not '${a.status.kind}'`);
      return a.pendingPause === event.reason ? state : withAgent(state, { ...a, pendingPause: event.reason });
    }
    case 'campaign.joined':
      if (state.agent.status.kind === 'loggedOut') return illegal(state, event, onIllegal, 'no agent is logged in');
      return withAgent(state, { ...state.agent, campaign: event.campaign });
    case 'campaign.left':
      if (state.agent.campaign === null) return state;
      return withAgent(state, { ...state.agent, campaign: null });
    case 'call.dialing':
    case 'call.offered': {
      if (state.agent.status.kind === 'loggedOut') return illegal(state, event, onIllegal, 'no agent is logged in');
      if (state.calls.some((c) => c.id === event.callId)) return illegal(state, event, onIllegal, `call '${event.callId}' already exists`);
      const call = createCall(event, event.type === 'call.dialing' ? 'dialing' : 'offered', state.calls, event.at);
      return withCalls(state, [...state.calls, call], event.at);
    }
    case 'call.ringing':
      return moveCall(state, event, event.callId, { kind: 'ringing' }, onIllegal);
    case 'call.connected':
      return moveCall(state, event, event.callId, { kind: 'connected' }, onIllegal);
    case 'call.held':
      return moveCall(state, event, event.callId, { kind: 'held', by: event.by }, onIllegal);
    case 'call.resumed': {
      const held = state.calls.find((c) => c.id === event.callId);
      if (held && held.status.kind !== 'held') return illegal(state, event, onIllegal, `call '${event.callId}' cannot be resumed while '${held.status.kind}'`);
      return moveCall(state, event, event.callId, { kind: 'connected' }, onIllegal);
    }
    case 'call.ended':
      return moveCall(state, event, event.callId, { kind: 'ended', cause: event.cause }, onIllegal);
    case 'call.muted':
      return patchLiveCall(state, event, event.callId, onIllegal, (c) => (c.muted === event.muted ? c : { ...c, muted: event.muted }));
    case 'call.recording':
      return patchLiveCall(state, event, event.callId, onIllegal, (c) => (c.recording === event.recording ? c : { ...c, recording: event.recording }));
    case 'call.lead-updated':
      return patchLiveCall(state, event, event.callId, onIllegal, (c) => ({ ...c, lead: event.lead, leadId: event.lead.id }), true);
    case 'call.conferenced': {
      const ids = new Set(event.callIds);
      const missing = event.callIds.filter((id) => !state.calls.some((c) => c.id === id && c.status.kind !== 'ended'));
      if (missing.length > 0 || ids.size < 2) return illegal(state, event, onIllegal, `conference needs two live calls; not live: ${missing.join(', ') || 'none given'}`);
      return withCalls(state, state.calls.map((c) => (ids.has(c.id) ? { ...c, conferenceId: event.conferenceId } : c)), event.at);
    }
    case 'disposition.saved': {
      const call = state.calls.find((c) => c.id === event.callId);
      if (!call || call.status.kind !== 'ended' || !call.needsDisposition) {
        return illegal(state, event, onIllegal, `call '${event.callId}' does not await a disposition`);
      }
      return withCalls(state, state.calls.filter((c) => c !== call), event.at);
    }
    case 'connection.changed':
      if (state.connection.status === event.status && state.connection.detail === event.detail) return state;
      return { ...state, connection: { status: event.status, detail: event.detail, since: event.at } };
    case 'notification.raised':
    case 'console.started':
    case 'console.closed':
      return state;
    default:
      return illegal(state, event, onIllegal, `unknown event type '${String((event as { type?: unknown }).type)}'`);
  }
}

function illegal(state: CoreState, event: DialkitEvent, onIllegal: IllegalEventHandler, reason: string): CoreState {
  onIllegal(event, reason);
  return state;
}

function withAgent(state: CoreState, agent: AgentState): CoreState {
  return { ...state, agent };
}

function withCalls(state: CoreState, calls: readonly Call[], at: number): CoreState {
  const agent = deriveAgentState(state.agent, calls, at);
  return agent === state.agent ? { ...state, calls } : { ...state, calls, agent };
}

function moveCall(state: CoreState, event: DialkitEvent, callId: string, to: CallStatus, onIllegal: IllegalEventHandler): CoreState {
  const i = state.calls.findIndex((c) => c.id === callId);
  const call = state.calls[i];
  if (!call) return illegal(state, event, onIllegal, `no call '${callId}'`);
  const next = transitionCall(call, to, event.at);
  if (!next) return illegal(state, event, onIllegal, `call '${callId}' cannot go from '${call.status.kind}' to '${to.kind}'`);
  if (next === call) return state;
  const calls = next.status.kind === 'ended' && !next.needsDisposition
    ? state.calls.filter((c) => c !== call)
    : state.calls.map((c) => (c === call ? next : c));
  return withCalls(state, calls, event.at);
}

function patchLiveCall(state: CoreState, event: DialkitEvent, callId: string, onIllegal: IllegalEventHandler, patch: (c: Call) => Call, allowEnded = false): CoreState {
  const call = state.calls.find((c) => c.id === callId);
  if (!call) return illegal(state, event, onIllegal, `no call '${callId}'`);
  if (!allowEnded && call.status.kind === 'ended') return illegal(state, event, onIllegal, `call '${callId}' has ended`);
  const next = patch(call);
  return next === call ? state : { ...state, calls: state.calls.map((c) => (c === call ? next : c)) };
}
