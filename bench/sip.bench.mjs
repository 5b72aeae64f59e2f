// The SIP adapter's benchmarks (packages/sip-adapter/bench), run as child processes on the
// project's rig (Kamailio + SIPp on loopback, started and stopped by the script itself). Each
// prints one JSON line per figure; this turns them into bench figures. Needs the built packages.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { figure } from './lib.mjs';

const BENCH = fileURLToPath(new URL('../packages/sip-adapter/bench/', import.meta.url));

/** Runs one script; returns the JSON lines it printed. */
function run(script, env, timeoutMs) {
  const out = execFileSync(process.execPath, ['--expose-gc', `${BENCH}${script}`], {
    encoding: 'utf8', env: { ...process.env, ...env }, timeout: timeoutMs, stdio: ['ignore', 'pipe', 'inherit'],
  });
  return out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
}

/** `sip.setup_overhead_ms` (ratio beside it), `sip.heap_growth_1k_calls_mb`, `sip.adapter_gzip_kb`. */
export function runSipBench({ quick = false } = {}) {
  const lines = [
    ...run('adapter-size.mjs', {}, 60_000),
    ...run('calls.mjs', quick ? { PAIRS: '40', HEAP_CALLS: '400' } : {}, 600_000),
  ];
  return lines.map(({ metric, value, unit, target, ...extra }) => figure(metric, value, unit, target, 'max', extra));
}
