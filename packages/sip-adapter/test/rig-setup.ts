// vitest globalSetup: starts the project's Kamailio (rig/sip/start.sh) for the sip-adapter tests
// and stops it (by its PID file) afterwards.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

export const RIG_DIR = resolve(import.meta.dirname, '../../../rig/sip');

declare module 'vitest' {
  export interface ProvidedContext {
    sipRig: { readonly runDir: string; readonly udpPort: number; readonly wsPort: number; readonly rigDir: string };
  }
}

export default function setup(project: TestProject): () => void {
  const udpPort = Number(process.env['SIP_RIG_UDP_PORT'] ?? 5160);
  const wsPort = Number(process.env['SIP_RIG_WS_PORT'] ?? 8188);
  const runDir = mkdtempSync(join(tmpdir(), 'dialkit-sip-test-'));
  const env = { ...process.env, SIP_RIG_UDP_PORT: String(udpPort), SIP_RIG_WS_PORT: String(wsPort), SIP_RIG_MAX_SECONDS: '900' };
  execFileSync(join(RIG_DIR, 'start.sh'), [runDir], { env, stdio: ['ignore', 'ignore', 'inherit'], timeout: 15_000 });
  project.provide('sipRig', { runDir, udpPort, wsPort, rigDir: RIG_DIR });
  return () => {
    execFileSync(join(RIG_DIR, 'stop.sh'), [runDir], { stdio: 'inherit', timeout: 15_000 });
  };
}
