import { describe, expect, it } from 'vitest';
import { loginAndJoin, simConsole } from './helpers.js';

describe('transfers and conference on the sim', () => {
  it('warm transfer to Loans: consult, colleague answers, complete; blind transfer ends the call', async () => {
    const c = await simConsole({ seed: 12 });
    await loginAndJoin(c, 'ana', 'spring-sale');
    await c.dialkit.agent.ready();
    const id = c.sim.control.offerCall({ talkMs: 0 });
    await c.time.advance(1_000);
    await c.dialkit.calls.hold(id);
    const { callId: consult } = await c.dialkit.calls.consult(id, '7001');
    await c.time.advance(4_000);
    expect(c.dialkit.calls.lines.find((l) => l.id === consult)).toMatchObject({ role: 'consult', status: { kind: 'connected' } });
    await c.dialkit.calls.completeTransfer(id, consult);
    expect(c.dialkit.calls.lines.find((l) => l.id === id)?.status).toEqual({ kind: 'ended', cause: 'transferred' });
    await c.dialkit.dispositions.submit(id, { code: 'NI' });

    const second = c.sim.control.offerCall({ talkMs: 0 });
    await c.time.advance(1_000);
    await c.dialkit.calls.transferBlind(second, '7002');
    expect(c.dialkit.calls.lines.find((l) => l.id === second)?.status).toEqual({ kind: 'ended', cause: 'transferred' });
    expect(c.ignored).toEqual([]);
  });

  it('conference: the customer and a consulted colleague are merged', async () => {
    const c = await simConsole({ seed: 13 });
    await loginAndJoin(c, 'ana', 'spring-sale');
    await c.dialkit.agent.ready();
    const id = c.sim.control.offerCall({ talkMs: 0 });
    await c.time.advance(1_000);
    await c.dialkit.calls.hold(id);
    const { callId: consult } = await c.dialkit.calls.consult(id, '2001');
    await c.time.advance(4_000);
    await c.dialkit.calls.conference([id, consult]);
    expect(c.dialkit.calls.lines.every((l) => l.conferenceId !== undefined)).toBe(true);
    expect(c.ignored).toEqual([]);
  });
});
