import type { Browser, BrowserContext, Page } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.js';
import { startConsoleServer, type ConsoleServer } from './server.js';

/** Where the browser run writes the screenshots the docs use. */
export const SCREENSHOTS = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

/** A fresh browser context (its own IndexedDB) on the reference console with the test hook. */
export async function openConsole(browser: Browser, base: string, query = ''): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}?test=1&speed=8${query}`);
  (page as Page & { errors?: string[] }).errors = errors;
  return { context, page };
}

/** Logs in on the login form. */
export async function logIn(page: Page, username: string, password: string, labels = { user: 'Username', password: 'Password', submit: 'Log in' }): Promise<void> {
  await page.getByLabel(labels.user).fill(username);
  await page.getByLabel(labels.password).fill(password);
  await page.getByRole('button', { name: labels.submit }).click();
}

/** The id of the call in focus (`calls.active`), or null. */
export function activeCallId(page: Page): Promise<string | null> {
  return page.evaluate(() => (window as unknown as { __dialkit: { dialkit: { calls: { active: { id: string } | null } } } }).__dialkit.dialkit.calls.active?.id ?? null);
}

/** The DTMF digits the sim's far end of a call heard. */
export function dtmfHeard(page: Page, callId: string): Promise<string> {
  return page.evaluate((id) => (window as unknown as { __dialkit: { control: { dtmfReceived(id: string): string } } }).__dialkit.control.dtmfReceived(id), callId);
}

/**
 * Nobody answers the sim's own dials from now on, so no predictive call reaches the agent unless
 * the test offers one: a test can then see "Ready" after a wrap-up without racing the next call.
 */
export function quietDialer(page: Page): Promise<void> {
  return page.evaluate(() => (window as unknown as { __dialkit: { control: { setAnswerProbability(p: number): void } } }).__dialkit.control.setAnswerProbability(0));
}

/** Has the sim offer a predictive call to the agent now; returns its id. */
export function offerCall(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { __dialkit: { control: { offerCall(): string } } }).__dialkit.control.offerCall());
}

/** The sim's record of dispositions it stored (by idempotency key) and how often each was sent. */
export function dispositionsAtSim(page: Page): Promise<{ stored: number; attempts: number }> {
  return page.evaluate(() => {
    const control = (window as unknown as { __dialkit: { control: { stored: ReadonlyMap<string, unknown>; submitAttempts: ReadonlyMap<string, number> } } }).__dialkit.control;
    let attempts = 0;
    for (const n of control.submitAttempts.values()) attempts += n;
    return { stored: control.stored.size, attempts };
  });
}

/** One Chromium and one console server (the reference console, or the build in `dist`) for the test file: started before its tests, stopped after. */
export function useConsoleBrowser(options: { readonly dist?: string } = {}): { readonly browser: Browser; readonly url: string } {
  let browser: Browser | undefined;
  let server: ConsoleServer | undefined;
  beforeAll(async () => {
    server = await startConsoleServer(undefined, options.dist);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser;
    },
    get url() {
      if (!server) throw new Error('the server starts in beforeAll');
      return server.url;
    },
  };
}

/** Logs in, joins a campaign, presses Play, takes a call the sim offers and hangs up: the agent is in wrap-up. */
export async function toWrapUp(page: Page, user: string, campaign: RegExp): Promise<void> {
  await page.getByLabel('Username').waitFor();
  await quietDialer(page);
  await logIn(page, user, `${user}-pw`);
  await page.getByRole('button', { name: campaign }).click();
  await page.getByRole('button', { name: 'Play (Ready)' }).click();
  await offerCall(page);
  await page.getByRole('button', { name: 'Hang up' }).waitFor();
  await page.getByRole('button', { name: 'Hang up' }).click();
}

/** The sim's control API as the page's test hook exposes it (the parts the helpers below use). */
type SimHook = {
  __dialkit: {
    control: {
      offerCall(options?: { talkMs?: number }): string;
      customerHangsUp(callId?: string): void;
      setAnswerProbability(p: number | undefined): void;
      systemMessage(text: string): void;
      campaignAlert(text: string): void;
    };
  };
};

/** Has the sim offer a predictive call whose customer stays on the line until someone hangs up; returns its id. */
export function offerLongCall(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as SimHook).__dialkit.control.offerCall({ talkMs: 0 }));
}

/** The customer (the sim's far end) hangs up the agent's connected call now. */
export function customerHangsUp(page: Page): Promise<void> {
  return page.evaluate(() => (window as unknown as SimHook).__dialkit.control.customerHangsUp());
}

/** Sets the chance that a number the sim dials is answered (1: every one; undefined: the campaigns' own). */
export function setAnswerProbability(page: Page, probability: number | undefined): Promise<void> {
  return page.evaluate((p) => (window as unknown as SimHook).__dialkit.control.setAnswerProbability(p ?? undefined), probability ?? null);
}

/** The sim raises a system message or a campaign alert with the given text. */
export function simMessage(page: Page, kind: 'system' | 'campaign', text: string): Promise<void> {
  return page.evaluate(([k, t]) => {
    const control = (window as unknown as SimHook).__dialkit.control;
    if (k === 'system') control.systemMessage(t);
    else control.campaignAlert(t);
  }, [kind, text] as const);
}
