import { DialkitError, type CallOrigin, type EndCause, type Lead } from '@dialkit/core';
import type { Subscription } from 'rxjs';
import type { PlannedOutcome } from './call-outcome.js';
import type { SimWorld } from './sim-world.js';

type SimCallState = 'dialing' | 'ringing' | 'offered' | 'connected' | 'held';

interface SimCall {
  readonly id: string;
  readonly number: string;
  readonly origin: CallOrigin;
  readonly campaignId: string | undefined;
  state: SimCallState;
  talkMs: number;
  timers: Subscription[];
  onUnanswered: ((cause: 'noAnswer' | 'rejected') => void) | undefined;
}

/** The pause an agent is put in when an offered call rings out unanswered (redirect on no answer). */
export const RONA_PAUSE = Object.freeze({ code: 'no-answer', label: 'Missed call (no answer)', kind: 'pause' as const });

/** A call to offer to the agent (predictive connect, inbound, test). @internal */
export interface OfferSpec {
  readonly origin: CallOrigin;
  readonly direction: 'inbound' | 'outbound';
  readonly number: string;
  readonly lead?: Lead | undefined;
  readonly campaignId?: string | undefined;
  /** Connect by itself after this simulated delay (the dialer's auto-answer); otherwise wait for `answer`. */
  readonly autoConnectMs?: number | undefined;
  /** How long the customer talks once connected (0: until someone hangs up). */
  readonly talkMs: number;
  /** Unanswered after this simulated delay: the offer is withdrawn. */
  readonly ringTimeoutMs?: number | undefined;
  /** Called when the offer is rejected, or rings out unanswered (`noAnswer`). */
  readonly onUnanswered?: ((cause: 'noAnswer' | 'rejected') => void) | undefined;
}

/** A call to place for the agent (progressive, preview, manual, callback, consult). @internal */
export interface PlaceSpec {
  readonly origin: CallOrigin;
  readonly number: string;
  readonly lead?: Lead | undefined;
  readonly campaignId?: string | undefined;
  readonly consultFor?: string | undefined;
  readonly plan: PlannedOutcome;
}

const END_BY_OUTCOME: Readonly<Record<string, EndCause>> = { noAnswer: 'noAnswer', busy: 'busy', answeringMachine: 'answeringMachine' };

/** The console agent's calls: offering, placing, the far end's behaviour, and every call command. @internal */
export class AgentCalls {
  private readonly calls = new Map<string, SimCall>();
  /** Digits each call's far end heard (the latest 100 calls). */
  private readonly heard = new Map<string, string>();

  constructor(private readonly world: SimWorld) {}

  /** Ids of the agent's calls that are not over. */
  get ids(): readonly string[] {
    return [...this.calls.keys()];
  }

  /** Offers a call to the agent now; returns its id. */
  offer(spec: OfferSpec): string {
    const w = this.world;
    const id = w.nextId('c');
    const call: SimCall = { id, number: spec.number, origin: spec.origin, campaignId: spec.campaignId, state: 'offered', talkMs: spec.talkMs, timers: [], onUnanswered: spec.onUnanswered };
    this.engage(call);
    w.emit({ type: 'call.offered', callId: id, direction: spec.direction, origin: spec.origin, remoteNumber: spec.number, ...info(spec.lead, spec.campaignId) });
    if (spec.autoConnectMs !== undefined) call.timers.push(w.after(spec.autoConnectMs, () => this.connect(call)));
    else if (spec.ringTimeoutMs !== undefined) {
      call.timers.push(w.after(spec.ringTimeoutMs, () => {
        if (call.state !== 'offered') return;
        // Redirect on no answer, as an ACD does: an agent who lets a call ring out is made Not
        // Ready first, so the caller is not offered to them again and again while they are away.
        // (Before the call ends: core then applies the pause when the offer is gone.)
        const session = w.session;
        if (session) {
          session.presence = 'paused';
          w.emit({ type: 'agent.paused', reason: RONA_PAUSE });
        }
        this.end(call, 'noAnswer', true);
      }));
    }
    return id;
  }

  /** Places a call for the agent now (they hear it ring); the plan says how it ends. */
  place(spec: PlaceSpec): string {
    const w = this.world;
    const id = w.nextId('c');
    const call: SimCall = { id, number: spec.number, origin: spec.origin, campaignId: spec.campaignId, state: 'dialing', talkMs: spec.plan.talkMs, timers: [], onUnanswered: undefined };
    this.engage(call);
    if (spec.consultFor === undefined) w.stats.placed++;
    w.emit({
      type: 'call.dialing', callId: id, direction: 'outbound', origin: spec.origin, remoteNumber: spec.number,
      ...info(spec.lead, spec.campaignId), ...(spec.consultFor === undefined ? {} : { consultFor: spec.consultFor }),
    });
    const { kind, ringMs } = spec.plan;
    if (kind !== 'busy') {
      call.timers.push(w.after(Math.min(800, ringMs / 2), () => {
        if (call.state !== 'dialing') return;
        call.state = 'ringing';
        w.emit({ type: 'call.ringing', callId: id });
      }));
    }
    call.timers.push(w.after(ringMs, () => {
      if (call.state !== 'dialing' && call.state !== 'ringing') return;
      if (spec.consultFor === undefined && kind !== 'answered') w.stats[kind]++;
      if (kind === 'answered' || kind === 'wrongNumber') {
        if (spec.consultFor === undefined) w.stats.answered++;
        this.connect(call);
      } else this.end(call, END_BY_OUTCOME[kind] ?? 'failed');
    }));
    return id;
  }

