import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, dispositionsAtSim, logIn, useConsoleBrowser } from './console-page.js';

// The project's SIP rig on ports of its own (the sip-adapter tests use 5160/8188, the bench 5260/8288).
const UDP = 5360;
const WS = 8388;
const RIG = fileURLToPath(new URL('../rig/sip/', import.meta.url));
const env = useConsoleBrowser();
let runDir = '';
let softphone: Server | undefined;
let softphoneUrl = '';

/** Runs the rig's start or stop script on this file's run directory. */
function rig(script: 'start.sh' | 'stop.sh', ...args: string[]): void {
  execFileSync(join(RIG, script), [runDir, ...args], {
    env: { ...process.env, SIP_RIG_UDP_PORT: String(UDP), SIP_RIG_WS_PORT: String(WS), SIP_RIG_MAX_SECONDS: '600' },
    stdio: ['ignore', 'ignore', 'inherit'], timeout: 15_000,
  });
}

beforeAll(async () => {
  runDir = mkdtempSync(join(tmpdir(), 'dialkit-e2e-sip-'));
  rig('start.sh');
  const out = await build({ entryPoints: [fileURLToPath(new URL('./softphone/softphone.ts', import.meta.url))], bundle: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent' });
  const page = `<!doctype html><meta charset="utf-8"><title>Customer</title><script type="module">${out.outputFiles[0]?.text ?? ''}</script>`;
  // Its own origin on loopback (a page fulfilled by playwright's router could not open the WebSocket).
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page));
  softphone = server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  softphoneUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
});
afterAll(() => {
  softphone?.close();
  if (runDir !== '') {
    rig('stop.sh');
    // KEEP_RIG=1 keeps the run directory (Kamailio's log) for a look after a failure.
    if (process.env['KEEP_RIG'] === undefined) rmSync(runDir, { recursive: true, force: true });
  }
});

interface CustomerState { session: string; connection: string; packetsReceived: number; audioLevel: number; heldByAgent: boolean }
type Softphone = {
  start(o: { wsUrl: string; user: string; password: string }): Promise<void>;
  call(target: string, headers: string[]): Promise<void>;
  state(): Promise<CustomerState>;
};
const customer = (page: Page): Promise<CustomerState> => page.evaluate(() => (window as unknown as { softphone: Softphone }).softphone.state());

/** The customer's softphone (sip.js, real WebRTC) in a page and a browser profile of its own. */
async function openSoftphone(): Promise<Page> {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(softphoneUrl);
  await page.waitForFunction(() => (window as unknown as { softphoneReady?: boolean }).softphoneReady === true);
  await page.evaluate((wsUrl) => (window as unknown as { softphone: Softphone }).softphone.start({ wsUrl, user: 'customer', password: 'customer-pw' }), `ws://127.0.0.1:${WS}`);
  return page;
}

/** The loudest audio the customer hears over `ms` (the agent's fake microphone beeps). */
async function loudest(page: Page, ms: number): Promise<number> {
  let max = 0;
  for (const end = Date.now() + ms; Date.now() < end;) {
    max = Math.max(max, (await customer(page)).audioLevel);
    await page.waitForTimeout(50);
  }
  return max;
}

