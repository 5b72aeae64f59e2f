import type { Observable } from 'rxjs';
import type { AgentService } from '../agent/agent-service.js';
import type { Capability } from '../backend/backend.js';
import type { CallService } from '../call/call-service.js';
import type { CampaignService } from '../campaign/campaign-service.js';
import type { Clock } from '../common/clock.js';
import type { Token } from '../common/token.js';
import type { CommandService } from '../command/command-service.js';
import type { DispositionService } from '../disposition/disposition-service.js';
import type { I18nService } from '../i18n/i18n-service.js';
import type { MetricsService } from '../metrics/metrics-service.js';
import type { NotificationService } from '../notification/notification-service.js';
import type { Plugin } from '../plugin/define-plugin.js';
import type { HotkeyRegistry } from '../plugin/hotkeys.js';
import type { PluginStatus } from '../plugin/plugin-host.js';
import type { SlotRegistry } from '../plugin/slots.js';
import type { SettingsService } from '../settings/settings-service.js';
import type { ConnectionState, CoreState } from '../state/core-state.js';
import type { InspectionEvent } from '../state/core-store.js';

/** The plugins of a console. */
export interface PluginsHandle {
  /** Every plugin's status by id. */
  readonly status$: Observable<ReadonlyMap<string, PluginStatus>>;
  /** Every plugin's status now. */
  readonly status: ReadonlyMap<string, PluginStatus>;
  /** Loads more plugins (in dependency order; failures are isolated). */
  load(plugins: readonly Plugin[]): Promise<void>;
  /** Unloads one, disposing everything it registered. */
  unload(id: string): void;
}

/**
 * A composed console: the services an integrator's UI reads and commands.
 *
 * @remarks Every stream replays its latest value, emits on change, never errors, and completes
 * on {@link Dialkit.dispose}.
 */
export interface Dialkit {
  /** Agent status, session, campaign; login, Ready, Pause, logout. */
  readonly agent: AgentService;
  /** Calls and call control. */
  readonly calls: CallService;
  /** Assigned and joined campaigns. */
  readonly campaigns: CampaignService;
  /** Wrap-up: drafts, validation, the outbox. */
  readonly dispositions: DispositionService;
  /** My Stats. */
  readonly metrics: MetricsService;
  /** System messages, campaign alerts, errors. */
  readonly notifications: NotificationService;
  /** Backend connection. */
  readonly connection$: Observable<ConnectionState>;
  /** Backend connection now. */
  readonly connection: ConnectionState;
  /** The command pipeline (hooks for integrators too). */
  readonly commands: CommandService;
  /** Messages and locale. */
  readonly i18n: I18nService;
  /** Persisted settings. */
  readonly settings: SettingsService;
  /** UI slot contributions. */
  readonly slots: SlotRegistry;
  /** Hotkeys. */
  readonly hotkeys: HotkeyRegistry;
  /** Plugins. */
  readonly plugins: PluginsHandle;
  /** What the backend can do. */
  readonly capabilities: ReadonlySet<Capability>;
  /** Ids of the backends in use. */
  readonly backendIds: readonly string[];
  /** The console's clock. */
  readonly clock: Clock;
  /** The whole core state now (agent, calls, connection), for diagnostics and tests. */
  readonly state: CoreState;
  /** Every event with its outcome, for devtools and tests. */
  readonly inspect$: Observable<InspectionEvent>;
  /** A service by token (core's, a backend's, or a plugin's), or undefined. */
  get<T>(token: Token<T>): T | undefined;
  /** Flushes the journal and drafts, stops plugins, backends and timers. */
  dispose(): Promise<void>;
}
