import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { BehaviorSubject } from 'rxjs';
import { DialkitError, PreviewPort, type Lead } from '@dialkit/core';
import { testCampaign } from '@dialkit/core/testing';
import { press, setup, type, type Rendered } from './helpers.js';

let current: Rendered | undefined;
afterEach(async () => {
  cleanup();
  await current?.dialkit.dispose();
  current = undefined;
});

const lead = { id: 'L1', name: 'María <b>Pérez</b>', phone: '600111222', fields: { City: 'Lima', Plan: '<script>x()</script>' } };

async function ready(): Promise<Rendered> {
  const r = await setup({ join: true });
  await r.dialkit.agent.ready();
  await r.settle();
  return r;
}

const methods = (r: Rendered) => r.backend.calls.map((c) => c.method);

describe('a call arrives and is handled', () => {
  it('offered call → focus on Answer, lead info shown as text; hold, mute, hang up reach the backend', async () => {
    current = await ready();
    const r = current;
    r.backend.emit({ type: 'call.offered', callId: 'c1', direction: 'inbound', origin: 'inbound', remoteNumber: '600111222', lead, campaignId: 'spring-sale' });
    await r.settle();
    const answer = screen.getByRole('button', { name: 'Answer' });
    expect(document.activeElement).toBe(answer);
    const info = screen.getByRole('region', { name: 'Call information' });
    expect(within(info).getByText('María <b>Pérez</b>')).toBeTruthy();
    expect(within(info).getByText('600111222')).toBeTruthy();
    // An inbound call says where it comes from (an outbound one, the number dialled).
    expect(within(info).getByText('Calling from')).toBeTruthy();
    expect(within(info).queryByText('Number dialed')).toBeNull();
    expect(within(info).getByText('<script>x()</script>')).toBeTruthy();
    expect(info.querySelector('b, script')).toBeNull();

    fireEvent.click(answer);
    await r.settle();
    expect(methods(r)).toContain('callControl.answer');
    expect(document.activeElement).toBe(info);
    await r.advance(7_000);
    expect(within(info).getByRole('timer', { name: 'Call duration' }).textContent).toBe('0:00:07');

    fireEvent.click(screen.getByRole('button', { name: 'Hold' }));
    await r.settle();
    expect(r.backend.calls.at(-1)).toEqual({ method: 'callControl.hold', args: ['c1'] });
    expect(screen.getByRole('button', { name: 'Resume' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    await r.settle();
    expect(r.backend.calls.at(-1)).toEqual({ method: 'callControl.resume', args: ['c1'] });

    fireEvent.click(screen.getByRole('button', { name: 'Mute' }));
    await r.settle();
    expect(r.backend.calls.at(-1)).toEqual({ method: 'callControl.mute', args: ['c1', true] });
    expect(screen.getByRole('button', { name: 'Unmute' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Hang up' }));
    await r.settle();
    expect(r.backend.calls.at(-1)).toEqual({ method: 'callControl.hangup', args: ['c1'] });
    expect(r.dialkit.agent.status.kind).toBe('wrapUp');
    expect(screen.getByRole('form', { name: 'Wrap-up: 600111222' })).toBeTruthy();
  });

  it('a predictive call that arrives connected moves focus to the lead information', async () => {
    current = await ready();
    current.backend.emit({ type: 'call.offered', callId: 'c2', direction: 'outbound', origin: 'predictive', remoteNumber: '600999888', lead, campaignId: 'spring-sale' });
    current.backend.emit({ type: 'call.connected', callId: 'c2' });
    await current.settle();
    expect(document.activeElement).toBe(screen.getByRole('region', { name: 'Call information' }));
  });

  it('hotkeys drive the call: Alt+A answers, Alt+H holds and resumes, Alt+M mutes, Alt+X hangs up; rebinding works', async () => {
    current = await ready();
    const r = current;
    r.backend.emit({ type: 'call.offered', callId: 'c3', direction: 'inbound', origin: 'inbound', remoteNumber: '600111222', campaignId: 'spring-sale' });
    await r.settle();
    press('a', { altKey: true });
    await r.settle();
    expect(r.dialkit.calls.active?.status.kind).toBe('connected');
    press('h', { altKey: true });
    await r.settle();
    expect(r.dialkit.calls.active?.status).toEqual({ kind: 'held', by: 'local' });
    press('h', { altKey: true });
    await r.settle();
    expect(r.dialkit.calls.active?.status.kind).toBe('connected');
    r.dialkit.hotkeys.rebind('call.mute', 'Alt+U');
    press('m', { altKey: true });
    await r.settle();
    expect(r.dialkit.calls.active?.muted).toBe(false);
    press('u', { altKey: true });
    await r.settle();
    expect(r.dialkit.calls.active?.muted).toBe(true);
    // typing in a field: plain keys are text, Alt combinations still work
    const field = screen.getByLabelText('Phone number');
    field.focus();
    press('?', { shiftKey: true, code: 'Slash' });
    expect(screen.queryByRole('dialog')).toBeNull();
    press('x', { altKey: true });
    await r.settle();
    expect(methods(r)).toContain('callControl.hangup');
  });

  it('pause asked for during a call is pending, and the UI says so', async () => {
    current = await ready();
    const r = current;
    r.backend.emit({ type: 'call.offered', callId: 'c4', direction: 'outbound', origin: 'predictive', remoteNumber: '600111222', campaignId: 'spring-sale' });
    r.backend.emit({ type: 'call.connected', callId: 'c4' });
    await r.settle();
    fireEvent.click(screen.getByRole('button', { name: 'Pause after this call' }));
    await r.settle();
    fireEvent.click(screen.getByRole('menuitem', { name: /Training/ }));
    await r.settle();
    expect(r.dialkit.agent.state.pendingPause?.code).toBe('training');
    expect(screen.getByText(/Pause pending \(Training\): it starts when you finish this call/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel pending pause' }));
    await r.settle();
    expect(r.dialkit.agent.state.pendingPause).toBeNull();
  });

  it('line management: a second line, switch between them', async () => {
    current = await ready();
    const r = current;
    r.backend.emit({ type: 'call.offered', callId: 'a', direction: 'outbound', origin: 'predictive', remoteNumber: '611000001', campaignId: 'spring-sale' });
    r.backend.emit({ type: 'call.connected', callId: 'a' });
    await r.settle();
    fireEvent.click(within(screen.getByRole('region', { name: 'Lines' })).getByRole('button', { name: 'Hold line 1' }));
    await r.settle();
    await r.dialkit.calls.dial('611000002');
    r.backend.emit({ type: 'call.connected', callId: 's1' });
    await r.settle();
    const lines = screen.getByRole('region', { name: 'Lines' });
    expect(within(lines).getAllByRole('listitem').map((li) => li.dataset['state'])).toEqual(['held', 'connected']);
    fireEvent.click(within(lines).getByRole('button', { name: 'Switch to line 1' }));
    await r.settle();
    expect(r.backend.calls.slice(-2).map((c) => `${c.method}:${String(c.args[0])}`)).toEqual(['callControl.hold:s1', 'callControl.resume:a']);
    expect(within(lines).getAllByRole('listitem').map((li) => li.dataset['state'])).toEqual(['connected', 'held']);
  });
});

describe('an offered call while the agent types', () => {
  it('does not take focus from the field the agent is typing in; the offer is announced with the key that answers it', async () => {
    current = await ready();
    const r = current;
    const announcement = () => document.querySelector('.dk-offer-announcement');
    // The live region is in the page before any call, so that what appears in it is announced.
    expect(announcement()?.getAttribute('role')).toBe('status');
    expect(announcement()?.textContent).toBe('');
    const field = screen.getByLabelText<HTMLInputElement>('Phone number');
    field.focus();
    type(field, '600 12');
    r.backend.emit({ type: 'call.offered', callId: 'c2', direction: 'inbound', origin: 'inbound', remoteNumber: '600999888', campaignId: 'spring-sale' });
    await r.settle();
    expect(document.activeElement).toBe(field);
    expect(field.value).toBe('600 12');
    expect(screen.getByRole('button', { name: 'Answer' })).toBeTruthy();
    expect(announcement()?.textContent).toBe('Incoming call from 600999888. Press Alt+A to answer.');
    // Alt+A answers from the field.
    press('a', { altKey: true });
    await r.settle();
    expect(methods(r)).toContain('callControl.answer');
    expect(announcement()?.textContent).toBe('');
  });
});

describe('the rest of the console by hotkey (X2)', () => {
  it('Alt+L switches to the next line on hold and back; with no other line held it does nothing', async () => {
    current = await ready();
    const r = current;
    r.backend.emit({ type: 'call.offered', callId: 'a', direction: 'outbound', origin: 'predictive', remoteNumber: '611000001', campaignId: 'spring-sale' });
    r.backend.emit({ type: 'call.connected', callId: 'a' });
    await r.settle();
    press('l', { altKey: true });
    await r.settle();
    expect(methods(r).filter((m) => m === 'callControl.hold' || m === 'callControl.resume')).toEqual([]);
    await r.dialkit.calls.hold('a');
    await r.dialkit.calls.dial('611000002');
    r.backend.emit({ type: 'call.connected', callId: 's1' });
    await r.settle();
    const states = () => r.dialkit.calls.lines.map((c) => `${c.line}:${c.status.kind}`);
    expect(states()).toEqual(['1:held', '2:connected']);
    press('l', { altKey: true });
    await r.settle();
    expect(states()).toEqual(['1:connected', '2:held']);
    press('l', { altKey: true });
    await r.settle();
    expect(states()).toEqual(['1:held', '2:connected']);
  });

  it('Alt+Z cancels a pending pause; Alt+Q logs out, and is refused with a message while a call is live', async () => {
    current = await ready();
    const r = current;
    r.backend.emit({ type: 'call.offered', callId: 'c5', direction: 'outbound', origin: 'predictive', remoteNumber: '600111222', campaignId: 'spring-sale' });
    r.backend.emit({ type: 'call.connected', callId: 'c5' });
    await r.settle();
    await r.dialkit.agent.pause('training');
    await r.settle();
    expect(r.dialkit.agent.state.pendingPause?.code).toBe('training');
    expect(screen.getByRole('button', { name: 'Cancel pending pause' }).getAttribute('aria-keyshortcuts')).toBe('Alt+Z');
    press('z', { altKey: true });
    await r.settle();
    expect(r.dialkit.agent.state.pendingPause).toBeNull();
    press('q', { altKey: true });
    await r.settle();
    expect(r.dialkit.agent.status.kind).toBe('onCall');
    expect(r.dialkit.notifications.notifications.map((n) => n.message)).toContain('Finish your calls and dispositions first.');
    await r.dialkit.calls.hangup('c5');
    await r.dialkit.dispositions.submit('c5', { code: 'NA' });
    await r.settle();
    expect(screen.getByRole('button', { name: 'Log out' }).getAttribute('aria-keyshortcuts')).toBe('Alt+Q');
    press('q', { altKey: true });
    await r.settle();
    expect(r.dialkit.agent.status.kind).toBe('loggedOut');
  });

  it('Alt+T, Alt+I and Alt+C open My Stats, My Profile and the call menu; the help lists them', async () => {
    current = await ready();
    const r = current;
    press('t', { altKey: true });
    await r.settle();
    expect(screen.getByRole('button', { name: 'My Stats' }).getAttribute('aria-current')).toBe('page');
    press('i', { altKey: true });
    await r.settle();
    expect(screen.getByRole('button', { name: 'My Profile' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('button', { name: 'My Profile' }).getAttribute('aria-keyshortcuts')).toBe('Alt+I');
    press('c', { altKey: true });
    await r.settle();
    expect(screen.getByRole('button', { name: 'Call menu' }).getAttribute('aria-current')).toBe('page');
    const ids = r.dialkit.hotkeys.bindings.map((b) => `${b.id}=${b.keys}`);
    expect(ids).toEqual(expect.arrayContaining(['panel.calls=Alt+C', 'panel.stats=Alt+T', 'panel.profile=Alt+I', 'agent.logout=Alt+Q', 'agent.cancel-pause=Alt+Z', 'call.switch-line=Alt+L']));
    press('?', { shiftKey: true, code: 'Slash' });
    await r.settle();
    const help = screen.getByRole('dialog');
    for (const label of ['Open My Stats', 'Open My Profile', 'Open the call menu', 'Log out', 'Cancel the pending pause', 'Switch to the next line on hold']) {
      expect(within(help).getByText(label)).toBeTruthy();
    }
  });
});

describe('manual dial and dial pad', () => {
  it('a campaign that forbids manual calls says so, and Alt+D is not bound to a field that is not there', async () => {
    current = await setup({ join: true, campaigns: [testCampaign({ allowManualDial: false })] });
    expect(screen.getByText('This campaign does not allow manual calls.')).toBeTruthy();
    expect(screen.queryByLabelText('Phone number')).toBeNull();
    expect(current.dialkit.hotkeys.bindings.some((b) => b.id === 'call.manual-dial')).toBe(false);
  });

  it('where manual calls are allowed, Alt+D is bound to the number field, and the field says so', async () => {
    current = await setup({ join: true });
    expect(current.dialkit.hotkeys.bindings.find((b) => b.id === 'call.manual-dial')?.keys).toBe('Alt+D');
    expect(screen.getByLabelText('Phone number').getAttribute('aria-keyshortcuts')).toBe('Alt+D');
  });

  it('an invalid number is refused with a message naming the problem; a valid one is dialled', async () => {
    current = await setup({ join: true });
    const r = current;
    const field = screen.getByLabelText('Phone number');
    fireEvent.click(screen.getByRole('button', { name: 'Call' }));
    expect(screen.getByRole('alert').textContent).toBe('Enter the number to call.');
    type(field, '600-abc');
    fireEvent.click(screen.getByRole('button', { name: 'Call' }));
    expect(screen.getByRole('alert').textContent).toContain('only digits');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    type(field, '12');
    fireEvent.click(screen.getByRole('button', { name: 'Call' }));
    expect(screen.getByRole('alert').textContent).toBe('A phone number has 3 to 20 digits.');
    type(field, '');
    for (const d of ['6', '0', '0', '1']) fireEvent.click(screen.getByRole('button', { name: `Key ${d}` }));
    expect((field as HTMLInputElement).value).toBe('6001');
    fireEvent.click(screen.getByRole('button', { name: 'Call' }));
    await r.settle();
    expect(r.backend.calls.find((c) => c.method === 'callControl.dial')?.args[0]).toMatchObject({ number: '6001', origin: 'manual' });
    r.backend.emit({ type: 'call.connected', callId: 's1' });
    await r.settle();
    // The manual-dial pad composes numbers only; tones go through the call's own keypad.
    const toggle = screen.getByRole('button', { name: 'Keypad' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    const keypad = screen.getByRole('group', { name: 'Dial pad (tones to the call)' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(within(keypad).getByRole('status').textContent).toBe('No tones sent yet');
    for (const d of ['5', '#']) {
      fireEvent.click(within(keypad).getByRole('button', { name: `Key ${d}` }));
      await r.settle();
    }
    expect(r.backend.calls.filter((c) => c.method === 'callControl.sendDtmf').map((c) => c.args)).toEqual([['s1', '5'], ['s1', '#']]);
    expect(within(keypad).getByRole('status').textContent).toBe('Tones sent: 5#');
    expect((field as HTMLInputElement).value).toBe('');
    // Alt+K closes and reopens it; reopened, focus is on its first key.
    press('k', { altKey: true });
    await r.settle();
    expect(screen.queryByRole('group', { name: 'Dial pad (tones to the call)' })).toBeNull();
    press('k', { altKey: true });
    await r.advance(1);
    expect(document.activeElement?.textContent).toBe('1');
    expect(document.activeElement?.closest('#dk-call-keypad')).not.toBeNull();
  });
});

describe('preview dialing', () => {
  const leads = [
    { id: 'PL-1', name: 'Marta <i>Ruiz</i>', phone: '+34600100001', fields: { Amount: '5,000 €' } },
    { id: 'PL-2', name: 'Iker Sanz', phone: '+34600100002', fields: {} },
  ];
  /** A dialer's preview port: the lead shown until it is dialled or skipped. */
  function previewPort() {
    const lead$ = new BehaviorSubject<Lead | undefined>(leads[0]);
    const port: PreviewPort = {
      next: () => Promise.resolve(lead$.value),
      skip: (leadId) => {
        if (leadId !== lead$.value?.id) return Promise.reject(new DialkitError('backend.rejected', 'not the lead in preview'));
        lead$.next(leads[leads.findIndex((l) => l.id === leadId) + 1]);
        return Promise.resolve();
      },
      lead$,
    };
    return port;
  }

  it('shows the lead before any call (as text); Skip (Alt+S) shows the next; Dial (Alt+N) places a preview call for that lead', async () => {
    current = await setup({ join: true, campaigns: [testCampaign({ dialMethod: 'preview' })], services: [[PreviewPort, previewPort()]] });
    const r = current;
    const panel = screen.getByRole('region', { name: 'Next lead (preview)' });
    expect(within(panel).getByText('Marta <i>Ruiz</i>')).toBeTruthy();
    expect(panel.querySelector('i')).toBeNull();
    expect(within(panel).getByText('5,000 €')).toBeTruthy();
    expect(r.backend.calls.some((c) => c.method === 'callControl.dial')).toBe(false);
    // By keyboard: Alt+S skips, Alt+N dials.
    press('s', { altKey: true });
    await r.settle();
    expect(within(panel).getByText('Iker Sanz')).toBeTruthy();
    press('n', { altKey: true });
    await r.settle();
    expect(r.backend.calls.find((c) => c.method === 'callControl.dial')?.args[0]).toMatchObject({ number: '+34600100002', origin: 'preview', leadId: 'PL-2' });
    // While the call is live the preview steps aside.
    expect(screen.queryByRole('region', { name: 'Next lead (preview)' })).toBeNull();
  });

  it('is absent outside a preview campaign', async () => {
    current = await setup({ join: true, services: [[PreviewPort, previewPort()]] });
    expect(screen.queryByRole('region', { name: 'Next lead (preview)' })).toBeNull();
  });
});
