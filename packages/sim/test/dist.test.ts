import { describe, expect, it } from 'vitest';
import { createConsole, DirectoryPort } from '@dialkit/core';
import { virtualTime } from '@dialkit/core/testing';
import type * as Sim from '../src/index.js';

// The built package, as an app imports it: catches exports-map and bundling mistakes. Run after
// `pnpm build` (the test command builds first).
const dist = '../dist/index.js';

describe('the built @dialkit/sim', () => {
  it('exports the factories, demo data and tokens, and a console logs in on it', async () => {
    const sim = (await import(dist)) as typeof Sim;
    expect(sim.DEMO_USERS.map((u) => u.username)).toContain('nora');
    expect(typeof sim.QueuePort).toBe('symbol');
    const time = virtualTime();
    const { module, control } = sim.createSim({ ambient: false });
    const dialkit = await createConsole({ backend: module, scheduler: time.scheduler, clock: time.clock });
    await dialkit.agent.login({ username: 'ana', password: 'ana-pw' });
    expect(dialkit.agent.status.kind).toBe('paused');
    expect(control.started).toBe(true);
    expect((await dialkit.get(DirectoryPort)?.list())?.length).toBeGreaterThan(5);
    await dialkit.dispose();
  });
});
