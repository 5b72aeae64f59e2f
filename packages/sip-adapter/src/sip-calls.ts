import type { BackendContext, BackendEvent, CallControlPort, DialRequest, NotificationInput } from '@dialkit/core';
import { DialkitError } from '@dialkit/core';
import { Invitation, Inviter, SessionState, UserAgent, type Session, type URI } from 'sip.js';
import type { Core } from 'sip.js';
import { autoAnswerDelay, readCallHeaders, sanitizeHeaderText } from './call-headers.js';
import type { HoldOptions, SdhBridge } from './media/sdh-bridge.js';
import type { MediaEngine } from './media/media-engine.js';
import { isHoldOffer, isUsableSdp } from './sdp.js';
import { sipError } from './sip-errors.js';
import { SipLine } from './sip-line.js';
import type { ResolvedSipOptions } from './sip-options.js';

/** What the call control needs from the rest of the adapter. @internal */
export interface SipCallsContext {
  readonly options: ResolvedSipOptions;
  readonly backend: BackendContext;
  readonly bridge: SdhBridge;
  readonly media: MediaEngine;
  /** The user agent when registered; throws `sip.not-registered` otherwise. */
  userAgent(): UserAgent;
  emit(event: BackendEvent): void;
}

const DESTINATION = /^(\+?[0-9*#]{1,32}|[A-Za-z0-9._~+-]{1,64})$/;
const DTMF_DIGITS = /^[0-9*#A-D]{1,32}$/;

/** Implements core's {@link CallControlPort} over sip.js sessions. @internal */
export class SipCalls implements CallControlPort {
  private readonly lines = new Map<string, SipLine>();
  private readonly dialogs = new Set<string>();
  private readonly sessions = new WeakMap<Session, SipLine>();
  private readonly idBase = Math.random().toString(36).slice(2, 8);
  private counter = 0;
  private conferences = 0;

  constructor(private readonly ctx: SipCallsContext) {}

  /** Lines now (live and not yet cleaned up), for diagnostics and tests. */
  get size(): number {
    return this.lines.size;
  }

  dial(request: DialRequest): Promise<{ readonly callId: string }> {
    const ua = this.ctx.userAgent();
    const target = this.target(request.number);
    const callId = this.nextId();
    const extraHeaders: string[] = [];
    if (request.leadId !== undefined && DESTINATION.test(request.leadId)) extraHeaders.push(`${this.ctx.options.headers.leadId ?? 'X-Lead-Id'}: ${request.leadId}`);
    const inviter = new Inviter(ua, target, { extraHeaders, sessionDescriptionHandlerOptions: { hold: false } as HoldOptions });
    this.ctx.bridge.attach(inviter, { callId, direction: 'outbound' });
    const line = this.track(callId, 'outbound', inviter, `${inviter.request.callId}|${inviter.request.fromTag}`, request.consultFor);
    this.ctx.emit({
      type: 'call.dialing', callId, direction: 'outbound', origin: request.origin, remoteNumber: request.number,
      ...(request.campaignId === undefined ? {} : { campaignId: request.campaignId }),
      ...(request.leadId === undefined ? {} : { leadId: request.leadId }),
      ...(request.consultFor === undefined ? {} : { consultFor: request.consultFor }),
    });
    line.timers.push(this.ctx.backend.scheduler.schedule(() => {
      if (line.state.status !== 'dialing' && line.state.status !== 'ringing') return;
      line.signal({ kind: 'local-end', reason: 'no-answer' });
      void inviter.cancel().catch((e: unknown) => this.log('warn', `cancel of unanswered call '${callId}' failed`, e));
    }, this.ctx.options.noAnswerTimeoutMs));
    return inviter
      .invite({
        requestDelegate: {
          onProgress: (r) => line.signal({ kind: 'provisional', statusCode: r.message.statusCode ?? 0 }),
          onReject: (r) => line.signal({ kind: 'final-failure', statusCode: r.message.statusCode ?? 0 }),
          onRedirect: (r) => line.signal({ kind: 'final-failure', statusCode: r.message.statusCode ?? 0 }),
        },
      })
      .then(
        () => ({ callId }),
        (e: unknown) => {
          line.signal({ kind: 'local-end', reason: 'failed' });
          line.signal({ kind: 'session-state', state: SessionState.Terminated });
          throw new DialkitError('backend.rejected', `Call to '${request.number}' could not be placed`, { cause: e });
        },
      );
  }

  async answer(callId: string): Promise<void> {
    const line = this.line(callId, ['offered']);
    const invitation = line.session as Invitation;
    for (const t of line.timers) t.unsubscribe();
    this.ctx.media.ringing?.(callId, false);
    try {
      await invitation.accept({ sessionDescriptionHandlerOptions: { hold: false } as HoldOptions });
    } catch (e) {
      throw new DialkitError('backend.rejected', `Call '${callId}' could not be answered`, { cause: e });
    }
  }

  async reject(callId: string): Promise<void> {
    const line = this.line(callId, ['offered']);
    this.ctx.media.ringing?.(callId, false);
    line.signal({ kind: 'local-end', reason: 'reject' });
    await (line.session as Invitation).reject({ statusCode: 603 });
  }

  async hangup(callId: string): Promise<void> {
    const line = this.line(callId, ['dialing', 'ringing', 'offered', 'connected']);
    line.signal({ kind: 'local-end', reason: 'hangup' });
    const s = line.session;
    if (s.state === SessionState.Established) await s.bye();
    else if (s instanceof Inviter && (s.state === SessionState.Initial || s.state === SessionState.Establishing)) await s.cancel();
    else if (s instanceof Invitation && (s.state === SessionState.Initial || s.state === SessionState.Establishing)) await s.reject({ statusCode: 486 });
  }

  hold(callId: string): Promise<void> {
    return this.setHold(this.line(callId, ['connected']), true);
  }

  resume(callId: string): Promise<void> {
    return this.setHold(this.line(callId, ['connected']), false);
  }

  mute(callId: string, muted: boolean): Promise<void> {
    const line = this.line(callId, ['connected']);
    this.ctx.bridge.media(line.session)?.setMuted(muted);
    this.ctx.emit({ type: 'call.muted', callId, muted });
    return Promise.resolve();
  }

  async sendDtmf(callId: string, digits: string): Promise<void> {
    const line = this.line(callId, ['connected']);
    const tones = digits.toUpperCase();
    if (!DTMF_DIGITS.test(tones)) throw new DialkitError('input.invalid', `DTMF digits '${digits.slice(0, 40)}' must be 0-9, *, #, A-D`);
    if (this.ctx.options.dtmf === 'rfc4733') {
      const media = this.ctx.bridge.media(line.session);
      if (!media?.sendDtmf(tones, 100)) throw sipError('sip.request-failed', `Call '${callId}' cannot send DTMF in its media`);
      return;
    }
    for (const tone of tones) {
      await line.serial(() => this.request(line, 'INFO', (delegate) => line.session.info({
        requestDelegate: delegate,
        requestOptions: { body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content: `Signal=${tone}\r\nDuration=100\r\n` } },
      })));
    }
  }

  async transferBlind(callId: string, destination: string): Promise<void> {
    const line = this.line(callId, ['connected']);
    await this.refer(line, this.target(destination), []);
  }

  async completeTransfer(callId: string, consultCallId: string): Promise<void> {
    const line = this.line(callId, ['connected']);
    const consult = this.line(consultCallId, ['connected']);
    await this.refer(line, consult.session, [consult]);
  }

  async conference(callIds: readonly string[]): Promise<void> {
    const lines = callIds.map((id) => this.line(id, ['connected']));
    for (const l of lines) if (l.state.localHold) await this.setHold(l, false);
    const medias = lines.map((l) => this.ctx.bridge.media(l.session)).filter((m) => m !== undefined);
    const unmix = this.ctx.media.mix(medias);
    for (const l of lines) l.unmix = unmix;
    this.ctx.emit({ type: 'call.conferenced', callIds: lines.map((l) => l.id), conferenceId: `sip-conf-${this.idBase}-${++this.conferences}` });
  }

  /** A new INVITE from the UA: offer it to the agent, or refuse it. */
  onInvite(invitation: Invitation): void {
    const msg = invitation.request;
    const key = `${msg.callId}|${msg.fromTag}`;
    const from = sanitizeHeaderText(invitation.remoteIdentity.uri.user ?? '', 64) ?? 'unknown';
    if (this.dialogs.has(key)) {
      this.log('warn', `refused a duplicate INVITE for a call already on a line (482)`);
      void invitation.reject({ statusCode: 482 }).catch(() => undefined);
      return;
    }
    if (msg.body !== '' && !isUsableSdp(msg.body)) {
      this.log('warn', `refused an INVITE from '${from}' with unusable SDP (488)`, undefined, { method: 'INVITE', statusCode: 488 });
      this.notify({ kind: 'error', level: 'error', code: 'sip.bad-sdp', message: `An incoming call from ${from} was refused: its media description is unusable`, dedupeKey: 'sip.bad-sdp' });
      void invitation.reject({ statusCode: 488 }).catch(() => undefined);
      return;
    }
    const get = (name: string): string | undefined => msg.getHeader(name);
    const callId = this.nextId();
    this.ctx.bridge.attach(invitation, { callId, direction: 'inbound' });
    const line = this.track(callId, 'inbound', invitation, key);
    const data = readCallHeaders(get, this.ctx.options.headers, from);
    const delay = autoAnswerDelay(get, this.ctx.options.autoAnswer);
    const name = sanitizeHeaderText(invitation.remoteIdentity.displayName, 128);
    this.ctx.emit({
      type: 'call.offered', callId, direction: 'inbound', origin: data.origin ?? (delay === undefined ? 'inbound' : 'predictive'), remoteNumber: from,
      ...(name === undefined ? {} : { remoteName: name }),
      ...(data.leadId === undefined ? {} : { leadId: data.leadId }),
      ...(data.lead === undefined ? {} : { lead: data.lead }),
      ...(data.campaignId === undefined ? {} : { campaignId: data.campaignId }),
    });
    void invitation.progress().catch((e: unknown) => this.log('warn', `180 Ringing for '${callId}' failed`, e));
    if (delay !== 0) this.ctx.media.ringing?.(callId, true);
    const scheduler = this.ctx.backend.scheduler;
    if (delay !== undefined) {
      line.timers.push(scheduler.schedule(() => {
        if (line.state.status === 'offered') this.answer(callId).catch((e: unknown) => this.log('warn', `auto-answer of '${callId}' failed`, e));
      }, delay));
    } else {
      line.timers.push(scheduler.schedule(() => {
        if (line.state.status !== 'offered') return;
        line.signal({ kind: 'local-end', reason: 'no-answer' });
        void invitation.reject({ statusCode: 480 }).catch(() => undefined);
      }, this.ctx.options.noAnswerTimeoutMs));
    }
  }

  /** The media engine refused the far end's SDP: an answer to our INVITE ends the call (a re-INVITE is refused by sip.js with 488). */
  onMediaError(session: Session, error: unknown): void {
    const line = this.sessions.get(session);
    if (!line || (line.state.status !== 'dialing' && line.state.status !== 'ringing')) return;
    this.log('warn', `call '${line.id}' was answered with unusable SDP; hanging up`, error);
    line.signal({ kind: 'local-end', reason: 'failed' });
    this.notify({ kind: 'error', level: 'error', code: 'sip.bad-sdp', message: `Call ${line.id} was answered with an unusable media description and was ended`, dedupeKey: 'sip.bad-sdp' });
  }

  /** After a reconnection: refresh every connected call's dialog (new Contact alias, same hold state). */
  refreshAll(): void {
    for (const line of this.lines.values()) {
      if (line.state.status !== 'connected') continue;
      this.reinvite(line, line.state.localHold).catch((e: unknown) => this.log('warn', `refreshing call '${line.id}' after reconnecting failed`, e));
    }
  }

  /** Ends every line (the backend is disposed). */
  dispose(): void {
    for (const line of this.lines.values()) {
      line.signal({ kind: 'local-end', reason: 'failed' });
      line.signal({ kind: 'session-state', state: SessionState.Terminated });
    }
    this.lines.clear();
  }

  private nextId(): string {
    return `sip-${this.idBase}-${++this.counter}`;
  }

  private track(callId: string, direction: 'inbound' | 'outbound', session: Session, key: string, consultFor?: string): SipLine {
    const line = new SipLine(callId, direction, session, key, (e) => this.ctx.emit(e), (l) => {
      this.ctx.media.ringing?.(l.id, false);
      this.ctx.media.ended?.(l.id);
      this.lines.delete(l.id);
      this.dialogs.delete(l.dialogKey);
    }, consultFor);
    this.lines.set(callId, line);
    this.sessions.set(session, line);
    this.dialogs.add(key);
    session.stateChange.addListener((state) => {
      // sip.js enters Terminated before it calls the request delegate with the final response:
      // let that response name the cause first.
      if (state === SessionState.Terminated) queueMicrotask(() => line.signal({ kind: 'session-state', state }));
      else line.signal({ kind: 'session-state', state });
    });
    session.delegate = this.delegateFor(line);
    return line;
  }

  private delegateFor(line: SipLine): Session['delegate'] {
    const answered = (method: string, statusCode: number, level: 'info' | 'warn' = 'warn') =>
      this.log(level, `in-dialog ${method} on call '${line.id}' answered ${statusCode}`, undefined, { callId: line.id, method, statusCode });
    return {
      onBye: (bye) => {
        line.signal({ kind: 'remote-end', reason: 'bye' });
        void bye.accept().catch(() => undefined);
      },
      onCancel: () => line.signal({ kind: 'remote-end', reason: 'cancel' }),
      onInfo: (info) => {
        const type = (info.request.getHeader('Content-Type') ?? '').toLowerCase();
        if (type.startsWith('application/dtmf')) {
          answered('INFO', 200, 'info');
          void info.accept().catch(() => undefined);
        } else {
          answered('INFO', 415);
          void info.reject({ statusCode: 415 }).catch(() => undefined);
        }
      },
      onMessage: (message) => {
        answered('MESSAGE', 405);
        void message.reject({ statusCode: 405 }).catch(() => undefined);
      },
      onNotify: (notification) => {
        answered('NOTIFY', 489);
        void notification.reject({ statusCode: 489 }).catch(() => undefined);
      },
      onRefer: (referral) => {
        answered('REFER', 603);
        this.notify({ kind: 'system', level: 'warning', code: 'sip.transfer-refused', message: `The far end of call ${line.id} asked to transfer it; the request was refused`, dedupeKey: `sip.refer.${line.id}` });
        void referral.reject({ statusCode: 603 }).catch(() => undefined);
      },
      onInvite: (request: Core.IncomingRequestMessage, _response: string, statusCode: number) => {
        if (statusCode >= 300) {
          answered('INVITE', statusCode);
          this.notify({ kind: 'error', level: 'error', code: 'sip.bad-sdp', message: `The far end of call ${line.id} sent an unusable media update; the call goes on unchanged`, dedupeKey: `sip.bad-sdp.${line.id}` });
          return;
        }
        answered('INVITE', statusCode, 'info');
        if (request.body !== '') line.signal({ kind: 'hold', by: 'remote', held: isHoldOffer(request.body) });
      },
    };
  }

  private line(callId: string, allowed: readonly string[]): SipLine {
    const line = this.lines.get(callId);
    if (!line) throw new DialkitError('call.not-found', `No SIP call '${String(callId).slice(0, 64)}' is on a line`);
    if (!allowed.includes(line.state.status)) throw new DialkitError('call.invalid-state', `Call '${callId}' cannot do that while '${line.state.status}'`);
    return line;
  }

  private target(destination: string): URI {
    const d = String(destination).trim();
    const uri = d.startsWith('sip:') || d.startsWith('sips:') ? UserAgent.makeURI(d.slice(0, 256)) : DESTINATION.test(d) ? UserAgent.makeURI(`sip:${d}@${this.ctx.options.domain}`) : undefined;
    if (!uri) throw sipError('sip.invalid-destination', `'${d.slice(0, 64)}' is not a number, a SIP user or a sip: URI`);
    return uri;
  }

  private setHold(line: SipLine, held: boolean): Promise<void> {
    if (line.state.localHold === held) return Promise.resolve();
    return this.reinvite(line, held);
  }

  private reinvite(line: SipLine, hold: boolean): Promise<void> {
    return line.serial(async () => {
      const options: HoldOptions = { hold };
      line.session.sessionDescriptionHandlerOptionsReInvite = options;
      await this.request(line, 'INVITE', (delegate) => line.session.invite({ sessionDescriptionHandlerOptions: options, requestDelegate: delegate }));
      line.signal({ kind: 'hold', by: 'local', held: hold });
    });
  }

  /** Sends one in-dialog request and settles on its final response. */
  private request(line: SipLine, method: string, send: (delegate: Core.OutgoingRequestDelegate) => Promise<unknown>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      send({
        onAccept: () => resolve(),
        onReject: (r) => reject(sipError('sip.request-failed', `${method} on call '${line.id}' was refused (${r.message.statusCode})`)),
      }).catch((e: unknown) => reject(sipError('sip.request-failed', `${method} on call '${line.id}' could not be sent`, e)));
    });
  }

  /** REFER (blind: a URI; attended: the consult session, sent with Replaces); ends the lines on a 2xx NOTIFY, fails on a 3xx–6xx one or when none comes in time. */
  private refer(line: SipLine, target: URI | Session, alsoEnd: readonly SipLine[]): Promise<void> {
    return line.serial(() => new Promise<void>((resolve, reject) => {
      let settled = false;
      const succeed = () => {
        if (settled) return;
        settled = true;
        for (const l of [line, ...alsoEnd]) {
          l.signal({ kind: 'local-end', reason: 'transferred' });
          if (l.session.state === SessionState.Established) void l.session.bye().catch((e: unknown) => this.log('warn', `BYE after transferring '${l.id}' failed`, e));
        }
        resolve();
      };
      const fail = (error: DialkitError) => {
        if (settled) return;
        settled = true;
        reject(error);
      };
      line.session.refer(target, {
        requestDelegate: {
          // Accepted is not done: without a final NOTIFY in time, the transfer failed and the call stays with the agent.
          onAccept: () => line.timers.push(this.ctx.backend.scheduler.schedule(
            () => fail(sipError('sip.transfer-failed', `The far end of call '${line.id}' accepted the transfer but did not report its outcome within ${this.ctx.options.transferTimeoutMs} ms; the call is still yours`)),
            this.ctx.options.transferTimeoutMs,
          )),
          onReject: (r) => fail(sipError('sip.transfer-failed', `The far end of call '${line.id}' refused the transfer (${r.message.statusCode ?? 0})`)),
        },
        onNotify: (n) => {
          void n.accept().catch(() => undefined);
          const code = Number(/^SIP\/2\.0 (\d{3})/m.exec(n.request.body)?.[1] ?? 0);
          if (code >= 200 && code < 300) succeed();
          else if (code >= 300) fail(sipError('sip.transfer-failed', `The transfer of call '${line.id}' failed at the target (${code})`));
        },
      }).catch((e: unknown) => fail(sipError('sip.transfer-failed', `The transfer of call '${line.id}' could not be sent`, e)));
    }));
  }

  private notify(notification: NotificationInput): void {
    this.ctx.emit({ type: 'notification.raised', notification });
  }

  private log(level: 'info' | 'warn', message: string, error?: unknown, data?: Record<string, unknown>): void {
    const detail = error === undefined ? {} : { error: error instanceof Error ? error.message : typeof error === 'string' ? error : 'unknown error' };
    this.ctx.backend.logger.log(level, `sip: ${message}`, { ...detail, ...data });
  }
}
