import { Commands, normalizeKeys, toDisposable, type Call, type Dialkit, type Disposable, type HotkeyOptions, type HotkeyRegistry } from '@dialkit/core';
import { errorText } from './format.js';

/** Ids of the call-control hotkeys the kit registers. */
export type DefaultHotkeyId = 'agent.ready' | 'agent.cancel-pause' | 'agent.logout' | 'call.answer' | 'call.reject' | 'call.hangup' | 'call.hold' | 'call.mute' | 'call.switch-line';

/**
 * The default keys of the kit's own hotkeys (Alt+P Play, Alt+Z cancel a pending pause, Alt+Q log
 * out, Alt+A answer, Alt+J reject, Alt+X hang up, Alt+H hold/resume, Alt+M mute/unmute, Alt+L
 * switch line); rebind with `dialkit.hotkeys.rebind(id, keys)`.
 */
export const DEFAULT_HOTKEYS: Readonly<Record<DefaultHotkeyId, string>> = {
  'agent.ready': 'Alt+P',
  'agent.cancel-pause': 'Alt+Z',
  'agent.logout': 'Alt+Q',
  'call.answer': 'Alt+A',
  'call.reject': 'Alt+J',
  'call.hangup': 'Alt+X',
  'call.hold': 'Alt+H',
  'call.mute': 'Alt+M',
  'call.switch-line': 'Alt+L',
};

/**
 * The line a "switch line" goes to: the next line the agent holds after the line in focus (by
 * line number, wrapping round), or undefined when the agent holds no other line.
 */
export function nextHeldLine(calls: readonly Call[], focus: Call | null): Call | undefined {
  const held = calls.filter((c) => c.status.kind === 'held' && c.status.by === 'local' && c.id !== focus?.id).sort((a, b) => a.line - b.line);
  const after = focus?.line ?? 0;
  return held.find((c) => c.line > after) ?? held[0];
}

/**
 * Switches the agent to `target`: the connected line (if another) is held first, then `target`
 * resumed. Rejects with the hold's error if the hold fails; `target` is then left on hold.
 */
export async function switchToLine(dialkit: Dialkit, target: Call): Promise<void> {
  const connected = dialkit.calls.lines.find((c) => c.id !== target.id && c.status.kind === 'connected');
  if (connected) await dialkit.calls.hold(connected.id);
  await dialkit.calls.resume(target.id);
}

/**
 * Registers a hotkey unless its id or its keys are taken already; never throws.
 *
 * @remarks
 * `hotkeys.register` throws when the id or the keys are bound already (by a plugin, by the agent
 * rebinding another hotkey onto them) or when the keys are malformed. Thrown inside a Preact
 * effect, that exception stops every later effect of the whole app, so the kit and its plugins
 * register through this instead. The keys are normalised first (core's `normalizeKeys`), so
 * `alt+1` and `Alt+1` are the same keys. A skipped hotkey is simply not bound: read the keys in
 * force with `useKeysFor` (never assume the default keys in `aria-keyshortcuts`).
 *
 * @param hotkeys - the console's hotkey table (`dialkit.hotkeys`).
 * @param binding - what to register, as for `hotkeys.register`.
 * @returns the disposable removing it, or null when it was skipped (id or keys taken, keys malformed).
 * @example
 * ```ts
 * useEffect(() => {
 *   const d = registerIfFree(dialkit.hotkeys, { id: 'crm.open', keys: 'Alt+O', label: 'crm.open', run: open });
 *   return () => d?.dispose();
 * }, [dialkit]);
 * ```
 */
export function registerIfFree<TArgs, TResult>(hotkeys: Pick<HotkeyRegistry, 'bindings' | 'register'>, binding: HotkeyOptions<TArgs, TResult>): Disposable | null {
  let keys: string;
  try {
    keys = normalizeKeys(binding.keys);
  } catch (_e: unknown) {
    return null;
  }
  if (hotkeys.bindings.some((b) => b.id === binding.id || b.keys === keys)) return null;
  try {
    return hotkeys.register({ ...binding, keys });
  } catch (_e: unknown) {
    // Taken in between, or refused for another reason: not bound, and nothing thrown into the caller's effect.
    return null;
  }
}

const byStatus = (dialkit: Dialkit, ...kinds: Call['status']['kind'][]): Call | undefined => {
  const active = dialkit.calls.active;
  if (active && kinds.includes(active.status.kind)) return active;
  return dialkit.calls.lines.find((c) => kinds.includes(c.status.kind));
};

/**
 * Registers the kit's hotkeys (Play, cancel a pending pause, log out, answer, reject, hang up,
 * hold/resume, mute/unmute, switch line) on the console's hotkey table. A binding whose id or keys are taken already (by a plugin) is skipped.
 * Failures of the commands they run are raised as error notifications.
 *
 * @returns one disposable removing them all.
 */
