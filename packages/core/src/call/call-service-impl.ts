import { distinctUntilChanged, interval, map, startWith, type Observable } from 'rxjs';
import { DisposableStore } from '../common/disposable.js';
import { DialkitError } from '../common/errors.js';
import type { CoreContext } from '../console/core-context.js';
import { Commands, type DialOptions } from '../console/core-commands.js';
import type { CoreState } from '../state/core-state.js';
import { callDuration, isLive, type Call, type CallStatusKind } from './call-state.js';
import { normalizeNumber, type CallService } from './call-service.js';

const DTMF = /^[0-9*#A-Da-d]{1,32}$/;

/** Implements {@link CallService}: guards, backend calls, confirmations. */
export class CallServiceImpl implements CallService {
  private readonly disposables = new DisposableStore();
  /** @inheritDoc */
  readonly lines$: Observable<readonly Call[]>;
  /** @inheritDoc */
  readonly active$: Observable<Call | null>;

  /** @param ctx - core's shared context. */
  constructor(private readonly ctx: CoreContext) {
    this.lines$ = ctx.store.calls$;
    this.active$ = ctx.store.derive('calls', focusCall);
    const c = ctx.commands;
    const cc = () => ctx.port('callControl');
    this.disposables.add(c.register(Commands.dial, (a) => this.doDial(a)));
    this.disposables.add(c.register(Commands.answer, async ({ callId }) => {
      this.expect(callId, ['offered'], 'answered');
      await cc().answer(callId);
      await this.untilCall(callId, (k) => k === 'connected' || k === 'ended', 'the answer');
    }));
    this.disposables.add(c.register(Commands.reject, async ({ callId }) => {
      this.expect(callId, ['offered'], 'rejected');
      await cc().reject(callId);
      await this.untilCall(callId, (k) => k === 'ended', 'the rejection');
    }));
    this.disposables.add(c.register(Commands.hangup, async ({ callId }) => {
      this.expect(callId, ['dialing', 'ringing', 'offered', 'connected', 'held'], 'hung up');
      await cc().hangup(callId);
      await this.untilCall(callId, (k) => k === 'ended', 'the hang-up');
    }));
    this.disposables.add(c.register(Commands.hold, async ({ callId }) => {
      ctx.requireCapability('hold', 'hold calls');
      this.expect(callId, ['connected'], 'held');
      await cc().hold(callId);
      await this.untilCall(callId, (k, call) => k === 'held' && call.status.kind === 'held' && call.status.by === 'local', 'the hold');
    }));
    this.disposables.add(c.register(Commands.resume, async ({ callId }) => {
      const call = this.expect(callId, ['held'], 'resumed');
      if (call.status.kind === 'held' && call.status.by === 'remote') throw new DialkitError('call.invalid-state', `Call '${callId}' is held by the far end and cannot be resumed from here`);
      await cc().resume(callId);
      await this.untilCall(callId, (k) => k === 'connected', 'the resume');
    }));
    this.disposables.add(c.register(Commands.mute, async ({ callId, muted }) => {
      ctx.requireCapability('mute', 'mute calls');
      this.expect(callId, ['connected', 'held'], muted ? 'muted' : 'unmuted');
      await cc().mute(callId, muted);
      await this.untilCall(callId, (k, call) => call.muted === muted || k === 'ended', 'the mute');
    }));
    this.disposables.add(c.register(Commands.sendDtmf, async ({ callId, digits }) => {
      ctx.requireCapability('dtmf', 'send DTMF');
      if (typeof digits !== 'string' || !DTMF.test(digits)) throw new DialkitError('input.invalid', `DTMF digits '${String(digits)}' must be 0-9, *, #, A-D (1 to 32 of them)`);
      this.expect(callId, ['connected'], 'sent DTMF');
      await cc().sendDtmf(callId, digits.toUpperCase());
    }));
    this.disposables.add(c.register(Commands.transferBlind, async ({ callId, destination }) => {
      ctx.requireCapability('blindTransfer', 'transfer calls');
      this.expect(callId, ['connected', 'held'], 'transferred');
      await cc().transferBlind(callId, requireDestination(destination));
      await this.untilCall(callId, (k) => k === 'ended', 'the transfer');
    }));
    this.disposables.add(c.register(Commands.consult, async ({ callId, destination }) => {
      ctx.requireCapability('warmTransfer', 'make warm transfers');
      const call = this.expect(callId, ['connected', 'held'], 'consulted for');
      if (call.status.kind === 'connected') await c.execute(Commands.hold, { callId });
      const r = await cc().dial({ number: requireDestination(destination), origin: 'transfer', consultFor: callId, ...(call.campaignId === undefined ? {} : { campaignId: call.campaignId }) });
      await ctx.until((s) => s.calls.some((x) => x.id === r.callId), 'the consult call');
      return r;
    }));
    this.disposables.add(c.register(Commands.completeTransfer, async ({ callId, consultCallId }) => {
      ctx.requireCapability('warmTransfer', 'make warm transfers');
      this.expect(callId, ['connected', 'held'], 'transferred');
      const consult = this.expect(consultCallId, ['connected', 'held', 'ringing', 'dialing'], 'used to complete a transfer');
      if (consult.consultFor !== callId) throw new DialkitError('call.invalid-state', `Call '${consultCallId}' is not a consult call for '${callId}'`);
      await cc().completeTransfer(callId, consultCallId);
      await this.untilCall(callId, (k) => k === 'ended', 'the transfer');
    }));
    this.disposables.add(c.register(Commands.conference, async ({ callIds }) => {
      ctx.requireCapability('conference', 'hold conferences');
      if (!Array.isArray(callIds) || new Set(callIds).size < 2) throw new DialkitError('input.invalid', 'A conference needs at least two different calls');
      for (const id of callIds as readonly string[]) this.expect(id, ['connected', 'held'], 'conferenced');
      await cc().conference(callIds);
      await ctx.until((s) => callIds.every((id) => s.calls.find((x) => x.id === id)?.conferenceId !== undefined), 'the conference');
    }));
  }

  /** @inheritDoc */
  get lines(): readonly Call[] {
    return this.ctx.store.state.calls;
  }

  /** @inheritDoc */
  get active(): Call | null {
    return focusCall(this.ctx.store.state.calls);
  }

  /** @inheritDoc */
  duration$(callId: string): Observable<number> {
    return interval(1000, this.ctx.scheduler).pipe(
      startWith(0),
      map(() => {
        const call = this.ctx.store.state.calls.find((c) => c.id === callId);
        return call ? callDuration(call, this.ctx.clock.now()) : 0;
      }),
      distinctUntilChanged(),
    );
  }

  /** @inheritDoc */
  dial(number: string, options: DialOptions = {}): Promise<{ readonly callId: string }> {
    return this.ctx.commands.execute(Commands.dial, { number, ...options });
  }
  /** @inheritDoc */
  answer(callId: string): Promise<void> {
    return this.ctx.commands.execute(Commands.answer, { callId });
  }
  /** @inheritDoc */
  reject(callId: string): Promise<void> {
    return this.ctx.commands.execute(Commands.reject, { callId });
  }
  /** @inheritDoc */
  hangup(callId: string): Promise<void> {
    return this.ctx.commands.execute(Commands.hangup, { callId });
  }
  /** @inheritDoc */
  hold(callId: string): Promise<void> {
    return this.ctx.commands.execute(Commands.hold, { callId });
  }
  /** @inheritDoc */
  resume(callId: string): Promise<void> {
    return this.ctx.commands.execute(Commands.resume, { callId });
  }
  /** @inheritDoc */
  mute(callId: string, muted: boolean): Promise<void> {
    return this.ctx.commands.execute(Commands.mute, { callId, muted });
  }
  /** @inheritDoc */
  sendDtmf(callId: string, digits: string): Promise<void> {
    return this.ctx.commands.execute(Commands.sendDtmf, { callId, digits });
  }
  /** @inheritDoc */
  transferBlind(callId: string, destination: string): Promise<void> {
    return this.ctx.commands.execute(Commands.transferBlind, { callId, destination });
  }
  /** @inheritDoc */
  consult(callId: string, destination: string): Promise<{ readonly callId: string }> {
    return this.ctx.commands.execute(Commands.consult, { callId, destination });
  }
  /** @inheritDoc */
  completeTransfer(callId: string, consultCallId: string): Promise<void> {
    return this.ctx.commands.execute(Commands.completeTransfer, { callId, consultCallId });
  }
  /** @inheritDoc */
  conference(callIds: readonly string[]): Promise<void> {
    return this.ctx.commands.execute(Commands.conference, { callIds });
  }

  /** Stops listening. */
  dispose(): void {
    this.disposables.dispose();
  }

  private async doDial(args: { readonly number: string } & DialOptions): Promise<{ readonly callId: string }> {
    const s = this.ctx.store.state;
    const agent = s.agent;
    if (!agent.session) throw new DialkitError('agent.not-logged-in', 'No agent is logged in');
    const number = normalizeNumber(args.number);
    if (number === undefined) throw new DialkitError('call.invalid-number', `'${String(args.number).slice(0, 40)}' is not a phone number: use 3 to 20 digits, optionally starting with +`);
    const origin = args.origin ?? 'manual';
    if (origin === 'manual') this.ctx.requireCapability('manualDial', 'place manual calls');
    if (origin === 'manual' && agent.campaign && !agent.campaign.allowManualDial) {
      throw new DialkitError('call.manual-dial-not-allowed', `Campaign '${agent.campaign.id}' does not allow manual calls`);
    }
    if (agent.status.kind === 'wrapUp' || agent.status.kind === 'reserved') {
      throw new DialkitError('agent.invalid-state', `Cannot dial while '${agent.status.kind}'${agent.status.kind === 'wrapUp' ? ': submit the disposition first' : ''}`);
    }
    const live = s.calls.filter(isLive);
    if (live.length > 0) {
      if (!this.ctx.capabilities.has('multiLine')) throw new DialkitError('call.line-busy', 'The backend has a single line and it is busy');
      const notHeld = live.find((c) => c.status.kind !== 'held');
      if (notHeld) throw new DialkitError('call.line-busy', `Hold call '${notHeld.id}' (line ${notHeld.line}, '${notHeld.status.kind}') before dialing on another line`);
    }
    const campaignId = args.campaignId ?? agent.campaign?.id;
    const r = await this.ctx.port('callControl').dial({
      number,
      origin,
      ...(campaignId === undefined ? {} : { campaignId }),
      ...(args.leadId === undefined ? {} : { leadId: args.leadId }),
    });
    await this.ctx.until((st) => st.calls.some((c) => c.id === r.callId), `the call to ${number}`);
    return r;
  }

  private expect(callId: string, allowed: readonly CallStatusKind[], verb: string): Call {
    const call = this.ctx.store.state.calls.find((c) => c.id === callId);
    if (!call) throw new DialkitError('call.not-found', `No call '${String(callId)}' on any line`);
    if (!allowed.includes(call.status.kind)) {
      throw new DialkitError('call.invalid-state', `Call '${callId}' cannot be ${verb} while '${call.status.kind}'`);
    }
    return call;
  }

  private untilCall(callId: string, ok: (kind: CallStatusKind | 'gone', call: Call) => boolean, what: string): Promise<true> {
    return this.ctx.until((s: CoreState) => {
      const call = s.calls.find((c) => c.id === callId);
      return call ? ok(call.status.kind, call) : true;
    }, what);
  }
}

function requireDestination(destination: string): string {
  if (typeof destination !== 'string' || destination.trim() === '' || destination.length > 128) {
    throw new DialkitError('input.invalid', 'A transfer needs a destination (a number or a user, at most 128 characters)');
  }
  return destination.trim();
}

/** Focus order: a connected call, then one being dialled, then one offered (it needs an answer), then a held one, then one in wrap-up. */
const FOCUS: readonly Call['status']['kind'][] = ['connected', 'dialing', 'ringing', 'offered', 'held', 'ended'];

/** The call the agent is focused on (see the focus order above); null when there is none. */
export function focusCall(calls: readonly Call[]): Call | null {
  let best: Call | null = null;
  let rank = FOCUS.length;
  for (const c of calls) {
    const r = FOCUS.indexOf(c.status.kind);
    if (r < rank) {
      best = c;
      rank = r;
    }
  }
  return best;
}

