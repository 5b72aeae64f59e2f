import { LOGIN_PAUSE } from '../campaign/campaign.js';
import type { AgentState } from '../agent/agent-state.js';
import { IDLE_READY, agentPatch, deriveAgentState, isBusy, transitionAgentStatus } from '../agent/agent-transition.js';
import type { Call, CallStatus } from '../call/call-state.js';
import { CONNECTED, ENDED, HELD, RINGING, callWith, createCall, transitionCall } from '../call/call-transition.js';
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
      return core(INITIAL_CORE_STATE.agent, INITIAL_CORE_STATE.calls, state.connection);
    case 'agent.ready':
    case 'agent.paused': {
      const a = state.agent;
      if (a.status.kind === 'loggedOut') return illegal(state, event, onIllegal, 'no agent is logged in');
      if (isBusy(a.status)) {
        // The backend wins on presence; calls still decide whether the agent is busy.
        return event.type === 'agent.ready'
          ? withAgent(state, agentPatch(a, { idle: IDLE_READY, pendingPause: null }))
          : withAgent(state, agentPatch(a, { pendingPause: event.reason }));
      }
      const to = event.type === 'agent.ready'
        ? ({ kind: 'ready', since: event.at } as const)
        : ({ kind: 'paused', reason: event.reason, since: event.at } as const);
      const status = transitionAgentStatus(a.status, to);
      const idle = event.type === 'agent.ready' ? IDLE_READY : ({ kind: 'paused', reason: event.reason } as const);
      if (status === a.status && a.idle.kind === idle.kind && a.pendingPause === null) return state;
      return withAgent(state, agentPatch(a, { status, idle, pendingPause: null }));
    }
    case 'agent.pause-requested': {
      const a = state.agent;
      if (!isBusy(a.status)) return illegal(state, event, onIllegal, `a pending pause needs a busy agent, not '${a.status.kind}'`);
      return a.pendingPause === event.reason ? state : withAgent(state, agentPatch(a, { pendingPause: event.reason }));
    }
    case 'campaign.joined':
      if (state.agent.status.kind === 'loggedOut') return illegal(state, event, onIllegal, 'no agent is logged in');
      return withAgent(state, agentPatch(state.agent, { campaign: event.campaign }));
    case 'campaign.left':
      if (state.agent.campaign === null) return state;
      return withAgent(state, agentPatch(state.agent, { campaign: null }));
    case 'call.dialing':
    case 'call.offered': {
      if (state.agent.status.kind === 'loggedOut') return illegal(state, event, onIllegal, 'no agent is logged in');
      if (indexOfCall(state.calls, event.callId) >= 0) return illegal(state, event, onIllegal, `call '${event.callId}' already exists`);
      const call = createCall(event, event.type === 'call.dialing' ? 'dialing' : 'offered', state.calls, event.at);
      return withCalls(state, [...state.calls, call], event.at);
    }
    case 'call.ringing':
      return moveCall(state, event, event.callId, RINGING, onIllegal);
    case 'call.connected':
      return moveCall(state, event, event.callId, CONNECTED, onIllegal);
    case 'call.held':
      return moveCall(state, event, event.callId, HELD[event.by] ?? { kind: 'held', by: event.by }, onIllegal);
    case 'call.resumed': {
      const held = state.calls[indexOfCall(state.calls, event.callId)];
      if (held && held.status.kind !== 'held') return illegal(state, event, onIllegal, `call '${event.callId}' cannot be resumed while '${held.status.kind}'`);
      return moveCall(state, event, event.callId, CONNECTED, onIllegal);
    }
    case 'call.ended':
      return moveCall(state, event, event.callId, ENDED[event.cause] ?? { kind: 'ended', cause: event.cause }, onIllegal);
    case 'call.muted':
      return patchLiveCall(state, event, event.callId, onIllegal, (c) => (c.muted === event.muted ? c : callWith(c, { muted: event.muted })));
    case 'call.recording':
      return patchLiveCall(state, event, event.callId, onIllegal, (c) => (c.recording === event.recording ? c : callWith(c, { recording: event.recording })));
    case 'call.lead-updated':
      return patchLiveCall(state, event, event.callId, onIllegal, (c) => callWith(c, { lead: event.lead }), true);
    case 'call.conferenced': {
      const ids = new Set(event.callIds);
      const missing = event.callIds.filter((id) => !state.calls.some((c) => c.id === id && c.status.kind !== 'ended'));
      if (missing.length > 0 || ids.size < 2) return illegal(state, event, onIllegal, `conference needs two live calls; not live: ${missing.join(', ') || 'none given'}`);
      return withCalls(state, state.calls.map((c) => (ids.has(c.id) ? callWith(c, { conferenceId: event.conferenceId }) : c)), event.at);
    }
    case 'disposition.saved': {
      const i = indexOfCall(state.calls, event.callId);
      const call = state.calls[i];
      if (!call || call.status.kind !== 'ended' || !call.needsDisposition) {
        return illegal(state, event, onIllegal, `call '${event.callId}' does not await a disposition`);
      }
      return withCalls(state, replaceAt(state.calls, i, undefined), event.at);
    }
    case 'connection.changed':
      if (state.connection.status === event.status && state.connection.detail === event.detail) return state;
      return core(state.agent, state.calls, { status: event.status, detail: event.detail, since: event.at });
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

