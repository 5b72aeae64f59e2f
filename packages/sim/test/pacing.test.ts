import { describe, expect, it } from 'vitest';
import { schedulerClock, silentLogger, type BackendInstance } from '@dialkit/core';
import { ManualScheduler } from '@dialkit/core/testing';
import { createSim, DEMO_CAMPAIGNS, type SimStats } from '../src/index.js';

const START = Date.UTC(2026, 2, 2, 8);
const TWO_HOURS = 2 * 3_600_000;

/** Runs a predictive campaign with `agents` simulated agents for two virtual hours, with no console attached. */
function shift(seed: number, agents: number, abandonTarget: number): { stats: SimStats; maxRatio: number } {
  const scheduler = new ManualScheduler(START);
  const sim = createSim({ seed, abandonTarget, ambient: false, campaigns: [{ ...DEMO_CAMPAIGNS[0]!, simulatedAgents: agents }] });
  const instance: BackendInstance = sim.module.create({ clock: schedulerClock(scheduler, 0), scheduler, logger: silentLogger });
  let maxRatio = 0;
  for (let t = START; t < START + TWO_HOURS; t += 60_000) {
    scheduler.runUntil(t + 60_000);
    maxRatio = Math.max(maxRatio, sim.control.stats.dialRatios['spring-sale'] ?? 0);
  }
  const stats = sim.control.stats;
  void instance.dispose();
  return { stats, maxRatio };
}

describe('adaptive predictive pacing', () => {
  const SEEDS = [1, 2, 3, 4, 5];

  it('keeps the abandon rate under a 3 % target across 5 seeds × 2 virtual hours with 8 agents', () => {
    for (const seed of SEEDS) {
      const { stats, maxRatio } = shift(seed, 8, 0.03);
      expect(stats.predictiveAnswered, `seed ${seed}`).toBeGreaterThan(200);
      expect(stats.abandonRate, `seed ${seed}`).toBeLessThan(0.03);
      expect(stats.abandonRate, `seed ${seed}`).toBe(stats.abandoned / stats.predictiveAnswered);
      // It does dial ahead of its agents when the budget allows.
      expect(maxRatio, `seed ${seed}`).toBeGreaterThan(1);
    }
  });

  it('keeps a small team of 4 agents under the target as well', () => {
    for (const seed of SEEDS) expect(shift(seed, 4, 0.03).stats.abandonRate, `seed ${seed}`).toBeLessThan(0.03);
  });

  it('a stricter target gives fewer abandons, and no target at all dials one line per free agent', () => {
    let loose = 0;
    let strict = 0;
    for (const seed of SEEDS) {
      loose += shift(seed, 8, 0.05).stats.abandoned;
      const none = shift(seed, 8, 0);
      strict += none.stats.abandoned;
      expect(none.maxRatio).toBe(1);
    }
    expect(strict).toBeLessThan(loose);
  });

  it('dials with the campaign’s answer probability, and the control API can change it', () => {
    const scheduler = new ManualScheduler(START);
    const sim = createSim({ seed: 1, ambient: false, campaigns: [{ ...DEMO_CAMPAIGNS[0]!, simulatedAgents: 6 }] });
    const instance = sim.module.create({ clock: schedulerClock(scheduler, 0), scheduler, logger: silentLogger });
    sim.control.setAnswerProbability(0);
    scheduler.runUntil(START + 30 * 60_000);
    expect(sim.control.stats.placed).toBeGreaterThan(0);
    expect(sim.control.stats.answered).toBe(0);
    expect(() => sim.control.setAnswerProbability(2)).toThrow(/between 0 and 1/);
    void instance.dispose();
  });
});
