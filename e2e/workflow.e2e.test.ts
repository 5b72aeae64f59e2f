import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, dispositionsAtSim, logIn, offerCall, openConsole, quietDialer, toWrapUp, useConsoleBrowser } from './console-page.js';

const env = useConsoleBrowser();

describe('the seed workflow in the reference console (Chromium, simulated dialer)', () => {
  it('login → campaign → Play → predictive call with lead → mute, hold, resume → hang up → wrap-up → missing field named → callback → Ready', async () => {
    const { context, page } = await openConsole(env.browser, env.url);
    await page.screenshot({ path: `${SCREENSHOTS}login.png` });
    await quietDialer(page);
    await logIn(page, 'ana', 'ana-pw');
    await page.getByRole('button', { name: /Spring Sale/ }).click();
    await expect.poll(() => page.getByText('Dial method: Predictive').count()).toBe(1);
    expect(await page.getByRole('banner').getByText('Campaign: Spring Sale').count()).toBe(1);
    await page.getByRole('button', { name: 'Play (Ready)' }).click();
    await expect.poll(() => page.locator('[aria-live]').allTextContents().then((t) => t.join(' '))).toContain('Ready');

    await offerCall(page);
    const lead = page.getByRole('region', { name: 'Call information' });
    // The lead the dialer sent with the call, shown with it.
    const sent = await page.evaluate(() => (window as unknown as { __dialkit: { dialkit: { calls: { active: { lead?: { name?: string; phone: string } } | null } } } }).__dialkit.dialkit.calls.active?.lead);
    expect(sent?.name).toBeTruthy();
    await expect.poll(() => lead.locator('.dk-lead-name').textContent()).toBe(sent?.name);
    expect(await lead.locator('.dk-lead-number').textContent()).toBe(sent?.phone);
    // Focus moves to the incoming call, so a keyboard or screen-reader user lands on it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-call]') !== null)).toBe(true);
    await page.getByRole('button', { name: 'Mute' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Unmute' }).count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}on-call.png` });
    await page.getByRole('button', { name: 'Hold' }).first().click();
    await expect.poll(() => page.getByRole('button', { name: 'Resume' }).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Resume' }).first().click();
    await page.getByRole('button', { name: 'Hang up' }).click();

    // Wrap-up: submit with the mandatory amount missing; the error names it.
    await page.getByRole('button', { name: /Sale/ }).first().click();
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => page.getByRole('alert').allTextContents().then((t) => t.join(' '))).toMatch(/Amount/);
    await page.screenshot({ path: `${SCREENSHOTS}wrap-up-error.png` });

    // Complete it as a callback instead, scheduled for tomorrow.
    await page.getByRole('button', { name: /Callback/ }).first().click();
    const tomorrow = new Date(Date.now() + 86_400_000);
    const local = new Date(tomorrow.getTime() - tomorrow.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await page.getByLabel('Date and time').fill(local);
    await page.getByLabel('Notes').fill('Call back after 5pm');
    await page.getByRole('button', { name: 'Submit' }).click();
    // Back to Ready by itself (the campaign's rule), and the dialer stored the callback as typed.
    await expect.poll(() => page.locator('.dk-status-text').textContent()).toBe('Ready');
    await expect.poll(() => dispositionsAtSim(page)).toMatchObject({ stored: 1 });
    const record = await page.evaluate(() => [...(window as unknown as { __dialkit: { control: { stored: ReadonlyMap<string, { code: string; notes: string; callback?: { at: number; scope: string } }> } } }).__dialkit.control.stored.values()][0]);
    expect(record).toMatchObject({ code: 'CB', notes: 'Call back after 5pm', callback: { scope: 'personal' } });
    expect(Math.abs((record?.callback?.at ?? 0) - new Date(local).getTime())).toBeLessThan(60_000);

    // My Stats shows what happened: one call handled.
    await page.getByRole('button', { name: 'My Stats' }).click();
    const stats = page.getByRole('table').first();
    await expect.poll(() => stats.textContent()).toMatch(/Calls handled\s*1/);
    await page.screenshot({ path: `${SCREENSHOTS}my-stats.png` });
    expect((page as { errors?: string[] }).errors).toEqual([]);
    await context.close();
  });

  it('wrong credentials and an invalid manual number are refused with a clear message', async () => {
    const { context, page } = await openConsole(env.browser, env.url);
    await logIn(page, 'ana', 'wrong');
    await expect.poll(() => page.getByRole('alert').allTextContents().then((t) => t.join(' '))).toMatch(/password/i);
    await logIn(page, 'ana', 'ana-pw');
    await page.getByRole('button', { name: /Spring Sale/ }).click();
    await page.getByLabel('Phone number').fill('call-me');
    await page.getByRole('button', { name: 'Call', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').allTextContents().then((t) => t.join(' '))).toMatch(/call-me|number/i);
    await context.close();
  });

  it('a reload during wrap-up keeps what the agent typed', async () => {
    const { context, page } = await openConsole(env.browser, env.url);
    await toWrapUp(page, 'ana', /Spring Sale/);
    await page.getByLabel('Notes').fill('Customer asked about fibre prices');
    await page.waitForTimeout(800); // the draft is saved 300 ms after the last keystroke
    await page.reload();
    await expect.poll(() => page.getByLabel('Notes').inputValue().catch(() => '')).toBe('Customer asked about fibre prices');
    await context.close();
  });

  it('a manual-ready campaign leaves the agent paused after wrap-up; a lunch break runs the break indicator and shows in My Stats', async () => {
    const { context, page } = await openConsole(env.browser, env.url);
    await toWrapUp(page, 'bruno', /Renewals/);
    await page.getByRole('button', { name: /No Answer/ }).first().click();
    await page.getByRole('button', { name: 'Submit' }).click();
    // Renewals is "Ready manual": after wrap-up the agent is paused until they press Play.
    await expect.poll(() => page.locator('[aria-live]').allTextContents().then((t) => t.join(' '))).toMatch(/Paused/);

    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.getByRole('menuitem', { name: /Lunch/ }).click();
    const banner = page.getByRole('banner');
    await expect.poll(() => banner.textContent()).toMatch(/On break \(Lunch[^)]*\) 0:00:0[0-9]/);
    const first = (await banner.textContent())?.match(/On break \([^)]*\) (\d+:\d\d:\d\d)/)?.[1];
    await expect.poll(() => banner.textContent().then((t) => t?.match(/On break \([^)]*\) (\d+:\d\d:\d\d)/)?.[1]), { timeout: 5_000 }).not.toBe(first);
    await page.screenshot({ path: `${SCREENSHOTS}break.png` });

    await page.getByRole('button', { name: 'My Stats' }).click();
    const stats = await page.getByRole('table').first().textContent();
    expect(stats).toMatch(/Break time\s*0:00:0[1-9]/);
    expect(stats).toMatch(/Calls handled\s*1/);
    await context.close();
  });

  it('a reload after submit never sends the disposition again', async () => {
    const { context, page } = await openConsole(env.browser, env.url);
    await toWrapUp(page, 'ana', /Spring Sale/);
    type Hook = { __dialkit: { dialkit: { dispositions: { pending: unknown[]; awaiting: Array<{ id: string }> } } } };
    const submitted = await page.evaluate(() => (window as unknown as Hook).__dialkit.dialkit.dispositions.awaiting.map((c) => c.id));
    expect(submitted).toHaveLength(1);
    await page.getByRole('button', { name: /No Answer/ }).first().click();
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => dispositionsAtSim(page)).toEqual({ stored: 1, attempts: 1 });
    await page.waitForTimeout(800); // the journal writes behind by 250 ms
    await page.reload();
    // The page has a new simulated dialer: a resent record would show as an attempt there.
    await expect.poll(() => page.evaluate(() => (window as unknown as { __dialkit?: unknown }).__dialkit !== undefined)).toBe(true);
    await page.waitForTimeout(1_500);
    expect(await dispositionsAtSim(page)).toEqual({ stored: 0, attempts: 0 });
    // The shift carries on (the new sim adopted the session and may have delivered the next call),
    // but the submitted call is neither pending nor awaiting an outcome again.
    const left = await page.evaluate(() => {
      const d = (window as unknown as Hook).__dialkit.dialkit;
      return { pending: d.dispositions.pending.length, awaiting: d.dispositions.awaiting.map((c) => c.id) };
    });
    expect(left.pending).toBe(0);
    expect(left.awaiting).not.toContain(submitted[0]);
    await context.close();
  });

  it('the same console in Spanish: login, Play, a call, hang up, outcome, submit, My Stats', async () => {
    const { context, page } = await openConsole(env.browser, env.url, '&lang=es');
    await expect.poll(() => page.getByRole('heading', { name: 'Acceso de agente' }).count()).toBe(1);
    await quietDialer(page);
    await logIn(page, 'ana', 'ana-pw', { user: 'Usuario', password: 'Contraseña', submit: 'Iniciar sesión' });
    await page.getByRole('button', { name: /Spring Sale/ }).click();
    await page.getByRole('button', { name: 'Play (Listo)' }).click();
    await expect.poll(() => page.locator('.dk-status-text').textContent()).toBe('Listo');
    // A call, in Spanish: the call information, Colgar, the outcome, Enviar, back to Listo.
    await offerCall(page);
    await page.getByRole('region', { name: 'Información de llamada' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}console-es.png` });
    await page.getByRole('button', { name: 'Colgar' }).click();
    await page.getByRole('button', { name: /No Answer/ }).first().click();
    await page.getByRole('button', { name: 'Enviar' }).click();
    await expect.poll(() => page.locator('.dk-status-text').textContent()).toBe('Listo');
    await page.getByRole('button', { name: 'Mis estadísticas' }).click();
    await expect.poll(() => page.getByRole('table').first().textContent()).toMatch(/Llamadas atendidas\s*1/);
    await context.close();
  });
});
