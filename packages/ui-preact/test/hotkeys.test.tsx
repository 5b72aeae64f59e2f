import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { definePlugin } from '@dialkit/core';
import { testCampaign } from '@dialkit/core/testing';
import { registerIfFree } from '../src/index.js';
import { press, setup, tab, type, type Rendered } from './helpers.js';

let current: Rendered | undefined;
afterEach(async () => {
  cleanup();
  await current?.dialkit.dispose();
  current = undefined;
});

/** A plugin that binds `keys` (as a CRM or compliance add-on would) before the kit renders. */
const holding = (keys: string) => definePlugin({
  id: 'acme-dnc',
  activate(_deps, ctx) {
    ctx.hotkeys.register({ id: 'acme.dnc', keys, label: 'acme.dnc', run: () => undefined });
  },
});

/**
 * An inbound call offered, answered and hung up, then notes typed in the wrap-up form: after the
 * draft's debounce the draft holds them (the panel's save runs in an effect, so this proves that
 * effects still run).
 */
async function wrapUpDraftIsSaved(r: Rendered): Promise<void> {
  r.backend.emit({ type: 'call.offered', callId: 'c1', direction: 'inbound', origin: 'inbound', remoteNumber: '600111222', campaignId: 'spring-sale' });
  await r.settle();
  // The effect that focuses Answer ran.
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Answer' }));
  fireEvent.click(screen.getByRole('button', { name: 'Answer' }));
  await r.settle();
  await r.dialkit.calls.hangup('c1');
  await r.settle();
  type(screen.getByRole('textbox', { name: /Notes/ }), 'customer wants a callback on Friday');
  await r.advance(1000);
  expect(r.dialkit.dispositions.draft('c1')).toMatchObject({ notes: 'customer wants a callback on Friday' });
  expect(await r.storage.entries('drafts')).toMatchObject([['c1', { notes: 'customer wants a callback on Friday' }]]);
}

describe('hotkey clashes never throw out of an effect (registerIfFree)', () => {
  it('registerIfFree normalises the keys, skips an id or keys taken (alt+1 is Alt+1) or malformed, and never throws', async () => {
    current = await setup({ join: true });
    const { hotkeys } = current.dialkit;
    const run = () => undefined;
    const held = registerIfFree(hotkeys, { id: 'acme.one', keys: 'alt+1', label: 'x', run });
    expect(held).not.toBeNull();
    expect(hotkeys.bindings.find((b) => b.id === 'acme.one')?.keys).toBe('Alt+1');
    expect(registerIfFree(hotkeys, { id: 'acme.other', keys: 'ALT+1', label: 'x', run })).toBeNull();
    expect(registerIfFree(hotkeys, { id: 'acme.one', keys: 'Alt+9', label: 'x', run })).toBeNull();
    expect(registerIfFree(hotkeys, { id: 'acme.bad', keys: 'Alt+Shift', label: 'x', run })).toBeNull();
    expect(registerIfFree(hotkeys, { id: 'acme.neither', keys: 'Alt+8', label: 'x' })).toBeNull();
    expect(hotkeys.bindings.filter((b) => b.id.startsWith('acme.')).map((b) => b.id)).toEqual(['acme.one']);
    held?.dispose();
    expect(hotkeys.bindings.some((b) => b.id === 'acme.one')).toBe(false);
  });

  it('a hotkey rebound onto Alt+B, then the pause menu remounting: nothing throws, Pause names no keys, and later effects still run (the draft is saved)', async () => {
    current = await setup({ join: true });
    const r = current;
    await r.dialkit.agent.ready();
    press('i', { altKey: true });
    await r.settle();
    expect(screen.queryByRole('group', { name: /Play/i })).toBeNull();
    r.dialkit.hotkeys.rebind('call.mute', 'Alt+B');
    // Back to the call screen: Play/Pause mounts again and wants Alt+B, now the mute's.
    press('c', { altKey: true });
    await r.settle();
    expect(screen.getByRole('button', { name: 'Pause' }).getAttribute('aria-keyshortcuts')).toBeNull();
    expect(r.dialkit.hotkeys.match('Alt+B')?.id).toBe('call.mute');
    await wrapUpDraftIsSaved(r);
  });

  it('a plugin that registered Alt+D first: the kit renders without throwing, Alt+D stays the plugin\'s, and later effects still run (the draft is saved)', async () => {
    current = await setup({ join: true, plugins: [holding('Alt+D')] });
    const r = current;
    await r.dialkit.agent.ready();
    await r.settle();
    expect(r.dialkit.hotkeys.match('Alt+D')?.id).toBe('acme.dnc');
    expect(screen.getByLabelText('Phone number').getAttribute('aria-keyshortcuts')).toBeNull();
    await wrapUpDraftIsSaved(r);
  });

  it('a campaign outcome keyed "alt+1" while a plugin holds Alt+1: the wrap-up form renders, the outcome names no keys, and the draft is saved', async () => {
    const base = testCampaign();
    const dispositions = base.dispositions.map((d) => (d.code === 'SALE' ? { ...d, hotkey: 'alt+1' } : d));
    current = await setup({ join: true, plugins: [holding('Alt+1')], campaigns: [testCampaign({ dispositions })] });
    const r = current;
    await r.dialkit.agent.ready();
    await r.settle();
    await wrapUpDraftIsSaved(r);
    const form = () => screen.getByRole('form', { name: 'Wrap-up: 600111222' });
    const sale = within(form()).getByRole('button', { name: /Sale/ });
    expect(sale.getAttribute('aria-keyshortcuts')).toBeNull();
    expect(sale.querySelector('kbd')).toBeNull();
    expect(r.dialkit.hotkeys.match('Alt+1')?.id).toBe('acme.dnc');
    // The other outcomes keep their keys.
    press('2');
    await r.settle();
    expect(within(form()).getByRole('button', { name: /No Answer/ }).getAttribute('aria-pressed')).toBe('true');
  });
});

