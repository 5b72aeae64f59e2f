import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Slots, definePlugin, type MetricsPeriod } from '@dialkit/core';
import { AgentConsole, formatDuration, formatPercent, type LeadInfoProps, type SlotComponentProps } from '../src/index.js';
import { textOn } from '../src/provider.js';
import { press, setup, type, type Rendered } from './helpers.js';

let current: Rendered | undefined;
afterEach(async () => {
  cleanup();
  await current?.dialkit.dispose();
  current = undefined;
  delete document.documentElement.dataset['theme'];
  document.documentElement.style.removeProperty('--dk-accent');
});

const cell = (figure: string, period: 'session' | 'today') =>
  document.querySelector(`tr[data-figure="${figure}"] td[data-period="${period}"]`)?.textContent;

describe('My Stats', () => {
  it('shows "—" before any call, then every figure as the metrics snapshot has it', async () => {
    current = await setup({ join: true });
    const r = current;
    fireEvent.click(screen.getByRole('button', { name: 'My Stats' }));
    await r.settle();
    expect(cell('talkTime', 'session')).toBe('—');
    expect(cell('conversionRate', 'session')).toBe('—');
    expect(cell('averageHandleTime', 'today')).toBe('—');

    await r.dialkit.agent.ready();
    await r.advance(60_000);
    r.backend.emit({ type: 'call.offered', callId: 'c1', direction: 'outbound', origin: 'predictive', remoteNumber: '600111222', campaignId: 'spring-sale' });
    r.backend.emit({ type: 'call.connected', callId: 'c1' });
    await r.advance(95_000);
    r.backend.emit({ type: 'call.ended', callId: 'c1', cause: 'remoteHangup' });
    await r.advance(10_000);
    await r.dialkit.dispositions.submit('c1', { code: 'SALE', fields: { amount: '10' } });
    await r.dialkit.agent.pause('lunch');
    await r.advance(120_000);

    const snap = r.dialkit.metrics.snapshot();
    const s = snap.session;
    expect(s.callsHandled).toBe(1);
    const checks: [string, (p: MetricsPeriod) => string][] = [
      ['loginTime', (p) => formatDuration(p.loginTime)],
      ['totalCalls', (p) => String(p.totalCalls)],
      ['callsHandled', (p) => String(p.callsHandled)],
      ['talkTime', (p) => formatDuration(p.talkTime)],
      ['wrapUpTime', (p) => formatDuration(p.wrapUpTime)],
      ['availableTime', (p) => formatDuration(p.availableTime)],
      ['pauseTime', (p) => formatDuration(p.pauseTime)],
      ['breakTime', (p) => formatDuration(p.breakTime)],
      ['conversionRate', (p) => formatPercent(p.conversionRate)],
      ['averageHandleTime', (p) => formatDuration(p.averageHandleTime ?? 0)],
      ['firstActivity', (p) => formatDuration((p.firstActivity ?? 0) - r.time.clock.startOfDay(p.firstActivity ?? 0))],
    ];
    for (const [figure, fmt] of checks) {
      expect(cell(figure, 'session'), figure).toBe(fmt(s));
      expect(cell(figure, 'today'), figure).toBe(fmt(snap.today));
    }
    expect(cell('talkTime', 'session')).toBe('0:01:35');
    expect(cell('conversionRate', 'session')).toBe('100.0 %');
    expect(cell('breakTime', 'session')).toBe('0:02:00');
    const byReason = within(document.querySelector<HTMLElement>('section[data-period="session"]')!);
    expect(byReason.getByText(/Lunch/).textContent).toBe(`Lunch Break ${formatDuration(s.pauseByReason['lunch']?.ms ?? -1)}`);
  });
});

describe('notifications', () => {
  it('render backend text as text, never markup; dismiss removes one', async () => {
    current = await setup({ login: true });
    const evil = '<img src=x onerror="globalThis.__pwned=1">';
    current.backend.emit({ type: 'notification.raised', notification: { kind: 'campaign', message: evil } });
    current.backend.emit({ type: 'notification.raised', notification: { kind: 'error', message: 'Trunk down' } });
    await current.settle();
    const region = screen.getByRole('region', { name: 'Notifications' });
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(within(region).getByText(evil).textContent).toBe(evil);
    expect(region.querySelector('img')).toBeNull();
    expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
    expect(within(region).getByRole('alert').textContent).toContain('Trunk down');
    expect(within(region).getByText('Campaign')).toBeTruthy();
    fireEvent.click(within(region).getByRole('button', { name: `Dismiss: ${evil}` }));
    await current.settle();
    expect(within(region).queryByText(evil)).toBeNull();
  });
});

