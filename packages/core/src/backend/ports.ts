import type { Campaign, PauseReason } from '../campaign/campaign.js';
import type { CallOrigin } from '../call/call-state.js';
import type { Lead } from '../lead/lead.js';
import type { DispositionRecord } from '../disposition/disposition-record.js';
import { createToken } from '../common/token.js';

/** A request to place a call. */
export interface DialRequest {
  /** Number to dial, already validated (digits, optional leading +). */
  readonly number: string;
  /** How the call came about (`manual`, `preview`, `callback`). */
  readonly origin: CallOrigin;
  /** Campaign to dial for. */
  readonly campaignId?: string;
  /** Lead being dialled. */
  readonly leadId?: string;
  /** A consult call of a warm transfer for this call. */
  readonly consultFor?: string;
}

/**
 * Call control: what a telephony backend does with calls. Methods resolve when the backend has
 * accepted the request; the state moves on the events the backend emits (`call.*`).
 */
export interface CallControlPort {
  /** Places a call; resolves with the new call's id (its `call.dialing` event follows or precedes). */
  dial(request: DialRequest): Promise<{ readonly callId: string }>;
  /** Answers an offered call. */
  answer(callId: string): Promise<void>;
  /** Declines an offered call. */
  reject(callId: string): Promise<void>;
  /** Ends a call (cancels it while it rings). */
  hangup(callId: string): Promise<void>;
  /** Puts a connected call on hold. */
  hold(callId: string): Promise<void>;
  /** Takes a held call off hold. */
  resume(callId: string): Promise<void>;
  /** Mutes or unmutes the agent's microphone on a call. */
  mute(callId: string, muted: boolean): Promise<void>;
  /** Sends DTMF digits (0-9, *, #, A-D). */
  sendDtmf(callId: string, digits: string): Promise<void>;
  /** Transfers a call to a destination without consulting (blind). */
  transferBlind(callId: string, destination: string): Promise<void>;
  /** Completes a warm transfer: the consult call's party takes over `callId`. */
  completeTransfer(callId: string, consultCallId: string): Promise<void>;
  /** Merges calls into a three-way conference. */
  conference(callIds: readonly string[]): Promise<void>;
}
/** Token for the {@link CallControlPort}. */
export const CallControlPort = createToken<CallControlPort>('core.port.call-control');

/** Agent login credentials. Never logged, never stored in plain text. */
export interface Credentials {
  /** Agent's username. */
  readonly username: string;
  /** Agent's password. */
  readonly password: string;
}

/** Agent presence at the dialer: login, Ready, Pause, logout. Confirmations come as `agent.*` events. */
export interface AgentPresencePort {
  /** Logs in; rejects with `agent.invalid-credentials` when refused. */
  login(credentials: Credentials): Promise<{ readonly agentId: string; readonly name: string }>;
  /** Logs out. */
  logout(): Promise<void>;
  /** Puts the agent in the dialing pool. */
  ready(): Promise<void>;
  /** Takes the agent out of the pool with a reason. */
  pause(reason: PauseReason): Promise<void>;
}
/** Token for the {@link AgentPresencePort}. */
export const AgentPresencePort = createToken<AgentPresencePort>('core.port.agent-presence');

/** Campaigns assigned by a supervisor, and joining one. */
export interface CampaignsPort {
  /** The campaigns assigned to the logged-in agent (may be empty). */
  assigned(): Promise<readonly Campaign[]>;
  /** Joins a campaign; the backend emits `campaign.joined`. */
  join(campaignId: string): Promise<Campaign>;
  /** Leaves the current campaign; the backend emits `campaign.left`. */
  leave(): Promise<void>;
}
/** Token for the {@link CampaignsPort}. */
export const CampaignsPort = createToken<CampaignsPort>('core.port.campaigns');

/** Leads: the customer behind a call. */
export interface LeadsPort {
  /** A lead by id, or undefined. */
  lead(leadId: string): Promise<Lead | undefined>;
  /** Leads matching a name or number. */
  search(query: string): Promise<readonly Lead[]>;
}
/** Token for the {@link LeadsPort}. */
export const LeadsPort = createToken<LeadsPort>('core.port.leads');

/** Where dispositions go. `submit` must be idempotent on `record.key`. */
export interface DispositionsPort {
  /** Stores a disposition once per key; resolves on the backend's acknowledgement. */
  submit(record: DispositionRecord): Promise<void>;
}
/** Token for the {@link DispositionsPort}. */
export const DispositionsPort = createToken<DispositionsPort>('core.port.dispositions');
