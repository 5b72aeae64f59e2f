import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { logIn, openConsole, quietDialer, useConsoleBrowser } from './console-page.js';

const env = useConsoleBrowser();

/** axe-core's browser bundle, injected into the page under test (it is not part of the console). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The rules of WCAG 2.0 and 2.1, levels A and AA. No rule is disabled and nothing is excluded. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One failing rule as the assertion prints it: id, impact, what it asks for, and each failing node. */
interface Violation {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly nodes: readonly { readonly target: string; readonly summary: string }[];
}

const describeViolation = (v: Violation): string =>
  `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    at ${n.target}\n      ${n.summary.replace(/\n/g, '\n      ')}`).join('\n')}`;

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA) on the whole page as it is now and asserts that it finds
 * no violation. The assertion is soft: the flow goes on, and every screen's findings are reported
 * (the test still fails), each with its rule, impact, help text and the failing nodes' selectors.
 */
async function audit(page: Page, screen: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async (tags): Promise<Violation[]> => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map((v: Result) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' >> '), summary: n.failureSummary ?? '' })),
    }));
  }, WCAG_TAGS);
  expect.soft(violations.map(describeViolation), `axe (WCAG 2.1 A/AA) on the screen "${screen}"`).toEqual([]);
}

/** Has the sim offer a call now; an inbound one rings until the agent answers or rejects it. */
function offer(page: Page, origin: 'predictive' | 'inbound'): Promise<string> {
  return page.evaluate((o) => (window as unknown as { __dialkit: { control: { offerCall(options: { origin: string }): string } } }).__dialkit.control.offerCall({ origin: o }), origin);
}

/** The page's language (`<html lang>`): WCAG 3.1.1, which axe checks for validity but not for truth. */
const pageLang = (page: Page): Promise<string | null> => page.evaluate(() => document.documentElement.getAttribute('lang'));

/** The console's texts the flow looks for, in each language. */
const TEXT = {
  en: { user: 'Username', password: 'Password', submit: 'Log in', ready: 'Ready', play: 'Play (Ready)', answer: 'Answer', info: 'Call information', hangUp: 'Hang up', send: 'Submit', stats: 'My Stats', profile: 'My Profile' },
  es: { user: 'Usuario', password: 'Contraseña', submit: 'Iniciar sesión', ready: 'Listo', play: 'Play (Listo)', answer: 'Contestar', info: 'Información de llamada', hangUp: 'Colgar', send: 'Enviar', stats: 'Mis estadísticas', profile: 'Mi perfil' },
} as const;

/**
 * The screens of every call, each audited: the login form, a refused login, the campaign picker,
 * the main screen paused, the pause-reason menu (Alt+B), the main screen Ready, a ringing call,
 * the connected call with its lead, its keypad (Alt+K), wrap-up with the disposition panel, two
 * refused submits (no outcome; a mandatory field missing), the callback scheduler; then an outcome
 * is submitted and the agent is Ready again.
 */
async function callPath(page: Page, lang: 'en' | 'es', tag: string): Promise<void> {
  const x = TEXT[lang];
  const status = page.locator('.dk-status-text');
  await page.getByLabel(x.user).waitFor();
  await quietDialer(page);
  await audit(page, `${tag}: login form`);

  await logIn(page, 'ana', 'wrong', x);
  await page.getByRole('alert').waitFor();
  await audit(page, `${tag}: refused login`);

  await logIn(page, 'ana', 'ana-pw', x);
  await page.getByRole('button', { name: /Spring Sale/ }).waitFor();
  await audit(page, `${tag}: campaign picker`);

  await page.getByRole('button', { name: /Spring Sale/ }).click();
  await page.getByRole('button', { name: x.play }).waitFor();
  await audit(page, `${tag}: main screen, paused`);

  await page.keyboard.press('Alt+B');
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
  await audit(page, `${tag}: pause-reason menu open`);
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByRole('menu').count()).toBe(0);

  await page.getByRole('button', { name: x.play }).click();
  await expect.poll(() => status.textContent()).toBe(x.ready);
  await audit(page, `${tag}: main screen, Ready`);

  await offer(page, 'inbound');
  await page.getByRole('button', { name: x.answer, exact: true }).waitFor();
  await audit(page, `${tag}: call offered (ringing)`);

  await page.getByRole('button', { name: x.answer, exact: true }).click();
  const info = page.getByRole('region', { name: x.info });
  await expect.poll(() => info.locator('.dk-lead-name').textContent()).toBeTruthy();
  await expect.poll(() => page.locator('.dk-call-controls .dk-mute').isEnabled()).toBe(true);
  await audit(page, `${tag}: connected call with the lead`);

  await page.keyboard.press('Alt+K');
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('#dk-call-keypad') !== null)).toBe(true);
  await audit(page, `${tag}: connected call, keypad open`);

  await page.getByRole('button', { name: x.hangUp }).click();
  const submit = page.getByRole('button', { name: x.send, exact: true });
  await submit.waitFor();
  await audit(page, `${tag}: wrap-up, disposition panel`);

  const error = page.locator('.dk-disposition [role="alert"]');
  await submit.click();
  await expect.poll(() => error.count()).toBe(1);
  await audit(page, `${tag}: wrap-up, submit refused (no outcome)`);
  // Sale needs an amount: the error names it, and the field itself is marked invalid and described by it.
  await page.locator('.dk-disposition [data-code="SALE"]').click();
  await submit.click();
  await expect.poll(() => error.count()).toBe(1);
  const amount = page.locator('.dk-disposition input[name="amount"]');
  expect(await amount.getAttribute('aria-invalid')).toBe('true');
  expect(await amount.evaluate((el) => el.getAttribute('aria-describedby')?.split(' ').map((id) => document.getElementById(id)?.textContent).join(' '))).toBe(await error.textContent());
  await audit(page, `${tag}: wrap-up, submit refused (missing field)`);

  await page.locator('.dk-disposition [data-code="CB"]').click();
  await page.locator('.dk-callback').waitFor();
  expect(await amount.getAttribute('aria-invalid')).toBeNull();
  await audit(page, `${tag}: wrap-up, callback scheduler`);
  await page.locator('.dk-disposition [data-code="NA"]').click();
  await submit.click();
  await expect.poll(() => status.textContent()).toBe(x.ready);
}

/** The light theme, and the dark one the console follows when the system asks for it. */
const SCHEMES = ['light', 'dark'] as const;

describe('accessibility of the reference console (axe-core, WCAG 2.1 A/AA, Chromium)', () => {
  for (const scheme of SCHEMES) {
    it(`English, ${scheme} theme: login → campaign → Play → call → wrap-up, then My Stats, My Profile, the phonebook, the hotkey help and another tab`, async () => {
      const { context, page } = await openConsole(env.browser, env.url);
      await page.emulateMedia({ colorScheme: scheme });
      await callPath(page, 'en', `en/${scheme}`);
      expect(await pageLang(page)).toBe('en');

      await page.getByRole('button', { name: TEXT.en.stats }).click();
      await page.getByRole('table').first().waitFor();
      await audit(page, `en/${scheme}: My Stats`);

      await page.getByRole('button', { name: TEXT.en.profile }).click();
      await page.locator('.dk-my-profile').waitFor();
      await audit(page, `en/${scheme}: My Profile`);

      await page.getByRole('navigation').getByRole('button', { name: 'Phonebook' }).click();
      const book = page.getByRole('region', { name: 'Phonebook' });
      await expect.poll(() => book.getByRole('button', { name: /^Call / }).count()).toBeGreaterThan(5);
      await audit(page, `en/${scheme}: phonebook panel`);

      await page.keyboard.press('?');
      await page.getByRole('dialog').waitFor();
      await audit(page, `en/${scheme}: hotkey help overlay`);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

      // The same agent opens the console in a second tab: it says the console is open elsewhere.
      const other = await context.newPage();
      await other.emulateMedia({ colorScheme: scheme });
      await other.goto(`${env.url}?test=1&speed=8`);
      await other.getByRole('button', { name: 'Use here' }).waitFor();
      await audit(other, `en/${scheme}: console open in another tab`);

      expect((page as Page & { errors?: string[] }).errors).toEqual([]);
      await context.close();
    });

    it(`a preview campaign's next lead, ${scheme} theme`, async () => {
      const { context, page } = await openConsole(env.browser, env.url);
      await page.emulateMedia({ colorScheme: scheme });
      await logIn(page, 'carla', 'carla-pw');
      await page.getByRole('button', { name: /Personal Loans/ }).click();
      await page.getByRole('button', { name: TEXT.en.play }).click();
      await expect.poll(() => page.locator('.dk-preview-name').textContent()).toBeTruthy();
      await audit(page, `en/${scheme}: preview, next lead`);
      await context.close();
    });
  }

  it('Spanish: the same login → call → wrap-up path and Mis estadísticas, with the page in Spanish; then back to English in Mi perfil', async () => {
    const { context, page } = await openConsole(env.browser, env.url, '&lang=es');
    await page.getByLabel(TEXT.es.user).waitFor();
    await expect.poll(() => pageLang(page)).toBe('es');
    await callPath(page, 'es', 'es');
    expect(await pageLang(page)).toBe('es');

    await page.getByRole('button', { name: TEXT.es.stats }).click();
    await page.getByRole('table').first().waitFor();
    await audit(page, 'es: Mis estadísticas');

    // Switching the language at run time switches the page's language too.
    await page.getByRole('button', { name: TEXT.es.profile }).click();
    await page.getByLabel('Idioma').selectOption('en');
    await page.getByRole('heading', { name: TEXT.en.profile }).waitFor();
    await expect.poll(() => pageLang(page)).toBe('en');
    await audit(page, 'es → en: My Profile after switching the language');

    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await context.close();
  });
});
