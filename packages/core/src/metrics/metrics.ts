import type { PauseReason } from '../campaign/campaign.js';

/** Time spent paused with one reason (see {@link MetricsPeriod.pauseByReason}). */
export interface PauseTime {
  /** The reason's label, as last seen with this code. */
  readonly label: string;
  /** A break or another pause. */
  readonly kind: PauseReason['kind'];
  /** Milliseconds paused with this reason's code. */
  readonly ms: number;
}

/**
 * The agent's figures over one period ("My Stats", seed section "Dashboard / Stats").
 *
 * @remarks
 * Every figure is derived from the event journal. Time is in milliseconds and is attributed, from
 * one event to the next (and from the last event to the snapshot's `at`), to the state the agent
 * was in: the agent status and the lines of the core state before the later event.
 *
 * - Time accrues only while an agent is logged in **and** the console is running: between a
 *   `console.closed` event and the next `console.started` the console was closed, and that time is
 *   offline: it counts towards no figure. A reload resumes the same session.
 * - The status figures split login time exactly:
 *   `loginTime = availableTime + reservedTime + onCallTime + wrapUpTime + pauseTime`, always.
 * - The `today` period starts at local midnight (the `Clock`'s `startOfDay`); time that crosses
 *   midnight is split there, and at the first event (or snapshot) of a new day the period starts
 *   over.
 * - The `session` period starts with an `agent.logged-in` event that logs an agent in; after a
 *   logout it keeps the last session's figures until the next login.
 * - A consult call (the second leg of a warm transfer, with `consultFor`) is no call of its own:
 *   it counts towards no call count, though its connected time is talk time.
 *
 * Covers features M1–M11.
 */
export interface MetricsPeriod {
  /** Start of the period: the login that began the session, or local midnight; undefined before any. */
  readonly since: number | undefined;
  /**
   * M1. `at` of the period's first agent activity: any event except the system's own
   * (`console.started`, `console.closed`, `connection.changed`, `notification.raised`); undefined
   * when there was none.
   */
  readonly firstActivity: number | undefined;
  /** M2. `at` of the period's latest agent activity (same events as `firstActivity`). */
  readonly lastActivity: number | undefined;
  /**
   * M3. Ms with a logged-in agent (any status but `loggedOut`), excluding offline time when the
   * console was closed. Equals the sum of the five status figures, exactly.
   */
  readonly loginTime: number;
  /** M7. Ms in status `ready`: available for calls. */
  readonly availableTime: number;
  /** Ms in status `reserved`: a call offered to the agent, not yet answered. */
  readonly reservedTime: number;
  /** Ms in status `onCall`: any line live (dialing, ringing, connected or held). */
  readonly onCallTime: number;
  /** Ms in status `wrapUp`: no line live and an ended call awaits its disposition. */
  readonly wrapUpTime: number;
  /** M6. Ms in status `paused`, whatever the reason (includes `breakTime` and the login pause). */
  readonly pauseTime: number;
  /** M5. Ms in status `paused` with a reason of `kind: 'break'` (part of `pauseTime`). */
  readonly breakTime: number;
  /**
   * M11. `pauseTime` by reason `code` (label and kind as last seen with that code); the `ms` of
   * all entries add up to `pauseTime`. Only reasons with time in the period appear.
   */
  readonly pauseByReason: Readonly<Record<string, PauseTime>>;
  /** M8. Ms with at least one line `connected` (not held); 0 with no calls. */
  readonly talkTime: number;
  /** Ms with lines live, none of them connected, and at least one `held`. */
  readonly holdTime: number;
  /**
   * M4. Calls offered to or placed by the agent: `call.offered` and `call.dialing` events that
   * created a call, excluding consult calls. Includes missed, busy and unanswered calls.
   */
  readonly totalCalls: number;
  /**
   * M9. Calls that reached `connected` in the period, each counted once however often it was held
   * and resumed, excluding consult calls.
   */
  readonly callsHandled: number;
  /** `disposition.saved` events with `successful: true`, for calls that had connected. */
  readonly successfulCalls: number;
  /**
   * M10. `successfulCalls ÷ callsHandled` as a fraction (0.25 = 25 %); null when no call was
   * handled. A call handled in one period and dispositioned in the next counts in each where it
   * happened, so at a period's edge the rate can exceed 1.
   */
  readonly conversionRate: number | null;
  /**
   * `(talkTime + holdTime + wrapUpTime) ÷ callsHandled` in ms; null when no call was handled.
   * Wrap-up of calls that never connected (a busy manual dial) is included.
   */
  readonly averageHandleTime: number | null;
}

/** The agent's figures for this session and for today, at one moment. */
export interface MetricsSnapshot {
  /** When it was computed (epoch ms): live time is counted up to here. */
  readonly at: number;
  /** Since the agent's latest login (or the journal's start, before any). */
  readonly session: MetricsPeriod;
  /** Since local midnight of the day containing `at`. */
  readonly today: MetricsPeriod;
}
