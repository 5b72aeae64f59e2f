import { describe, expect, it } from 'vitest';
import { schedulerClock, silentLogger, type BackendEvent } from '@dialkit/core';
import { ManualScheduler } from '@dialkit/core/testing';
import { createSim, simBackend } from '../src/index.js';
import { loginAndJoin, simConsole, waitFor } from './helpers.js';

const START = Date.UTC(2026, 2, 2, 8);

/** Logs an agent in through the ports and lets 30 virtual minutes of an inbound and predictive shift run. */
async function run(seed: number): Promise<string[]> {
  const scheduler = new ManualScheduler(START);
  const instance = simBackend({ seed, ambient: true }).create({ clock: schedulerClock(scheduler, 0), scheduler, logger: silentLogger });
  const events: string[] = [];
  const sub = instance.events$.subscribe((e: BackendEvent) => events.push(`${scheduler.now() - START} ${JSON.stringify(e)}`));
  await instance.ports.presence!.login({ username: 'demo', password: 'demo-pw' });
  await instance.ports.campaigns!.join('spring-sale');
  await instance.ports.presence!.ready();
  for (let m = 1; m <= 30; m++) {
    scheduler.runUntil(START + m * 60_000);
    await Promise.resolve();
  }
  sub.unsubscribe();
  await instance.dispose();
  return events;
}

describe('repeatable runs', () => {
  it('the same seed gives the same sequence of events; another seed gives another', async () => {
    const a = await run(7);
    const b = await run(7);
    expect(a.length).toBeGreaterThan(5);
    expect(b).toEqual(a);
    expect(await run(8)).not.toEqual(a);
  });

  it('the same seed delivers the same first call to a console', async () => {
    const first = async () => {
      const c = await simConsole({ seed: 21 });
      await loginAndJoin(c, 'ana', 'spring-sale');
      await c.dialkit.agent.ready();
      const ms = await waitFor(c.time, () => c.dialkit.calls.lines.length > 0, 120_000);
      return { ms, lead: c.dialkit.calls.lines[0]?.lead?.id };
    };
    expect(await first()).toEqual(await first());
  });

  it('speed 2 halves simulated delays: a forced no-answer rings 15 s instead of 30 s', async () => {
    const c = await simConsole({ speed: 2 });
    await loginAndJoin(c, 'david', 'collections');
    const { callId } = await c.dialkit.calls.dial('600002222');
    await c.time.advance(14_000);
    expect(c.dialkit.calls.lines.find((l) => l.id === callId)?.status.kind).toBe('ringing');
    await c.time.advance(1_500);
    expect(c.dialkit.calls.lines.find((l) => l.id === callId)?.status).toEqual({ kind: 'ended', cause: 'noAnswer' });
  });

  it('the control API refuses to act before a console started the backend, and the controls hook receives it', () => {
    let hooked = false;
    const sim = createSim({ controls: (control) => { hooked = control.started; } });
    expect(sim.control.started).toBe(false);
    expect(() => sim.control.systemMessage('hi')).toThrow(/not been started/);
    const scheduler = new ManualScheduler(START);
    const instance = sim.module.create({ clock: schedulerClock(scheduler, 0), scheduler, logger: silentLogger });
    expect(hooked).toBe(true);
    void instance.dispose();
    expect(sim.control.started).toBe(false);
  });
});
