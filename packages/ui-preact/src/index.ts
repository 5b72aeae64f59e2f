/**
 * `@dialkit/ui-preact`: Preact hooks and components for Dialkit agent consoles: login and
 * campaign choice, the status and control bar, Play/Pause, call controls, lines, preview dialing,
 * manual dial and dial pad, lead information, the disposition panel, notifications, My Stats and My Profile;
 * named slots for plugins, hotkeys, a theme of CSS custom properties (`@dialkit/ui-preact/theme.css`),
 * English and Spanish.
 *
 * @packageDocumentation
 */

// Provider and hooks
export { DialkitProvider, UiSettings, type DialkitProviderProps } from './provider.js';
export { DialkitContext, useDialkit, useService, useT, type TranslateFn } from './hooks/use-dialkit.js';
export { useObservable, useStream } from './hooks/use-observable.js';
export { useCommand, type CommandOutcome, type CommandState } from './hooks/use-command.js';
export { useNow } from './hooks/use-now.js';
export { useKeysFor } from './hooks/use-keys-for.js';

// Messages, hotkeys, formatting
export { uiMessages, type UiMessageBundle } from './messages.js';
export { DEFAULT_HOTKEYS, MODAL_SELECTOR, installKeyboard, isTyping, type DefaultHotkeyId, keysOf, nextHeldLine, registerDefaultHotkeys, registerIfFree, switchToLine } from './hotkeys.js';
export { EMPTY_FIGURE, errorText, formatDuration, formatPercent } from './format.js';

// One leader tab per agent
export { tabLeadership, type ChannelLike, type LeadershipState, type LockManagerLike, type TabLeadership, type TabLeadershipOptions } from './tabs/tab-leadership.js';
export { TabGate, type TabGateProps } from './tabs/tab-gate.js';

// Components
export { Slot, type SlotComponent, type SlotComponentProps, type SlotProps } from './components/slot.js';
export { LoginForm, type LoginFormProps } from './components/login-form.js';
export { CampaignPicker } from './components/campaign-picker.js';
export { StatusBar, statusText, type ConsolePanel, type PanelSlotContext, type StatusBarProps } from './components/status-bar.js';
export { PlayPause } from './components/play-pause.js';
export { CallControls, type CallControlsProps } from './components/call-controls.js';
export { CallLines, callStateText } from './components/call-lines.js';
export { LeadInfo, type LeadInfoProps } from './components/lead-info.js';
export { ManualDial, numberProblem } from './components/manual-dial.js';
export { PreviewPanel } from './components/preview-panel.js';
export { DialPad, type DialPadProps } from './components/dial-pad.js';
export { BreakTimer, CallDuration, DialMethodBadge, type CallDurationProps } from './components/indicators.js';
export { DispositionPanel } from './components/disposition-panel.js';
export { Notifications, notificationText } from './components/notifications.js';
export { MyStats, statsRows, type StatsRow } from './components/my-stats.js';
export { DEFAULT_ACCENT, MyProfile } from './components/my-profile.js';
export { HotkeyHelp } from './components/hotkey-help.js';
export { AudioDeviceSettings, CallQualityIndicator, qualityLevel, type CallQualityIndicatorProps } from './components/media.js';
export { AgentConsole, defaultComponents, type AgentConsoleProps, type ConsoleComponents } from './components/agent-console.js';