describe('notifications in the agent\'s language', () => {
  it('on a Spanish console a core error toast shows its error.<code> message, the original kept as its title; in English it is unchanged', async () => {
    current = await setup({ join: true, locale: 'es' });
    const r = current;
    await r.dialkit.agent.ready();
    r.backend.emit({ type: 'call.offered', callId: 'c1', direction: 'outbound', origin: 'predictive', remoteNumber: '600111222', campaignId: 'spring-sale' });
    r.backend.emit({ type: 'call.connected', callId: 'c1' });
    r.backend.emit({ type: 'call.ended', callId: 'c1', cause: 'remoteHangup' });
    await r.settle();
    r.backend.failNext('dispositions.submit', new Error('HTTP 503'));
    await r.dialkit.dispositions.submit('c1', { code: 'NA' });
    await r.settle();
    const raised = r.dialkit.notifications.notifications.find((n) => n.code === 'disposition.send-failed');
    expect(raised?.message).toContain('HTTP 503');
    const region = screen.getByRole('region', { name: 'Notificaciones' });
    const message = region.querySelector<HTMLElement>('.dk-toast-message');
    expect(message?.textContent).toBe(r.dialkit.i18n.t('error.disposition.send-failed'));
    expect(message?.textContent).toMatch(/tipificación/);
    expect(message?.getAttribute('title')).toBe(raised?.message);
    expect(within(region).getByRole('button', { name: `Descartar: ${message?.textContent ?? ''}` })).toBeTruthy();
    r.dialkit.i18n.setLocale('en');
    await r.settle();
    const english = screen.getByRole('region', { name: 'Notifications' }).querySelector<HTMLElement>('.dk-toast-message');
    expect(english?.textContent).toBe(raised?.message);
    expect(english?.getAttribute('title') ?? '').toBe('');
  });
});