/** One fixed-shape literal for the root state (see `callWith` for why not a spread). */
function core(agent: AgentState, calls: readonly Call[], connection: CoreState['connection']): CoreState {
  return { agent, calls, connection };
}

function withAgent(state: CoreState, agent: AgentState): CoreState {
  return core(agent, state.calls, state.connection);
}

function withCalls(state: CoreState, calls: readonly Call[], at: number): CoreState {
  return core(deriveAgentState(state.agent, calls, at), calls, state.connection);
}

/** Index of a call by id, or -1 (a plain loop: this runs on every call event). */
function indexOfCall(calls: readonly Call[], callId: string): number {
  for (let i = 0; i < calls.length; i++) if (calls[i]!.id === callId) return i;
  return -1;
}

/** A copy of `calls` with index `i` replaced, or removed when `next` is undefined. */
function replaceAt(calls: readonly Call[], i: number, next: Call | undefined): readonly Call[] {
  const out: Call[] = [];
  for (let j = 0; j < calls.length; j++) {
    if (j !== i) out.push(calls[j]!);
    else if (next) out.push(next);
  }
  return out;
}

function moveCall(state: CoreState, event: DialkitEvent, callId: string, to: CallStatus, onIllegal: IllegalEventHandler): CoreState {
  const i = indexOfCall(state.calls, callId);
  const call = state.calls[i];
  if (!call) return illegal(state, event, onIllegal, `no call '${callId}'`);
  const next = transitionCall(call, to, event.at);
  if (!next) return illegal(state, event, onIllegal, `call '${callId}' cannot go from '${call.status.kind}' to '${to.kind}'`);
  if (next === call) return state;
  return withCalls(state, replaceAt(state.calls, i, next.status.kind === 'ended' && !next.needsDisposition ? undefined : next), event.at);
}

function patchLiveCall(state: CoreState, event: DialkitEvent, callId: string, onIllegal: IllegalEventHandler, patch: (c: Call) => Call, allowEnded = false): CoreState {
  const i = indexOfCall(state.calls, callId);
  const call = state.calls[i];
  if (!call) return illegal(state, event, onIllegal, `no call '${callId}'`);
  if (!allowEnded && call.status.kind === 'ended') return illegal(state, event, onIllegal, `call '${callId}' has ended`);
  const next = patch(call);
  return next === call ? state : core(state.agent, replaceAt(state.calls, i, next), state.connection);
}
