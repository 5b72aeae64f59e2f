import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { DisposableStore, type Dialkit } from '@dialkit/core';
import { DialkitContext } from './hooks/use-dialkit.js';
import { installKeyboard, registerDefaultHotkeys } from './hotkeys.js';
import { uiMessages } from './messages.js';

/** Setting keys the UI kit persists through `dialkit.settings`. */
export const UiSettings = {
  /** Interface colour (a CSS colour), applied as `--dk-accent`. */
  accent: 'ui.accent',
  /** `light`, `dark` or `system`, applied as `data-theme` on the document element. */
  theme: 'ui.theme',
  /** The agent's language (`en`, `es`), applied with `i18n.setLocale`. */
  locale: 'ui.locale',
} as const;

/** Props of {@link DialkitProvider}. */
export interface DialkitProviderProps {
  /** The console the components read and command. */
  readonly dialkit: Dialkit;
  /** Register the call-control hotkeys (default true). */
  readonly hotkeys?: boolean;
  /** Listen to the keyboard on `document` and dispatch hotkeys (default true). */
  readonly keyboard?: boolean;
  /**
   * Apply the persisted theme and interface colour, and the console's language as `lang` (so that
   * screen readers read a Spanish console as Spanish; the page's own `lang` comes back on unmount),
   * to `document.documentElement` (default true).
   */
  readonly applyTheme?: boolean;
  /** The console's UI. */
  readonly children?: ComponentChildren;
}

/**
 * Makes a console available to the hooks and components below it; adds the kit's English and
 * Spanish messages, the default hotkeys and the keyboard listener, and applies the agent's saved
 * language, theme and interface colour. All of it is undone on unmount.
 *
 * @remarks One provider serves one console for its lifetime: to swap consoles, give the provider
 * a new `key` so that it remounts.
 *
 * @example
 * ```tsx
 * render(<DialkitProvider dialkit={dialkit}><AgentConsole /></DialkitProvider>, document.body);
 * ```
 */
export function DialkitProvider({ dialkit, hotkeys = true, keyboard = true, applyTheme = true, children }: DialkitProviderProps) {
  // Messages are added during the first render, so that its text is already translated.
  const [messages] = useState(() => ({ dialkit, bundle: dialkit.i18n.add(uiMessages) }));
  useEffect(() => () => messages.bundle.dispose(), [messages]);
  useEffect(() => {
    const store = new DisposableStore();
    if (hotkeys) store.add(registerDefaultHotkeys(dialkit));
    if (keyboard && typeof document !== 'undefined') store.add(installKeyboard(dialkit, document));
    const { settings } = dialkit;
    const locale = settings.observe<string | null>(UiSettings.locale, null).subscribe((l) => {
      if (l !== null && l !== dialkit.i18n.locale) dialkit.i18n.setLocale(l);
    });
    store.add(() => locale.unsubscribe());
    if (applyTheme && typeof document !== 'undefined') {
      const root = document.documentElement;
      const accent = settings.observe<string | null>(UiSettings.accent, null).subscribe((c) => {
        const on = c === null ? undefined : textOn(c);
        if (c === null || on === undefined) {
          root.style.removeProperty('--dk-accent');
          root.style.removeProperty('--dk-on-accent');
        } else {
          root.style.setProperty('--dk-accent', c);
          root.style.setProperty('--dk-on-accent', on);
        }
      });
      const theme = settings.observe<string>(UiSettings.theme, 'system').subscribe((th) => {
        if (th === 'light' || th === 'dark') root.dataset['theme'] = th;
        else delete root.dataset['theme'];
      });
      // WCAG 3.1.1: the page's language follows the console's.
      const pageLang = root.getAttribute('lang');
      const lang = dialkit.i18n.locale$.subscribe((l) => root.setAttribute('lang', l));
      store.add(() => accent.unsubscribe());
      store.add(() => theme.unsubscribe());
      store.add(() => {
        lang.unsubscribe();
        if (pageLang === null) root.removeAttribute('lang');
        else root.setAttribute('lang', pageLang);
      });
    }
    return () => store.dispose();
  }, [dialkit, hotkeys, keyboard, applyTheme]);
  return <DialkitContext.Provider value={dialkit}>{children}</DialkitContext.Provider>;
}

/** Relative luminance of an sRGB channel (0–255), as WCAG 2 defines it. */
const channel = (v: number): number => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

/**
 * The text colour for buttons filled with the interface colour `hex` (`#rrggbb`): white or near
 * black, whichever contrasts more, so a light colour the agent picks keeps its labels readable.
 * Undefined for anything but `#rrggbb` (a stored value from elsewhere is not applied).
 */
export function textOn(hex: string): string | undefined {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => channel(parseInt(x ?? '0', 16)));
  const l = 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  const dark = 0.0056; // #0f1216, the dark theme's background
  return 1.05 / (l + 0.05) >= (l + 0.05) / (dark + 0.05) ? '#ffffff' : '#0f1216';
}