  /** The customer hangs up now (the agent's focused call by default). */
  customerHangsUp(callId?: string): void {
    const call = callId === undefined ? [...this.calls.values()].find((c) => c.state === 'connected') ?? [...this.calls.values()][0] : this.calls.get(callId);
    if (!call) throw new DialkitError('call.not-found', callId === undefined ? 'The agent has no call for the customer to hang up' : `No call '${callId}' at the simulated dialer`);
    this.end(call, call.state === 'connected' || call.state === 'held' ? 'remoteHangup' : 'cancelled');
  }

  answer(callId: string): void {
    const c = this.expect(callId, ['offered', 'connected'], 'answered');
    if (c.state === 'offered') this.connect(c);
  }

  reject(callId: string): void {
    this.end(this.expect(callId, ['offered'], 'rejected'), 'rejected', true);
  }

  hangup(callId: string): void {
    const c = this.expect(callId, ['dialing', 'ringing', 'offered', 'connected', 'held'], 'hung up');
    this.end(c, c.state === 'connected' || c.state === 'held' ? 'agentHangup' : 'cancelled', c.state === 'offered');
  }

  hold(callId: string): void {
    const c = this.expect(callId, ['connected', 'held'], 'held');
    c.state = 'held';
    this.world.emit({ type: 'call.held', callId, by: 'local' });
  }

  resume(callId: string): void {
    const c = this.expect(callId, ['held', 'connected'], 'resumed');
    c.state = 'connected';
    this.world.emit({ type: 'call.resumed', callId });
  }

  mute(callId: string, muted: boolean): void {
    this.expect(callId, ['dialing', 'ringing', 'connected', 'held'], 'muted');
    this.world.emit({ type: 'call.muted', callId, muted: muted === true });
  }

  sendDtmf(callId: string, digits: string): void {
    this.expect(callId, ['connected'], 'sent DTMF');
    if (typeof digits !== 'string' || !/^[0-9*#A-D]{1,32}$/.test(digits)) throw new DialkitError('input.invalid', `'${String(digits).slice(0, 40)}' is not DTMF: use 0-9, *, #, A-D`);
    this.heard.set(callId, (this.heard.get(callId) ?? '') + digits);
    if (this.heard.size > 100) this.heard.delete(this.heard.keys().next().value as string);
  }

  /** The DTMF digits the far end of a call heard, in order ('' when none). */
  dtmfHeard(callId: string): string {
    return this.heard.get(callId) ?? '';
  }

  transferBlind(callId: string, destination: string): void {
    const c = this.expect(callId, ['connected', 'held'], 'transferred');
    if (typeof destination !== 'string' || destination.trim() === '') throw new DialkitError('input.invalid', 'A transfer needs a destination');
    this.end(c, 'transferred');
  }

  completeTransfer(callId: string, consultCallId: string): void {
    const c = this.expect(callId, ['connected', 'held'], 'transferred');
    const consult = this.expect(consultCallId, ['connected', 'held', 'ringing', 'dialing'], 'used to complete a transfer');
    this.end(consult, 'transferred');
    this.end(c, 'transferred');
  }

  conference(callIds: readonly string[]): void {
    const ids: readonly string[] = Array.isArray(callIds) ? (callIds as readonly string[]) : [];
    if (ids.length < 2) throw new DialkitError('input.invalid', 'A conference needs at least two calls');
    for (const id of ids) this.expect(id, ['connected', 'held'], 'conferenced');
    for (const id of ids) {
      const c = this.calls.get(id);
      if (c) c.state = 'connected';
    }
    this.world.emit({ type: 'call.conferenced', callIds: [...ids], conferenceId: this.world.nextId('conf') });
  }

  /** Ends every call (logout, dispose). */
  clear(): void {
    for (const c of [...this.calls.values()]) this.end(c, 'failed');
  }

  private engage(call: SimCall): void {
    this.calls.set(call.id, call);
    this.world.stats.agentCalls++;
    const s = this.world.session;
    if (s) s.engaged = true;
  }

  private connect(call: SimCall): void {
    if (!this.calls.has(call.id) || call.state === 'connected' || call.state === 'held') return;
    call.state = 'connected';
    this.world.emit({ type: 'call.connected', callId: call.id });
    if (call.talkMs > 0) call.timers.push(this.world.after(call.talkMs, () => this.end(call, 'remoteHangup')));
  }

  private end(call: SimCall, cause: EndCause, unanswered = false): void {
    if (!this.calls.delete(call.id)) return;
    for (const t of call.timers) t.unsubscribe();
    this.world.emit({ type: 'call.ended', callId: call.id, cause });
    if (unanswered && (cause === 'noAnswer' || cause === 'rejected')) call.onUnanswered?.(cause);
  }

  private expect(callId: string, states: readonly SimCallState[], verb: string): SimCall {
    const c = typeof callId === 'string' ? this.calls.get(callId) : undefined;
    if (!c) throw new DialkitError('call.not-found', `No call '${String(callId).slice(0, 64)}' at the simulated dialer`);
    if (!states.includes(c.state)) throw new DialkitError('call.invalid-state', `Call '${callId}' cannot be ${verb} while '${c.state}'`);
    return c;
  }
}

function info(lead: Lead | undefined, campaignId: string | undefined) {
  return {
    ...(lead === undefined ? {} : { lead, leadId: lead.id, ...(lead.name === undefined ? {} : { remoteName: lead.name }) }),
    ...(campaignId === undefined ? {} : { campaignId }),
  };
}
