import { useEffect, useRef, useState } from 'preact/hooks';
import { Commands, isBusy, type PauseReason } from '@dialkit/core';
import { useCommand } from '../hooks/use-command.js';
import { useDialkit, useT } from '../hooks/use-dialkit.js';
import { useStream } from '../hooks/use-observable.js';
import { errorText } from '../format.js';
import { registerIfFree } from '../hotkeys.js';
import { useKeysFor } from '../hooks/use-keys-for.js';

/**
 * B11–B12, W4 and W11: Play (Ready) and Pause with the campaign's reason menu, each reason marked
 * as a break or another pause. Asked for during a call, the pause is pending until wrap-up ends:
 * the UI says so and offers to cancel it. `Alt+B` opens the menu (unless
 * those keys are taken already).
 */
export function PlayPause() {
  const dialkit = useDialkit();
  const t = useT();
  const { agent, campaigns } = dialkit;
  const state = useStream(agent.state$, () => agent.state);
  const campaign = useStream(campaigns.current$, () => campaigns.current);
  const ready = useCommand(Commands.ready);
  const pause = useCommand(Commands.pause);
  const cancel = useCommand(Commands.cancelPendingPause);
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLUListElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const status = state.status.kind;
  const busy = isBusy(state.status);
  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [open]);
  const readyKeys = useKeysFor('agent.ready');
  const menuKeys = useKeysFor('agent.pause-menu');
  const cancelKeys = useKeysFor('agent.cancel-pause');
  useEffect(() => {
    const d = registerIfFree(dialkit.hotkeys, { id: 'agent.pause-menu', keys: 'Alt+B', label: 'hotkey.agent.pause-menu', run: () => setOpen(true) });
    return () => d?.dispose();
  }, [dialkit]);
  const choose = (reason: PauseReason): void => {
    setOpen(false);
    toggle.current?.focus();
    void pause.run({ reason: reason.code });
  };
  const onMenuKey = (e: KeyboardEvent): void => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') { setOpen(false); toggle.current?.focus(); }
    else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    }
  };
  const error = ready.error ?? pause.error ?? cancel.error;
  const reasons = campaign?.pauseReasons ?? [];
  return (
    <div class="dk-play-pause" role="group" aria-label={t('play.group')}>
      <button type="button" class="dk-play" aria-pressed={status === 'ready'} aria-keyshortcuts={readyKeys}
        disabled={ready.pending || status === 'ready' || status === 'loggedOut' || busy || campaign === null}
        onClick={() => void ready.run()}>
        {t('play.play')}
      </button>
      <button ref={toggle} type="button" class="dk-pause" aria-haspopup="menu" aria-expanded={open} aria-keyshortcuts={menuKeys}
        aria-controls={open ? 'dk-pause-menu' : undefined} disabled={status === 'loggedOut' || reasons.length === 0 || pause.pending}
        onClick={() => setOpen(!open)}>
        {busy ? t('pause.afterCall') : t('pause.pause')}
      </button>
      {open && (
        <ul id="dk-pause-menu" ref={menu} role="menu" aria-label={t('pause.menu')} onKeyDown={onMenuKey}>
          {reasons.map((r) => (
            <li key={r.code} role="none">
              <button type="button" role="menuitem" data-kind={r.kind} onClick={() => choose(r)}>
                {r.label} <span class="dk-badge">{t(`pause.kind.${r.kind}`)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {state.pendingPause && (
        <p role="status" class="dk-pending">
          {t('pause.pending', { reason: state.pendingPause.label })}{' '}
          <button type="button" disabled={cancel.pending} aria-keyshortcuts={cancelKeys} onClick={() => void cancel.run()}>{t('pause.cancelPending')}</button>
        </p>
      )}
      {error && <p role="alert" class="dk-error">{errorText(dialkit.i18n, error)}</p>}
    </div>
  );
}
