import { describe, expect, it } from 'vitest';
import { DirectoryPort, silentLogger } from '@dialkit/core';
import { virtualTime } from '@dialkit/core/testing';
import { DEMO_USERS, createSim } from '../src/index.js';
import { rejection, simConsole } from './helpers.js';

describe('logging in to the simulated dialer', () => {
  it('the console is connected as soon as it starts', async () => {
    const { dialkit } = await simConsole();
    expect(dialkit.connection.status).toBe('connected');
    expect(dialkit.backendIds).toEqual(['sim']);
  });

  it('a demo user logs in and sees their assigned campaigns', async () => {
    const { dialkit, ignored } = await simConsole();
    await dialkit.agent.login({ username: 'ana', password: 'ana-pw' });
    expect(dialkit.agent.state.session).toMatchObject({ agentId: 'ana', name: 'Ana García' });
    expect(dialkit.agent.status.kind).toBe('paused');
    const assigned = await dialkit.campaigns.refresh();
    expect(assigned.map((c) => [c.id, c.dialMethod, c.afterWrapUp])).toEqual([['spring-sale', 'predictive', 'ready'], ['renewals', 'progressive', 'paused']]);
    expect(ignored).toEqual([]);
  });

  it('a wrong password is refused with agent.invalid-credentials, and the password is never echoed', async () => {
    const { dialkit } = await simConsole();
    const e = await rejection(dialkit.agent.login({ username: 'ana', password: 'not-her-password' }));
    expect(e.code).toBe('agent.invalid-credentials');
    expect(e.message).not.toContain('not-her-password');
    expect(dialkit.agent.status.kind).toBe('loggedOut');
    expect((await rejection(dialkit.agent.login({ username: 'nobody', password: 'x' }))).code).toBe('agent.invalid-credentials');
  });

  it('a user with no campaign assigned is told so (W2)', async () => {
    const { dialkit } = await simConsole();
    await dialkit.agent.login({ username: 'nora', password: 'nora-pw' });
    expect(await dialkit.campaigns.refresh()).toEqual([]);
    expect((await rejection(dialkit.agent.joinCampaign('spring-sale'))).code).toBe('agent.no-campaign-assigned');
  });

  it('a campaign assigned to someone else cannot be joined', async () => {
    const { dialkit } = await simConsole();
    await dialkit.agent.login({ username: 'bruno', password: 'bruno-pw' });
    expect((await rejection(dialkit.agent.joinCampaign('spring-sale'))).code).toBe('agent.campaign-not-assigned');
  });

  it('every demo user can log in, and every assigned campaign exists', async () => {
    for (const u of DEMO_USERS) {
      const { dialkit } = await simConsole();
      await dialkit.agent.login({ username: u.username, password: u.password });
      expect((await dialkit.campaigns.refresh()).map((c) => c.id)).toEqual(u.campaigns);
      await dialkit.dispose();
    }
  });

  it('the phonebook lists departments, contacts and colleagues whose status changes over time', async () => {
    const { dialkit, time } = await simConsole({ ambient: true });
    const directory = dialkit.get(DirectoryPort);
    if (!directory) throw new Error('no directory');
    const before = await directory.list();
    expect(before.filter((e) => e.kind === 'department').map((e) => e.name)).toEqual(expect.arrayContaining(['Loans', 'Collections']));
    expect(before.some((e) => e.kind === 'contact')).toBe(true);
    const statusOf = (entries: typeof before) => entries.filter((e) => e.kind === 'agent').map((e) => `${e.id}:${e.status ?? ''}`).join();
    await time.advance(10 * 60_000);
    expect(statusOf(await directory.list())).not.toBe(statusOf(before));
    expect((await directory.search('loan')).map((e) => e.number)).toEqual(['7001']);
  });
});

describe('the sim without calls (another backend has them)', () => {
  it('provides presence, campaigns, leads, dispositions and the directory, but no call control and no calls', async () => {
    const time = virtualTime();
    const sim = createSim({ seed: 2, calls: false });
    expect([...sim.module.capabilities]).toEqual([]);
    const instance = sim.module.create({ clock: time.clock, scheduler: time.scheduler, logger: silentLogger });
    expect(instance.ports.callControl).toBeUndefined();
    expect(Object.keys(instance.ports).sort()).toEqual(['campaigns', 'dispositions', 'leads', 'presence']);
    const offered: string[] = [];
    instance.events$.subscribe((e) => {
      if (e.type === 'call.offered' || e.type === 'call.dialing') offered.push(e.type);
    });
    await instance.ports.presence?.login({ username: 'ana', password: 'ana-pw' });
    await instance.ports.campaigns?.join('spring-sale');
    await instance.ports.presence?.ready();
    sim.control.callbackDue({ leadId: 'SS-001' });
    await time.advance(10 * 60_000);
    expect(offered).toEqual([]);
    expect((await instance.ports.leads?.lead('SS-001'))?.id).toBe('SS-001');
    await instance.dispose();
  });
});
