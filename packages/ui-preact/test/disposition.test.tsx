import { act, cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { NEVER } from 'rxjs';
import { createConsole, defineBackend, memoryStorage, type Campaign } from '@dialkit/core';
import { createScriptedBackend, createTestConsole, testCampaign, virtualTime } from '@dialkit/core/testing';
import { press, setup, type, type Rendered } from './helpers.js';
import { render } from '@testing-library/preact';
import { AgentConsole } from '../src/index.js';

let current: Rendered | undefined;
const extra: { dispose(): Promise<void> }[] = [];
afterEach(async () => {
  cleanup();
  await current?.dialkit.dispose();
  for (const d of extra.splice(0)) await d.dispose();
  current = undefined;
});

/** Ready, a predictive call connected then ended by the customer: wrap-up. */
async function inWrapUp(): Promise<Rendered> {
  const r = await setup({ join: true });
  await r.dialkit.agent.ready();
  r.backend.emit({ type: 'call.offered', callId: 'c1', direction: 'outbound', origin: 'predictive', remoteNumber: '600111222', campaignId: 'spring-sale' });
  r.backend.emit({ type: 'call.connected', callId: 'c1' });
  await r.advance(30_000);
  r.backend.emit({ type: 'call.ended', callId: 'c1', cause: 'remoteHangup' });
  await r.settle();
  return r;
}

const panel = () => screen.getByRole('form', { name: 'Wrap-up: 600111222' });
const outcome = (name: string) => within(panel()).getByRole('button', { name: new RegExp(name) });

describe('disposition panel', () => {
  it('lists the outcomes with keys 1–9; a missing mandatory field is named; complete → submitted with Ctrl+Enter, back to Ready', async () => {
    current = await inWrapUp();
    const r = current;
    expect(within(panel()).getAllByRole('button', { pressed: false }).map((b) => b.textContent)).toEqual(['1 Sale', '2 No Answer', '3 Callback', '4 Wrong Number']);
    fireEvent.click(outcome('Wrong Number'));
    fireEvent.click(within(panel()).getByRole('button', { name: 'Submit' }));
    await r.settle();
    expect(screen.getByRole('alert').textContent).toBe('Missing: Notes.');
    press('1');
    await r.settle();
    expect(outcome('Sale').getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(within(panel()).getByRole('button', { name: 'Submit' }));
    await r.settle();
    expect(screen.getByRole('alert').textContent).toBe('Missing: Amount.');
    type(within(panel()).getByLabelText(/Amount/), '150');
    const notes = within(panel()).getByLabelText(/Notes/);
    type(notes, 'Happy customer');
    // Ctrl+Enter submits from the notes field.
    notes.focus();
    press('Enter', { ctrlKey: true });
    await r.settle();
    expect([...r.backend.stored.values()]).toMatchObject([{ callId: 'c1', code: 'SALE', fields: { amount: '150' }, notes: 'Happy customer' }]);
    expect(r.dialkit.agent.status.kind).toBe('ready');
    expect(screen.queryByRole('form', { name: /Wrap-up/ })).toBeNull();
  });

  it('a callback outcome needs the callback; scheduled for anyone, it is submitted with it', async () => {
    current = await inWrapUp();
    const r = current;
    press('3');
    await r.settle();
    fireEvent.click(within(panel()).getByRole('button', { name: 'Submit' }));
    await r.settle();
    expect(screen.getByRole('alert').textContent).toBe('Missing: Callback.');
    const at = new Date(r.time.now() + 86_400_000);
    const local = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}T10:30`;
    type(within(panel()).getByLabelText('Date and time'), local);
    fireEvent.click(within(panel()).getByLabelText('For anyone on the campaign'));
    fireEvent.click(within(panel()).getByRole('button', { name: 'Submit' }));
    await r.settle();
    const record = [...r.backend.stored.values()][0];
    expect(record?.callback).toEqual({ at: new Date(local).getTime(), scope: 'anyone' });
  });

  it('what was typed is saved as a draft and restored after a reload (a new console on the same storage)', async () => {
    current = await inWrapUp();
    const r = current;
    press('1');
    await r.settle();
    type(within(panel()).getByLabelText(/Amount/), '99');
    type(within(panel()).getByLabelText(/Notes/), 'Call back after 5');
    await r.settle();
    expect(r.dialkit.dispositions.draft('c1')).toMatchObject({ code: 'SALE', fields: { amount: '99' }, notes: 'Call back after 5' });
    cleanup();
    await r.dialkit.dispose();
    current = undefined;

    const again = await createTestConsole([], { storage: r.storage, time: r.time, scriptedBackend: r.backend });
    extra.push(again.dialkit);
    await again.time.settle();
    render(<AgentConsole dialkit={again.dialkit} />);
    await again.time.settle();
    await new Promise((res) => setTimeout(res, 0));
    expect(again.dialkit.agent.status.kind).toBe('wrapUp');
    expect(outcome('Sale').getAttribute('aria-pressed')).toBe('true');
    expect(within(panel()).getByLabelText<HTMLInputElement>(/Amount/).value).toBe('99');
    expect(within(panel()).getByLabelText<HTMLTextAreaElement>(/Notes/).value).toBe('Call back after 5');
  });

  it('after a reload in wrap-up, outcomes that load after the first render appear, and their keys pick them', async () => {
    const time = virtualTime();
    const spring = testCampaign();
    const scripted = createScriptedBackend({ campaigns: [spring] });
    const storage = memoryStorage();
    const first = await createConsole({ backend: scripted.module, storage, scheduler: time.scheduler, clock: time.clock });
    await first.agent.login({ username: 'ana', password: 'pw' });
    await first.agent.joinCampaign('spring-sale');
    await first.agent.ready();
    scripted.emit({ type: 'call.offered', callId: 'c1', direction: 'outbound', origin: 'predictive', remoteNumber: '600111222', campaignId: 'spring-sale' });
    scripted.emit({ type: 'call.connected', callId: 'c1' });
    scripted.emit({ type: 'call.ended', callId: 'c1', cause: 'remoteHangup' });
    await time.settle();
    await first.dispose();
    // The reload: the dialer's campaigns API answers 2 s after the console is up.
    const slowCampaigns = defineBackend({
      id: 'slow-campaigns', capabilities: [],
      create: () => ({
        events$: NEVER,
        ports: { campaigns: {
          assigned: () => new Promise<readonly Campaign[]>((res) => time.scheduler.schedule(() => res([spring]), 2_000)),
          join: () => Promise.resolve(spring),
          leave: () => Promise.resolve(),
        } },
        dispose: () => undefined,
      }),
    });
    const again = await createConsole({ backend: [slowCampaigns, scripted.module], storage, scheduler: time.scheduler, clock: time.clock });
    extra.push(again);
    const settle = () => act(async () => { await time.settle(); });
    render(<AgentConsole dialkit={again} />);
    await settle();
    expect(again.agent.status.kind).toBe('wrapUp');
    expect(within(panel()).queryAllByRole('button', { pressed: false })).toEqual([]);
    await act(async () => { await time.advance(3_000); });
    expect(within(panel()).getAllByRole('button', { pressed: false }).map((b) => b.textContent)).toEqual(['1 Sale', '2 No Answer', '3 Callback', '4 Wrong Number']);
    expect(outcome('Sale').getAttribute('aria-keyshortcuts')).toBe('1');
    press('2');
    await settle();
    expect(outcome('No Answer').getAttribute('aria-pressed')).toBe('true');
  });

  it("a callback's note and \"for anyone\" typed before its date are kept in the draft, come back after a reload, and are submitted with the callback, never as fields", async () => {
    current = await inWrapUp();
    const r = current;
    press('3');
    await r.settle();
    fireEvent.click(within(panel()).getByLabelText('For anyone on the campaign'));
    type(within(panel()).getByLabelText(/Note for/), 'Ask for María, after 17:00');
    await r.advance(1000);
    const saved = await r.storage.entries<Record<string, unknown>>('drafts');
    expect(saved).toHaveLength(1);
    expect(JSON.stringify(saved)).toContain('Ask for María, after 17:00');
    expect(JSON.stringify(saved)).toContain('anyone');
    cleanup();
    await r.dialkit.dispose();
    current = undefined;

    const again = await createTestConsole([], { storage: r.storage, time: r.time, scriptedBackend: r.backend });
    extra.push(again.dialkit);
    await again.time.settle();
    render(<AgentConsole dialkit={again.dialkit} />);
    await act(async () => { await again.time.settle(); });
    expect(outcome('Callback').getAttribute('aria-pressed')).toBe('true');
    expect(within(panel()).getByLabelText<HTMLInputElement>(/Note for/).value).toBe('Ask for María, after 17:00');
    expect(within(panel()).getByLabelText<HTMLInputElement>('For anyone on the campaign').checked).toBe(true);
    const at = new Date(again.time.now() + 86_400_000);
    const local = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}T10:30`;
    type(within(panel()).getByLabelText('Date and time'), local);
    fireEvent.click(within(panel()).getByRole('button', { name: 'Submit' }));
    await act(async () => { await again.time.settle(); });
    const record = [...again.backend.stored.values()][0];
    expect(record?.callback).toEqual({ at: new Date(local).getTime(), scope: 'anyone', note: 'Ask for María, after 17:00' });
    expect(record?.fields).toEqual({});
  });
});
