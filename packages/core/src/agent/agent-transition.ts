import { transitionSets } from '../common/transition-sets.js';
import { LOGIN_PAUSE, type PauseReason } from '../campaign/campaign.js';
import { awaitsDisposition, isLive, type Call } from '../call/call-state.js';
import { AGENT_TRANSITIONS, type AgentState, type AgentStatus } from './agent-state.js';

/** {@link AGENT_TRANSITIONS} as sets, for the hot path. */
const ALLOWED = transitionSets(AGENT_TRANSITIONS);

/** The pause reason used when a campaign sends the agent to Paused after wrap-up. */
export const AFTER_WRAP_UP_PAUSE: PauseReason = { code: 'after-wrap-up', label: 'After wrap-up', kind: 'pause' };

/** The initial agent state: logged out. */
export const INITIAL_AGENT_STATE: AgentState = {
  status: { kind: 'loggedOut' },
  session: null,
  campaign: null,
  pendingPause: null,
  idle: { kind: 'paused', reason: LOGIN_PAUSE },
};

/**
 * The one validated transition function for agent status: returns `to`, or `from` when they
 * are the same status.
 *
 * @throws Error when the move is not in {@link AGENT_TRANSITIONS} (a bug in core, never input).
 */
export function transitionAgentStatus(from: AgentStatus, to: AgentStatus): AgentStatus {
  if (sameStatus(from, to)) return from;
  if (!ALLOWED[from.kind].has(to.kind)) {
    throw new Error(`Illegal agent status transition '${from.kind}' → '${to.kind}'`);
  }
  return to;
}

/** True when two statuses are the same status (same kind, reason and call). */
export function sameStatus(a: AgentStatus, b: AgentStatus): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'paused' && b.kind === 'paused') return a.reason.code === b.reason.code;
  if (a.kind === 'reserved' && b.kind === 'reserved') return a.callId === b.callId;
  return true;
}

/** True when the agent is occupied by calls: reserved, on a call or in wrap-up. */
export function isBusy(status: AgentStatus): boolean {
  return status.kind === 'reserved' || status.kind === 'onCall' || status.kind === 'wrapUp';
}

/**
 * Derives the agent's status from its lines after a call event.
 *
 * @remarks On a call while any line is live; wrap-up while an ended call awaits its disposition;
 * reserved while a call is offered; otherwise back to idle: a pending pause first, then the
 * campaign's `afterWrapUp` rule (only when leaving wrap-up from Ready), then the last idle status.
 */
export function deriveAgentState(agent: AgentState, calls: readonly Call[], at: number): AgentState {
  const from = agent.status;
  if (from.kind === 'loggedOut') return agent;
  let live = false;
  let pending = false;
  let offered: Call | undefined;
  for (const c of calls) {
    if (isLive(c)) live = true;
    else if (awaitsDisposition(c)) pending = true;
    else if (c.status.kind === 'offered') offered ??= c;
  }
  let to: AgentStatus;
  let next = agent;
  if (live) to = from.kind === 'onCall' ? from : { kind: 'onCall', since: at };
  else if (pending) to = from.kind === 'wrapUp' ? from : { kind: 'wrapUp', since: at };
  else if (offered) to = from.kind === 'reserved' && from.callId === offered.id ? from : { kind: 'reserved', callId: offered.id, since: at };
  else if (!isBusy(from)) return agent;
  else if (agent.pendingPause) {
    to = { kind: 'paused', reason: agent.pendingPause, since: at };
    next = agentPatch(agent, { pendingPause: null, idle: { kind: 'paused', reason: agent.pendingPause } });
  } else if (from.kind === 'wrapUp' && agent.idle.kind === 'ready' && agent.campaign?.afterWrapUp === 'paused') {
    to = { kind: 'paused', reason: AFTER_WRAP_UP_PAUSE, since: at };
    next = agentPatch(agent, { idle: { kind: 'paused', reason: AFTER_WRAP_UP_PAUSE } });
  } else {
    to = agent.idle.kind === 'ready' ? { kind: 'ready', since: at } : { kind: 'paused', reason: agent.idle.reason, since: at };
  }
  const status = transitionAgentStatus(from, to);
  return status === from && next === agent ? agent : agentWith(next, status);
}

/** A copy of `a` with another status, as one fixed-shape literal. */
export function agentWith(a: AgentState, status: AgentStatus): AgentState {
  return { status, session: a.session, campaign: a.campaign, pendingPause: a.pendingPause, idle: a.idle };
}

/** A copy of `a` with `patch` applied, as one fixed-shape literal (the reducer's hot path). */
export function agentPatch(a: AgentState, patch: Partial<AgentState>): AgentState {
  return {
    status: patch.status ?? a.status,
    session: patch.session === undefined ? a.session : patch.session,
    campaign: patch.campaign === undefined ? a.campaign : patch.campaign,
    pendingPause: patch.pendingPause === undefined ? a.pendingPause : patch.pendingPause,
    idle: patch.idle ?? a.idle,
  };
}

/** The idle status `ready` (shared, no allocation). */
export const IDLE_READY: AgentState['idle'] = Object.freeze({ kind: 'ready' });
