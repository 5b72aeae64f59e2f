import { describe, expect, it } from 'vitest';
import { loginAndJoin, rejection, simConsole, waitFor } from './helpers.js';

describe('the seed workflow on the simulated dialer (predictive)', () => {
  it('an agent who goes Ready receives a predictive call with its lead within 90 virtual seconds, connected by the dialer', async () => {
    const c = await simConsole({ seed: 3 });
    await loginAndJoin(c, 'ana', 'spring-sale');
    await c.dialkit.agent.ready();
    const took = await waitFor(c.time, () => c.dialkit.calls.lines.length > 0, 90_000);
    expect(took).toBeLessThanOrEqual(90_000);
    const call = c.dialkit.calls.lines[0];
    expect(call).toMatchObject({ origin: 'predictive', direction: 'outbound', campaignId: 'spring-sale' });
    expect(call?.lead?.name).toEqual(expect.any(String));
    expect(call?.lead?.id).toMatch(/^SS-/);
    // Offered first (reserved), then auto-connected by the dialer without the agent answering.
    expect(c.events.map((e) => e.type)).toContain('call.offered');
    await c.time.advance(1_000);
    expect(c.dialkit.calls.lines[0]?.status.kind).toBe('connected');
    expect(c.dialkit.agent.status.kind).toBe('onCall');
    expect(c.ignored).toEqual([]);
  });

  it('login → campaign → Ready → call → mute, hold, resume → hangup → wrap-up → disposition → back to Ready → next call', async () => {
    const c = await simConsole({ seed: 11 });
    const { dialkit, sim, time } = c;
    await loginAndJoin(c, 'ana', 'spring-sale');
    expect(dialkit.agent.state.campaign).toMatchObject({ dialMethod: 'predictive', afterWrapUp: 'ready' });
    await dialkit.agent.ready();
    const first = sim.control.offerCall({ talkMs: 0 });
    await time.advance(1_000);
    expect(dialkit.calls.lines[0]).toMatchObject({ id: first, status: { kind: 'connected' } });
    await dialkit.calls.mute(first, true);
    expect(dialkit.calls.lines[0]?.muted).toBe(true);
    await dialkit.calls.hold(first);
    expect(dialkit.calls.lines[0]?.status).toEqual({ kind: 'held', by: 'local' });
    await time.advance(20_000);
    await dialkit.calls.resume(first);
    await dialkit.calls.mute(first, false);
    await dialkit.calls.hangup(first);
    expect(dialkit.agent.status.kind).toBe('wrapUp');

    const missing = await rejection(dialkit.dispositions.submit(first, { code: 'SALE' }));
    expect(missing.code).toBe('disposition.invalid');
    expect(missing.message).toContain('Amount');
    await dialkit.dispositions.submit(first, { code: 'SALE', fields: { amount: '49' }, notes: 'Fibre 600' });
    expect(dialkit.agent.status.kind).toBe('ready');
    await time.advance(100);
    expect([...sim.control.stored.values()].map((r) => r.code)).toEqual(['SALE']);

    // The next call is delivered by the dialer.
    await waitFor(time, () => dialkit.calls.lines.some((l) => l.id !== first && l.status.kind === 'connected'), 120_000);
    expect(c.ignored).toEqual([]);
  });

  it('the customer hangs up: now through the control API, and by themselves after their talk time', async () => {
    const c = await simConsole({ seed: 5 });
    await loginAndJoin(c, 'ana', 'spring-sale');
    await c.dialkit.agent.ready();
    const id = c.sim.control.offerCall({ talkMs: 0 });
    await c.time.advance(1_000);
    c.sim.control.customerHangsUp();
    await c.time.settle();
    expect(c.dialkit.calls.lines[0]?.status).toEqual({ kind: 'ended', cause: 'remoteHangup' });
    expect(c.dialkit.agent.status.kind).toBe('wrapUp');
    await c.dialkit.dispositions.submit(id, { code: 'NI' });

    const second = c.sim.control.offerCall({ talkMs: 60_000 });
    await c.time.advance(30_000);
    expect(c.dialkit.calls.lines.find((l) => l.id === second)?.status.kind).toBe('connected');
    await c.time.advance(31_000);
    expect(c.dialkit.calls.lines.find((l) => l.id === second)?.status).toEqual({ kind: 'ended', cause: 'remoteHangup' });
    expect(c.ignored).toEqual([]);
  });

  it('a paused agent gets no predictive call, and a pause asked during a call applies after wrap-up', async () => {
    const c = await simConsole({ seed: 2 });
    await loginAndJoin(c, 'ana', 'spring-sale');
    await c.time.advance(120_000);
    expect(c.dialkit.calls.lines).toEqual([]);
    await c.dialkit.agent.ready();
    const id = c.sim.control.offerCall({ talkMs: 0 });
    await c.time.advance(1_000);
    await c.dialkit.agent.pause('lunch');
    await c.dialkit.calls.hangup(id);
    await c.dialkit.dispositions.submit(id, { code: 'NA' });
    await c.time.settle();
    expect(c.dialkit.agent.status).toMatchObject({ kind: 'paused', reason: { code: 'lunch', kind: 'break' } });
    await c.time.advance(180_000);
    expect(c.dialkit.calls.lines).toEqual([]);
  });

  it('unknown call ids and malformed requests are typed rejections, never crashes', async () => {
    const c = await simConsole();
    const instance = c.sim.module.create({ clock: c.time.clock, scheduler: c.time.scheduler, logger: { log: () => undefined } });
    const cc = instance.ports.callControl!;
    expect((await rejection(cc.hold('no-such-call'))).code).toBe('call.not-found');
    expect((await rejection(cc.dial({ number: '12', origin: 'manual' }))).code).toBe('agent.not-logged-in');
    await instance.ports.presence!.login({ username: 'david', password: 'david-pw' });
    expect((await rejection(cc.dial({ number: 'call-me', origin: 'manual' }))).code).toBe('call.invalid-number');
    expect((await rejection(cc.conference(['a']))).code).toBe('input.invalid');
    expect((await rejection(instance.ports.dispositions!.submit({} as never))).code).toBe('backend.rejected');
    expect((await rejection(instance.ports.campaigns!.join('winter'))).code).toBe('agent.campaign-not-assigned');
    await instance.dispose();
  });
});