export function registerDefaultHotkeys(dialkit: Dialkit): Disposable {
  const report = (p: Promise<unknown>): void => {
    p.catch((e: unknown) => dialkit.notifications.notify({ kind: 'error', message: errorText(dialkit.i18n, e), dedupeKey: 'ui.hotkey' }));
  };
  const onCall = (kinds: Call['status']['kind'][], fn: (c: Call) => Promise<unknown>) => () => {
    const call = byStatus(dialkit, ...kinds);
    if (call) report(fn(call));
  };
  const { calls } = dialkit;
  const runs: Record<DefaultHotkeyId, () => void> = {
    'agent.ready': () => report(dialkit.commands.execute(Commands.ready)),
    'agent.cancel-pause': () => {
      if (dialkit.agent.state.pendingPause) report(dialkit.commands.execute(Commands.cancelPendingPause));
    },
    'agent.logout': () => report(dialkit.commands.execute(Commands.logout)),
    'call.switch-line': () => {
      const target = nextHeldLine(calls.lines, calls.active);
      if (target) report(switchToLine(dialkit, target));
    },
    'call.answer': onCall(['offered'], (c) => calls.answer(c.id)),
    'call.reject': onCall(['offered'], (c) => calls.reject(c.id)),
    'call.hangup': onCall(['connected', 'held', 'dialing', 'ringing'], (c) => calls.hangup(c.id)),
    'call.hold': onCall(['connected', 'held'], (c) => (c.status.kind === 'held' ? calls.resume(c.id) : calls.hold(c.id))),
    'call.mute': onCall(['connected', 'held'], (c) => calls.mute(c.id, !c.muted)),
  };
  const registered = (Object.entries(DEFAULT_HOTKEYS) as [DefaultHotkeyId, string][])
    .map(([id, keys]) => registerIfFree(dialkit.hotkeys, { id, keys, label: `hotkey.${id}`, run: runs[id] }));
  return toDisposable(() => registered.forEach((d) => d?.dispose()));
}

const MODIFIER_KEYS = new Set(['Control', 'Alt', 'Shift', 'Meta', 'AltGraph', 'CapsLock']);

/**
 * The key combination of a keyboard event in the registry's notation (`Alt+H`, `Ctrl+Shift+F2`, `1`, `?`),
 * or undefined for a lone modifier. Letters and digits come from `code`, so Alt+H works on macOS too;
 * Shift is dropped for punctuation it produces (`?`).
 */
export function keysOf(e: KeyboardEvent): string | undefined {
  if (MODIFIER_KEYS.has(e.key)) return undefined;
  let key = e.key === ' ' ? 'Space' : e.key;
  let shift = e.shiftKey;
  if (/^Key[A-Z]$/.test(e.code)) key = e.code.slice(3);
  else if (/^Digit[0-9]$/.test(e.code)) key = e.code.slice(5);
  else if (key.length === 1 && !/[a-z0-9]/i.test(key)) shift = false;
  if (key === '+') key = 'plus';
  const mods = [e.ctrlKey && 'Ctrl', e.altKey && 'Alt', shift && 'Shift', e.metaKey && 'Meta'].filter(Boolean);
  return [...mods, key].join('+');
}

/**
 * Whether `target` is a field the agent types in (an input, a textarea, a select or editable
 * content). Hotkeys without a modifier are left to such a field, and the kit does not move focus
 * away from one when a call arrives.
 */
export function isTyping(target: EventTarget | null | undefined): boolean {
  const el = target as HTMLElement | null | undefined;
  if (!el || typeof el.tagName !== 'string') return false;
  return /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || el.isContentEditable;
}

/** Selector of an open modal dialog of the kit (such as the hotkey help): hotkeys wait while one shows. */
export const MODAL_SELECTOR = '.dk-overlay[aria-modal="true"]';

/** The document a keyboard event happened in (the global one for an event on the document itself), or undefined outside a DOM. */
const documentOf = (e: Event): Document | undefined =>
  (e.target as Node | null)?.ownerDocument ?? (typeof document === 'undefined' ? undefined : document);

/**
 * Listens to `keydown` on `target` and runs the matching binding of `dialkit.hotkeys`. While the
 * agent types in a field, only combinations with Alt, Ctrl or Meta are hotkeys. While a modal
 * dialog of the kit is open ({@link MODAL_SELECTOR}: an element of class `dk-overlay` with
 * `aria-modal="true"`, such as the hotkey help), no hotkey runs: the dialog handles its own keys
 * (Escape, Tab).
 *
 * @returns a disposable removing the listener.
 */
export function installKeyboard(dialkit: Dialkit, target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>): Disposable {
  const onKey = (event: Event): void => {
    const e = event as KeyboardEvent;
    if (e.defaultPrevented || e.isComposing) return;
    if (isTyping(e.target) && !(e.altKey || e.ctrlKey || e.metaKey)) return;
    if (documentOf(e)?.querySelector(MODAL_SELECTOR)) return;
    const keys = keysOf(e);
    const binding = keys === undefined ? undefined : dialkit.hotkeys.match(keys);
    if (!binding) return;
    e.preventDefault();
    if (binding.command) {
      dialkit.commands.execute(binding.command, binding.args).catch((err: unknown) => {
        dialkit.notifications.notify({ kind: 'error', message: errorText(dialkit.i18n, err), dedupeKey: 'ui.hotkey' });
      });
    } else binding.run?.();
  };
  target.addEventListener('keydown', onKey);
  return toDisposable(() => target.removeEventListener('keydown', onKey));
}
