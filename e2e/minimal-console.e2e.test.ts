import { describe, expect, it } from 'vitest';
import { logIn, offerCall, openConsole, quietDialer, useConsoleBrowser } from './console-page.js';
import { MINIMAL_CONSOLE_DIST } from './server.js';

const env = useConsoleBrowser({ dist: MINIMAL_CONSOLE_DIST });

describe('examples/minimal-console: the smallest useful console (Chromium, simulated dialer)', () => {
  it('log in, pick a campaign, Play, take a call with its lead, hang up and submit the outcome, back to Ready, log out', async () => {
    const { context, page } = await openConsole(env.browser, env.url);
    await page.getByLabel('Username').waitFor();
    await quietDialer(page);
    await logIn(page, 'ana', 'ana-pw');
    await page.getByRole('button', { name: /Spring Sale/ }).click();
    // Its status bar has no panels to open: only Logout, no dead My Stats / My Profile buttons.
    expect(await page.getByRole('navigation').getByRole('button').allTextContents()).toEqual(['Log out']);
    await page.getByRole('button', { name: 'Play (Ready)' }).click();
    await expect.poll(() => page.locator('.dk-status-text').textContent()).toBe('Ready');

    await offerCall(page);
    const name = page.getByRole('region', { name: 'Call information' }).locator('.dk-lead-name');
    await expect.poll(() => name.textContent()).toBeTruthy();
    expect(await name.textContent()).not.toBe('Unknown');
    await page.getByRole('button', { name: 'Hang up' }).click();
    await page.getByRole('button', { name: /No Answer/ }).first().click();
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => page.locator('.dk-status-text').textContent()).toBe('Ready');
    // B6: Log out returns to the login form.
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByLabel('Username').waitFor();
    expect(await page.getByRole('banner').count()).toBe(0);
    expect((page as typeof page & { errors?: string[] }).errors).toEqual([]);
    await context.close();
  });
});
