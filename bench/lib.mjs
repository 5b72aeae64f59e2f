// Shared helpers of the benchmarks: medians, checksums, result files.
import { createHash } from 'node:crypto';

/** Median of numbers. */
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** A short checksum of any JSON-able value, printed so that work cannot be skipped. */
export function checksum(value) {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 12);
}

/** Runs `fn` `runs` times (after `warmup` runs) and returns each run's result. */
export async function repeat(runs, warmup, fn) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const out = [];
  for (let i = 0; i < runs; i++) out.push(await fn(i));
  return out;
}

/** Forces a full GC (node --expose-gc) and returns the used heap in bytes. */
export function heapAfterGc() {
  if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

/** A figure: name, value, unit, target and whether it is a ceiling ('max') or a floor ('min'). */
export function figure(name, value, unit, target, kind, extra = {}) {
  const ok = target === undefined ? true : kind === 'max' ? value <= target : value >= target;
  return { name, value: Math.round(value * 1000) / 1000, unit, target, kind, ok, ...extra };
}
