import { BehaviorSubject, Subject, defer, startWith, type Observable } from 'rxjs';
import { defineBackend, type BackendContext, type BackendEvent, type BackendInstance, type BackendModule, type Capability, type DialkitError } from '@dialkit/core';
import { createSdhBridge } from './media/sdh-bridge.js';
import { SipCalls } from './sip-calls.js';
import { SipConnection, type SipRegistrationStatus } from './sip-connection.js';
import { sipError } from './sip-errors.js';
import { resolveSipOptions, type SipBackendOptions } from './sip-options.js';

/** What the SIP backend declares, and honours. */
export const SIP_CAPABILITIES: readonly Capability[] = ['hold', 'mute', 'dtmf', 'blindTransfer', 'warmTransfer', 'conference', 'multiLine', 'autoAnswer', 'manualDial'];

/** A SIP backend: the module to give a console, and a handle on its registration. */
export interface SipBackend {
  /** The backend module (`createConsole({ backend: [sip.module, simBackend()] })`). */
  readonly module: BackendModule;
  /** Registration of the latest started instance. */
  readonly control: SipControl;
}

/** A handle on the SIP registration (of the latest started instance). */
export interface SipControl {
  /**
   * Resolves once registered; rejects with a `DialkitError`: `sip.auth-failed` (wrong password),
   * `sip.unreachable` (no WebSocket to the server), `sip.register-failed`, or
   * `backend.unavailable` when no console has started the backend.
   */
  registered(): Promise<void>;
  /** Registration status now. */
  readonly status: SipRegistrationStatus;
  /** Registration status as it changes (replays the latest). */
  readonly status$: Observable<SipRegistrationStatus>;
  /** Lines the adapter holds now (live calls), for diagnostics. */
  readonly lineCount: number;
}

class SipInstance {
  private readonly eventsSubject = new Subject<BackendEvent>();
  private readonly statusSubject = new BehaviorSubject<SipRegistrationStatus>('idle');
  private lastConnection: BackendEvent = { type: 'connection.changed', status: 'offline', detail: 'Not started' };
  readonly connection: SipConnection;
  readonly calls: SipCalls;
  readonly status$ = this.statusSubject.asObservable();
  private started: Promise<void> | undefined;
  /** What the media engine provides (call quality, audio devices), bound with the backend's services. */
  private readonly mediaServices: NonNullable<BackendInstance['services']>;

  constructor(options: SipBackendOptions, private readonly context: BackendContext) {
    const resolved = resolveSipOptions(options);
    this.mediaServices = resolved.media.services ?? [];
    const bridge = createSdhBridge(resolved.media, (session, error) => this.calls.onMediaError(session, error));
    const emit = (e: BackendEvent) => this.eventsSubject.next(e);
    this.calls = new SipCalls({
      options: resolved, backend: context, bridge, media: resolved.media, emit,
      userAgent: () => {
        if (this.connection.status !== 'registered' && this.connection.status !== 'reconnecting') throw sipError('sip.not-registered', `The SIP user agent is not registered (${this.connection.status})`);
        return this.connection.ua;
      },
    });
    this.connection = new SipConnection(resolved, context, bridge.factory, {
      status: (status, detail) => {
        this.lastConnection = { type: 'connection.changed', status, detail };
        emit(this.lastConnection);
        this.statusSubject.next(this.connection.status);
      },
      error: (e) => emit({ type: 'notification.raised', notification: { kind: 'error', level: 'error', code: e.code, message: e.message, dedupeKey: e.code } }),
      invite: (invitation) => this.calls.onInvite(invitation),
      reconnected: () => {
        if (resolved.refreshCallsOnReconnect) this.calls.refreshAll();
      },
    });
  }

  /** Starts connecting once (on the first subscriber); settles like {@link SipControl.registered}. */
  start(): Promise<void> {
    this.started ??= this.connection.start();
    this.started.catch((e: unknown) => this.context.logger.log('warn', `sip: not registered: ${(e as DialkitError).message}`));
    return this.started;
  }

  /** Resolves when registered now or later (after a retry). */
  registered(): Promise<void> {
    if (this.connection.status === 'registered') return Promise.resolve();
    return this.start();
  }

  instance(): BackendInstance {
    const events$ = defer(() => {
      void this.start().catch(() => undefined);
      return this.eventsSubject.pipe(startWith(this.lastConnection));
    });
    return {
      events$,
      ports: { callControl: this.calls },
      services: this.mediaServices,
      dispose: async () => {
        this.calls.dispose();
        await this.connection.dispose();
        this.statusSubject.next(this.connection.status);
        this.eventsSubject.complete();
        this.statusSubject.complete();
      },
    };
  }
}

/**
 * Creates a SIP backend (sip.js over WebSocket) and a handle on its registration. Call control
 * only: compose it with a backend for presence, campaigns, leads and dispositions.
 *
 * @example
 * ```ts
 * const sip = createSipBackend({ server: 'wss://pbx.example/ws', user: '1001', password, media: webRtcMediaEngine() });
 * const dialkit = await createConsole({ backend: [sip.module, simBackend()] });
 * await sip.control.registered(); // rejects with DialkitError 'sip.auth-failed' on a wrong password
 * ```
 */
export function createSipBackend(options: SipBackendOptions): SipBackend {
  resolveSipOptions(options); // fail fast on bad options
  let latest: SipInstance | undefined;
  const status$ = defer(() => latest?.status$ ?? new BehaviorSubject<SipRegistrationStatus>('idle'));
  const control: SipControl = {
    registered: () => (latest ? latest.registered() : Promise.reject(sipErrorUnavailable())),
    get status() { return latest?.connection.status ?? 'idle'; },
    status$,
    get lineCount() { return latest?.calls.size ?? 0; },
  };
  const module = defineBackend({
    id: 'sip',
    capabilities: SIP_CAPABILITIES,
    create(context) {
      latest = new SipInstance(options, context);
      return latest.instance();
    },
  });
  return { module, control };
}

function sipErrorUnavailable(): DialkitError {
  return sipError('sip.not-registered', 'No console has started the SIP backend yet');
}

/**
 * The SIP backend as a backend module: call control over SIP-over-WebSocket (sip.js).
 *
 * @example
 * ```ts
 * const dialkit = await createConsole({
 *   backend: [sipBackend({ server: 'wss://pbx.example/ws', user: '1001', password, media: webRtcMediaEngine() }), simBackend()],
 * });
 * ```
 */
export function sipBackend(options: SipBackendOptions): BackendModule {
  return createSipBackend(options).module;
}
