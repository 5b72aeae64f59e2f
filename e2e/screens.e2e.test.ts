import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatDuration, formatPercent } from '../packages/ui-preact/src/format.js';
import {
  activeCallId, customerHangsUp, logIn, offerLongCall, openConsole, quietDialer, setAnswerProbability, simMessage, useConsoleBrowser,
} from './console-page.js';

/*
 * Screens proven so far only in Node / happy-dom, now in Chromium as an agent sees them (ids of
 * docs/features.md): W2, W8, W10, B5, B7, B24 / C6, C2, N1–N3 and M1–M11.
 */
const env = useConsoleBrowser();

type Hook = {
  __dialkit: {
    dialkit: {
      calls: { active: { id: string; origin: string; lead?: { name?: string; phone: string } } | null };
      notifications: { notify(input: { kind: 'error'; message: string }): string };
    };
    control: { stats: { predictiveAnswered: number; placed: number } };
  };
};

/** Errors the page threw (collected by openConsole). */
const errorsOf = (page: Page): string[] | undefined => (page as Page & { errors?: string[] }).errors;

/** The agent's status as the status bar shows it ("Ready", "Wrap-up", "Paused: Logged in"…). */
const statusOf = (page: Page) => page.getByRole('banner').getByRole('status').textContent();

/** `h:mm:ss` → seconds. */
const seconds = (text: string | null | undefined): number => {
  const m = /^(\d+):(\d\d):(\d\d)$/.exec(text?.trim() ?? '');
  if (!m) throw new Error(`not a h:mm:ss figure: '${String(text)}'`);
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
};

/** Logs in, joins the campaign, quiets the dialer and presses Play: the agent is Ready. */
async function ready(page: Page, user: string, campaign: RegExp): Promise<void> {
  await page.getByLabel('Username').waitFor();
  await quietDialer(page);
  await logIn(page, user, `${user}-pw`);
  await page.getByRole('button', { name: campaign }).click();
  await page.getByRole('button', { name: 'Play (Ready)' }).click();
  await expect.poll(() => statusOf(page)).toBe('Ready');
}

/** The lead the dialer sent with the call in focus. */
const sentLead = (page: Page) => page.evaluate(() => (window as unknown as Hook).__dialkit.dialkit.calls.active?.lead);

/** Ana, Ready on Spring Sale, with a connected call whose customer stays on the line; returns the call information region and the lead sent. */
async function onConnectedCall(page: Page) {
  await ready(page, 'ana', /Spring Sale/);
  await offerLongCall(page);
  const info = page.getByRole('region', { name: 'Call information' });
  await expect.poll(() => info.getByText('Connected', { exact: true }).count()).toBe(1);
  return { info, lead: await sentLead(page) };
}

