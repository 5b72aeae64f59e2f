import type { Observable } from 'rxjs';
import type { AnyCommandDescriptor, CommandDescriptor } from '../command/command.js';
import type { Disposable } from '../common/disposable.js';
import { DialkitError } from '../common/errors.js';
import { createToken } from '../common/token.js';

/** What to register: a key combination bound to a command (with its args) or to a function. */
export interface HotkeyOptions<TArgs = unknown, TResult = unknown> {
  /** Unique id, e.g. `call.hold` or `plugin.crm.open`. */
  readonly id: string;
  /** Key combination: `Alt+H`, `ctrl+shift+f2`; normalised (see {@link normalizeKeys}). */
  readonly keys: string;
  /** i18n key of what it does, for the hotkey help and settings screens. */
  readonly label: string;
  /** The command it executes (give this or `run`). */
  readonly command?: CommandDescriptor<TArgs, TResult>;
  /** Arguments for `command`. */
  readonly args?: TArgs;
  /** What it does, when it is not a command (give this or `command`). */
  readonly run?: () => void;
}

/** A registered hotkey. */
export interface HotkeyBinding {
  /** Unique id. */
  readonly id: string;
  /** The normalised combination now in force (after any {@link HotkeyRegistry.rebind}). */
  readonly keys: string;
  /** The normalised combination it was registered with. */
  readonly defaultKeys: string;
  /** i18n key of what it does. */
  readonly label: string;
  /** The command it executes, if any. */
  readonly command: AnyCommandDescriptor | undefined;
  /** Arguments for `command`. */
  readonly args: unknown;
  /** What it does, when it is not a command. */
  readonly run: (() => void) | undefined;
}

/**
 * Keyboard shortcuts: registration with conflict detection, user rebinding, lookup.
 *
 * @remarks Core keeps the table; the UI listens to the keyboard, calls {@link HotkeyRegistry.match},
 * and executes the binding's command (or calls its `run`).
 */
export interface HotkeyRegistry {
  /** Every binding, in registration order; replays the latest and emits on change. */
  readonly bindings$: Observable<readonly HotkeyBinding[]>;
  /** Every binding now. */
  readonly bindings: readonly HotkeyBinding[];
  /**
   * Adds a binding; disposing removes it.
   *
   * @throws DialkitError `input.invalid` when the keys are malformed, the id is taken, the keys are
   * bound already (naming both ids), or neither (or both of) `command` and `run` is given.
   */
  register<TArgs, TResult>(options: HotkeyOptions<TArgs, TResult>): Disposable;
  /**
   * Binds an existing hotkey to other keys (user configuration).
   *
   * @throws DialkitError `input.invalid` for an unknown id, malformed keys, or keys bound to another hotkey.
   */
  rebind(id: string, keys: string): void;
  /** The binding for a combination (normalised first), or undefined. Never throws. */
  match(keys: string): HotkeyBinding | undefined;
  /** Completes the streams. */
  dispose(): void;
}
/** Token for the {@link HotkeyRegistry}. */
export const HotkeyRegistry = createToken<HotkeyRegistry>('core.hotkeys');

const MODIFIERS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Ctrl', ['ctrl', 'control']],
  ['Alt', ['alt', 'option', 'opt']],
  ['Shift', ['shift']],
  ['Meta', ['meta', 'cmd', 'command', 'super', 'win']],
];

const NAMED_KEYS: Readonly<Record<string, string>> = {
  enter: 'Enter', return: 'Enter', escape: 'Escape', esc: 'Escape', space: 'Space', spacebar: 'Space',
  tab: 'Tab', backspace: 'Backspace', delete: 'Delete', del: 'Delete', insert: 'Insert', ins: 'Insert',
  home: 'Home', end: 'End', pageup: 'PageUp', pagedown: 'PageDown', plus: '+',
  up: 'ArrowUp', arrowup: 'ArrowUp', down: 'ArrowDown', arrowdown: 'ArrowDown',
  left: 'ArrowLeft', arrowleft: 'ArrowLeft', right: 'ArrowRight', arrowright: 'ArrowRight',
};

/**
 * Normalises a key combination: modifiers in the order `Ctrl+Alt+Shift+Meta`, aliases resolved
 * (`control`, `cmd`, `option`, `esc`…), a single character upper-cased, named keys capitalised.
 *
 * @throws DialkitError `input.invalid` when there is not exactly one non-modifier key.
 * @example `normalizeKeys('shift+alt+h')` → `'Alt+Shift+H'`; `normalizeKeys('ctrl++')` → `'Ctrl++'`.
 */
export function normalizeKeys(keys: string): string {
  const trimmed = keys.trim();
  const parts = trimmed.endsWith('+') ? [...trimmed.slice(0, -1).split('+').slice(0, -1), '+'] : trimmed.split('+');
  const modifiers = new Set<string>();
  const others: string[] = [];
  for (const raw of parts) {
    const part = raw === '+' ? raw : raw.trim();
    const lower = part.toLowerCase();
    const modifier = MODIFIERS.find(([, aliases]) => aliases.includes(lower));
    if (modifier !== undefined) modifiers.add(modifier[0]);
    else if (part !== '') others.push(keyName(part));
  }
  const key = others[0];
  if (key === undefined || others.length > 1) {
    throw new DialkitError('input.invalid', `Hotkey '${keys}' must be modifiers plus exactly one key, e.g. 'Alt+H'`);
  }
  return [...MODIFIERS.map(([name]) => name).filter((m) => modifiers.has(m)), key].join('+');
}

function keyName(part: string): string {
  if (part.length === 1) return part.toUpperCase();
  const lower = part.toLowerCase();
  const named = NAMED_KEYS[lower];
  if (named !== undefined) return named;
  if (/^f\d{1,2}$/.test(lower)) return lower.toUpperCase();
  return part.charAt(0).toUpperCase() + part.slice(1);
}
