// Runs SIPp far ends for the tests: bounded in time, on loopback, with a message trace that proves
// what SIPp saw.
import { spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';

/** The outcome of one SIPp run. */
export interface SippResult {
  /** SIPp's exit status: 0 = every call of the scenario succeeded. */
  readonly code: number | null;
  /** Every SIP message SIPp sent and received (-trace_msg). */
  readonly messages: string;
  /** SIPp's error log. */
  readonly errors: string;
}

/** A running SIPp. */
export interface Sipp {
  /** Its SIP port. */
  readonly port: number;
  /** The number that reaches it through Kamailio (`7<port>`). */
  readonly number: string;
  /** Settles when SIPp exits. */
  readonly done: Promise<SippResult>;
  /** Messages so far. */
  messages(): string;
  /** Stops it (SIGTERM by its PID). */
  stop(): void;
}

async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', r));
  const { port } = socket.address();
  await new Promise<void>((r) => socket.close(() => r()));
  return port;
}

function listening(port: number): boolean {
  const hex = `:${port.toString(16).toUpperCase().padStart(4, '0')} `;
  return readFileSync('/proc/net/udp', 'utf8').split('\n').some((l) => l.includes(`0100007F${hex}`));
}

/** Starts SIPp with a scenario from rig/sip/scenarios. UAS: waits until it listens. UAC: calls `service` through Kamailio. */
export async function startSipp(scenario: string, o: { role: 'uas' | 'uac'; calls?: number; set?: Record<string, string>; service?: string; timeoutS?: number } ): Promise<Sipp> {
  const rig = inject('sipRig');
  const port = await freeUdpPort();
  const mediaPort = await freeUdpPort();
  const dir = mkdtempSync(join(tmpdir(), 'dialkit-sipp-'));
  const timeoutS = o.timeoutS ?? 20;
  const args = [
    '-k', '2', String(timeoutS + 5), 'sipp',
    ...(o.role === 'uac' ? [`127.0.0.1:${rig.udpPort}`] : []),
    '-sf', join(rig.rigDir, 'scenarios', scenario), '-i', '127.0.0.1', '-mi', '127.0.0.1', '-p', String(port), '-mp', String(mediaPort),
    '-m', String(o.calls ?? 1), '-nostdin', '-timeout', `${timeoutS}s`, '-timeout_error', '-max_recv_loops', '1000',
    '-trace_msg', '-message_file', join(dir, 'messages.log'), '-trace_err', '-error_file', join(dir, 'errors.log'),
    ...(o.service === undefined ? [] : ['-s', o.service]),
    ...Object.entries(o.set ?? {}).flatMap(([k, v]) => ['-set', k, v]),
  ];
  const child = spawn('timeout', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const read = (f: string) => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8') : '');
  const done = new Promise<SippResult>((resolve) => {
    child.on('exit', (code) => resolve({ code, messages: read('messages.log'), errors: read('errors.log') + stderr }));
  });
  if (o.role === 'uas') {
    for (let i = 0; i < 100 && !listening(port); i++) await new Promise((r) => setTimeout(r, 20));
  }
  return { port, number: `7${port}`, done, messages: () => read('messages.log'), stop: () => { if (child.pid !== undefined && child.exitCode === null) child.kill('SIGTERM'); } };
}
