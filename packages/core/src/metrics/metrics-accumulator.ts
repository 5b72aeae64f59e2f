import type { PauseReason } from '../campaign/campaign.js';
import type { DialkitEvent } from '../event/dialkit-event.js';
import type { CoreState } from '../state/core-state.js';
import { addTime, clonePeriod, emptyPeriod, findCall, resetPeriod, toMetricsPeriod } from './metrics-period.js';
import type { MetricsSnapshot } from './metrics.js';

/** The start (local midnight) of the day containing `at`: the `Clock`'s `startOfDay`. */
export type StartOfDay = (at: number) => number;

/** Paused time with one reason code, inside a {@link MetricsPeriodAccumulator}. */
export interface PauseAccumulator {
  /** The reason's code (the key of `pauseByReason`). */
  code: string;
  /** Its label, as last seen. */
  label: string;
  /** Its kind, as last seen. */
  kind: PauseReason['kind'];
  /** Ms paused with this code. */
  ms: number;
}

/**
 * The running totals of one period; see {@link MetricsPeriod} for what each figure means.
 * Absent values are `null` (not `undefined`) so that the object survives JSON.
 */
export interface MetricsPeriodAccumulator {
  /** Start of the period, or null before it began. */
  since: number | null;
  /** `at` of the period's first agent activity, or null (its latest is the accumulator's `lastActivity`). */
  firstActivity: number | null;
  /** Ms ready. */
  readyMs: number;
  /** Ms reserved. */
  reservedMs: number;
  /** Ms on a call. */
  onCallMs: number;
  /** Ms in wrap-up. */
  wrapUpMs: number;
  /** Ms paused (any reason). */
  pausedMs: number;
  /** Ms paused with a break reason. */
  breakMs: number;
  /** Ms with a line connected. */
  talkMs: number;
  /** Ms with lines held and none connected. */
  holdMs: number;
  /** Calls offered or placed. */
  totalCalls: number;
  /** Calls that connected. */
  handledCalls: number;
  /** Successful dispositions of connected calls. */
  successfulCalls: number;
  /** Paused time by reason code, in order of first use. */
  reasons: PauseAccumulator[];
}

/**
 * The incremental state of the metrics fold: plain, JSON-serialisable data (it is stored in
 * journal checkpoints). Create with {@link createMetricsAccumulator}, advance with {@link accrue},
 * read with {@link metricsSnapshot}.
 */
export interface MetricsAccumulator {
  /** Format version of this object. */
  version: 1;
  /** `at` of the latest event folded in (the time accrued up to), or null before any. */
  lastAt: number | null;
  /** `at` of the latest agent activity (the same for both periods, when they had any), or null. */
  lastActivity: number | null;
  /** True between `console.closed` and `console.started`: no time accrues. */
  offline: boolean;
  /** Local midnight starting the `today` period. */
  dayStart: number;
  /** Local midnight ending the `today` period (the next day's start). */
  dayEnd: number;
  /** This session's totals. */
  session: MetricsPeriodAccumulator;
  /** Today's totals. */
  today: MetricsPeriodAccumulator;
}

/** Longer than any local day (23–25 h): `startOfDay(dayStart + this)` is the next day's start. */
const MORE_THAN_A_DAY = 26 * 3_600_000;

/** A new, empty accumulator: no events, no time. */
export function createMetricsAccumulator(): MetricsAccumulator {
  return { version: 1, lastAt: null, lastActivity: null, offline: false, dayStart: 0, dayEnd: 0, session: emptyPeriod(null), today: emptyPeriod(null) };
}

/** A deep copy of an accumulator (what a checkpoint stores while the original keeps moving). */
export function cloneAccumulator(acc: MetricsAccumulator): MetricsAccumulator {
  return { ...acc, session: clonePeriod(acc.session), today: clonePeriod(acc.today) };
}

