import type { CampaignRules, PauseReason } from '../campaign/campaign.js';

/**
 * The agent's status: exactly one at a time.
 *
 * @remarks
 * ```
 *  loggedOut ──login──► paused(login) ⇄ ready ──offer──► reserved ──answer──► onCall
 *                          │   ▲          │                  │ (missed)          │ (all lines ended)
 *                          │   │          └──manual/preview dial──────────────► onCall
 *                          │   └── wrapUp ◄──────────── a call awaits its disposition ┘
 *                          │        │ afterWrapUp: 'ready' → ready, 'paused' (or pendingPause) → paused
 *                          └── logout (no live call) ──► loggedOut
 * ```
 * The agent is `onCall` while any line is live (dialing, ringing, connected, held) and `wrapUp`
 * when no line is live and an ended call still awaits its disposition.
 */
export type AgentStatus =
  | { readonly kind: 'loggedOut' }
  | { readonly kind: 'paused'; readonly reason: PauseReason; readonly since: number }
  | { readonly kind: 'ready'; readonly since: number }
  | { readonly kind: 'reserved'; readonly callId: string; readonly since: number }
  | { readonly kind: 'onCall'; readonly since: number }
  | { readonly kind: 'wrapUp'; readonly since: number };

/** The `kind` of an {@link AgentStatus}. */
export type AgentStatusKind = AgentStatus['kind'];

/** The agent status moves the state machine allows; any other is illegal. */
export const AGENT_TRANSITIONS: Readonly<Record<AgentStatusKind, readonly AgentStatusKind[]>> = {
  loggedOut: ['paused'],
  paused: ['paused', 'ready', 'reserved', 'onCall', 'loggedOut'],
  ready: ['paused', 'reserved', 'onCall', 'loggedOut'],
  reserved: ['reserved', 'onCall', 'ready', 'paused', 'wrapUp', 'loggedOut'],
  onCall: ['wrapUp', 'ready', 'paused', 'reserved', 'loggedOut'],
  wrapUp: ['ready', 'paused', 'onCall', 'reserved', 'loggedOut'],
};

/** Who is logged in. */
export interface AgentSession {
  /** Agent's id at the backend. */
  readonly agentId: string;
  /** Display name. */
  readonly name: string;
  /** When this session started (epoch ms). */
  readonly startedAt: number;
}

/** Everything core knows about the agent. */
export interface AgentState {
  /** Current status. */
  readonly status: AgentStatus;
  /** The logged-in agent, or null. */
  readonly session: AgentSession | null;
  /** The joined campaign's rules, or null. */
  readonly campaign: CampaignRules | null;
  /** A pause asked for during a call, applied when wrap-up ends. */
  readonly pendingPause: PauseReason | null;
  /** Where the agent returns when a call leaves no wrap-up: the last ready or paused status. */
  readonly idle: { readonly kind: 'ready' } | { readonly kind: 'paused'; readonly reason: PauseReason };
}
