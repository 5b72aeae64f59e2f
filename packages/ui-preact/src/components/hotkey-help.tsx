import { useEffect, useRef, useState } from 'preact/hooks';
import { useDialkit, useT } from '../hooks/use-dialkit.js';
import { useStream } from '../hooks/use-observable.js';
import { registerIfFree } from '../hotkeys.js';

/** What Tab can reach inside the dialog. */
const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

const tabbables = (root: HTMLElement | null): HTMLElement[] => [...(root?.querySelectorAll<HTMLElement>(TABBABLE) ?? [])];

/**
 * X2: the hotkey help overlay: every binding of `dialkit.hotkeys` with its keys and what it does
 * (the agent's rebindings included). `?` opens it; Escape or the close button closes it and
 * returns focus to where it was. It is modal: Tab and Shift+Tab stay inside it, focus that leaves
 * it (a click outside) comes back, and no other hotkey runs while it shows (`installKeyboard`
 * waits while a `.dk-overlay[aria-modal="true"]` is open), `?` included.
 */
export function HotkeyHelp() {
  const { hotkeys, i18n } = useDialkit();
  const t = useT();
  const bindings = useStream(hotkeys.bindings$, () => hotkeys.bindings);
  const [open, setOpen] = useState(false);
  // Read by the hotkey and the focus guard between renders: true from the moment it opens.
  const isOpen = useRef(false);
  const dialog = useRef<HTMLDivElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<Element | null>(null);
  useEffect(() => {
    const d = registerIfFree(hotkeys, {
      id: 'ui.hotkey-help', keys: '?', label: 'hotkey.ui.hotkey-help',
      run: () => {
        // Pressed again while open: ignored, so that focus still returns to where it was before.
        if (isOpen.current) return;
        isOpen.current = true;
        returnTo.current = document.activeElement;
        setOpen(true);
      },
    });
    return () => d?.dispose();
  }, [hotkeys]);
  useEffect(() => {
    if (!open) return undefined;
    close.current?.focus();
    // Focus that leaves the dialog while it is open (Tab out of the page and back, a click) comes back to it.
    const onFocusIn = (e: FocusEvent): void => {
      const root = dialog.current;
      if (!isOpen.current || root === null || (e.target instanceof Node && root.contains(e.target))) return;
      (tabbables(root)[0] ?? root).focus();
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, [open]);
  if (!open) return null;
  const hide = (): void => {
    isOpen.current = false;
    setOpen(false);
    const back = returnTo.current;
    returnTo.current = null;
    if (back instanceof HTMLElement && back.isConnected) back.focus();
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      hide();
    } else if (e.key === 'Tab') {
      // Tab and Shift+Tab go round the dialog's own controls.
      e.preventDefault();
      const items = tabbables(dialog.current);
      if (items.length === 0) return;
      const i = items.indexOf(document.activeElement as HTMLElement);
      const next = e.shiftKey ? (i <= 0 ? items.length - 1 : i - 1) : (i + 1) % items.length;
      items[next]?.focus();
    }
  };
  return (
    <div ref={dialog} class="dk-overlay" role="dialog" aria-modal="true" aria-labelledby="dk-hotkeys-title" tabIndex={-1} onKeyDown={onKeyDown}>
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