/**
 * Folds one event into the accumulator, in place, in O(lines) time and without allocating on
 * the common path.
 *
 * @remarks
 * In order: the time since the previous event (`event.at − acc.lastAt`, 0 when negative) is
 * attributed to `before`'s status and lines, unless the console is offline or no agent is logged
 * in; the `today` period starts over at local midnight, keeping only the part of that time after
 * it; `console.closed` / `console.started` switch offline time on and off; an `agent.logged-in`
 * that logs an agent in starts a new session; then activity and call counts are taken from the
 * event and the change from `before` to `after`. Call it for every event, legal or not, with
 * `after = reduceCore(before, event)`.
 *
 * @param acc - the accumulator, mutated.
 * @param before - the core state before the event.
 * @param after - the core state after it.
 * @param event - the event.
 * @param startOfDay - the clock's local-midnight function.
 */
export function accrue(acc: MetricsAccumulator, before: CoreState, after: CoreState, event: DialkitEvent, startOfDay: StartOfDay): void {
  const at = event.at;
  const last = acc.lastAt;
  const session = acc.session;
  const today = acc.today;
  let from = last ?? at; // today's share of the time starts here
  if (last === null || at >= acc.dayEnd) {
    const start = startOfDay(at);
    acc.dayStart = start;
    acc.dayEnd = startOfDay(start + MORE_THAN_A_DAY);
    resetPeriod(today, start);
    if (from < start) from = start;
  }
  if (last === null || at > last) {
    if (last !== null && !acc.offline) addTime(session, today, before, at - last, at - from);
    acc.lastAt = at;
  }

  switch (event.type) {
    case 'console.closed':
      acc.offline = true;
      return;
    case 'console.started':
      acc.offline = false;
      return;
    case 'connection.changed':
    case 'notification.raised':
      return;
    case 'agent.logged-in':
      if (before.agent.session === null && after.agent.session !== null) resetPeriod(session, at);
      break;
    case 'call.offered':
    case 'call.dialing':
      if (after.calls !== before.calls && event.consultFor === undefined) {
        session.totalCalls++;
        today.totalCalls++;
      }
      break;
    case 'call.connected':
    case 'call.resumed':
      if (after.calls !== before.calls) {
        const call = findCall(before.calls, event.callId);
        if (call !== undefined && call.connectedAt === undefined && call.role === 'primary') {
          session.handledCalls++;
          today.handledCalls++;
        }
      }
      break;
    case 'disposition.saved':
      if (event.successful && after.calls !== before.calls) {
        const call = findCall(before.calls, event.callId);
        if (call !== undefined && call.connectedAt !== undefined) {
          session.successfulCalls++;
          today.successfulCalls++;
        }
      }
      break;
    default:
      break;
  }
  if (session.firstActivity === null) session.firstActivity = at;
  if (today.firstActivity === null) today.firstActivity = at;
  if (acc.lastActivity === null || at > acc.lastActivity) acc.lastActivity = at;
}

/**
 * The figures at `now`: the accumulated totals plus the live time from the last event to `now` in
 * the state's current status and lines. Does not change `acc`.
 *
 * @param acc - the accumulator, up to date with `state`.
 * @param state - the core state after the last event folded into `acc`.
 * @param now - the moment to compute for (epoch ms); times before `acc.lastAt` add nothing.
 * @param startOfDay - the clock's local-midnight function.
 */
export function metricsSnapshot(acc: MetricsAccumulator, state: CoreState, now: number, startOfDay: StartOfDay): MetricsSnapshot {
  const last = acc.lastAt;
  const session = clonePeriod(acc.session);
  let today: MetricsPeriodAccumulator;
  let from = last ?? now;
  if (last === null || now >= acc.dayEnd) {
    const start = startOfDay(now);
    today = emptyPeriod(start);
    if (from < start) from = start;
  } else {
    today = clonePeriod(acc.today);
  }
  if (last !== null && now > last && !acc.offline) addTime(session, today, state, now - last, now - from);
  return { at: now, session: toMetricsPeriod(session, acc.lastActivity), today: toMetricsPeriod(today, acc.lastActivity) };
}
