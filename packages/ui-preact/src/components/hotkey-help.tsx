import { useEffect, useRef, useState } from 'preact/hooks';
import { useDialkit, useT } from '../hooks/use-dialkit.js';
import { useStream } from '../hooks/use-observable.js';

/**
 * X2: the hotkey help overlay: every binding of `dialkit.hotkeys` with its keys and what it does
 * (the agent's rebindings included). `?` opens it; Escape or the close button closes it and
 * returns focus to where it was.
 */
export function HotkeyHelp() {
  const { hotkeys, i18n } = useDialkit();
  const t = useT();
  const bindings = useStream(hotkeys.bindings$, () => hotkeys.bindings);
  const [open, setOpen] = useState(false);
  const close = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<Element | null>(null);
  useEffect(() => {
    if (hotkeys.bindings.some((b) => b.id === 'ui.hotkey-help')) return undefined;
    const d = hotkeys.register({
      id: 'ui.hotkey-help', keys: '?', label: 'hotkey.ui.hotkey-help',
      run: () => { returnTo.current = document.activeElement; setOpen(true); },
    });
    return () => d.dispose();
  }, [hotkeys]);
  useEffect(() => {
    if (open) close.current?.focus();
  }, [open]);
  if (!open) return null;
  const hide = (): void => {
    setOpen(false);
    if (returnTo.current instanceof HTMLElement) returnTo.current.focus();
  };
  return (
    <div class="dk-overlay" role="dialog" aria-modal="true" aria-labelledby="dk-hotkeys-title"
      onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); hide(); } }}>
      <h2 id="dk-hotkeys-title">{t('hotkeys.title')}</h2>
      <table>
        <thead>
          <tr><th scope="col">{t('hotkeys.keys')}</th><th scope="col">{t('hotkeys.action')}</th></tr>
        </thead>
        <tbody>
          {bindings.map((b) => (
            <tr key={b.id} data-hotkey={b.id}>
              <td><kbd>{b.keys}</kbd></td>
              <td>{i18n.has(b.label) ? t(b.label) : b.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button ref={close} type="button" onClick={hide}>{t('hotkeys.close')}</button>
    </div>
  );
}