describe('the reference console on SIP (Chromium, Kamailio, WebRTC between two pages)', () => {
  it('a customer calls; the agent answers, sees the lead and the call quality; hold, mute, hang up reach the customer; disposition; a reload says the phone is offline', async () => {
    const agentContext = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const agent = await agentContext.newPage();
    const errors: string[] = [];
    agent.on('pageerror', (e) => errors.push(e.message));
    await agent.goto(`${env.url}?test=1&speed=8&backend=sip&sip=ws://127.0.0.1:${WS}&ice=loopback`);
    // The agent's login registers their phone too (the rig's password for `ana` is `ana-pw`).
    await logIn(agent, 'ana', 'ana-pw');
    await agent.getByRole('button', { name: /Spring Sale/ }).click();
    await expect.poll(() => agent.locator('.dk-connection').textContent(), { timeout: 10_000 }).toBe('Connected');
    await agent.getByRole('button', { name: 'Play (Ready)' }).click();

    const phone = await openSoftphone();
    await phone.evaluate(() => (window as unknown as { softphone: Softphone }).softphone.call('sip:ana@127.0.0.1', ['X-Lead-Id: SS-001', 'X-Campaign: spring-sale', 'X-Call-Origin: inbound']));

    // The offer arrives with its lead (looked up by the id in the SIP header); focus on Answer.
    const answer = agent.getByRole('button', { name: 'Answer' });
    await answer.waitFor({ timeout: 10_000 });
    await expect.poll(() => agent.evaluate(() => document.activeElement?.textContent)).toBe('Answer');
    const info = agent.getByRole('region', { name: 'Call information' });
    // It is the lead named by the header (SS-001), looked up at the dialer (the sim).
    type LeadHook = { __dialkit: { dialkit: { calls: { active: { lead?: { id: string; name?: string } } | null } } } };
    await expect.poll(() => agent.evaluate(() => (window as unknown as LeadHook).__dialkit.dialkit.calls.active?.lead?.id)).toBe('SS-001');
    const lead = await agent.evaluate(() => (window as unknown as LeadHook).__dialkit.dialkit.calls.active?.lead?.name);
    expect(lead).toBeTruthy();
    await expect.poll(() => info.locator('.dk-lead-name').textContent()).toBe(lead);
    await answer.click();

    // WebRTC media flows between the two pages, and the console shows the call's quality.
    await expect.poll(async () => (await customer(phone)).connection, { timeout: 10_000 }).toBe('connected');
    await expect.poll(async () => (await customer(phone)).packetsReceived, { timeout: 10_000 }).toBeGreaterThan(20);
    await expect.poll(() => info.getByRole('group', { name: 'Call quality' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await info.getByRole('group', { name: 'Call quality' }).textContent()).toMatch(/Call quality: \w+ \(MOS [1-4]\.\d\)/);
    await agent.screenshot({ path: `${SCREENSHOTS}sip-call.png` });

    // Hold and resume: the customer's side sees the agent stop and restart listening (re-INVITE).
    await agent.getByRole('button', { name: 'Hold' }).first().click();
    await expect.poll(async () => (await customer(phone)).heldByAgent, { timeout: 10_000 }).toBe(true);
    await agent.getByRole('button', { name: 'Resume' }).first().click();
    await expect.poll(async () => (await customer(phone)).heldByAgent, { timeout: 10_000 }).toBe(false);

    // Mute silences the agent's microphone on the call; unmute brings it back.
    expect(await loudest(phone, 1_500)).toBeGreaterThan(0.01);
    await agent.getByRole('button', { name: 'Mute' }).click();
    await agent.getByRole('button', { name: 'Unmute' }).waitFor();
    await phone.waitForTimeout(500);
    expect(await loudest(phone, 1_500)).toBeLessThan(0.005);
    await agent.getByRole('button', { name: 'Unmute' }).click();
    await expect.poll(() => loudest(phone, 1_000), { timeout: 10_000 }).toBeGreaterThan(0.01);

    // Hang up reaches the customer; wrap-up; the outcome is stored by the dialer (the sim).
    await agent.getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(async () => (await customer(phone)).session, { timeout: 10_000 }).toBe('Terminated');
    await agent.getByRole('button', { name: /Not Interested/ }).first().click();
    await agent.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => dispositionsAtSim(agent)).toEqual({ stored: 1, attempts: 1 });

    // A reload keeps the agent's session but not the phone (its password was never stored): the
    // console says so, and the status bar shows the phone offline rather than a false "Connected".
    await agent.waitForTimeout(800); // the journal writes behind
    await agent.reload();
    await agent.getByText('Your phone is not connected after the reload', { exact: false }).waitFor();
    await expect.poll(() => agent.locator('.dk-connection').textContent()).toBe('Offline');
    expect(errors).toEqual([]);
    await phone.context().close();
    await agentContext.close();
  });

  it('the proxy dies and comes back: the status bar says Reconnecting…, then Connected, and the phone is registered again', async () => {
    const context = await env.browser.newContext();
    const agent = await context.newPage();
    await agent.goto(`${env.url}?test=1&backend=sip&sip=ws://127.0.0.1:${WS}&ice=loopback`);
    await logIn(agent, 'bruno', 'bruno-pw');
    const connection = agent.locator('.dk-connection');
    await expect.poll(() => connection.textContent(), { timeout: 10_000 }).toBe('Connected');
    rig('stop.sh', '--crash');
    await expect.poll(() => connection.textContent(), { timeout: 10_000 }).toMatch(/Reconnecting|Offline/);
    rig('start.sh');
    await expect.poll(() => connection.textContent(), { timeout: 20_000 }).toBe('Connected');
    // Registered again: a customer reaches the agent through the restarted proxy.
    const phone = await openSoftphone();
    await agent.getByRole('button', { name: /Renewals/ }).click();
    await phone.evaluate(() => (window as unknown as { softphone: Softphone }).softphone.call('sip:bruno@127.0.0.1', []));
    await agent.getByRole('button', { name: 'Answer' }).waitFor({ timeout: 10_000 });
    await phone.context().close();
    await context.close();
  });

  it('a SIP server that is not a WebSocket URL is refused with a message naming it, as text', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.url}?backend=sip&sip=${encodeURIComponent('http://pbx.example/<b>x</b>')}`);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain("SIP server 'http://pbx.example/<b>x</b>' must be a ws:// or wss:// URL");
    expect(await page.locator('b').count()).toBe(0);
    await context.close();
  });
});
