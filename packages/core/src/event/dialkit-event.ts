import type { CampaignRules, PauseReason } from '../campaign/campaign.js';
import type { CallOrigin, EndCause } from '../call/call-state.js';
import type { Lead } from '../lead/lead.js';
import type { NotificationInput } from '../notification/notification.js';

/** Agent presence events: past tense, dotted. */
export type AgentEvent =
  | { readonly type: 'agent.logged-in'; readonly at: number; readonly agentId: string; readonly name: string }
  | { readonly type: 'agent.logged-out'; readonly at: number }
  | { readonly type: 'agent.ready'; readonly at: number }
  | { readonly type: 'agent.paused'; readonly at: number; readonly reason: PauseReason }
  | { readonly type: 'agent.pause-requested'; readonly at: number; readonly reason: PauseReason | null }
  | { readonly type: 'campaign.joined'; readonly at: number; readonly campaign: CampaignRules }
  | { readonly type: 'campaign.left'; readonly at: number };

/** What the backend says about a new call. */
export interface NewCallInfo {
  /** Backend's id; unique per call. */
  readonly callId: string;
  /** Who placed it. */
  readonly direction: 'inbound' | 'outbound';
  /** How it came about. */
  readonly origin: CallOrigin;
  /** Far end's number. */
  readonly remoteNumber: string;
  /** Far end's display name. */
  readonly remoteName?: string;
  /** The lead, when the dialer sends it. */
  readonly lead?: Lead;
  /** The lead's id, when only the id is sent (core then asks the `Leads` port). */
  readonly leadId?: string;
  /** Campaign. */
  readonly campaignId?: string;
  /** A consult call of a warm transfer. */
  readonly consultFor?: string;
}

/** Call lifecycle events. */
export type CallEvent =
  | ({ readonly type: 'call.dialing'; readonly at: number } & NewCallInfo)
  | ({ readonly type: 'call.offered'; readonly at: number } & NewCallInfo)
  | { readonly type: 'call.ringing'; readonly at: number; readonly callId: string }
  | { readonly type: 'call.connected'; readonly at: number; readonly callId: string }
  | { readonly type: 'call.held'; readonly at: number; readonly callId: string; readonly by: 'local' | 'remote' }
  | { readonly type: 'call.resumed'; readonly at: number; readonly callId: string }
  | { readonly type: 'call.muted'; readonly at: number; readonly callId: string; readonly muted: boolean }
  | { readonly type: 'call.recording'; readonly at: number; readonly callId: string; readonly recording: boolean }
  | { readonly type: 'call.conferenced'; readonly at: number; readonly callIds: readonly string[]; readonly conferenceId: string }
  | { readonly type: 'call.ended'; readonly at: number; readonly callId: string; readonly cause: EndCause }
  | { readonly type: 'call.lead-updated'; readonly at: number; readonly callId: string; readonly lead: Lead };

/** A disposition was stored in the outbox: the call leaves wrap-up. */
export type DispositionEvent = {
  readonly type: 'disposition.saved';
  readonly at: number;
  readonly callId: string;
  readonly code: string;
  readonly successful: boolean;
};

/** The backend's connection. */
export type ConnectionEvent = {
  readonly type: 'connection.changed';
  readonly at: number;
  readonly status: ConnectionStatus;
  readonly detail?: string;
};

/** How the console reaches its backend. */
export type ConnectionStatus = 'connected' | 'reconnecting' | 'offline';

/** A notification from the backend (system message, campaign alert, error). */
export type NotificationEvent = { readonly type: 'notification.raised'; readonly at: number; readonly notification: NotificationInput };

/** The console itself started, or was found closed (for offline time in metrics). */
export type ConsoleEvent =
  | { readonly type: 'console.started'; readonly at: number }
  | { readonly type: 'console.closed'; readonly at: number };

/** Every event the core reduces. Each carries `at`, stamped from the injected clock. */
export type DialkitEvent = AgentEvent | CallEvent | DispositionEvent | ConnectionEvent | NotificationEvent | ConsoleEvent;

/** The `type` of a {@link DialkitEvent}. */
export type DialkitEventType = DialkitEvent['type'];

/** An event as a backend emits it: core stamps `at` on arrival. */
export type BackendEvent = DialkitEvent extends infer E ? (E extends { at: number } ? Omit<E, 'at'> : never) : never;
