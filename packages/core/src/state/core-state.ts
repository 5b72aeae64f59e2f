import type { AgentState } from '../agent/agent-state.js';
import { INITIAL_AGENT_STATE } from '../agent/agent-transition.js';
import type { Call } from '../call/call-state.js';
import type { ConnectionStatus } from '../event/dialkit-event.js';

/** The backend connection as the console shows it. */
export interface ConnectionState {
  /** Connected, reconnecting or offline. */
  readonly status: ConnectionStatus;
  /** Backend's words about it (untrusted text). */
  readonly detail: string | undefined;
  /** Since when (epoch ms). */
  readonly since: number;
}

/**
 * The state the core reducer folds events into. Each slice keeps its reference when an event
 * does not change it, so subscribers of a slice hear only about their slice.
 */
export interface CoreState {
  /** Agent status, session, campaign. */
  readonly agent: AgentState;
  /** Calls on the agent's lines, by line order of arrival. */
  readonly calls: readonly Call[];
  /** Backend connection. */
  readonly connection: ConnectionState;
}

/** The state before any event. */
export const INITIAL_CORE_STATE: CoreState = {
  agent: INITIAL_AGENT_STATE,
  calls: [],
  connection: { status: 'offline', detail: undefined, since: 0 },
};
