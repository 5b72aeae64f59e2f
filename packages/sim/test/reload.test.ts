import { describe, expect, it } from 'vitest';
import { createConsole, memoryStorage } from '@dialkit/core';
import { virtualTime } from '@dialkit/core/testing';
import { createSim } from '../src/index.js';
import { waitFor } from './helpers.js';

/** A console over a fresh sim and the given storage: what a reload (or a tab taking over) does. */
async function open(storage: ReturnType<typeof memoryStorage>, time: ReturnType<typeof virtualTime>) {
  const sim = createSim({ seed: 3, ambient: false });
  const dialkit = await createConsole({ backend: sim.module, storage, clock: time.clock, scheduler: time.scheduler });
  await time.settle();
  return { sim, dialkit };
}

describe('a reload over the simulated dialer', () => {
  it('the new sim adopts the restored session: campaigns load, Ready and calls work; a call lost with the page ends as failed', async () => {
    const time = virtualTime();
    const storage = memoryStorage();
    const before = await open(storage, time);
    await before.dialkit.agent.login({ username: 'ana', password: 'ana-pw' });
    await before.dialkit.agent.joinCampaign('spring-sale');
    await before.dialkit.agent.ready();
    const lost = before.sim.control.offerCall({ talkMs: 0 });
    await waitFor(time, () => before.dialkit.calls.lines[0]?.status.kind === 'connected', 10_000);
    await time.advance(1_000);
    await before.dialkit.dispose();

    const after = await open(storage, time);
    const { dialkit } = after;
    expect(dialkit.agent.state.session?.agentId).toBe('ana');
    expect(dialkit.campaigns.current?.name).toBe('Spring Sale');
    // The call did not survive the page: it ended, and awaits its outcome.
    expect(dialkit.calls.lines.find((c) => c.id === lost)?.status).toMatchObject({ kind: 'ended', cause: 'failed' });
    expect(dialkit.agent.status.kind).toBe('wrapUp');
    await dialkit.dispositions.submit(lost, { code: 'NA' });
    await time.settle();
    expect(after.sim.control.stored.size).toBe(1);
    // Back to Ready (the campaign's rule), and the dialer delivers the next call.
    expect(dialkit.agent.status.kind).toBe('ready');
    await waitFor(time, () => dialkit.calls.lines.some((c) => c.id !== lost && c.status.kind === 'connected'), 300_000, 1_000);
    await dialkit.dispose();
  });

  it('a restored agent the dialer does not know is logged out', async () => {
    const time = virtualTime();
    const storage = memoryStorage();
    const first = await open(storage, time);
    await first.dialkit.agent.login({ username: 'bruno', password: 'bruno-pw' });
    await first.dialkit.dispose();
    const sim = createSim({ seed: 3, ambient: false, users: [{ username: 'zoe', password: 'zoe-pw', name: 'Zoe', campaigns: [] }] });
    const dialkit = await createConsole({ backend: sim.module, storage, clock: time.clock, scheduler: time.scheduler });
    await time.settle();
    expect(dialkit.agent.status.kind).toBe('loggedOut');
    await dialkit.dispose();
  });
});
