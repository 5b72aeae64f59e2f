import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DirectoryPort, definePlugin, type DirectoryEntry, type Plugin } from '@dialkit/core';
import { createTestConsole, testCampaign, type TestConsole } from '@dialkit/core/testing';
import { AgentConsole } from '@dialkit/ui-preact';
import { phonebookPlugin } from '../src/phonebook/index.js';

const ENTRIES: DirectoryEntry[] = [
  { id: 'd1', name: 'Loans', number: '7001', kind: 'department', group: 'Departments' },
  { id: 'c1', name: 'Head office', number: '+34910000100', kind: 'contact', group: 'Company' },
  { id: 'c2', name: 'Acme <img src=x onerror=alert(1)>', number: '+34932001122', kind: 'contact', group: 'Suppliers' },
  { id: 'a1', name: 'Raquel Soto', number: '2000', kind: 'agent', group: 'Agents', status: 'ready' },
];

/** A directory as a backend provides it; counts its searches. */
function directory(): DirectoryPort & { readonly searches: string[] } {
  const searches: string[] = [];
  return {
    searches,
    list: () => Promise.resolve(ENTRIES),
    search: (q) => {
      searches.push(q);
      const s = q.toLowerCase();
      return Promise.resolve(ENTRIES.filter((e) => e.name.toLowerCase().includes(s) || e.number.includes(s)));
    },
  };
}

let current: TestConsole | undefined;
afterEach(async () => {
  cleanup();
  await current?.dialkit.dispose();
  current = undefined;
});

async function setup(options: { allowManualDial?: boolean; withDirectory?: boolean; before?: readonly Plugin[] } = {}) {
  const dir = directory();
  const tc = await createTestConsole([...(options.before ?? []), phonebookPlugin({ searchDelayMs: 0 })], {
    campaigns: [testCampaign({ allowManualDial: options.allowManualDial ?? true })],
    services: options.withDirectory === false ? [] : [[DirectoryPort, dir]],
  });
  current = tc;
  await tc.dialkit.agent.login({ username: 'ana', password: 'pw' });
  await tc.dialkit.agent.joinCampaign('spring-sale');
  await tc.time.settle();
  render(<AgentConsole dialkit={tc.dialkit} />);
  const settle = () => act(async () => { await tc.time.settle(); });
  await settle();
  return { tc, dir, settle };
}

