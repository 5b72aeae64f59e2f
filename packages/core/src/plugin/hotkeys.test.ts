import { describe, expect, it } from 'vitest';
import { defineCommand } from '../command/command.js';
import { HotkeyRegistryImpl } from './hotkey-registry-impl.js';
import { normalizeKeys } from './hotkeys.js';

const hold = defineCommand<{ callId?: string }>('call.hold');
const hangup = defineCommand<void>('call.hangup');

describe('normalizeKeys', () => {
  it.each([
    ['alt+h', 'Alt+H'],
    ['shift+alt+h', 'Alt+Shift+H'],
    ['Cmd+Control+k', 'Ctrl+Meta+K'],
    [' ctrl + shift + f2 ', 'Ctrl+Shift+F2'],
    ['option+esc', 'Alt+Escape'],
    ['ctrl++', 'Ctrl++'],
    ['space', 'Space'],
    ['alt+ArrowUp', 'Alt+ArrowUp'],
    ['alt+up', 'Alt+ArrowUp'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeKeys(input)).toBe(expected);
  });

  it.each(['', 'ctrl+alt', 'a+b'])('refuses %j with input.invalid', (keys) => {
    expect(() => normalizeKeys(keys)).toThrow(expect.objectContaining({ code: 'input.invalid' }) as Error);
  });
});

describe('HotkeyRegistryImpl', () => {
  it('matches a combination however it is spelled', () => {
    const hotkeys = new HotkeyRegistryImpl();
    hotkeys.register({ id: 'call.hold', keys: 'Alt+H', label: 'hotkey.hold', command: hold, args: {} });
    expect(hotkeys.match('h+ALT')).toMatchObject({ id: 'call.hold', keys: 'Alt+H', command: hold });
    expect(hotkeys.match('Alt+J')).toBeUndefined();
    expect(hotkeys.match('not a hotkey+at all')).toBeUndefined();
  });

  it('the same keys twice → the second throws input.invalid naming both ids', () => {
    const hotkeys = new HotkeyRegistryImpl();
    hotkeys.register({ id: 'call.hold', keys: 'Alt+H', label: 'hotkey.hold', command: hold });
    const second = () => hotkeys.register({ id: 'call.hangup', keys: 'alt+h', label: 'hotkey.hangup', command: hangup });
    expect(second).toThrow(expect.objectContaining({ code: 'input.invalid' }) as Error);
    expect(second).toThrow(/'call\.hangup'.*Alt\+H.*'call\.hold'/);
    expect(hotkeys.bindings).toHaveLength(1);
  });

  it('needs exactly one of command or run, and a unique id', () => {
    const hotkeys = new HotkeyRegistryImpl();
    expect(() => hotkeys.register({ id: 'x', keys: 'F1', label: 'x' })).toThrow(/either a command or a run/);
    expect(() => hotkeys.register({ id: 'x', keys: 'F1', label: 'x', command: hangup, run: () => undefined })).toThrow(/not both/);
    hotkeys.register({ id: 'x', keys: 'F1', label: 'x', run: () => undefined });
    expect(() => hotkeys.register({ id: 'x', keys: 'F2', label: 'x', run: () => undefined })).toThrow(/already registered/);
  });

  it('rebind moves a hotkey to free keys, keeps its default, and refuses taken ones', () => {
    const hotkeys = new HotkeyRegistryImpl();
    const seen: string[][] = [];
    hotkeys.bindings$.subscribe((list) => seen.push(list.map((b) => `${b.id}=${b.keys}`)));
    hotkeys.register({ id: 'call.hold', keys: 'Alt+H', label: 'hotkey.hold', command: hold });
    hotkeys.register({ id: 'call.hangup', keys: 'Alt+X', label: 'hotkey.hangup', command: hangup });
    hotkeys.rebind('call.hold', 'ctrl+h');
    expect(hotkeys.match('Ctrl+H')).toMatchObject({ id: 'call.hold', defaultKeys: 'Alt+H' });
    expect(hotkeys.match('Alt+H')).toBeUndefined();
    expect(() => hotkeys.rebind('call.hold', 'Alt+X')).toThrow(/already bound to 'call\.hangup'/);
    expect(() => hotkeys.rebind('nope', 'F9')).toThrow(/No hotkey 'nope'/);
    expect(seen.at(-1)).toEqual(['call.hold=Ctrl+H', 'call.hangup=Alt+X']);
  });

  it('disposing a binding frees its keys, even after a rebind', () => {
    const hotkeys = new HotkeyRegistryImpl();
    const binding = hotkeys.register({ id: 'call.hold', keys: 'Alt+H', label: 'hotkey.hold', command: hold });
    hotkeys.rebind('call.hold', 'F4');
    binding.dispose();
    expect(hotkeys.bindings).toEqual([]);
    hotkeys.register({ id: 'other', keys: 'F4', label: 'x', run: () => undefined });
    expect(hotkeys.match('F4')?.id).toBe('other');
  });
});
