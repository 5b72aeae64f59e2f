import { useEffect, useRef } from 'preact/hooks';
import { Commands, Slots, type AgentStatus } from '@dialkit/core';
import { useCommand } from '../hooks/use-command.js';
import { useDialkit, useT, type TranslateFn } from '../hooks/use-dialkit.js';
import { useStream } from '../hooks/use-observable.js';
import { errorText } from '../format.js';
import { registerIfFree } from '../hotkeys.js';
import { useKeysFor } from '../hooks/use-keys-for.js';
import { BreakTimer, DialMethodBadge } from './indicators.js';
import { Slot } from './slot.js';

/**
 * A panel of the console's main area: the built-in ones the status bar opens (B7 Call menu, B1 My
 * Stats, B5 My Profile), or a plugin's panel id (`phonebook`…), rendered by the `console.panel` slot.
 */
export type ConsolePanel = 'calls' | 'stats' | 'profile' | (string & {});

/**
 * The context of the `header.menu` and `console.panel` slots: the panel open now, and a way to
 * open another. A plugin's bar entry calls `open('phonebook')`; its panel contribution shows when
 * `when: (c) => (c as PanelSlotContext).panel === 'phonebook'`.
 */
export interface PanelSlotContext {
  /** The panel open now. */
  readonly panel: ConsolePanel;
  /** Opens a panel (`calls` returns to the call screen). */
  readonly open: (panel: ConsolePanel) => void;
}

/** Props of {@link StatusBar}. */
export interface StatusBarProps {
  /** The panel shown now (its entry is marked current). */
  readonly panel?: ConsolePanel;
  /** Called when the agent picks My Stats, My Profile or the call menu. */
  readonly onOpen?: (panel: ConsolePanel) => void;
}

/** The agent status as one line of text: "Paused: Lunch", "Ready"… */
export function statusText(t: TranslateFn, status: AgentStatus): string {
  const label = t(`status.${status.kind}`);
  return status.kind === 'paused' ? `${label}: ${status.reason.label}` : label;
}

/** The built-in bar entries, with the default keys of their hotkeys (`panel.<id>`). */
const ENTRIES: readonly { readonly panel: ConsolePanel; readonly key: string; readonly keys: string }[] = [
  { panel: 'calls', key: 'bar.callMenu', keys: 'Alt+C' },
  { panel: 'stats', key: 'bar.myStats', keys: 'Alt+T' },
  { panel: 'profile', key: 'bar.myProfile', keys: 'Alt+I' },
];

/**
 * Registers a hotkey for each built-in entry while the bar can open panels (Alt+C call menu, Alt+T
 * My Stats, Alt+I My Profile); ids or keys already taken (by a plugin) are skipped.
 */
function usePanelHotkeys(onOpen: ((panel: ConsolePanel) => void) | undefined): void {
  const { hotkeys } = useDialkit();
  const open = useRef(onOpen);
  open.current = onOpen;
  const enabled = onOpen !== undefined;
  useEffect(() => {
    if (!enabled) return undefined;
    const registered = ENTRIES
      .map((e) => registerIfFree(hotkeys, { id: `panel.${e.panel}`, keys: e.keys, label: `hotkey.panel.${e.panel}`, run: () => open.current?.(e.panel) }));
    return () => registered.forEach((d) => d?.dispose());
  }, [hotkeys, enabled]);
}

/**
 * The status and control bar (B1–B10): the agent's status in a polite live region (screen
 * readers announce each change), the connection, the campaign joined and its dial method, the break timer,
 * the built-in entries (Call menu, My Stats, My Profile: shown when `onOpen` is given; Logout) and the entries plugins add to
 * the `status.bar` and `header.menu` slots (Voicemails, Callbacks, Chat, Call Queue, Phonebook,
 * Call History).
 */
export function StatusBar({ panel, onOpen }: StatusBarProps) {
  const dialkit = useDialkit();
  const t = useT();
  const status = useStream(dialkit.agent.status$, () => dialkit.agent.status);
  const state = useStream(dialkit.agent.state$, () => dialkit.agent.state);
  const connection = useStream(dialkit.connection$, () => dialkit.connection);
  const campaign = useStream(dialkit.campaigns.current$, () => dialkit.campaigns.current);
  const logout = useCommand(Commands.logout);
  usePanelHotkeys(onOpen);
  // The keys in force of each entry (undefined until registered, or when taken by something else).
  const entryKeys: Readonly<Record<string, string | undefined>> = {
    calls: useKeysFor('panel.calls'),
    stats: useKeysFor('panel.stats'),
    profile: useKeysFor('panel.profile'),
  };
  const logoutKeys = useKeysFor('agent.logout');
  return (
    <header class="dk-status-bar" role="banner">
      <div class="dk-status" data-status={status.kind}>
        <span class="dk-agent-name">{state.session?.name}</span>
        <span role="status" aria-live="polite" aria-atomic="true" class="dk-status-text">
          {statusText(t, status)}
        </span>
        {state.pendingPause && <span class="dk-pending">{t('pause.pendingShort', { reason: state.pendingPause.label })}</span>}
        <span class="dk-connection" data-connection={connection.status}>{t(`connection.${connection.status}`)}</span>
        {campaign && <span class="dk-campaign">{t('campaign.joined', { name: campaign.name })}</span>}
        <DialMethodBadge />
        <BreakTimer />
        <Slot name={Slots.statusBar} />
      </div>
      <nav aria-label={t('bar.label')}>
        <ul class="dk-bar-entries" role="list">
          {onOpen !== undefined && ENTRIES.map((e) => (
            <li key={e.panel}>
              <button type="button" aria-current={panel === e.panel ? 'page' : undefined} aria-keyshortcuts={entryKeys[e.panel]} onClick={() => onOpen?.(e.panel)}>
                {t(e.key)}
              </button>
            </li>
          ))}
          <Slot name={Slots.headerMenu} itemTag="li" context={{ panel: panel ?? 'calls', open: (p: ConsolePanel) => onOpen?.(p) } satisfies PanelSlotContext} />
          <li>
            <button type="button" class="dk-logout" disabled={logout.pending} aria-keyshortcuts={logoutKeys} onClick={() => void logout.run()}>
              {t('bar.logout')}
            </button>
          </li>
        </ul>
      </nav>
      {logout.error && <p role="alert" class="dk-error">{errorText(dialkit.i18n, logout.error)}</p>}
    </header>
  );
}
