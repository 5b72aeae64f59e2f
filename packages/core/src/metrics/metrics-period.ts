import type { PauseReason } from '../campaign/campaign.js';
import type { Call } from '../call/call-state.js';
import type { CoreState } from '../state/core-state.js';
import type { MetricsPeriodAccumulator, PauseAccumulator } from './metrics-accumulator.js';
import type { MetricsPeriod, PauseTime } from './metrics.js';

/*
 * Period arithmetic shared by the accumulator and snapshots (internal to core).
 */

/** @internal No line live, or none connected or held. */
export const LINES_IDLE = 0;
/** @internal At least one line connected. */
export const LINES_TALK = 1;
/** @internal Lines held, none connected. */
export const LINES_HOLD = 2;

/**
 * The public figures of one period from its running totals: the derived figures (login time,
 * conversion rate, average handle time) computed, `null`s turned into `undefined`.
 *
 * @param p - the period's totals (not changed).
 * @param lastActivity - the latest agent activity (shown when the period had any).
 */
export function toMetricsPeriod(p: MetricsPeriodAccumulator, lastActivity: number | null): MetricsPeriod {
  const loginTime = p.readyMs + p.reservedMs + p.onCallMs + p.wrapUpMs + p.pausedMs;
  const handled = p.handledCalls;
  // fromEntries defines own properties: a code such as `__proto__` stays a plain key.
  const pauseByReason: Record<string, PauseTime> = Object.fromEntries(
    p.reasons.map((r) => [r.code, { label: r.label, kind: r.kind, ms: r.ms }] as const),
  );
  return {
    since: p.since ?? undefined,
    firstActivity: p.firstActivity ?? undefined,
    lastActivity: p.firstActivity === null ? undefined : (lastActivity ?? undefined),
    loginTime,
    availableTime: p.readyMs,
    reservedTime: p.reservedMs,
    onCallTime: p.onCallMs,
    wrapUpTime: p.wrapUpMs,
    pauseTime: p.pausedMs,
    breakTime: p.breakMs,
    pauseByReason,
    talkTime: p.talkMs,
    holdTime: p.holdMs,
    totalCalls: p.totalCalls,
    callsHandled: handled,
    successfulCalls: p.successfulCalls,
    conversionRate: handled === 0 ? null : p.successfulCalls / handled,
    averageHandleTime: handled === 0 ? null : (p.talkMs + p.holdMs + p.wrapUpMs) / handled,
  };
}

/** @internal A period with nothing in it yet. */
export function emptyPeriod(since: number | null): MetricsPeriodAccumulator {
  return {
    since, firstActivity: null,
    readyMs: 0, reservedMs: 0, onCallMs: 0, wrapUpMs: 0, pausedMs: 0, breakMs: 0, talkMs: 0, holdMs: 0,
    totalCalls: 0, handledCalls: 0, successfulCalls: 0, reasons: [],
  };
}

/** @internal A deep copy of a period. */
export function clonePeriod(p: MetricsPeriodAccumulator): MetricsPeriodAccumulator {
  return { ...p, reasons: p.reasons.map((r) => ({ ...r })) };
}

/** @internal Empties a period in place, starting it at `since`. */
export function resetPeriod(p: MetricsPeriodAccumulator, since: number): void {
  p.since = since;
  p.firstActivity = null;
  p.readyMs = p.reservedMs = p.onCallMs = p.wrapUpMs = p.pausedMs = p.breakMs = p.talkMs = p.holdMs = 0;
  p.totalCalls = p.handledCalls = p.successfulCalls = 0;
  p.reasons = [];
}

/**
 * @internal Adds time in `state`'s status and lines: `dt` ms to the session, `todayDt` (its part
 * after local midnight) to today. Talk and hold time are parts of on-call time: lines are live
 * only while the agent is on a call.
 */
export function addTime(session: MetricsPeriodAccumulator, today: MetricsPeriodAccumulator, state: CoreState, dt: number, todayDt: number): void {
  const status = state.agent.status;
  switch (status.kind) {
    case 'ready':
      session.readyMs += dt;
      today.readyMs += todayDt;
      return;
    case 'reserved':
      session.reservedMs += dt;
      today.reservedMs += todayDt;
      return;
    case 'wrapUp':
      session.wrapUpMs += dt;
      today.wrapUpMs += todayDt;
      return;
    case 'paused':
      session.pausedMs += dt;
      today.pausedMs += todayDt;
      if (status.reason.kind === 'break') {
        session.breakMs += dt;
        today.breakMs += todayDt;
      }
      addPause(session.reasons, status.reason, dt);
      if (todayDt > 0) addPause(today.reasons, status.reason, todayDt);
      return;
    case 'onCall': {
      session.onCallMs += dt;
      today.onCallMs += todayDt;
      const lines = lineState(state.calls);
      if (lines === LINES_TALK) {
        session.talkMs += dt;
        today.talkMs += todayDt;
      } else if (lines === LINES_HOLD) {
        session.holdMs += dt;
        today.holdMs += todayDt;
      }
      return;
    }
    case 'loggedOut':
      return;
  }
}

/** Adds paused time to a reason, by code. */
function addPause(reasons: PauseAccumulator[], reason: PauseReason, dt: number): void {
  for (let i = 0; i < reasons.length; i++) {
    const r = reasons[i];
    if (r !== undefined && r.code === reason.code) {
      r.ms += dt;
      r.label = reason.label;
      r.kind = reason.kind;
      return;
    }
  }
  reasons.push({ code: reason.code, label: reason.label, kind: reason.kind, ms: dt });
}

/** @internal Which line figure time goes to: idle, talk or hold. */
export function lineState(calls: readonly Call[]): number {
  let held = false;
  for (let i = 0; i < calls.length; i++) {
    const kind = calls[i]?.status.kind;
    if (kind === 'connected') return LINES_TALK;
    if (kind === 'held') held = true;
  }
  return held ? LINES_HOLD : LINES_IDLE;
}

/** @internal The call with this id, without allocating. */
export function findCall(calls: readonly Call[], id: string): Call | undefined {
  for (let i = 0; i < calls.length; i++) {
    const c = calls[i];
    if (c !== undefined && c.id === id) return c;
  }
  return undefined;
}