describe('My Profile, language and theme', () => {
  it('switching to Spanish changes the visible strings at run time, and is remembered', async () => {
    current = await setup({ join: true });
    const r = current;
    fireEvent.click(screen.getByRole('button', { name: 'My Profile' }));
    await r.settle();
    expect(document.querySelector('.dk-profile-name')?.textContent).toBe('ana');
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'es' } });
    await r.settle();
    expect(r.dialkit.i18n.locale).toBe('es');
    expect(screen.getByRole('heading', { name: 'Mi perfil' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Mis estadísticas' })).toBeTruthy();
    expect(document.querySelector('.dk-status-text')?.textContent).toBe('En pausa: Logged in');
    expect(r.dialkit.settings.get('ui.locale', 'en')).toBe('es');
    fireEvent.click(screen.getByRole('button', { name: 'Menú de llamadas' }));
    await r.settle();
    expect(screen.getByRole('button', { name: 'Play (Listo)' })).toBeTruthy();
  });

  it('the interface colour sets --dk-accent and persists; the theme sets data-theme', async () => {
    current = await setup({ login: true });
    fireEvent.click(screen.getByRole('button', { name: 'My Profile' }));
    await current.settle();
    type(screen.getByLabelText('Interface colour'), '#ff0066');
    fireEvent.change(screen.getByLabelText('Theme'), { target: { value: 'dark' } });
    await current.settle();
    expect(document.documentElement.style.getPropertyValue('--dk-accent')).toBe('#ff0066');
    expect(document.documentElement.dataset['theme']).toBe('dark');
    expect(current.dialkit.settings.get('ui.accent', '')).toBe('#ff0066');
    // The text on its buttons is whichever of white and near black contrasts more: near black on
    // this pink (4.9:1 against white's 3.9:1), white on a dark blue.
    expect(document.documentElement.style.getPropertyValue('--dk-on-accent')).toBe('#0f1216');
    type(screen.getByLabelText('Interface colour'), '#1e3a8a');
    await current.settle();
    expect(document.documentElement.style.getPropertyValue('--dk-on-accent')).toBe('#ffffff');
  });

  it('textOn picks white or near black, whichever contrasts more, and refuses anything but #rrggbb', () => {
    expect([textOn('#2563eb'), textOn('#000000'), textOn('#ffffff'), textOn('#ffeb3b'), textOn('#777777'), textOn('#888888')]).toEqual(['#ffffff', '#ffffff', '#0f1216', '#0f1216', '#ffffff', '#0f1216']);
    expect([textOn('red'), textOn('#fff'), textOn('#12345g'), textOn('url(x)')]).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('slots, plugins and the hotkey help', () => {
  it('plugin contributions render in their slots (bar entry, call control with when)', async () => {
    const Phonebook = ({ dialkit }: SlotComponentProps) => (
      <button type="button" onClick={() => void dialkit.calls.dial('600000000')}>Phonebook</button>
    );
    const Recording = () => <button type="button">Record</button>;
    const plugin = definePlugin({
      id: 'test-ui',
      requires: {},
      activate(_deps, ctx) {
        ctx.slots.contribute(Slots.headerMenu, { id: 'phonebook', component: Phonebook });
        ctx.slots.contribute(Slots.callControls, { id: 'rec', component: Recording, when: (call) => (call as { origin?: string }).origin === 'manual' });
      },
    });
    current = await setup({ join: true, plugins: [plugin] });
    const nav = screen.getByRole('navigation', { name: 'Status and control bar' });
    fireEvent.click(within(nav).getByRole('button', { name: 'Phonebook' }));
    await current.settle();
    expect(current.backend.calls.find((c) => c.method === 'callControl.dial')).toBeTruthy();
    expect(within(screen.getByRole('toolbar', { name: 'Call controls' })).getByRole('button', { name: 'Record' })).toBeTruthy();
  });

  it('`when` keeps a contribution off a call it does not apply to', async () => {
    const plugin = definePlugin({
      id: 'test-when',
      activate(_deps, ctx) {
        ctx.slots.contribute(Slots.callControls, { id: 'rec', component: () => <button type="button">Record</button>, when: (call) => (call as { origin?: string }).origin === 'manual' });
      },
    });
    current = await setup({ join: true, plugins: [plugin] });
    await current.dialkit.agent.ready();
    current.backend.emit({ type: 'call.offered', callId: 'p1', direction: 'outbound', origin: 'predictive', remoteNumber: '600111222', campaignId: 'spring-sale' });
    current.backend.emit({ type: 'call.connected', callId: 'p1' });
    await current.settle();
    const toolbar = screen.getByRole('toolbar', { name: 'Call controls' });
    expect(within(toolbar).getByRole('button', { name: 'Hang up' })).toBeTruthy();
    expect(within(toolbar).queryByRole('button', { name: 'Record' })).toBeNull();
  });

  it('a console replaces any part through `components`: its own lead card renders where LeadInfo was', async () => {
    const MyLeadCard = ({ call }: LeadInfoProps) => <aside aria-label="My lead card">{call === undefined ? 'focus' : call?.remoteNumber}</aside>;
    current = await setup({ join: true, ui: <AgentConsole components={{ LeadInfo: MyLeadCard }} /> });
    await current.dialkit.agent.ready();
    current.backend.emit({ type: 'call.offered', callId: 'c9', direction: 'outbound', origin: 'predictive', remoteNumber: '600999888', campaignId: 'spring-sale' });
    current.backend.emit({ type: 'call.connected', callId: 'c9' });
    await current.settle();
    expect(screen.getByRole('complementary', { name: 'My lead card' }).textContent).toBe('focus');
    expect(screen.queryByRole('region', { name: 'Call information' })).toBeNull();
  });

  it('"?" opens the help listing every binding with its current keys; Escape closes it', async () => {
    current = await setup({ join: true });
    current.dialkit.hotkeys.rebind('call.hold', 'Alt+G');
    document.body.focus();
    press('?', { shiftKey: true, code: 'Slash' });
    await current.settle();
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    const row = (id: string) => dialog.querySelector(`tr[data-hotkey="${id}"]`)?.textContent;
    expect(row('call.hold')).toBe('Alt+GHold / resume');
    expect(row('call.hangup')).toBe('Alt+XHang up');
    expect(row('agent.ready')).toBe('Alt+PPlay (Ready)');
    expect(row('ui.hotkey-help')).toBe('?Show keyboard shortcuts');
    expect(document.activeElement?.textContent).toBe('Close');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await current.settle();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
