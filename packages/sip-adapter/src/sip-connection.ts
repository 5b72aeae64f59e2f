import type { Subscription } from 'rxjs';
import type { BackendContext, ConnectionStatus, DialkitError } from '@dialkit/core';
import { Registerer, RequestPendingError, UserAgent, type Invitation, type SessionDescriptionHandlerFactory } from 'sip.js';
import { sipError } from './sip-errors.js';
import type { ResolvedSipOptions } from './sip-options.js';

/** Where the registration stands. */
export type SipRegistrationStatus = 'idle' | 'connecting' | 'registered' | 'reconnecting' | 'failed';

/** What the connection reports to the rest of the adapter. @internal */
export interface SipConnectionEvents {
  status(status: ConnectionStatus, detail: string): void;
  error(error: DialkitError): void;
  invite(invitation: Invitation): void;
  reconnected(): void;
}

/**
 * The user agent's life: connect, register (digest auth), keep alive, and on transport loss
 * reconnect with exponential backoff and register again. @internal
 *
 * @remarks
 * ```
 * idle ─► connecting ─► registered ─(transport lost)─► reconnecting ─► registered …
 *             └──(auth refused / unreachable)──► failed   (unreachable: retried with backoff)
 * ```
 */
export class SipConnection {
  readonly ua: UserAgent;
  private readonly registerer: Registerer;
  private current: SipRegistrationStatus = 'idle';
  private retry: Subscription | undefined;
  private attempt = 0;
  private disposed = false;

  constructor(
    private readonly options: ResolvedSipOptions,
    private readonly ctx: BackendContext,
    factory: SessionDescriptionHandlerFactory,
    private readonly on: SipConnectionEvents,
  ) {
    const uri = UserAgent.makeURI(`sip:${options.user}@${options.domain}`);
    if (!uri) throw sipError('sip.invalid-destination', `'${options.user}@${options.domain}' is not a SIP address`);
    this.ua = new UserAgent({
      uri,
      transportOptions: { server: options.server, keepAliveInterval: options.keepAliveIntervalS, connectionTimeout: options.connectTimeoutS, traceSip: false },
      ...(options.password === undefined ? {} : { authorizationUsername: options.authorizationUser ?? options.user, authorizationPassword: options.password }),
      ...(options.displayName === undefined ? {} : { displayName: options.displayName }),
      sessionDescriptionHandlerFactory: factory,
      // Our own no-answer timer applies; sip.js's must not fire first.
      noAnswerTimeout: 24 * 3600,
      // The adapter sends 180 itself, after it has checked the offer.
      sendInitialProvisionalResponse: false,
      logBuiltinEnabled: false,
      logConfiguration: false,
      logLevel: 'warn',
      logConnector: (level, category, _label, content) => {
        if (level === 'error' || level === 'warn') ctx.logger.log(level, `sip.js ${category}: ${content.slice(0, 300)}`);
      },
      delegate: {
        onInvite: (invitation) => on.invite(invitation),
        onDisconnect: (error) => this.lost(error),
      },
    });
    this.registerer = new Registerer(this.ua, { expires: options.registerExpiresS });
    this.guardTransport();
  }

  /** Registration status now. */
  get status(): SipRegistrationStatus {
    return this.current;
  }

  /** Connects and registers; rejects with `sip.unreachable`, `sip.auth-failed` or `sip.register-failed`. */
  async start(): Promise<void> {
    this.current = 'connecting';
    this.on.status('reconnecting', `Connecting to ${this.options.server}`);
    try {
      await this.ua.start();
    } catch (e) {
      const error = sipError('sip.unreachable', `SIP server ${this.options.server} is unreachable`, e);
      this.fail(error, 'offline');
      this.scheduleRetry();
      throw error;
    }
    await this.registerOrFail();
  }

  /** Unregisters (best effort) and stops the user agent. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.retry?.unsubscribe();
    if (this.current === 'registered') await this.registerer.unregister().catch(() => undefined);
    await this.registerer.dispose().catch(() => undefined);
    await this.ua.stop().catch(() => undefined);
    this.on.status('offline', 'Stopped');
  }

  private async registerOrFail(): Promise<void> {
    try {
      await this.register();
    } catch (e) {
      const error = e as DialkitError;
      this.fail(error, 'offline');
      if (error.code !== 'sip.auth-failed') this.scheduleRetry();
      throw error;
    }
    this.attempt = 0;
    this.current = 'registered';
    this.on.status('connected', `Registered as ${this.options.user}@${this.options.domain}`);
  }

  private register(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = this.ctx.scheduler.schedule(() => reject(sipError('sip.register-failed', 'The SIP server did not answer the registration in time')), this.options.connectTimeoutS * 2000);
      const settle = (error?: DialkitError) => {
        timer.unsubscribe();
        if (error) reject(error);
        else resolve();
      };
      this.registerer
        .register({
          requestDelegate: {
            onAccept: () => settle(),
            onReject: (r) => {
              const code = r.message.statusCode ?? 0;
              settle(code === 401 || code === 403 || code === 407
                ? sipError('sip.auth-failed', `The SIP server refused the credentials of '${this.options.user}' (${code})`)
                : sipError('sip.register-failed', `The SIP server refused the registration of '${this.options.user}' (${code} ${r.message.reasonPhrase ?? ''})`));
            },
          },
        })
        .catch((e: unknown) => settle(e instanceof RequestPendingError ? sipError('sip.register-failed', 'A registration is already under way', e) : sipError('sip.unreachable', 'The registration could not be sent', e)));
    });
  }

  /** The transport dropped: reconnect with backoff unless we stopped it. */
  private lost(error: Error | undefined): void {
    if (this.disposed || error === undefined) return;
    this.ctx.logger.log('warn', 'sip: connection to the SIP server lost; reconnecting', { error: error.message.slice(0, 200) });
    this.current = 'reconnecting';
    this.on.status('reconnecting', 'Connection to the SIP server lost; reconnecting');
    this.attempt = 0;
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.disposed) return;
    this.retry?.unsubscribe();
    const r = this.options.reconnect;
    const delay = Math.min(r.initialDelayMs * r.factor ** this.attempt, r.maxDelayMs);
    this.attempt += 1;
    this.retry = this.ctx.scheduler.schedule(() => void this.reconnect(), delay);
  }

  private async reconnect(): Promise<void> {
    if (this.disposed) return;
    try {
      if (!this.ua.isConnected()) await this.ua.reconnect();
    } catch {
      this.scheduleRetry();
      return;
    }
    try {
      await this.registerOrFail();
    } catch {
      return; // registerOrFail reported it and scheduled a retry when one can help
    }
    this.on.reconnected();
  }

  private fail(error: DialkitError, status: ConnectionStatus): void {
    this.current = 'failed';
    this.on.status(status, error.message);
    this.on.error(error);
  }

  /**
   * A hostile or unexpected message must never throw out of the WebSocket handler (sip.js
   * throws on, e.g., an in-dialog PRACK): catch, log, and go on.
   */
  private guardTransport(): void {
    const transport = this.ua.transport;
    const handle = transport.onMessage;
    if (!handle) return;
    transport.onMessage = (message: string) => {
      try {
        handle(message);
      } catch (e) {
        this.ctx.logger.log('warn', 'sip: an incoming message could not be handled', { error: e instanceof Error ? e.message.slice(0, 200) : 'unknown', start: message.slice(0, 60).replace(/[^\x20-\x7e]/g, '?') });
      }
    };
  }
}
