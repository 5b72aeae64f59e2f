import { Subject, asyncScheduler, filter, from, mergeMap, catchError, EMPTY, type SchedulerLike } from 'rxjs';
import { AgentService } from '../agent/agent-service.js';
import { AgentServiceImpl } from '../agent/agent-service-impl.js';
import type { BackendModule, RestoredSession } from '../backend/backend.js';
import { AgentPresencePort, CallControlPort, CampaignsPort, DispositionsPort, LeadsPort } from '../backend/ports.js';
import { CallService } from '../call/call-service.js';
import { CallServiceImpl } from '../call/call-service-impl.js';
import { awaitsDisposition, isLive } from '../call/call-state.js';
import { CampaignService, CampaignServiceImpl } from '../campaign/campaign-service.js';
import { Clock, Scheduler, schedulerClock } from '../common/clock.js';
import { DisposableStore } from '../common/disposable.js';
import { Logger, silentLogger } from '../common/logger.js';
import { tokenId, type Token } from '../common/token.js';
import { DialkitError } from '../common/errors.js';
import { CommandService } from '../command/command-service.js';
import { CommandServiceImpl } from '../command/command-service-impl.js';
import { PreviewPort } from '../lead/preview-port.js';
import { Commands } from './core-commands.js';
import { DispositionOutboxImpl } from '../disposition/disposition-outbox.js';
import { DispositionService } from '../disposition/disposition-service.js';
import { DispositionServiceImpl } from '../disposition/disposition-service-impl.js';
import { WrapUpDraftsImpl } from '../disposition/wrap-up-drafts.js';
import type { BackendEvent, DialkitEvent } from '../event/dialkit-event.js';
import { sanitizeBackendEvent } from '../event/sanitize-event.js';
import { I18nService } from '../i18n/i18n-service.js';
import { I18nServiceImpl } from '../i18n/i18n-service-impl.js';
import { JournalImpl } from '../journal/journal-impl.js';
import { accrue } from '../metrics/metrics-accumulator.js';
import { MetricsService } from '../metrics/metrics-service.js';
import { MetricsServiceImpl } from '../metrics/metrics-service-impl.js';
import { NotificationService, NotificationServiceImpl } from '../notification/notification-service.js';
import type { Plugin } from '../plugin/define-plugin.js';
import { HotkeyRegistry } from '../plugin/hotkeys.js';
import { HotkeyRegistryImpl } from '../plugin/hotkey-registry-impl.js';
import { PluginHost } from '../plugin/plugin-host.js';
import { createMapServiceRegistry, type ServiceRegistry } from '../plugin/service-registry.js';
import { SlotRegistry } from '../plugin/slots.js';
import { SlotRegistryImpl } from '../plugin/slot-registry-impl.js';
import { SettingsService } from '../settings/settings-service.js';
import { SettingsServiceImpl } from '../settings/settings-service-impl.js';
import { CoreStore } from '../state/core-store.js';
import { memoryStorage } from '../storage/memory-storage.js';
import { Storage } from '../storage/storage.js';
import { composeBackends } from './compose-backends.js';
import { CoreContext } from './core-context.js';
import type { Dialkit } from './dialkit.js';

/** How to compose a console. */
export interface ConsoleOptions {
  /** The backend, or several (the first to provide a port wins it). */
  readonly backend: BackendModule | readonly BackendModule[];
  /** Feature plugins. */
  readonly plugins?: readonly Plugin[];
  /** Persistence (default: in memory). Use `indexedDbStorage('dialkit')` in a browser. */
  readonly storage?: Storage;
  /** Timers (default: RxJS's async scheduler). Tests pass a virtual-time scheduler. */
  readonly scheduler?: SchedulerLike;
  /** Time (default: the scheduler's, in the host's time zone). */
  readonly clock?: Clock;
  /** Diagnostics (default: silent). */
  readonly logger?: Logger;
  /** Starting locale (default `en`). */
  readonly locale?: string;
  /** Whether Ready needs a joined campaign (default true). */
  readonly requireCampaign?: boolean;
  /** How long a command waits for the backend's confirmation (default 10 000 ms). */
  readonly commandTimeoutMs?: number;
  /**
   * Where services are bound by token (default: a plain map). Pass `inversifyRegistry(container)`
   * from `@dialkit/core/inversify` to have them in your own inversify container.
   */
  readonly registry?: ServiceRegistry;
  /** Journal tuning: events kept in memory, write-behind delay, checkpoint interval; `persist: false` keeps it in memory only. */
  readonly journal?: { readonly memoryLimit?: number; readonly flushMs?: number; readonly checkpointEvery?: number; readonly persist?: boolean };
}

