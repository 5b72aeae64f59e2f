import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (installed by the test command); playwright never downloads a browser here. */
export const CHROMIUM = process.env['DIALKIT_CHROMIUM'] ?? '/usr/bin/chromium';

/**
 * Launches headless Chromium with the flags this sandbox needs: no sandbox as root, no network
 * beyond loopback, fake media devices, a fresh profile.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: the test command installs Debian's chromium package`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream', '--allow-loopback-in-peer-connection',
    ],
  });
}