describe('aria-keyshortcuts follow the hotkey table (useKeysFor)', () => {
  it('Play and Log out name their keys right after mount, and follow a rebinding', async () => {
    current = await setup({ join: true });
    const r = current;
    const play = () => screen.getByRole('button', { name: 'Play (Ready)' });
    const logout = () => screen.getByRole('button', { name: 'Log out' });
    expect(play().getAttribute('aria-keyshortcuts')).toBe('Alt+P');
    expect(logout().getAttribute('aria-keyshortcuts')).toBe('Alt+Q');
    r.dialkit.hotkeys.rebind('agent.ready', 'Alt+R');
    r.dialkit.hotkeys.rebind('panel.stats', 'Alt+Y');
    await r.settle();
    expect(play().getAttribute('aria-keyshortcuts')).toBe('Alt+R');
    expect(screen.getByRole('button', { name: 'My Stats' }).getAttribute('aria-keyshortcuts')).toBe('Alt+Y');
  });
});

describe('the hotkey help is modal', () => {
  it('Tab and Shift+Tab stay inside, other hotkeys and "?" wait while it shows, and Escape returns focus to where it was', async () => {
    current = await setup({ join: true });
    const r = current;
    const logout = screen.getByRole('button', { name: 'Log out' });
    logout.focus();
    press('?', { shiftKey: true, code: 'Slash' });
    await r.settle();
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    const close = within(dialog).getByRole('button', { name: 'Close' });
    expect(document.activeElement).toBe(close);
    // Tab (the browser moving focus on) and Tab / Shift+Tab as keys: focus stays in the dialog.
    tab();
    await r.settle();
    expect(dialog.contains(document.activeElement)).toBe(true);
    press('Tab');
    expect(document.activeElement).toBe(close);
    press('Tab', { shiftKey: true });
    expect(document.activeElement).toBe(close);
    // Other hotkeys wait: Alt+T would open My Stats, Alt+P would go Ready.
    press('t', { altKey: true });
    press('p', { altKey: true });
    await r.settle();
    expect(screen.getByRole('button', { name: 'My Stats' }).getAttribute('aria-current')).toBeNull();
    expect(r.backend.calls.some((c) => c.method === 'presence.ready')).toBe(false);
    // "?" again changes nothing; Escape closes and focus goes back to Log out.
    press('?', { shiftKey: true, code: 'Slash' });
    await r.settle();
    expect(screen.getAllByRole('dialog')).toHaveLength(1);
    press('Escape');
    await r.settle();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(logout);
    // Closed, the hotkeys work again.
    press('t', { altKey: true });
    await r.settle();
    expect(screen.getByRole('button', { name: 'My Stats' }).getAttribute('aria-current')).toBe('page');
  });
});
