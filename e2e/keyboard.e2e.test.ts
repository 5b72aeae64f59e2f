import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { offerCall, openConsole, quietDialer, useConsoleBrowser } from './console-page.js';

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
});
