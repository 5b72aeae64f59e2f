/**
 * `@dialkit/core`: the headless heart of Dialkit. Agent status, the call lifecycle, dispositions
 * and agent metrics as RxJS streams; ports that telephony backends implement; a plugin kernel.
 *
 * @packageDocumentation
 */

// Composition
export { createConsole, type ConsoleOptions } from './console/create-console.js';
export type { Dialkit, PluginsHandle } from './console/dialkit.js';
export { Commands, type DialOptions } from './console/core-commands.js';

// Common
export { DialkitError, ErrorCatalogue, describeError, isDialkitError, toDialkitError, type CoreErrorCode, type ErrorCode } from './common/errors.js';
export { createToken, tokenId, type Token, type TokenType } from './common/token.js';
export { DisposableStore, toDisposable, type Disposable } from './common/disposable.js';
export { Clock, Scheduler, schedulerClock } from './common/clock.js';
export { Logger, memoryLogger, silentLogger, type LogLevel } from './common/logger.js';

// Domain
export { AgentService } from './agent/agent-service.js';
export { AGENT_TRANSITIONS, type AgentSession, type AgentState, type AgentStatus, type AgentStatusKind } from './agent/agent-state.js';
export { AFTER_WRAP_UP_PAUSE, INITIAL_AGENT_STATE, deriveAgentState, isBusy, sameStatus, transitionAgentStatus } from './agent/agent-transition.js';
export { CallService, normalizeNumber } from './call/call-service.js';
export { focusCall } from './call/call-service-impl.js';
export { CALL_TRANSITIONS, END_CAUSES, awaitsDisposition, callDuration, isLive, type Call, type CallOrigin, type CallStatus, type CallStatusKind, type EndCause } from './call/call-state.js';
export { createCall, transitionCall } from './call/call-transition.js';
export { CampaignService } from './campaign/campaign-service.js';
export { LOGIN_PAUSE, campaignRules, type Campaign, type CampaignRules, type DialMethod, type DispositionCode, type DispositionField, type PauseReason, type TransferTarget } from './campaign/campaign.js';
export type { Lead } from './lead/lead.js';
export { DispositionService } from './disposition/disposition-service.js';
export type { CallbackRequest, DispositionInput, DispositionRecord } from './disposition/disposition-record.js';
export { validateDisposition, type DispositionContext } from './disposition/validate-disposition.js';
export { DispositionOutbox, DispositionOutboxImpl, type DispositionOutboxOptions } from './disposition/disposition-outbox.js';
export { WrapUpDrafts, WrapUpDraftsImpl, type WrapUpDraft, type WrapUpDraftsOptions } from './disposition/wrap-up-drafts.js';
export { NotificationService } from './notification/notification-service.js';
export type { Notification, NotificationInput, NotificationKind, NotificationLevel } from './notification/notification.js';

// Events and state
export type { AgentEvent, BackendEvent, CallEvent, ConnectionEvent, ConnectionStatus, ConsoleEvent, DialkitEvent, DialkitEventType, DispositionEvent, NewCallInfo, NotificationEvent } from './event/dialkit-event.js';
export { sanitizeBackendEvent } from './event/sanitize-event.js';
export { INITIAL_CORE_STATE, type ConnectionState, type CoreState } from './state/core-state.js';
export { reduceCore, type IllegalEventHandler } from './state/core-reducer.js';
export type { InspectionEvent } from './state/core-store.js';

// Metrics and journal
export { MetricsService } from './metrics/metrics-service.js';
export type { MetricsPeriod, MetricsSnapshot, PauseTime } from './metrics/metrics.js';
export { accrue, createMetricsAccumulator, metricsSnapshot, type MetricsAccumulator, type MetricsPeriodAccumulator, type PauseAccumulator, type StartOfDay } from './metrics/metrics-accumulator.js';
export { replayEvents, type ReplayResult } from './journal/replay.js';

// Backends and ports
export { defineBackend, type BackendContext, type BackendInstance, type BackendModule, type BackendPorts, type Capability, type RestoredSession } from './backend/backend.js';
export { AgentPresencePort, CallControlPort, CampaignsPort, DispositionsPort, LeadsPort, type Credentials, type DialRequest } from './backend/ports.js';
export { DirectoryPort, type DirectoryEntry } from './directory/directory-port.js';
export { PreviewPort } from './lead/preview-port.js';
export { AudioDevicesPort, CallQualityPort, type AudioDevice, type AudioDeviceChoice, type CallQuality } from './media/media-ports.js';

// Storage
export { Storage, type LogEntry, type LogName, type StoreName } from './storage/storage.js';
export { memoryStorage } from './storage/memory-storage.js';
export { indexedDbStorage, type IndexedDbFactory, type IndexedDbStorageOptions } from './storage/indexeddb-storage.js';

// Commands and plugins
export { defineCommand, type AnyCommandDescriptor, type CommandArgs, type CommandDescriptor, type CommandOptions, type CommandResult } from './command/command.js';
export { CommandService, type AfterHook, type BeforeHook, type CommandHandler, type CommandHookContext, type CommandTrace, type CommandTraceBase, type ExecuteArgs, type ReplaceHandler } from './command/command-service.js';
export { definePlugin, type Plugin, type PluginDeps, type PluginOptions, type PluginRequirements } from './plugin/define-plugin.js';
export type { PluginContext, Trackable } from './plugin/plugin-context.js';
export type { PluginStatus } from './plugin/plugin-host.js';
export { createMapServiceRegistry, type ServiceRegistry } from './plugin/service-registry.js';
export { SlotRegistry, Slots, type SlotContribution, type SlotName } from './plugin/slots.js';
export { HotkeyRegistry, normalizeKeys, type HotkeyBinding, type HotkeyOptions } from './plugin/hotkeys.js';
export { I18nService, SUPPORTED_LOCALES, type Locale, type MessageBundle, type MessageParams, type Messages, type SupportedLocale } from './i18n/i18n-service.js';
export { coreMessages, type CoreMessageKey } from './i18n/core-messages.js';
export { FORBIDDEN_SETTING_KEY, SettingsService, type SettingsScope } from './settings/settings-service.js';
