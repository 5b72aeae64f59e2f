import type { Lead } from '../lead/lead.js';

/** Why a call ended. */
export type EndCause =
  | 'agentHangup'
  | 'remoteHangup'
  | 'cancelled'
  | 'transferred'
  | 'noAnswer'
  | 'busy'
  | 'rejected'
  | 'answeringMachine'
  | 'failed'
  | 'voicemailDropped';

/** Every end cause, for validation and menus. */
export const END_CAUSES: readonly EndCause[] = [
  'agentHangup', 'remoteHangup', 'cancelled', 'transferred', 'noAnswer', 'busy', 'rejected',
  'answeringMachine', 'failed', 'voicemailDropped',
];

/** How the call came to the agent. */
export type CallOrigin = 'predictive' | 'progressive' | 'preview' | 'manual' | 'inbound' | 'callback' | 'transfer';

/**
 * The lifecycle state of one call.
 *
 * @remarks
 * ```
 *  dialing ──► ringing ──► connected ⇄ held
 *     │           │            │        │
 *  offered ───────┼────────────┘        │
 *     └───────────┴─────► ended ◄───────┘   (from any state, with a cause)
 * ```
 * `held.by` says who holds: `local` (the agent) or `remote` (the far end's re-INVITE).
 */
export type CallStatus =
  | { readonly kind: 'dialing' }
  | { readonly kind: 'ringing' }
  | { readonly kind: 'offered' }
  | { readonly kind: 'connected' }
  | { readonly kind: 'held'; readonly by: 'local' | 'remote' }
  | { readonly kind: 'ended'; readonly cause: EndCause };

/** The `kind` of a {@link CallStatus}. */
export type CallStatusKind = CallStatus['kind'];

/** The call states the agent can move between; any other move is illegal. `ended` is terminal. */
export const CALL_TRANSITIONS: Readonly<Record<CallStatusKind, readonly CallStatusKind[]>> = {
  dialing: ['ringing', 'connected', 'ended'],
  ringing: ['connected', 'ended'],
  offered: ['connected', 'ended'],
  connected: ['held', 'ended'],
  held: ['connected', 'held', 'ended'],
  ended: [],
};

/** One call on one of the agent's lines. */
export interface Call {
  /** Backend's id. */
  readonly id: string;
  /** Line number, 1-based. */
  readonly line: number;
  /** Lifecycle state. */
  readonly status: CallStatus;
  /** Who placed it. */
  readonly direction: 'inbound' | 'outbound';
  /** How it came about. */
  readonly origin: CallOrigin;
  /** A customer call, or a consult call of a warm transfer. */
  readonly role: 'primary' | 'consult';
  /** For a consult call: the call it consults for. */
  readonly consultFor: string | undefined;
  /** Conference this call is merged into. */
  readonly conferenceId: string | undefined;
  /** Far end's number (untrusted text). */
  readonly remoteNumber: string;
  /** Far end's display name (untrusted text). */
  readonly remoteName: string | undefined;
  /** Lead, when the dialer sent it with the call. */
  readonly lead: Lead | undefined;
  /** The lead's id (from the lead, or sent alone). */
  readonly leadId: string | undefined;
  /** Campaign the call belongs to. */
  readonly campaignId: string | undefined;
  /** Microphone muted. */
  readonly muted: boolean;
  /** Being recorded. */
  readonly recording: boolean;
  /** Whether an outcome must be recorded once it ends (connected calls and calls the agent placed). */
  readonly needsDisposition: boolean;
  /** When the call appeared (epoch ms). */
  readonly createdAt: number;
  /** When it first connected. */
  readonly connectedAt: number | undefined;
  /** When it ended. */
  readonly endedAt: number | undefined;
}

/** True while the call occupies the agent: dialing, ringing, connected or held. */
export function isLive(call: Call): boolean {
  const k = call.status.kind;
  return k === 'dialing' || k === 'ringing' || k === 'connected' || k === 'held';
}

/** True when the call has ended and still needs its outcome. */
export function awaitsDisposition(call: Call): boolean {
  return call.status.kind === 'ended' && call.needsDisposition;
}

/** Call duration in ms at `now`: from connection (or creation) to end (or now). */
export function callDuration(call: Call, now: number): number {
  const start = call.connectedAt ?? call.createdAt;
  return Math.max(0, (call.endedAt ?? now) - start);
}
