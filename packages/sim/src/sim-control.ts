import type { DispositionRecord, Lead } from '@dialkit/core';
import type { SimVoicemail } from './ambient.js';
import type { QueuedCaller } from './queue-port.js';
import type { SimStats } from './sim-stats.js';

/** What {@link SimControl.offerCall} offers; every field has a sensible default. */
export interface OfferCallOptions {
  /** Campaign of the call; the agent's campaign by default. */
  readonly campaignId?: string;
  /** The lead; by default one of the campaign's leads, picked by the seeded random source. */
  readonly lead?: Lead;
  /** Number shown; the lead's by default. */
  readonly number?: string;
  /** `predictive` (connected by the dialer, auto-answer) by default; `inbound` for an inbound campaign (the agent answers). */
  readonly origin?: 'predictive' | 'inbound';
  /** How long the customer talks once connected, in simulated ms; 0 keeps them on the line until someone hangs up. Default: a realistic random duration. */
  readonly talkMs?: number;
}

/**
 * The sim's control API, for tests and demos: make things happen now, and read the dialer's figures.
 * Every method throws a `DialkitError` (`backend.unavailable`) before the console started the backend.
 */
export interface SimControl {
  /** Offers a call to the agent now (even if they are not Ready); returns its call id. */
  offerCall(options?: OfferCallOptions): string;
  /** The customer hangs up now: the given call, or the agent's connected call. */
  customerHangsUp(callId?: string): void;
  /** Raises a campaign alert. */
  campaignAlert(text: string): void;
  /** Raises a system message. */
  systemMessage(text: string): void;
  /** A supervisor's chat message (a notification until the chat port exists). */
  supervisorChat(text: string): void;
  /** A voicemail arrives for the agent (a notification, and in {@link SimControl.voicemails}). */
  voicemailArrives(options?: { readonly from?: string; readonly name?: string; readonly durationSec?: number }): SimVoicemail;
  /** A callback falls due now for the agent's campaign: told, then dialled when the agent is free. */
  callbackDue(options?: { readonly leadId?: string; readonly note?: string }): void;
  /** A caller joins an inbound queue now (the first inbound campaign, or the agent's). */
  callerArrives(options?: { readonly campaignId?: string; readonly number?: string; readonly name?: string }): QueuedCaller;
  /** The DTMF digits the far end of a call heard, in order ('' when none): what the dial pad sent. */
  dtmfReceived(callId: string): string;
  /** Overrides every campaign's answer probability (0–1); undefined restores the campaigns' own. */
  setAnswerProbability(probability: number | undefined): void;
  /** The dialer's figures now (a frozen snapshot). */
  readonly stats: SimStats;
  /** Dispositions stored, once per idempotency key. */
  readonly stored: ReadonlyMap<string, DispositionRecord>;
  /** How many times each disposition key was submitted. */
  readonly submitAttempts: ReadonlyMap<string, number>;
  /** Voicemails left so far. */
  readonly voicemails: readonly SimVoicemail[];
  /** Callbacks that fell due and wait for the agent to be free. */
  readonly pendingCallbacks: number;
  /** Whether a console has started the backend. */
  readonly started: boolean;
}
