import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';
import { startConsoleServer, type ConsoleServer } from './server.js';

let browser: Browser;
let server: ConsoleServer;

beforeAll(async () => {
  server = await startConsoleServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the reference console in Chromium', () => {
  it('loads the production build from loopback', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await expect.poll(() => page.getByRole('heading', { name: 'Agent login' }).count()).toBe(1);
    await page.close();
  });
});
