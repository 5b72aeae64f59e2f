// Benchmarks of the reference console in Debian's Chromium (playwright-core), on its production
/* global window, document, MutationObserver, CSS -- functions passed to page.evaluate run in the browser */
// build served from loopback. Run by bench/run.mjs; needs `pnpm build` first.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { checksum, figure, median, repeat } from './lib.mjs';

const DIST = fileURLToPath(new URL('../examples/reference-console/dist/', import.meta.url));
const CHROMIUM = process.env.DIALKIT_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Starts the console's static server on a port; resolves once it listens. */
function serve(port) {
  const child = spawn(process.execPath, [fileURLToPath(new URL('../examples/reference-console/serve.mjs', import.meta.url)), String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (c) => (String(c).includes('http://127.0.0.1') ? resolve(child) : undefined));
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}

/** Gzip size of a served JS file, read from the build (minified by Vite). */
const gzipOf = (url) => gzipSync(readFileSync(DIST + new URL(url).pathname.replace(/^\//, ''))).length;

/** Records, in the page from its first instant, when the login button first exists and is enabled. */
function watchInteractive() {
  const w = /** @type {any} */ (window);
  new MutationObserver((_m, obs) => {
    const b = document.querySelector('form button[type=submit]');
    if (b && !b.disabled) {
      w.__interactiveAt = performance.now();
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

async function loadOnce(browser, base) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts = new Set();
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.add(r.url());
  });
  await page.addInitScript(watchInteractive);
  await page.goto(`${base}?test=1`);
  await page.waitForFunction(() => /** @type {any} */ (window).__interactiveAt !== undefined);
  const interactiveMs = await page.evaluate(() => /** @type {any} */ (window).__interactiveAt);
  const firstScreen = [...scripts];
  await page.getByLabel('Username').fill('ana');
  await page.getByLabel('Password').fill('ana-pw');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('button', { name: /Spring Sale/ }).click();
  await page.getByRole('button', { name: 'Play (Ready)' }).waitFor();
  const agentScreen = [...scripts];
  await context.close();
  const sum = (list) => list.reduce((n, u) => n + gzipOf(u), 0) / 1024;
  return { interactiveMs, firstKb: sum(firstScreen), agentKb: sum(agentScreen), files: agentScreen.length };
}

/**
 * In the page: offer calls one after another and time the backend's event to the ringing UI in the
 * DOM. The agent works a manual-dial campaign, so the sim's own dialer delivers nothing between
 * the offers; each call is hung up and dispositioned before the next.
 */
async function eventToDom(browser, base, calls) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}?test=1`);
  await page.getByLabel('Username').fill('david');
  await page.getByLabel('Password').fill('david-pw');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('button', { name: /Collections/ }).click();
  await page.getByRole('button', { name: 'Play (Ready)' }).waitFor();
  const samples = await page.evaluate(async (n) => {
    const { dialkit, control } = /** @type {any} */ (window).__dialkit;
    const tick = () => new Promise((r) => setTimeout(r, 1));
    const out = [];
    const shown = [];
    for (let i = 0; i < n; i++) {
      for (let guard = 0; dialkit.calls.lines.length > 0 && guard < 2000; guard++) {
        for (const c of dialkit.calls.lines) {
          if (c.status.kind === 'connected' || c.status.kind === 'held' || c.status.kind === 'offered') await dialkit.calls.hangup(c.id).catch(() => undefined);
          else if (c.status.kind === 'ended') await dialkit.dispositions.submit(c.id, { code: 'NA' }).catch(() => undefined);
        }
        await tick();
      }
      let id = '';
      const seen = new Promise((resolve) => {
        const obs = new MutationObserver(() => {
          if (id !== '' && document.querySelector(`[data-call="${CSS.escape(id)}"]`)) {
            obs.disconnect();
            resolve(performance.now());
          }
        });
        obs.observe(document.body, { childList: true, subtree: true, attributes: true });
      });
      const t0 = performance.now();
      id = control.offerCall();
      out.push((await seen) - t0);
      // What the agent saw: the number of the call on screen (the checksum covers every one).
      shown.push(document.querySelector(`.dk-lead-info[data-call="${CSS.escape(id)}"] .dk-lead-number`)?.textContent ?? '');
    }
    return { out, shown };
  }, calls);
  await context.close();
  return samples;
}

/** The console figures. */
export async function runConsoleBench({ quick = false } = {}) {
  const port = 4700 + Math.floor(Math.random() * 200);
  const server = await serve(port);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    const base = `http://127.0.0.1:${port}/`;
    const loads = await repeat(quick ? 3 : 5, 1, () => loadOnce(browser, base));
    const { out: samples, shown } = await eventToDom(browser, base, quick ? 200 : 300);
    const sorted = [...samples].sort((a, b) => a - b);
    const p95 = sorted[Math.floor(sorted.length * 0.95)];
    return [
      figure('console.first_screen_gzip_kb', loads[0].firstKb, 'KB', 75, 'max'),
      figure('console.agent_screen_gzip_kb', loads[0].agentKb, 'KB', 110, 'max', { js_files: loads[0].files }),
      figure('console.event_to_dom_p95_ms', p95, 'ms', 5, 'max', { calls: samples.length, median_ms: Math.round(median(samples) * 100) / 100, shown: shown.filter((x) => x !== '').length, checksum: checksum(shown.join('|')) }),
      figure('console.load_to_interactive_ms', median(loads.map((l) => l.interactiveMs)), 'ms', 400, 'max'),
    ];
  } finally {
    await browser.close();
    server.kill();
  }
}