describe('the console screens a person sees (Chromium, reference console, simulated dialer)', () => {
  it('W2: the campaign picker lists exactly the campaigns assigned to the agent; an agent with none is told so plainly', async () => {
    const first = await openConsole(env.browser, env.url);
    await logIn(first.page, 'ana', 'ana-pw');
    const picker = first.page.getByRole('region', { name: 'Your campaigns' });
    // ana is assigned Spring Sale and Renewals (the sim's demo users): those two, with their dial method, and no other.
    await expect.poll(() => picker.getByRole('button').allTextContents()).toEqual(['Spring Sale Predictive', 'Renewals Progressive']);
    expect(await picker.getByRole('alert').count()).toBe(0);
    expect(errorsOf(first.page)).toEqual([]);
    await first.context.close();

    // nora has no campaign assigned: told so, with nothing to join and no Play.
    const { context, page } = await openConsole(env.browser, env.url);
    await logIn(page, 'nora', 'nora-pw');
    const none = page.getByRole('region', { name: 'Your campaigns' });
    await expect.poll(() => none.getByRole('alert').textContent()).toBe('No campaign is assigned to you. Ask your supervisor to assign one.');
    expect(await none.getByRole('button').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Play (Ready)' }).count()).toBe(0);
    expect(await statusOf(page)).toBe('Paused: Logged in');
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  });

  it('B24 / C6: a connected call shows the number, the lead\'s name and a call time that advances in real time', async () => {
    const { context, page } = await openConsole(env.browser, env.url);
    const { info, lead } = await onConnectedCall(page);
    expect(lead?.name).toBeTruthy();
    // Each value under its label, as the agent reads the list.
    const value = (label: string) => info.locator(`dt:text-is("${label}") + dd`).textContent();
    expect(await value('Number dialed')).toBe(lead?.phone);
    expect(await value('Lead name')).toBe(lead?.name);
    // The call time: the timer under its label.
    const timer = info.locator('dt:text-is("Call time") + dd').getByRole('timer', { name: 'Call duration' });
    expect(await timer.count()).toBe(1);
    // Read the call time twice, a few seconds apart: it advances with the wall clock (the sim's
    // speed=8 shortens the sim's own delays, not the console's clock).
    await expect.poll(() => timer.textContent(), { timeout: 5_000 }).toMatch(/^0:00:0[1-9]$/);
    const t1 = seconds(await timer.textContent());
    const w1 = Date.now();
    await expect.poll(() => timer.textContent().then(seconds), { timeout: 6_000 }).toBeGreaterThanOrEqual(t1 + 3);
    const t2 = seconds(await timer.textContent());
    const wall = (Date.now() - w1) / 1000;
    expect(t2 - t1).toBeGreaterThanOrEqual(Math.floor(wall) - 1);
    expect(t2 - t1).toBeLessThanOrEqual(Math.ceil(wall) + 1);
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  });

  it('W8: the customer hangs up → wrap-up with the disposition panel; the line and the call information say the other party hung up', async () => {
    const { context, page } = await openConsole(env.browser, env.url);
    await ready(page, 'ana', /Spring Sale/);
    await offerLongCall(page);
    await expect.poll(() => page.getByRole('button', { name: 'Hang up' }).count()).toBe(1);
    const lead = await sentLead(page);
    await customerHangsUp(page);

    await expect.poll(() => statusOf(page)).toBe('Wrap-up');
    const wrapUp = page.getByRole('form', { name: `Wrap-up: ${lead?.phone ?? ''}` });
    await expect.poll(() => wrapUp.count()).toBe(1);
    expect(await wrapUp.getByRole('button', { name: /No Answer/ }).count()).toBe(1);
    expect(await wrapUp.getByRole('button', { name: 'Submit' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Hang up' }).count()).toBe(0);
    const line = page.getByRole('region', { name: 'Lines' }).getByRole('listitem', { name: 'Line 1' });
    expect(await line.locator('.dk-line-state').textContent()).toBe('Ended: Other party hung up');
    const info = page.getByRole('region', { name: 'Call information' });
    expect(await info.locator('dt:text-is("State") + dd').textContent()).toBe('Ended: Other party hung up');
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  });

  it('W10: after the outcome is submitted the agent is Ready again and the dialer delivers the next call by itself', async () => {
    const { context, page } = await openConsole(env.browser, env.url);
    await ready(page, 'ana', /Spring Sale/);
    const first = await offerLongCall(page);
    await page.getByRole('button', { name: 'Hang up' }).click();
    await page.getByRole('button', { name: /No Answer/ }).first().click();
    await page.getByRole('button', { name: 'Submit' }).click();
    // Spring Sale returns to Ready after wrap-up; nothing is on screen of the call just closed.
    await expect.poll(() => statusOf(page)).toBe('Ready');
    expect(await page.getByRole('region', { name: 'Call information' }).count()).toBe(0);
    const answeredBefore = await page.evaluate(() => (window as unknown as Hook).__dialkit.control.stats.predictiveAnswered);

    // From now on every customer the dialer rings answers; the test offers no call.
    await setAnswerProbability(page, 1);
    const info = page.getByRole('region', { name: 'Call information' });
    await expect.poll(() => info.getByText('Connected', { exact: true }).count(), { timeout: 10_000 }).toBe(1);
    expect(await statusOf(page)).toBe('On call');
    const next = await page.evaluate(() => (window as unknown as Hook).__dialkit.dialkit.calls.active);
    expect(next?.id).not.toBe(first);
    expect(next?.origin).toBe('predictive');
    expect(await info.locator('.dk-lead-name').textContent()).toBe(next?.lead?.name);
    expect(await page.evaluate(() => (window as unknown as Hook).__dialkit.control.stats.predictiveAnswered)).toBeGreaterThan(answeredBefore);
    expect(await page.getByRole('button', { name: 'Hang up' }).count()).toBe(1);
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  });

  it('B5: My Profile shows the agent\'s name; the colour and theme picked are applied at once and survive a reload', async () => {
    const { context, page } = await openConsole(env.browser, env.url);
    await logIn(page, 'ana', 'ana-pw');
    await page.getByRole('navigation').getByRole('button', { name: 'My Profile' }).click();
    const profile = page.getByRole('region', { name: 'My Profile' });
    await expect.poll(() => profile.getByText(/^Name:/).textContent()).toBe('Name: Ana García');
    const banner = page.getByRole('banner');
    const bar = () => banner.evaluate((el) => getComputedStyle(el).borderBottomColor);
    const background = () => page.locator('.dk-console').evaluate((el) => getComputedStyle(el).backgroundColor);
    const applied = () => page.evaluate(() => ({ accent: document.documentElement.style.getPropertyValue('--dk-accent'), theme: document.documentElement.dataset['theme'] ?? null }));
    // Before: the default blue, the light palette.
    expect(await bar()).toBe('rgb(37, 99, 235)');
    expect(await background()).toBe('rgb(255, 255, 255)');

    await profile.getByLabel('Interface colour').fill('#c0392b');
    await profile.getByLabel('Theme').selectOption({ label: 'Dark' });
    await expect.poll(applied).toEqual({ accent: '#c0392b', theme: 'dark' });
    // What the agent sees: the bar's accent line in the chosen colour, the dark background.
    expect(await bar()).toBe('rgb(192, 57, 43)');
    expect(await background()).toBe('rgb(15, 18, 22)');

    // Saved in the browser's storage, so a reload keeps them.
    await expect.poll(() => page.evaluate(() => new Promise<unknown[]>((resolve, reject) => {
      const open = indexedDB.open('dialkit-reference');
      open.onerror = () => reject(new Error(String(open.error)));
      open.onsuccess = () => {
        const db = open.result;
        const store = db.transaction('settings').objectStore('settings');
        const get = (key: string) => new Promise<unknown>((res) => { const r = store.get(key); r.onsuccess = () => res(r.result); r.onerror = () => res(undefined); });
        void Promise.all([get('ui.accent'), get('ui.theme')]).then((v) => { db.close(); resolve(v); });
      };
    }))).toEqual(['#c0392b', 'dark']);
    await page.reload();
    await expect.poll(() => banner.count()).toBe(1);
    await expect.poll(applied).toEqual({ accent: '#c0392b', theme: 'dark' });
    expect(await bar()).toBe('rgb(192, 57, 43)');
    expect(await background()).toBe('rgb(15, 18, 22)');
    await page.getByRole('navigation').getByRole('button', { name: 'My Profile' }).click();
    expect(await profile.getByLabel('Interface colour').inputValue()).toBe('#c0392b');
    expect(await profile.getByLabel('Theme').inputValue()).toBe('dark');
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  });

  it('B7: from My Stats, the Call menu entry brings the agent back to the call screen and the call in progress', async () => {
    const { context, page } = await openConsole(env.browser, env.url);
    const { info, lead } = await onConnectedCall(page);
    const nav = page.getByRole('navigation');
    await nav.getByRole('button', { name: 'My Stats' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'My Stats' }).count()).toBe(1);
    expect(await info.count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Hang up' }).count()).toBe(0);

    await nav.getByRole('button', { name: 'Call menu' }).click();
    await expect.poll(() => info.locator('.dk-lead-name').textContent()).toBe(lead?.name);
    expect(await page.getByRole('region', { name: 'My Stats' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Hang up' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Play (Ready)' }).count()).toBe(1);
    expect(await nav.getByRole('button', { name: 'Call menu' }).getAttribute('aria-current')).toBe('page');
    expect(await page.getByRole('main').getAttribute('aria-label')).toBe('Calls');
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  });

  it('C2: a campaign that forbids manual calls says so, offers no number field, and the phonebook\'s dial is refused with a clear message', async () => {
    const { context, page } = await openConsole(env.browser, env.url);
    await page.getByLabel('Username').waitFor();
    await quietDialer(page);
    await logIn(page, 'bruno', 'bruno-pw');
    await page.getByRole('button', { name: /Renewals/ }).click();
    await expect.poll(() => page.getByText('This campaign does not allow manual calls.').count()).toBe(1);
    expect(await page.getByLabel('Phone number').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Call', exact: true }).count()).toBe(0);

    await page.getByRole('navigation').getByRole('button', { name: 'Phonebook' }).click();
    const book = page.getByRole('region', { name: 'Phonebook' });
    await expect.poll(() => book.getByRole('button', { name: /^Call / }).count()).toBeGreaterThan(0);
    const placedBefore = await page.evaluate(() => (window as unknown as Hook).__dialkit.control.stats.placed);
    await book.getByRole('button', { name: /^Call / }).first().click();
    await expect.poll(() => book.getByRole('alert').textContent()).toBe('This campaign does not allow manual calls.');
    // Nothing was dialled: still in the phonebook, no call, no line.
    expect(await page.getByRole('button', { name: 'Hang up' }).count()).toBe(0);
    expect(await activeCallId(page)).toBeNull();
    expect(await page.evaluate(() => (window as unknown as Hook).__dialkit.control.stats.placed)).toBe(placedBefore);
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  });

  it('N1–N3: a system message, a campaign alert and an error show with their kind and level (the error as an alert), as literal text, and each can be dismissed', async () => {
    const { context, page } = await openConsole(env.browser, env.url);
    await page.getByLabel('Username').waitFor();
    await logIn(page, 'ana', 'ana-pw');
    await page.getByRole('region', { name: 'Your campaigns' }).getByRole('button').first().waitFor();
    const title = await page.title();
    const system = 'Maintenance <b>tonight</b> at 23:00 <img src=x onerror="document.title=\'owned\'">';
    const alert = 'New leads: <script>document.title="owned"</script><i>call now</i>';
    await simMessage(page, 'system', system);
    await simMessage(page, 'campaign', alert);
    // An error the agent causes: Play (Alt+P) before joining a campaign is refused.
    await page.keyboard.press('Alt+P');
    // And an error whose text looks like HTML, raised through the console's notification service.
    const htmlError = 'Backend said: <a href="https://evil.example">click</a>';
    await page.evaluate((m) => (window as unknown as Hook).__dialkit.dialkit.notifications.notify({ kind: 'error', message: m }), htmlError);

    const toasts = page.getByRole('region', { name: 'Notifications' });
    const toast = (text: string) => toasts.locator('.dk-toast').filter({ has: page.locator('.dk-toast-message').getByText(text, { exact: true }) });
    await expect.poll(() => toast(htmlError).count()).toBe(1);
    const seen = async (text: string) => {
      const t = toast(text);
      return {
        kind: await t.locator('.dk-toast-kind').textContent(),
        level: await t.getAttribute('data-level'),
        levelWord: (await t.locator('.dk-toast-level').count()) === 0 ? null : await t.locator('.dk-toast-level').textContent(),
        role: await t.getAttribute('role'),
        stripe: await t.evaluate((el) => getComputedStyle(el).borderLeftColor),
        markup: await t.locator('.dk-toast-message *').count(),
      };
    };
    // Each with its kind as a word and its level as the colour of its stripe, and in words where it
    // does not go without saying (a campaign's warning); only errors are alerts.
    expect(await seen(system)).toEqual({ kind: 'System', level: 'info', levelWord: null, role: null, stripe: 'rgb(37, 99, 235)', markup: 0 });
    expect(await seen(alert)).toEqual({ kind: 'Campaign', level: 'warning', levelWord: 'Warning', role: null, stripe: 'rgb(181, 71, 8)', markup: 0 });
    expect(await seen('Join a campaign before going Ready.')).toEqual({ kind: 'Error', level: 'error', levelWord: null, role: 'alert', stripe: 'rgb(180, 35, 24)', markup: 0 });
    expect(await seen(htmlError)).toEqual({ kind: 'Error', level: 'error', levelWord: null, role: 'alert', stripe: 'rgb(180, 35, 24)', markup: 0 });
    expect(await toasts.getByRole('alert').filter({ hasText: 'Join a campaign before going Ready.' }).count()).toBe(1);
    expect(await toasts.getByRole('alert').filter({ hasText: 'Backend said: <a href=' }).count()).toBe(1);
    // Literal text: no element came from the messages, and no script ran.
    expect(await toasts.locator('img, script, a, b, i').count()).toBe(0);
    expect(await page.title()).toBe(title);

    // Dismiss each: only that one goes.
    for (const text of [system, alert, 'Join a campaign before going Ready.', htmlError]) {
      const before = await toasts.locator('.dk-toast').count();
      await toast(text).getByRole('button', { name: `Dismiss: ${text}` }).click();
      await expect.poll(() => toast(text).count()).toBe(0);
      expect(await toasts.locator('.dk-toast').count()).toBe(before - 1);
    }
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  });

  it('M1–M11: after a call with a hold, its outcome and a pause with a reason, My Stats shows every figure, plausible and equal to the console\'s metrics', async () => {
    const { context, page } = await openConsole(env.browser, env.url);
    await page.getByLabel('Username').waitFor();
    await quietDialer(page);
    // The browser's time of day, in seconds: what My Stats shows first and last activity as.
    const timeOfDay = () => page.evaluate(() => { const d = new Date(); return d.getHours() * 3600 + d.getMinutes() * 60 + d.getSeconds(); });
    const loggedInAt = await timeOfDay();
    await logIn(page, 'ana', 'ana-pw');
    await page.getByRole('button', { name: /Spring Sale/ }).click();
    await page.getByRole('button', { name: 'Play (Ready)' }).click();
    await expect.poll(() => statusOf(page)).toBe('Ready');
    await page.waitForTimeout(1_100); // available time to show as at least a second
    await offerLongCall(page);
    const timer = page.getByRole('region', { name: 'Call information' }).getByRole('timer', { name: 'Call duration' });
    await expect.poll(() => timer.textContent(), { timeout: 5_000 }).toBe('0:00:01');
    await page.getByRole('button', { name: 'Hold', exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Resume' }).count()).toBeGreaterThan(0);
    await page.waitForTimeout(2_100); // a hold of two seconds
    await page.getByRole('button', { name: 'Resume' }).first().click();
    await expect.poll(() => page.getByRole('button', { name: 'Hold', exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'Hang up' }).click();
    await page.getByRole('button', { name: /Sale/ }).first().click();
    await page.getByLabel('Amount').fill('30');
    await page.waitForTimeout(1_000); // wrap-up time to show as at least a second
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => statusOf(page)).toBe('Ready');
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    const pausedAt = await timeOfDay();
    await page.getByRole('menuitem', { name: /Training/ }).click();
    await expect.poll(() => page.getByRole('banner').getByRole('timer').textContent()).toMatch(/^Paused \(Training \/ Formación\) 0:00:0[1-9]$/);

    await page.getByRole('navigation').getByRole('button', { name: 'My Stats' }).click();
    const stats = page.getByRole('region', { name: 'My Stats' });
    await stats.getByRole('table').waitFor();
    // The rows as a person reads them: the label, then this session's and today's figure.
    const rows = await stats.getByRole('table').getByRole('row').evaluateAll((trs) => trs.slice(1).map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
    expect(rows.map((r) => r[0])).toEqual([
      'First activity', 'Last activity', 'Login time', 'Total calls', 'Calls handled', 'Talk time', 'Hold time', 'Wrap-up time',
      'Available time', 'Pause time', 'Break time', 'Conversion rate', 'Average handle time',
    ]);
    const fig = Object.fromEntries(rows.map((r) => [r[0], { session: r[1] ?? '', today: r[2] ?? '' }]));
    for (const period of ['session', 'today'] as const) {
      const f = (label: string) => fig[label]?.[period] ?? '';
      expect(f('Total calls')).toBe('1');
      expect(f('Calls handled')).toBe('1');
      expect(f('Conversion rate')).toBe('100.0 %');
      expect(seconds(f('Talk time'))).toBeGreaterThanOrEqual(1);
      expect(seconds(f('Hold time'))).toBeGreaterThanOrEqual(2);
      expect(seconds(f('Wrap-up time'))).toBeGreaterThanOrEqual(1);
      expect(seconds(f('Available time'))).toBeGreaterThanOrEqual(1);
      expect(seconds(f('Pause time'))).toBeGreaterThanOrEqual(1);
      expect(f('Break time')).toBe('0:00:00'); // Training is a pause, not a break
      // Sums of figures shown to the second can only be smaller than the figure shown for their sum.
      expect(seconds(f('Average handle time'))).toBeGreaterThanOrEqual(seconds(f('Talk time')) + seconds(f('Hold time')) + seconds(f('Wrap-up time')));
      expect(seconds(f('Login time'))).toBeGreaterThanOrEqual(
        seconds(f('Available time')) + seconds(f('Talk time')) + seconds(f('Hold time')) + seconds(f('Wrap-up time')) + seconds(f('Pause time')),
      );
      // First activity is the login, last activity the pause: times of day in the browser's zone.
      expect(Math.abs(seconds(f('First activity')) - loggedInAt)).toBeLessThanOrEqual(2);
      expect(Math.abs(seconds(f('Last activity')) - pausedAt)).toBeLessThanOrEqual(2);
    }
    // Pause time by reason: the pause taken, with its kind, in each period; and the login pause.
    for (const period of ['This session', 'Today']) {
      const reasons = stats.getByRole('region', { name: period }).getByRole('listitem');
      const training = await reasons.filter({ hasText: 'Training / Formación' }).textContent();
      expect(training).toMatch(/^Training \/ Formación Pause 0:00:0[1-9]$/);
      expect(await reasons.filter({ hasText: 'Logged in' }).count()).toBe(1);
    }

    // The same figures as the console's own metrics snapshot, formatted as the UI formats them:
    // the table and the snapshot it rendered, read at one moment.
    const together = await page.evaluate(async () => {
      type Period = Record<string, unknown> & { pauseByReason: Record<string, { label: string; kind: string; ms: number }> };
      type Snap = { session: Period; today: Period };
      const d = (window as unknown as { __dialkit: { dialkit: { metrics: { snapshot$: { subscribe(fn: (s: Snap) => void): { unsubscribe(): void } } }; clock: { startOfDay(at: number): number } } } }).__dialkit.dialkit;
      let latest: Snap | undefined;
      let wake: (() => void) | undefined;
      const sub = d.metrics.snapshot$.subscribe((s) => { latest = s; wake?.(); });
      await new Promise<void>((resolve) => { wake = resolve; }); // the next tick, rendered by the table too
      await new Promise((resolve) => setTimeout(resolve, 20));
      const cells = [...document.querySelectorAll('.dk-my-stats tbody tr')].map((tr) => [(tr as HTMLElement).dataset['figure'], tr.querySelector('[data-period=session]')?.textContent, tr.querySelector('[data-period=today]')?.textContent]);
      const reasons = [...document.querySelectorAll('.dk-pause-periods section')].map((s) => [(s as HTMLElement).dataset['period'], [...s.querySelectorAll('li')].map((li) => [li.dataset['code'], li.querySelector('time')?.textContent])]);
      const snap = latest as Snap;
      sub.unsubscribe();
      const ofDay = (at: unknown) => (typeof at === 'number' ? at - d.clock.startOfDay(at) : null);
      const raw = (p: Period) => ({ ...p, firstActivity: ofDay(p.firstActivity), lastActivity: ofDay(p.lastActivity) });
      return { cells, reasons, snap: { session: raw(snap.session), today: raw(snap.today) } };
    });
    type Raw = Record<string, number | null>;
    const expected = (p: Raw): Record<string, string> => {
      const time = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatDuration(v));
      return {
        firstActivity: time(p['firstActivity']), lastActivity: time(p['lastActivity']), loginTime: time(p['loginTime']),
        totalCalls: String(p['totalCalls']), callsHandled: String(p['callsHandled']), talkTime: time(p['talkTime']), holdTime: time(p['holdTime']),
        wrapUpTime: time(p['wrapUpTime']), availableTime: time(p['availableTime']), pauseTime: time(p['pauseTime']), breakTime: time(p['breakTime']),
        conversionRate: formatPercent(p['conversionRate'] ?? null), averageHandleTime: time(p['averageHandleTime']),
      };
    };
    const session = expected(together.snap.session as unknown as Raw);
    const today = expected(together.snap.today as unknown as Raw);
    expect(together.cells).toEqual(Object.keys(session).map((k) => [k, session[k], today[k]]));
    expect(together.reasons).toEqual((['session', 'today'] as const).map((p) => [p, Object.entries(together.snap[p].pauseByReason).map(([code, r]) => [code, formatDuration(r.ms)])]));
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  });
});
