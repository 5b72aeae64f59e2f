import { describe, expect, it } from 'vitest';
import { RING_RATE, Ringer, ringCycle } from './ringtone.js';

function fakeTone() {
  const log: string[] = [];
  return { log, tone: { start: () => log.push('start'), stop: () => log.push('stop') } };
}

describe('Ringer', () => {
  it('an offered call rings until it is answered: start once, stop once', () => {
    const { log, tone } = fakeTone();
    const ringer = new Ringer(tone);
    ringer.set('c-1', true);
    expect(ringer.active).toBe(true);
    ringer.set('c-1', false);
    ringer.set('c-1', false); // the adapter may report the end again
    expect(log).toEqual(['start', 'stop']);
    expect(ringer.active).toBe(false);
  });

  it('two offered calls: one tone, which stops only when the last one stops ringing', () => {
    const { log, tone } = fakeTone();
    const ringer = new Ringer(tone);
    ringer.set('c-1', true);
    ringer.set('c-2', true);
    ringer.set('c-1', true);
    expect(log).toEqual(['start']);
    ringer.set('c-1', false);
    expect(log).toEqual(['start']);
    ringer.set('c-2', false);
    expect(log).toEqual(['start', 'stop']);
  });

  it('a call that never rang ending does not stop the tone of another; clear() silences all', () => {
    const { log, tone } = fakeTone();
    const ringer = new Ringer(tone);
    ringer.set('c-1', true);
    ringer.set('c-9', false);
    expect(log).toEqual(['start']);
    ringer.set('c-2', true);
    ringer.clear();
    expect(log).toEqual(['start', 'stop']);
    expect(ringer.active).toBe(false);
  });
});

describe('ring cycle', () => {
  const rms = (a: Float32Array, from: number, to: number): number => {
    const s = a.subarray(Math.round(from * RING_RATE), Math.round(to * RING_RATE));
    return Math.sqrt(s.reduce((sum, v) => sum + v * v, 0) / s.length);
  };

  it('3 s: tone 0–0.4 s and 0.6–1 s, silence between and after, within the volume', () => {
    const cycle = ringCycle(0.2);
    expect(cycle.length).toBe(3 * RING_RATE);
    expect(rms(cycle, 0, 0.4)).toBeGreaterThan(0.05);
    expect(rms(cycle, 0.4, 0.6)).toBe(0);
    expect(rms(cycle, 0.6, 1)).toBeGreaterThan(0.05);
    expect(rms(cycle, 1, 3)).toBe(0);
    expect(Math.max(...cycle.map(Math.abs))).toBeLessThanOrEqual(0.2);
  });
});