/**
 * Composes a console: storage, journal and metrics restored, the backend started, core services
 * bound, plugins loaded in dependency order.
 *
 * @example
 * ```ts
 * const dialkit = await createConsole({ backend: simBackend({ seed: 7 }), storage: indexedDbStorage('dialkit') });
 * dialkit.agent.status$.subscribe((s) => console.log(s.kind));
 * await dialkit.agent.login({ username: 'ana', password });
 * ```
 */
export async function createConsole(options: ConsoleOptions): Promise<Dialkit> {
  const scheduler = options.scheduler ?? asyncScheduler;
  const clock = options.clock ?? schedulerClock(scheduler);
  const logger = options.logger ?? silentLogger;
  const storage = options.storage ?? memoryStorage();
  const timeoutMs = options.commandTimeoutMs ?? 10_000;
  const disposables = new DisposableStore();
  const registry = options.registry ?? createMapServiceRegistry();
  const startOfDay = (at: number) => clock.startOfDay(at);

  const journal = new JournalImpl({ storage, scheduler, clock, logger, ...options.journal });
  const restored = await journal.restore();
  const lastSeen = await journal.closedGap();
  let raise: (n: { kind: 'error'; message: string; code: string; dedupeKey: string }) => void = () => undefined;
  const store = new CoreStore(restored.state, (event, reason, error) => {
    if (error === undefined) return logger.log('warn', `Ignored backend event '${event.type}': ${reason}`);
    logger.log('error', `Core failed on event '${event.type}': ${reason}`, { stack: error instanceof Error ? error.stack : undefined });
    raise({ kind: 'error', message: `Dialkit could not apply '${event.type}'; the console goes on`, code: 'command.failed', dedupeKey: 'core.internal' });
  });
  const acc = restored.acc;
  store.observe((event, before, after) => {
    accrue(acc, before, after, event, startOfDay);
    journal.append(event, after, acc);
  });
  if (lastSeen !== undefined) store.dispatch({ type: 'console.closed', at: Math.min(lastSeen, clock.now()) });
  store.dispatch({ type: 'console.started', at: clock.now() });

  const commands = new CommandServiceImpl({ scheduler, logger, defaultTimeoutMs: timeoutMs });
  const notifications = new NotificationServiceImpl(clock, scheduler);
  const notify = (n: Parameters<NotificationServiceImpl['notify']>[0]) => void notifications.notify(n);
  raise = notify;
  const i18n = new I18nServiceImpl(options.locale === undefined ? {} : { locale: options.locale });
  const settings = new SettingsServiceImpl({ storage, logger });
  await settings.load();
  const slots = new SlotRegistryImpl();
  const hotkeys = new HotkeyRegistryImpl();

  const modules = Array.isArray(options.backend) ? (options.backend as readonly BackendModule[]) : [options.backend as BackendModule];
  const before = store.state;
  const restoredSession: RestoredSession | undefined = before.agent.session === null || before.agent.status.kind === 'loggedOut' ? undefined : {
    agentId: before.agent.session.agentId,
    name: before.agent.session.name,
    campaignId: before.agent.campaign?.id ?? null,
    presence: before.agent.status.kind === 'ready' ? 'ready' : 'paused',
    liveCallIds: before.calls.filter(isLive).map((c) => c.id),
  };
  const backend = composeBackends(modules, { clock, scheduler, logger, ...(restoredSession ? { restored: restoredSession } : {}) });
  const ctx = new CoreContext(store, commands, backend.instance.ports, backend.capabilities, scheduler, clock, logger, notify, timeoutMs);

  const campaigns = new CampaignServiceImpl(ctx);
  const agent = new AgentServiceImpl(ctx, campaigns, { requireCampaign: options.requireCampaign ?? true });
  const calls = new CallServiceImpl(ctx);
  const outbox = new DispositionOutboxImpl({
    storage, scheduler, logger, port: () => backend.instance.ports.dispositions,
    onError: (e) => notify({ kind: 'error', message: e.message, code: e.code, dedupeKey: 'disposition.send-failed' }),
  });
  const drafts = new WrapUpDraftsImpl({ storage, scheduler, logger });
  await drafts.load();
  await outbox.start();
  const dispositions = new DispositionServiceImpl(ctx, campaigns, outbox, drafts);
  dispositions.reconcileWithOutbox();
  const metrics = new MetricsServiceImpl({ getState: () => store.state, getAccumulator: () => acc, changes$: store.changed$, scheduler, clock });

  // Backend events: sanitized, stamped, reduced. Notifications go to the notification service.
  const events$ = new Subject<DialkitEvent>();
  const sub = backend.instance.events$.subscribe({
    next: (raw: BackendEvent) => {
      const e = sanitizeBackendEvent(raw, clock.now());
      if (typeof e === 'string') {
        logger.log('warn', `Ignored malformed backend event: ${e}`);
        return;
      }
      if (e.type === 'notification.raised') notifications.notify(e.notification);
      const before = store.state.agent.status;
      const unsubmitted = e.type === 'agent.logged-out' ? store.state.calls.filter(awaitsDisposition) : undefined;
      store.dispatch(e);
      if (unsubmitted !== undefined && unsubmitted.length > 0 && store.state.agent.status.kind === 'loggedOut') {
        // The backend logged the agent out during wrap-up (a supervisor, an expired session): the
        // calls awaiting an outcome leave the console. Say so; their drafts stay in storage.
        const numbers = unsubmitted.map((c) => c.remoteNumber).join(', ');
        notify({ kind: 'error', level: 'warning', code: 'agent.logged-out-with-calls', dedupeKey: 'agent.logged-out-with-calls', message: `The dialer logged you out before you submitted the outcome of the call to ${numbers}` });
      }
      if ((e.type === 'agent.logged-in' || e.type === 'agent.ready' || e.type === 'agent.paused' || e.type === 'agent.logged-out') && !agent.confirmsRequest(e.type)) {
        // The backend owns presence too (a supervisor, the dialer): it wins, and the difference is logged.
        logger.log('info', `The backend changed the agent's presence: '${e.type}' while '${before.kind}'`, { now: store.state.agent.status.kind });
      }
      if (events$.observed) events$.next(e);
    },
    error: (err: unknown) => notify({ kind: 'error', message: `The backend stopped reporting events: ${String(err)}`, code: 'backend.unavailable' }),
  });
  disposables.add(() => sub.unsubscribe());

  // A call that arrives with only a lead id gets its lead from the Leads port.
  const leads = backend.instance.ports.leads;
  if (leads) {
    const leadSub = events$.pipe(
      filter((e): e is Extract<DialkitEvent, { type: 'call.offered' | 'call.dialing' }> => (e.type === 'call.offered' || e.type === 'call.dialing') && e.lead === undefined && e.leadId !== undefined),
      mergeMap((e) => from(leads.lead(e.leadId ?? '')).pipe(
        catchError((err: unknown) => {
          logger.log('warn', 'Lead lookup failed', { callId: e.callId, error: String(err) });
          return EMPTY;
        }),
        filter((lead) => lead !== undefined),
        mergeMap((lead) => {
          const s = sanitizeBackendEvent({ type: 'call.lead-updated', callId: e.callId, lead }, clock.now());
          if (typeof s !== 'string') store.dispatch(s);
          return EMPTY;
        }),
      )),
    ).subscribe();
    disposables.add(() => leadSub.unsubscribe());
  }

  const bindings: Array<readonly [Token<unknown>, unknown]> = [
    [Clock, clock], [Scheduler, scheduler], [Logger, logger], [Storage, storage],
    [CommandService, commands], [NotificationService, notifications], [I18nService, i18n], [SettingsService, settings],
    [SlotRegistry, slots], [HotkeyRegistry, hotkeys], [AgentService, agent], [CallService, calls], [CampaignService, campaigns],
    [DispositionService, dispositions], [MetricsService, metrics],
    [CallControlPort, backend.instance.ports.callControl], [AgentPresencePort, backend.instance.ports.presence],
    [CampaignsPort, backend.instance.ports.campaigns], [LeadsPort, backend.instance.ports.leads], [DispositionsPort, backend.instance.ports.dispositions],
    ...(backend.instance.services ?? []),
  ];
  for (const [token, value] of bindings) if (value !== undefined) disposables.add(registry.provide(token, value));
  disposables.add(commands.register(Commands.skipPreview, async ({ leadId }) => {
    const preview = registry.resolve(PreviewPort);
    if (preview === undefined) throw new DialkitError('backend.port-missing', `This backend has no preview dialing: nothing provides '${tokenId(PreviewPort)}'`);
    await preview.skip(leadId);
  }));

  const host = new PluginHost({ registry, commands, slots, hotkeys, i18n, settings, notify, logger, scheduler });
  await host.load(options.plugins ?? []);

  let disposed = false;
  const dialkit: Dialkit = {
    agent, calls, campaigns, dispositions, metrics, notifications, commands, i18n, settings, slots, hotkeys,
    connection$: store.connection$,
    plugins: {
      status$: host.status$,
      get status() {
        return host.status;
      },
      load: (p) => host.load(p),
      unload: (id) => host.unload(id),
    },
    get connection() {
      return store.state.connection;
    },
    capabilities: backend.capabilities,
    backendIds: backend.ids,
    clock,
    inspect$: store.inspect$,
    get state() {
      return store.state;
    },
    get: (token) => registry.resolve(token),
    async dispose() {
      if (disposed) return;
      disposed = true;
      host.dispose();
      disposables.dispose();
      await drafts.flush().catch(() => undefined);
      await journal.flush().catch(() => undefined);
      for (const d of [drafts, outbox, journal, dispositions, calls, agent, campaigns, notifications, commands] as const) d.dispose();
      await backend.instance.dispose();
      events$.complete();
      store.dispose();
    },
  };
  return dialkit;
}
