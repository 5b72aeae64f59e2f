import type { PauseReason } from '../campaign/campaign.js';
import type { CallOrigin, EndCause } from '../call/call-state.js';
import type { DialkitEvent } from '../event/dialkit-event.js';

/** Options of {@link generateShift}. */
export interface ShiftOptions {
  /** PRNG seed: the same seed gives the same events. */
  readonly seed: number;
  /** How many calls to generate (offered, missed and manual together). */
  readonly calls: number;
  /** `at` of the first event (epoch ms); 2024-01-15 08:00 UTC by default. */
  readonly startAt?: number;
  /** The agent's id; `agent-1` by default. */
  readonly agentId?: string;
}

/** A tiny seeded PRNG (mulberry32): uniform floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const [SECOND, MINUTE, HOUR, DAY] = [1000, 60_000, 3_600_000, 86_400_000] as const;

/** Pause menu of the generated campaign, with how long each pause lasts (ms, min and max). */
const PAUSES: ReadonlyArray<readonly [PauseReason, number, number]> = [
  [{ code: 'lunch', label: 'Lunch', kind: 'break' }, 30 * MINUTE, 45 * MINUTE],
  [{ code: 'rest', label: 'Rest break', kind: 'break' }, 5 * MINUTE, 15 * MINUTE],
  [{ code: 'training', label: 'Training', kind: 'pause' }, 10 * MINUTE, 30 * MINUTE],
  [{ code: 'meeting', label: 'Team meeting', kind: 'pause' }, 5 * MINUTE, 20 * MINUTE],
  [{ code: 'restroom', label: 'Restroom', kind: 'pause' }, 2 * MINUTE, 6 * MINUTE],
];
const MANUAL_DIAL_PAUSE: PauseReason = { code: 'manual-dial', label: 'Manual dial', kind: 'pause' };
const OUTCOMES = ['NO_INTEREST', 'CALLBACK', 'WRONG_NUMBER', 'NOT_AVAILABLE'] as const;

/**
 * Generates a realistic, legal event sequence of an agent's working days, for tests and benchmarks.
 *
 * @remarks
 * Seeded and deterministic; `at` never decreases. Each shift (about 8 hours; further shifts start
 * the next day at 08:00 UTC) has: login, a campaign join (`afterWrapUp` `ready` or `paused`),
 * Ready, then calls: predictive and inbound offers (answered, or missed), manual dials (connected,
 * unanswered or busy), holds, mutes, warm-transfer consult calls, pauses asked for during calls,
 * wrap-ups with a disposition (successful about 20 % of the time), pauses and breaks between calls,
 * connection blips, notifications, and now and then the console closed for a while and reopened;
 * logout at the end. `reduceCore` (from `@dialkit/core`) accepts every event.
 *
 * @example
 * ```ts
 * const events = generateShift({ seed: 42, calls: 100 });
 * const { state, acc } = replayEvents(events, clock.startOfDay);
 * ```
 */
