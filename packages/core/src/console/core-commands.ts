import type { AgentSession } from '../agent/agent-state.js';
import type { Campaign, PauseReason } from '../campaign/campaign.js';
import type { CallOrigin } from '../call/call-state.js';
import { defineCommand } from '../command/command.js';
import type { Credentials } from '../backend/ports.js';
import type { DispositionInput, DispositionRecord } from '../disposition/disposition-record.js';

/** Options of a dial beyond the number. */
export interface DialOptions {
  /** How the call came about; `manual` by default. */
  readonly origin?: CallOrigin;
  /** Lead being dialled (preview, callback). */
  readonly leadId?: string;
  /** Campaign; the joined one by default. */
  readonly campaignId?: string;
}

/**
 * Core's built-in commands. Every agent and call action goes through the command pipeline, so a
 * plugin can veto (`before` throwing), decorate (`before` returning new args), observe (`after`)
 * or `replace` any of them.
 *
 * @remarks Login arguments hold credentials: the pipeline never logs or traces argument values.
 */
export const Commands = {
  /** Logs the agent in. */
  login: defineCommand<Credentials, AgentSession>('agent.login', { description: 'Logs the agent in.' }),
  /** Logs the agent out (no live call, nothing awaiting a disposition). */
  logout: defineCommand<void>('agent.logout', { description: 'Logs the agent out.' }),
  /** Joins an assigned campaign. */
  joinCampaign: defineCommand<{ readonly campaignId: string }, Campaign>('agent.join-campaign', { description: 'Joins an assigned campaign.' }),
  /** Leaves the joined campaign. */
  leaveCampaign: defineCommand<void>('agent.leave-campaign', { description: 'Leaves the joined campaign.' }),
  /** Play: puts the agent in the dialing pool. */
  ready: defineCommand<void>('agent.ready', { description: 'Puts the agent in the dialing pool (Play).' }),
  /** Pause with a reason; during a call it is kept and applied after wrap-up. */
  pause: defineCommand<{ readonly reason: PauseReason | string }>('agent.pause', { description: 'Pauses the agent with a reason.' }),
  /** Withdraws a pause asked for during a call. */
  cancelPendingPause: defineCommand<void>('agent.cancel-pending-pause', { description: 'Withdraws a pending pause.' }),
  /** Places a call by number. */
  dial: defineCommand<{ readonly number: string } & DialOptions, { readonly callId: string }>('call.dial', { description: 'Places a call by number.' }),
  /** Answers an offered call. */
  answer: defineCommand<{ readonly callId: string }>('call.answer', { description: 'Answers an offered call.' }),
  /** Declines an offered call. */
  reject: defineCommand<{ readonly callId: string }>('call.reject', { description: 'Declines an offered call.' }),
  /** Hangs up (or cancels a ringing call). */
  hangup: defineCommand<{ readonly callId: string }>('call.hangup', { description: 'Ends a call.' }),
  /** Puts a call on hold. */
  hold: defineCommand<{ readonly callId: string }>('call.hold', { description: 'Puts a call on hold.' }),
  /** Takes a call off hold. */
  resume: defineCommand<{ readonly callId: string }>('call.resume', { description: 'Takes a call off hold.' }),
  /** Mutes or unmutes the microphone on a call. */
  mute: defineCommand<{ readonly callId: string; readonly muted: boolean }>('call.mute', { description: 'Mutes or unmutes the microphone.' }),
  /** Sends DTMF digits. */
  sendDtmf: defineCommand<{ readonly callId: string; readonly digits: string }>('call.send-dtmf', { description: 'Sends DTMF digits.' }),
  /** Blind transfer. */
  transferBlind: defineCommand<{ readonly callId: string; readonly destination: string }>('call.transfer-blind', { description: 'Transfers a call without consulting.' }),
  /** Starts a consult call for a warm transfer (the customer is held first). */
  consult: defineCommand<{ readonly callId: string; readonly destination: string }, { readonly callId: string }>('call.consult', { description: 'Starts a consult call for a warm transfer.' }),
  /** Completes a warm transfer. */
  completeTransfer: defineCommand<{ readonly callId: string; readonly consultCallId: string }>('call.complete-transfer', { description: 'Completes a warm transfer.' }),
  /** Merges calls into a conference. */
  conference: defineCommand<{ readonly callIds: readonly string[] }>('call.conference', { description: 'Merges calls into a conference.' }),
  /** Skips the lead in preview (preview dialing); the dialer shows the next one. Needs a backend providing `PreviewPort`. */
  skipPreview: defineCommand<{ readonly leadId: string }>('preview.skip', { description: 'Skips the lead in preview.' }),
  /** Submits a disposition (to the persistent outbox first). */
  submitDisposition: defineCommand<{ readonly callId: string; readonly input: DispositionInput }, DispositionRecord>('disposition.submit', { description: 'Submits the outcome of a call.' }),
} as const;
