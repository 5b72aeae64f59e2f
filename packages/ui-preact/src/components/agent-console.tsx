import type { ComponentType } from 'preact';
import { useState } from 'preact/hooks';
import { Slots, type Dialkit } from '@dialkit/core';
import { useDialkit, useT } from '../hooks/use-dialkit.js';
import { useStream } from '../hooks/use-observable.js';
import { DialkitProvider } from '../provider.js';
import { CallControls, type CallControlsProps } from './call-controls.js';
import { CallLines } from './call-lines.js';
import { CampaignPicker } from './campaign-picker.js';
import { DispositionPanel } from './disposition-panel.js';
import { HotkeyHelp } from './hotkey-help.js';
import { LeadInfo, type LeadInfoProps } from './lead-info.js';
import { LoginForm, type LoginFormProps } from './login-form.js';
import { ManualDial } from './manual-dial.js';
import { MyProfile } from './my-profile.js';
import { MyStats } from './my-stats.js';
import { Notifications } from './notifications.js';
import { PlayPause } from './play-pause.js';
import { PreviewPanel } from './preview-panel.js';
import { Slot } from './slot.js';
import { StatusBar, type ConsolePanel, type PanelSlotContext, type StatusBarProps } from './status-bar.js';

/** The parts {@link AgentConsole} composes; replace any of them through its `components` prop. */
export interface ConsoleComponents {
  /** Login screen. */
  readonly LoginForm: ComponentType<LoginFormProps>;
  /** Campaign choice. */
  readonly CampaignPicker: ComponentType;
  /** Status and control bar. */
  readonly StatusBar: ComponentType<StatusBarProps>;
  /** Play / Pause. */
  readonly PlayPause: ComponentType;
  /** Call controls. */
  readonly CallControls: ComponentType<CallControlsProps>;
  /** Lead information. */
  readonly LeadInfo: ComponentType<LeadInfoProps>;
  /** Line management. */
  readonly CallLines: ComponentType;
  /** Preview dialing: the next lead, dial or skip. */
  readonly PreviewPanel: ComponentType;
  /** Manual call and dial pad. */
  readonly ManualDial: ComponentType;
  /** Disposition panel. */
  readonly DispositionPanel: ComponentType;
  /** Toasts. */
  readonly Notifications: ComponentType;
  /** My Stats. */
  readonly MyStats: ComponentType;
  /** My Profile. */
  readonly MyProfile: ComponentType;
  /** Hotkey help overlay. */
  readonly HotkeyHelp: ComponentType;
}

/** The kit's own components, as {@link AgentConsole} uses them by default. */
export const defaultComponents: ConsoleComponents = {
  LoginForm, CampaignPicker, StatusBar, PlayPause, CallControls, LeadInfo, CallLines, PreviewPanel, ManualDial,
  DispositionPanel, Notifications, MyStats, MyProfile, HotkeyHelp,
};

/** Props of {@link AgentConsole}. */
export interface AgentConsoleProps {
  /** A console to provide; omit inside a {@link DialkitProvider}. */
  readonly dialkit?: Dialkit;
  /** Replacements for any of the parts. */
  readonly components?: Partial<ConsoleComponents>;
}

/**
 * The default full agent console: login, campaign choice, the status bar, and the call screen
 * (Play/Pause, call controls, preview, lead information, lines, wrap-up, manual dial, plugin
 * panels), My Stats, My Profile and the panels plugins open from the bar (`console.panel` slot);
 * notifications and the hotkey help always.
 *
 * @example
 * ```tsx
 * render(<AgentConsole dialkit={dialkit} components={{ LeadInfo: MyLeadCard }} />, document.body);
 * ```
 */
export function AgentConsole({ dialkit, components }: AgentConsoleProps) {
  const layout = <ConsoleLayout c={{ ...defaultComponents, ...components }} />;
  return dialkit === undefined ? layout : <DialkitProvider dialkit={dialkit}>{layout}</DialkitProvider>;
}

function ConsoleLayout({ c }: { readonly c: ConsoleComponents }) {
  const { agent } = useDialkit();
  const t = useT();
  const state = useStream(agent.state$, () => agent.state);
  const [panel, setPanel] = useState<ConsolePanel>('calls');
  const loggedIn = state.session !== null && state.status.kind !== 'loggedOut';
  const builtIn = panel === 'calls' || panel === 'stats' || panel === 'profile';
  return (
    <div class="dk-console">
      {!loggedIn && <main class="dk-main"><c.LoginForm onLoggedIn={() => setPanel('calls')} /></main>}
      {loggedIn && (
        <>
          <h1 class="dk-visually-hidden">{t('console.title')}</h1>
          <c.StatusBar panel={panel} onOpen={setPanel} />
          <main class="dk-main" aria-label={t(`panel.${panel}`)}>
            {!builtIn && <Slot name={Slots.consolePanel} context={{ panel, open: setPanel } satisfies PanelSlotContext} />}
            {panel === 'stats' && <c.MyStats />}
            {panel === 'profile' && <c.MyProfile />}
            {panel === 'calls' && state.campaign === null && <c.CampaignPicker />}
            {panel === 'calls' && state.campaign !== null && (
              <div class="dk-call-screen">
                <c.PlayPause />
                <c.CallControls />
                <c.PreviewPanel />
                <c.LeadInfo />
                <Slot name={Slots.callPanel} />
                <c.CallLines />
                <c.DispositionPanel />
                <c.ManualDial />
                <Slot name={Slots.consoleTabs} />
              </div>
            )}
          </main>
        </>
      )}
      <c.Notifications />
      <c.HotkeyHelp />
    </div>
  );
}