export function generateShift(options: ShiftOptions): DialkitEvent[] {
  const random = mulberry32(options.seed);
  const agentId = options.agentId ?? 'agent-1';
  const events: DialkitEvent[] = [];
  let t = options.startAt ?? Date.UTC(2024, 0, 15, 8, 0, 0);
  let idle: 'ready' | 'paused' = 'paused';
  let afterWrapUp: 'ready' | 'paused' = 'ready';
  let pending: PauseReason | null = null;
  let shiftEnd = 0;
  let loggedIn = false;
  let serial = 0;

  const between = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  const chance = (p: number): boolean => random() < p;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const wait = (lo: number, hi: number): void => {
    t += between(lo, hi);
  };
  const emit = (event: DialkitEvent): number => events.push(event);
  const ready = (): void => {
    emit({ type: 'agent.ready', at: t });
    idle = 'ready';
  };

  const login = (): void => {
    emit({ type: 'agent.logged-in', at: t, agentId, name: 'Ana Agent' });
    emit({ type: 'connection.changed', at: t, status: 'connected' });
    loggedIn = true;
    idle = 'paused';
    pending = null;
    wait(5 * SECOND, 40 * SECOND);
    afterWrapUp = chance(0.5) ? 'ready' : 'paused';
    const campaign = { id: 'spring-sale', name: 'Spring sale', dialMethod: 'predictive', afterWrapUp, allowManualDial: true } as const;
    emit({ type: 'campaign.joined', at: t, campaign });
    wait(2 * SECOND, 30 * SECOND);
    ready();
    shiftEnd = t + 8 * HOUR + between(-30 * MINUTE, 30 * MINUTE);
  };
  const logout = (): void => {
    wait(5 * SECOND, 2 * MINUTE);
    if (chance(0.5)) emit({ type: 'campaign.left', at: t });
    emit({ type: 'agent.logged-out', at: t });
    loggedIn = false;
  };

  const pause = (entry: readonly [PauseReason, number, number]): void => {
    emit({ type: 'agent.paused', at: t, reason: entry[0] });
    idle = 'paused';
    wait(entry[1], entry[2]);
  };
  const newCall = (type: 'call.offered' | 'call.dialing', origin: CallOrigin, consultFor?: string): string => {
    const callId = `c-${options.seed}-${++serial}`;
    const info = { type, at: t, callId, direction: origin === 'inbound' ? 'inbound' : 'outbound', origin, remoteNumber: `+1555${between(1_000_000, 9_999_999)}` } as const;
    emit(consultFor === undefined ? info : { ...info, consultFor });
    return callId;
  };
  const hangUp = (callId: string, cause: EndCause): number => emit({ type: 'call.ended', at: t, callId, cause });

  /** A connected call, until it ends (normally, or by a completed warm transfer). */
  const talk = (callId: string): void => {
    wait(10 * SECOND, 3 * MINUTE);
    if (chance(0.25)) {
      emit({ type: 'call.held', at: t, callId, by: chance(0.9) ? 'local' : 'remote' });
      wait(5 * SECOND, 90 * SECOND);
      emit({ type: 'call.resumed', at: t, callId });
      wait(5 * SECOND, 2 * MINUTE);
    }
    if (chance(0.15)) {
      emit({ type: 'call.muted', at: t, callId, muted: true });
      wait(2 * SECOND, 20 * SECOND);
      emit({ type: 'call.muted', at: t, callId, muted: false });
      wait(SECOND, 30 * SECOND);
    }
    if (chance(0.05)) emit({ type: 'call.recording', at: t, callId, recording: true });
    if (chance(0.07)) {
      pending = pick(PAUSES)[0];
      emit(chance(0.5) ? { type: 'agent.pause-requested', at: t, reason: pending } : { type: 'agent.paused', at: t, reason: pending });
      if (chance(0.15)) {
        wait(SECOND, 10 * SECOND);
        emit({ type: 'agent.pause-requested', at: t, reason: null });
        pending = null;
      }
    }
    if (chance(0.05)) {
      emit({ type: 'call.held', at: t, callId, by: 'local' });
      const consult = newCall('call.dialing', 'transfer', callId);
      wait(SECOND, 3 * SECOND);
      emit({ type: 'call.ringing', at: t, callId: consult });
      wait(2 * SECOND, 15 * SECOND);
      const answered = chance(0.8);
      if (answered) {
        emit({ type: 'call.connected', at: t, callId: consult });
        wait(10 * SECOND, 90 * SECOND);
      }
      hangUp(consult, answered ? 'agentHangup' : 'noAnswer');
      if (answered && chance(0.6)) {
        hangUp(callId, 'transferred');
        return;
      }
      wait(SECOND, 5 * SECOND);
      emit({ type: 'call.resumed', at: t, callId });
      wait(10 * SECOND, 2 * MINUTE);
    }
    hangUp(callId, chance(0.5) ? 'agentHangup' : 'remoteHangup');
  };

  /** Wrap-up, the disposition, and where the agent goes next (as the core derives it). */
  const wrapUp = (callId: string): void => {
    wait(5 * SECOND, 90 * SECOND);
    const successful = chance(0.2);
    emit({ type: 'disposition.saved', at: t, callId, code: successful ? 'SALE' : pick(OUTCOMES), successful });
    if (pending !== null) {
      const entry = PAUSES.find((p) => p[0] === pending) ?? [pending, MINUTE, 5 * MINUTE];
      pending = null;
      idle = 'paused';
      wait(entry[1], entry[2]);
    } else if (idle === 'ready' && afterWrapUp === 'paused') {
      idle = 'paused';
      wait(2 * SECOND, 45 * SECOND);
    }
    if (idle === 'paused') ready();
  };

  const offeredCall = (): void => {
    if (idle !== 'ready') ready();
    wait(2 * SECOND, 90 * SECOND);
    const inbound = chance(0.2);
    const callId = newCall('call.offered', inbound ? 'inbound' : 'predictive');
    wait(0, inbound ? 15 * SECOND : 2 * SECOND);
    if (chance(0.08)) {
      hangUp(callId, inbound ? 'cancelled' : 'noAnswer');
      return;
    }
    emit({ type: 'call.connected', at: t, callId });
    talk(callId);
    wrapUp(callId);
  };

  const manualCall = (): void => {
    if (idle === 'ready' && chance(0.5)) pause([MANUAL_DIAL_PAUSE, 5 * SECOND, 30 * SECOND]);
    const callId = newCall('call.dialing', 'manual');
    wait(SECOND, 3 * SECOND);
    emit({ type: 'call.ringing', at: t, callId });
    wait(3 * SECOND, 30 * SECOND);
    const outcome = random();
    if (outcome < 0.7) {
      emit({ type: 'call.connected', at: t, callId });
      talk(callId);
    } else {
      hangUp(callId, outcome < 0.9 ? 'noAnswer' : 'busy');
    }
    wrapUp(callId);
  };

  const betweenCalls = (): void => {
    if (chance(0.1)) {
      pause(pick(PAUSES));
      if (chance(0.1)) pause(pick(PAUSES));
      ready();
    }
    if (chance(0.01)) {
      emit({ type: 'console.closed', at: t });
      wait(30 * SECOND, 10 * MINUTE);
      emit({ type: 'console.started', at: t });
    }
    if (chance(0.02)) {
      emit({ type: 'connection.changed', at: t, status: 'reconnecting', detail: 'socket closed' });
      wait(SECOND, 20 * SECOND);
      emit({ type: 'connection.changed', at: t, status: 'connected' });
    }
    if (chance(0.01)) emit({ type: 'notification.raised', at: t, notification: { kind: 'campaign', message: 'New script version' } });
  };

  for (let n = 0; n < options.calls; n++) {
    if (!loggedIn) login();
    else if (t >= shiftEnd) {
      logout();
      t = Math.floor(t / DAY) * DAY + DAY + 8 * HOUR + between(0, 30 * MINUTE);
      login();
    }
    betweenCalls();
    if (chance(0.1)) manualCall();
    else offeredCall();
  }
  if (loggedIn) logout();
  return events;
}
