import { describe, expect, it } from 'vitest';
import { simConsole } from './helpers.js';

describe('messages from the dialer', () => {
  it('campaign alerts, system messages, supervisor chat and voicemails reach the agent as notifications', async () => {
    const c = await simConsole();
    await c.dialkit.agent.login({ username: 'ana', password: 'ana-pw' });
    c.sim.control.campaignAlert('Abandon rate rising');
    c.sim.control.systemMessage('Maintenance at 23:00');
    c.sim.control.supervisorChat('Nice call!');
    const vm = c.sim.control.voicemailArrives({ from: '+34600123456', name: 'Marta Ruiz', durationSec: 12 });
    await c.time.settle();
    const shown = c.dialkit.notifications.notifications.map((n) => [n.kind, n.message]);
    expect(shown).toEqual(expect.arrayContaining([
      ['campaign', 'Abandon rate rising'],
      ['system', 'Maintenance at 23:00'],
      ['system', 'Supervisor: Nice call!'],
      ['system', 'New voicemail from Marta Ruiz (12 s)'],
    ]));
    expect(c.sim.control.voicemails).toEqual([vm]);
  });

  it('with ambient life on, messages arrive by themselves over a simulated hour', async () => {
    const c = await simConsole({ ambient: true, seed: 3 });
    await c.dialkit.agent.login({ username: 'nora', password: 'nora-pw' });
    await c.time.advance(60 * 60_000);
    expect(c.events.filter((e) => e.type === 'notification.raised').length).toBeGreaterThan(2);
    expect(c.ignored).toEqual([]);
  });
});