describe('the phonebook plugin (B9), end to end through the kit', () => {
  it('the bar entry opens the panel: saved numbers grouped, names as text; search narrows; Call dials and returns to the calls', async () => {
    const { tc, dir, settle } = await setup();
    const entry = within(screen.getByRole('navigation')).getByRole('button', { name: 'Phonebook' });
    fireEvent.click(entry);
    const panel = await screen.findByRole('region', { name: 'Phonebook' });
    expect(entry.getAttribute('aria-current')).toBe('page');
    await waitFor(() => expect(within(panel).getByRole('status').textContent).toBe('3 entries'));
    // Contacts first, then departments; colleagues are the transfer plugin's, not the phonebook's.
    expect([...panel.querySelectorAll('[data-entry]')].map((li) => li.getAttribute('data-entry'))).toEqual(['c1', 'c2', 'd1']);
    expect(within(panel).getByText('Acme <img src=x onerror=alert(1)>')).toBeTruthy();
    expect(panel.querySelector('img')).toBeNull();
    expect(within(panel).getByRole('heading', { name: 'Suppliers' })).toBeTruthy();

    fireEvent.input(within(panel).getByLabelText('Search by name or number'), { target: { value: 'head' } });
    await waitFor(() => expect(within(panel).getByRole('status').textContent).toBe('1 entries'));
    expect(dir.searches).toEqual(['head']);

    fireEvent.click(within(panel).getByRole('button', { name: 'Call Head office (+34910000100)' }));
    await settle();
    expect(tc.backend.calls.find((c) => c.method === 'callControl.dial')?.args[0]).toMatchObject({ number: '+34910000100', origin: 'manual' });
    expect(screen.queryByRole('region', { name: 'Phonebook' })).toBeNull();
    expect(screen.getByRole('toolbar', { name: 'Call controls' })).toBeTruthy();
  });

  it('Alt+G opens it from the keyboard (the entry says so); unloading the plugin removes the hotkey', async () => {
    const { tc, settle } = await setup();
    const entry = within(screen.getByRole('navigation')).getByRole('button', { name: 'Phonebook' });
    expect(entry.getAttribute('aria-keyshortcuts')).toBe('Alt+G');
    fireEvent.keyDown(document.body, { key: 'g', code: 'KeyG', altKey: true, bubbles: true });
    await settle();
    expect(await screen.findByRole('region', { name: 'Phonebook' })).toBeTruthy();
    expect(tc.dialkit.hotkeys.bindings.find((b) => b.id === 'panel.phonebook')?.label).toBe('hotkey.panel.phonebook');
    tc.dialkit.plugins.unload('phonebook');
    await settle();
    expect(tc.dialkit.hotkeys.bindings.some((b) => b.id === 'panel.phonebook')).toBe(false);
  });

  it('the entry names the keys in force: a rebinding is followed; Alt+G held by another plugin first throws nothing and the entry names no keys', async () => {
    const { tc, settle } = await setup();
    const entry = () => within(screen.getByRole('navigation')).getByRole('button', { name: 'Phonebook' });
    tc.dialkit.hotkeys.rebind('panel.phonebook', 'Alt+Y');
    await settle();
    expect(entry().getAttribute('aria-keyshortcuts')).toBe('Alt+Y');
    cleanup();
    await tc.dialkit.dispose();
    current = undefined;

    const crm = definePlugin({ id: 'acme-crm', activate(_d, ctx) { ctx.hotkeys.register({ id: 'acme.crm', keys: 'alt+g', label: 'acme.crm', run: () => undefined }); } });
    const other = await setup({ before: [crm] });
    expect(other.tc.dialkit.hotkeys.match('Alt+G')?.id).toBe('acme.crm');
    expect(entry().getAttribute('aria-keyshortcuts')).toBeNull();
    // Effects after the entry's still run: Alt+T, a hotkey the status bar registers in its effect, opens My Stats.
    fireEvent.keyDown(document.body, { key: 't', code: 'KeyT', altKey: true, bubbles: true });
    await other.settle();
    expect(screen.getByRole('button', { name: 'My Stats' }).getAttribute('aria-current')).toBe('page');
  });

  it('a campaign that forbids manual calls refuses the dial, and the panel says why', async () => {
    const { tc, settle } = await setup({ allowManualDial: false });
    fireEvent.click(screen.getByRole('button', { name: 'Phonebook' }));
    const panel = await screen.findByRole('region', { name: 'Phonebook' });
    fireEvent.click(await within(panel).findByRole('button', { name: 'Call Loans (7001)' }));
    await settle();
    expect(within(panel).getByRole('alert').textContent).toMatch(/manual/i);
    expect(tc.backend.calls.some((c) => c.method === 'callControl.dial')).toBe(false);
  });

  it('speaks Spanish; unloading the plugin removes its entry; without a directory it fails alone and the console goes on', async () => {
    const { tc, settle } = await setup();
    tc.dialkit.i18n.setLocale('es');
    await settle();
    expect(screen.getByRole('button', { name: 'Agenda' })).toBeTruthy();
    tc.dialkit.plugins.unload('phonebook');
    await settle();
    expect(screen.queryByRole('button', { name: 'Agenda' })).toBeNull();
    cleanup();
    await tc.dialkit.dispose();

    const bare = await setup({ withDirectory: false });
    expect(bare.tc.dialkit.plugins.status.get('phonebook')).toMatchObject({ state: 'failed' });
    expect(screen.queryByRole('button', { name: 'Phonebook' })).toBeNull();
    expect(screen.getByRole('button', { name: 'My Stats' })).toBeTruthy();
  });
});
