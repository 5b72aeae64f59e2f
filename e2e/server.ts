import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The reference console's production build, served on loopback for a test file. */
export interface ConsoleServer {
  /** Base URL, e.g. `http://127.0.0.1:4319/`. */
  readonly url: string;
  /** Stops the server (by the PID this started). */
  stop(): Promise<void>;
}

const serveScript = fileURLToPath(new URL('../examples/reference-console/serve.mjs', import.meta.url));

/** The minimal console's production build. */
export const MINIMAL_CONSOLE_DIST = fileURLToPath(new URL('../examples/minimal-console/dist/', import.meta.url));

/** Starts `serve.mjs` on a free-ish port (the reference console's build, or `dist`) and waits until it listens. */
export async function startConsoleServer(port = 4300 + Math.floor(Math.random() * 600), dist?: string): Promise<ConsoleServer> {
  const child: ChildProcess = spawn(process.execPath, [serveScript, String(port), ...(dist === undefined ? [] : [dist])], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('console server did not start in 10 s')), 10_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('http://127.0.0.1')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`console server exited with ${String(code)}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
