/** What a notification is about. */
export type NotificationKind = 'system' | 'campaign' | 'error';

/** How urgent it is. */
export type NotificationLevel = 'info' | 'success' | 'warning' | 'error';

/** A notification to raise. */
export interface NotificationInput {
  /** System message, campaign alert or error. */
  readonly kind: NotificationKind;
  /** Urgency; defaults to `error` for errors, `info` otherwise. */
  readonly level?: NotificationLevel;
  /** One line of text (untrusted when it comes from a backend: render as text). */
  readonly message: string;
  /** Error code or other machine-readable id. */
  readonly code?: string;
  /** Notifications with the same key are merged: the newest text, a count, a fresh expiry. */
  readonly dedupeKey?: string;
  /** Removed this many ms after it was raised (or last merged). */
  readonly ttlMs?: number;
}

/** A notification on screen. */
export interface Notification {
  /** Unique id. */
  readonly id: string;
  /** System message, campaign alert or error. */
  readonly kind: NotificationKind;
  /** Urgency. */
  readonly level: NotificationLevel;
  /** Text. */
  readonly message: string;
  /** Machine-readable id. */
  readonly code: string | undefined;
  /** Merge key. */
  readonly dedupeKey: string | undefined;
  /** How many times it was raised. */
  readonly count: number;
  /** First raised (epoch ms). */
  readonly raisedAt: number;
  /** Last raised. */
  readonly updatedAt: number;
  /** When it expires, if it does. */
  readonly expiresAt: number | undefined;
}
