import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { logIn, offerCall, offerLongCall, openConsole, quietDialer, useConsoleBrowser } from './console-page.js';

const env = useConsoleBrowser();

/** Presses Tab until the focused element's accessible text matches, at most 40 times. */
async function tabTo(page: Page, name: RegExp): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return `${el?.getAttribute('aria-label') ?? ''} ${el?.textContent ?? ''} ${(el as HTMLInputElement | null)?.labels?.[0]?.textContent ?? ''}`;
    });
    if (name.test(label)) return;
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

describe('the reference console by keyboard alone (Chromium)', () => {
  it('log in, pick a campaign, Play, take a call, mute, hold, resume, hang up, a refused submit, an outcome by its number key, submit, pause with a reason', async () => {
    const { context, page } = await openConsole(env.browser, env.url);
    await page.getByLabel('Username').waitFor();
    await quietDialer(page);
    await tabTo(page, /Username/);
    await page.keyboard.type('ana');
    await tabTo(page, /Password/);
    await page.keyboard.type('ana-pw');
    expect([await page.getByLabel('Username').inputValue(), await page.getByLabel('Password').inputValue()]).toEqual(['ana', 'ana-pw']);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /Spring Sale/ }).waitFor();
    await tabTo(page, /Spring Sale/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('button', { name: 'Play (Ready)' }).count()).toBe(1);
    await page.keyboard.press('Alt+P');
    await expect.poll(() => page.locator('[aria-live]').allTextContents().then((t) => t.join(' '))).toContain('Ready');
    await offerCall(page);
    await expect.poll(() => page.getByRole('button', { name: 'Hang up' }).count()).toBe(1);
    // Mute, hold and resume with their hotkeys; the buttons follow.
    await page.keyboard.press('Alt+M');
    await expect.poll(() => page.getByRole('button', { name: 'Unmute' }).count()).toBe(1);
    await page.keyboard.press('Alt+M');
    await expect.poll(() => page.getByRole('button', { name: 'Mute' }).count()).toBe(1);
    await page.keyboard.press('Alt+H');
    await expect.poll(() => page.getByRole('button', { name: 'Resume' }).count()).toBeGreaterThan(0);
    await page.keyboard.press('Alt+H');
    await expect.poll(() => page.getByRole('button', { name: 'Resume' }).count()).toBe(0);
    await page.keyboard.press('Alt+X');
    await expect.poll(() => page.getByRole('button', { name: 'Submit' }).count()).toBe(1);
    // Submit without an outcome: the error is announced; then the outcome's number key.
    await tabTo(page, /^\s*Submit/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').count()).toBeGreaterThan(0);
    await page.keyboard.press('2');
    await tabTo(page, /^\s*Submit/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.dk-status-text').textContent()).toBe('Ready');
    // Pause with a reason: Alt+B opens the menu, arrows move, Enter picks.
    await page.keyboard.press('Alt+B');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
    await page.keyboard.press('ArrowDown');
    const reason = await page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(reason).toContain('Rest');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.dk-status-text').textContent()).toBe('Paused: Rest / Descanso');
    expect(await page.getByRole('timer').first().getAttribute('aria-label')).toContain('On break');
    await context.close();
  });

  it('the rest by hotkey: Alt+T / Alt+I / Alt+G / Alt+C open the panels, Alt+L switches lines, Alt+Z cancels a pending pause, Alt+Q logs out', async () => {
    const { context, page } = await openConsole(env.browser, env.url);
    await page.getByLabel('Username').waitFor();
    await quietDialer(page);
    await logIn(page, 'ana', 'ana-pw');
    await page.getByRole('button', { name: /Spring Sale/ }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Play (Ready)' }).count()).toBe(1);
    const current = () => page.locator('[aria-current="page"]').textContent();
    await page.keyboard.press('Alt+T');
    await expect.poll(current).toBe('My Stats');
    await page.keyboard.press('Alt+I');
    await expect.poll(current).toBe('My Profile');
    await page.keyboard.press('Alt+G');
    await expect.poll(current).toBe('Phonebook');
    await page.keyboard.press('Alt+C');
    await expect.poll(current).toBe('Call menu');
    // Two lines: the customer on hold on line 1, a call placed on line 2; Alt+L goes back and forth.
    await page.keyboard.press('Alt+P');
    await offerLongCall(page);
    await expect.poll(() => page.getByRole('button', { name: 'Hang up' }).count()).toBe(1);
    await page.keyboard.press('Alt+H');
    await expect.poll(() => page.getByRole('button', { name: 'Switch to line 1' }).count()).toBe(1);
    await page.keyboard.press('Alt+D');
    await page.keyboard.type('+34 600 00 5555');
    await page.keyboard.press('Enter');
    const lines = page.getByRole('region', { name: 'Lines' }).getByRole('listitem');
    const states = () => lines.evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset['state']).join(' '));
    await expect.poll(states, { timeout: 15_000 }).toBe('held connected');
    await page.keyboard.press('Alt+L');
    await expect.poll(states).toBe('connected held');
    await page.keyboard.press('Alt+L');
    await expect.poll(states).toBe('held connected');
    // A pause asked for during the call is pending; Alt+Z withdraws it.
    await page.keyboard.press('Alt+B');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('button', { name: 'Cancel pending pause' }).count()).toBe(1);
    await page.keyboard.press('Alt+Z');
    await expect.poll(() => page.getByRole('button', { name: 'Cancel pending pause' }).count()).toBe(0);
    // Log out is refused while calls are live, and says why; after the calls and their outcomes, Alt+Q logs out.
    await page.keyboard.press('Alt+Q');
    await expect.poll(() => page.getByText('Finish your calls and dispositions first.').count()).toBeGreaterThan(0);
    await page.evaluate(async () => {
      const { dialkit } = (window as unknown as { __dialkit: { dialkit: { calls: { lines: { id: string }[]; hangup(id: string): Promise<void> }; dispositions: { submit(id: string, input: { code: string }): Promise<unknown> } } } }).__dialkit;
      for (const c of dialkit.calls.lines) await dialkit.calls.hangup(c.id).catch(() => undefined);
      for (const c of dialkit.calls.lines) await dialkit.dispositions.submit(c.id, { code: 'NA' }).catch(() => undefined);
    });
    await expect.poll(() => page.getByRole('region', { name: 'Lines' }).count()).toBe(0);
    await page.keyboard.press('Alt+Q');
    await page.getByLabel('Username').waitFor();
    expect((page as typeof page & { errors?: string[] }).errors).toEqual([]);
    await context.close();
  });
});
