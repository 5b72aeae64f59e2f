/** A callback to schedule with a disposition. */
export interface CallbackRequest {
  /** When to call back (epoch ms); must be in the future. */
  readonly at: number;
  /** For this agent only, or for anyone on the campaign. */
  readonly scope: 'personal' | 'anyone';
  /** Note for whoever calls back. */
  readonly note?: string;
}

/** What the agent fills in during wrap-up. */
export interface DispositionInput {
  /** Chosen outcome code. */
  readonly code: string;
  /** Free-text notes. */
  readonly notes?: string;
  /** Values of the campaign's disposition fields. */
  readonly fields?: Readonly<Record<string, string>>;
  /** Callback, when the outcome needs or allows one. */
  readonly callback?: CallbackRequest;
}

/** A validated disposition, as stored in the outbox and sent to the backend. */
export interface DispositionRecord {
  /** Idempotency key: the backend stores a record once per key, however often it is sent. */
  readonly key: string;
  /** The call it closes. */
  readonly callId: string;
  /** The call's campaign. */
  readonly campaignId: string | undefined;
  /** The call's lead. */
  readonly leadId: string | undefined;
  /** The agent who submitted it. */
  readonly agentId: string;
  /** Outcome code. */
  readonly code: string;
  /** Whether the outcome counts as successful. */
  readonly successful: boolean;
  /** Notes (may be empty). */
  readonly notes: string;
  /** Field values. */
  readonly fields: Readonly<Record<string, string>>;
  /** Scheduled callback. */
  readonly callback: CallbackRequest | undefined;
  /** When the agent submitted (epoch ms). */
  readonly submittedAt: number;
}
