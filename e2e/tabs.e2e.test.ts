import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, logIn, quietDialer, useConsoleBrowser } from './console-page.js';

const env = useConsoleBrowser();

describe('one leader tab per agent (X7) in Chromium: Web Locks and BroadcastChannel', () => {
  it('a second tab shows the console is active elsewhere; "Use here" moves it; closing the leader hands it back', async () => {
    // Two tabs of one browser profile share the origin's locks and channels.
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const first = await context.newPage();
    await first.goto(`${env.url}?test=1&speed=8`);
    await logIn(first, 'ana', 'ana-pw');
    await first.getByRole('button', { name: /Spring Sale/ }).click();
    await first.getByRole('button', { name: 'Play (Ready)' }).waitFor();

    const second = await context.newPage();
    await second.goto(`${env.url}?test=1&speed=8`);
    await second.getByRole('heading', { name: 'The console is open in another tab' }).waitFor();
    expect(await second.getByLabel('Username').count()).toBe(0);
    expect(await second.evaluate(() => (window as { __dialkit?: unknown }).__dialkit === undefined)).toBe(true);
    await second.screenshot({ path: `${SCREENSHOTS}other-tab.png` });

    await second.getByRole('button', { name: 'Use here' }).click();
    // The console moves with the agent's session (kept in IndexedDB), not back to the login form…
    await second.getByText('Ana García').waitFor();
    expect(await second.getByLabel('Username').count()).toBe(0);
    // …and the dialer here carries on with it: Play works, no error.
    await quietDialer(second);
    await second.getByRole('button', { name: 'Play (Ready)' }).click();
    await expect.poll(() => second.locator('.dk-status-text').textContent()).toBe('Ready');
    expect(await second.getByText('Dial method: Predictive').count()).toBe(1);
    expect(await second.getByRole('alert').count()).toBe(0);
    // The first tab let go of its console (and its telephony session).
    await first.getByRole('heading', { name: 'The console is open in another tab' }).waitFor();
    expect(await first.evaluate(() => (window as { __dialkit?: unknown }).__dialkit === undefined)).toBe(true);

    // The leader closes: the waiting tab takes the console back by itself.
    await second.close();
    await first.getByText('Ana García').waitFor();
    expect(await first.evaluate(() => (window as { __dialkit?: unknown }).__dialkit !== undefined)).toBe(true);
    await context.close();
  });
});
