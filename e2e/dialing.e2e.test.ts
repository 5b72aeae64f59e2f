import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, activeCallId, dtmfHeard, logIn, openConsole, quietDialer, useConsoleBrowser } from './console-page.js';

const env = useConsoleBrowser();

describe('preview, the dial pad and the phonebook plugin in the reference console (Chromium, simulated dialer)', () => {
  it('a preview campaign shows the lead first; the agent skips one, then dials the next', async () => {
    const { context, page } = await openConsole(env.browser, env.url);
    await logIn(page, 'carla', 'carla-pw');
    await page.getByRole('button', { name: /Personal Loans/ }).click();
    await expect.poll(() => page.getByText('Dial method: Preview').count()).toBe(1);
    const preview = page.getByRole('region', { name: 'Next lead (preview)' });
    await expect.poll(() => preview.textContent()).toContain('Press Play (Ready) to get the next lead.');
    await page.getByRole('button', { name: 'Play (Ready)' }).click();
    const name = preview.locator('.dk-preview-name');
    await expect.poll(() => name.textContent()).toBeTruthy();
    const first = await name.textContent();
    // Nothing is dialled while the agent reads the lead.
    await page.waitForTimeout(1_000);
    expect(await page.getByRole('button', { name: 'Hang up' }).count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}preview.png` });

    await preview.getByRole('button', { name: 'Skip' }).click();
    await expect.poll(() => name.textContent()).not.toBe(first);
    const second = await name.textContent();
    const number = await preview.locator('.dk-preview-number').textContent();
    await preview.getByRole('button', { name: 'Dial' }).click();

    const info = page.getByRole('region', { name: 'Call information' });
    await expect.poll(() => info.locator('.dk-lead-name').textContent()).toBe(second);
    expect(await info.locator('.dk-lead-number').textContent()).toBe(number);
    expect(await page.getByRole('region', { name: 'Next lead (preview)' }).count()).toBe(0);
    expect((page as typeof page & { errors?: string[] }).errors).toEqual([]);
    await context.close();
  });

  it('the keypad of a connected call sends DTMF that the far end hears, in order', async () => {
    const { context, page } = await openConsole(env.browser, env.url);
    await logIn(page, 'david', 'david-pw');
    await page.getByRole('button', { name: /Collections/ }).click();
    await page.getByLabel('Phone number').fill('+34 600 00 5555');
    await page.getByRole('button', { name: 'Call', exact: true }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Call information' }).textContent(), { timeout: 15_000 }).toContain('Connected');
    const callId = await activeCallId(page);
    expect(callId).not.toBeNull();

    await page.getByRole('button', { name: 'Keypad' }).click();
    const keypad = page.getByRole('group', { name: 'Dial pad (tones to the call)' });
    for (const key of ['1', '2', '#']) await keypad.getByRole('button', { name: `Key ${key}` }).click();
    await expect.poll(() => keypad.getByRole('status').textContent()).toBe('Tones sent: 12#');
    expect(await dtmfHeard(page, callId ?? '')).toBe('12#');
    await page.screenshot({ path: `${SCREENSHOTS}keypad.png` });
    await context.close();
  });

  it('the phonebook plugin: the bar entry opens the saved numbers; search, then a click dials', async () => {
    const { context, page } = await openConsole(env.browser, env.url);
    await page.getByLabel('Username').waitFor();
    await quietDialer(page);
    await logIn(page, 'ana', 'ana-pw');
    await page.getByRole('button', { name: /Spring Sale/ }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Phonebook' }).click();
    const book = page.getByRole('region', { name: 'Phonebook' });
    await expect.poll(() => book.getByRole('button', { name: /^Call / }).count()).toBeGreaterThan(5);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('dk-phonebook-title');
    await page.screenshot({ path: `${SCREENSHOTS}phonebook.png` });

    await book.getByLabel('Search by name or number').fill('london');
    await expect.poll(() => book.getByRole('button', { name: /^Call / }).count()).toBe(1);
    await book.getByRole('button', { name: 'Call London office (+442071234567)' }).click();

    // Back on the call screen, with the call placed to that number.
    const info = page.getByRole('region', { name: 'Call information' });
    await expect.poll(() => info.locator('.dk-lead-number').textContent()).toBe('+442071234567');
    expect(await page.getByRole('region', { name: 'Phonebook' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Hang up' }).count()).toBe(1);
    expect((page as typeof page & { errors?: string[] }).errors).toEqual([]);
    await context.close();
  });
});
