import { createConsole, type Dialkit, type InspectionEvent } from '@dialkit/core';
import { virtualTime, type VirtualTime } from '@dialkit/core/testing';
import { createSim, type Sim, type SimOptions } from '../src/index.js';

/** A console on the sim, on virtual time, recording every event core ignored. */
export interface SimConsole {
  readonly sim: Sim;
  readonly dialkit: Dialkit;
  readonly time: VirtualTime;
  readonly ignored: InspectionEvent[];
  readonly events: InspectionEvent['event'][];
}

export async function simConsole(options: SimOptions = {}): Promise<SimConsole> {
  const time = virtualTime();
  const sim = createSim({ ambient: false, ...options });
  const dialkit = await createConsole({ backend: sim.module, scheduler: time.scheduler, clock: time.clock });
  const ignored: InspectionEvent[] = [];
  const events: InspectionEvent['event'][] = [];
  dialkit.inspect$.subscribe((e) => {
    events.push(e.event);
    if (e.ignored !== undefined) ignored.push(e);
  });
  await time.settle();
  return { sim, dialkit, time, ignored, events };
}

/** Logs in and joins a campaign. */
export async function loginAndJoin(c: SimConsole, username: string, campaignId: string): Promise<void> {
  await c.dialkit.agent.login({ username, password: `${username}-pw` });
  await c.dialkit.agent.joinCampaign(campaignId);
}

/** Advances virtual time in steps until `ready()` holds; returns the virtual ms it took, or throws after `maxMs`. */
export async function waitFor(time: VirtualTime, ready: () => boolean, maxMs: number, stepMs = 250): Promise<number> {
  const start = time.now();
  while (!ready()) {
    if (time.now() - start >= maxMs) throw new Error(`condition not met within ${maxMs} virtual ms`);
    await time.advance(stepMs);
  }
  return time.now() - start;
}

export { rejection } from '@dialkit/core/testing';
