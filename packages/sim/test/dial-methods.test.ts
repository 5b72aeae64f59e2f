import { describe, expect, it } from 'vitest';
import { firstValueFrom } from 'rxjs';
import { PreviewPort } from '@dialkit/core';
import { QueuePort } from '../src/index.js';
import { loginAndJoin, rejection, simConsole, waitFor } from './helpers.js';

describe('dial methods the agent can tell apart', () => {
  it('progressive: no call while paused; once Ready, the dialer rings the next lead on the agent’s own line', async () => {
    const c = await simConsole({ seed: 4 });
    await loginAndJoin(c, 'bruno', 'renewals');
    await c.time.advance(60_000);
    expect(c.dialkit.calls.lines).toEqual([]);
    await c.dialkit.agent.ready();
    await waitFor(c.time, () => c.dialkit.calls.lines.length > 0, 5_000);
    const call = c.dialkit.calls.lines[0];
    expect(call).toMatchObject({ origin: 'progressive', direction: 'outbound', campaignId: 'renewals' });
    expect(['dialing', 'ringing']).toContain(call?.status.kind);
    expect(call?.lead?.id).toBe('RN-001');
    expect(c.dialkit.agent.status.kind).toBe('onCall');
    // One line per agent: nothing else is dialled while this call rings.
    await c.time.advance(3_000);
    expect(c.dialkit.calls.lines).toHaveLength(1);
    expect(c.ignored).toEqual([]);
  });

  it('preview: the agent sees the lead before any call, skips one, then dials the next through the console', async () => {
    const c = await simConsole({ seed: 4 });
    await loginAndJoin(c, 'carla', 'personal-loans');
    await c.dialkit.agent.ready();
    const preview = c.dialkit.get(PreviewPort);
    if (!preview) throw new Error('no preview port');
    const first = await preview.next();
    expect(first?.id).toBe('PL-001');
    expect(await preview.next()).toEqual(first);
    await c.time.advance(30_000);
    expect(c.dialkit.calls.lines).toEqual([]);
    expect((await rejection(preview.skip('PL-009'))).code).toBe('backend.rejected');
    await preview.skip('PL-001');
    const second = await preview.next();
    expect(second?.id).toBe('PL-002');
    expect(await firstValueFrom(preview.lead$)).toEqual(second);
    const { callId } = await c.dialkit.calls.dial(second!.phone, { origin: 'preview', leadId: second!.id });
    expect(c.dialkit.calls.lines[0]).toMatchObject({ id: callId, origin: 'preview', lead: { id: 'PL-002' } });
    expect((await preview.next())?.id).toBe('PL-003');
    expect(c.ignored).toEqual([]);
  });

  it('manual: the number decides the outcome — …1111 busy, …2222 no answer, …3333 machine, …4444 wrong number, …5555 answered', async () => {
    const c = await simConsole({ seed: 9 });
    await loginAndJoin(c, 'david', 'collections');
    const before = c.sim.control.stats;
    const outcome = async (number: string, code: string) => {
      const { callId } = await c.dialkit.calls.dial(number);
      await c.time.advance(35_000);
      const line = c.dialkit.calls.lines.find((l) => l.id === callId);
      const status = line?.status;
      if (status?.kind === 'connected') await c.dialkit.calls.hangup(callId);
      await c.dialkit.dispositions.submit(callId, code === 'PTP' ? { code, fields: { amount: '50', payDate: '2026-03-10' } } : code === 'WN' ? { code, notes: 'Not this customer' } : { code });
      return status;
    };
    expect(await outcome('600001111', 'NA')).toEqual({ kind: 'ended', cause: 'busy' });
    expect(await outcome('600002222', 'NA')).toEqual({ kind: 'ended', cause: 'noAnswer' });
    expect(await outcome('+34600005555', 'PTP')).toEqual({ kind: 'connected' });
    expect(await outcome('600003333', 'NA')).toEqual({ kind: 'ended', cause: 'answeringMachine' });
    // A wrong number: someone answers, says so briefly and hangs up (counted as such by the dialer).
    expect(await outcome('600004444', 'WN')).toEqual({ kind: 'ended', cause: 'remoteHangup' });
    // The predictive campaign's colleagues dial in the background too: compare the agent's share.
    const after = c.sim.control.stats;
    expect(after.agentCalls - before.agentCalls).toBe(5);
    expect(after.busy - before.busy).toBeGreaterThanOrEqual(1);
    expect(after.wrongNumber - before.wrongNumber).toBeGreaterThanOrEqual(1);
    expect(c.events.filter((e) => e.type === 'call.ended').map((e) => (e as { cause: string }).cause)).toEqual(['busy', 'noAnswer', 'agentHangup', 'answeringMachine', 'remoteHangup']);
    expect(c.ignored).toEqual([]);
  });

  it('inbound: callers wait in a queue and the longest-waiting one is offered first; the agent answers', async () => {
    const c = await simConsole({ seed: 6 });
    await loginAndJoin(c, 'elena', 'support-line');
    const queue = c.dialkit.get(QueuePort);
    if (!queue) throw new Error('no queue port');
    c.sim.control.callerArrives({ number: '+34911000001', name: 'First Caller' });
    await c.time.advance(5_000);
    c.sim.control.callerArrives({ number: '+34911000002', name: 'Second Caller' });
    const waiting = await queue.waiting();
    expect(waiting.map((w) => w.number)).toEqual(expect.arrayContaining(['+34911000001', '+34911000002']));
    expect(waiting.map((w) => w.since)).toEqual([...waiting.map((w) => w.since)].sort((a, b) => a - b));
    const longest = waiting[0]!;
    await c.dialkit.agent.ready();
    await waitFor(c.time, () => c.dialkit.calls.lines.length > 0, 2_000);
    const call = c.dialkit.calls.lines[0]!;
    expect(call).toMatchObject({ origin: 'inbound', direction: 'inbound', remoteNumber: longest.number, status: { kind: 'offered' } });
    expect((await queue.waiting()).map((w) => w.id)).not.toContain(longest.id);
    await c.dialkit.calls.answer(call.id);
    expect(c.dialkit.calls.lines[0]?.status.kind).toBe('connected');
    expect(c.ignored).toEqual([]);
  });

  it('inbound: a call that rings out makes the agent Not Ready (missed call) and the caller keeps their place; Ready offers it again', async () => {
    const c = await simConsole({ seed: 6 });
    await loginAndJoin(c, 'elena', 'support-line');
    c.sim.control.callerArrives({ number: '+34911000003', name: 'Patient Caller' });
    await c.dialkit.agent.ready();
    await waitFor(c.time, () => c.dialkit.calls.lines.length > 0, 2_000);
    const caller = c.dialkit.calls.lines[0]!.remoteNumber;
    // Nobody answers: after the ring time the offer ends and the agent is paused, not offered it again.
    await c.time.advance(60_000);
    expect(c.dialkit.calls.lines).toEqual([]);
    expect(c.dialkit.agent.status).toMatchObject({ kind: 'paused', reason: { code: 'no-answer', label: 'Missed call (no answer)' } });
    expect(c.events.filter((e) => e.type === 'call.offered')).toHaveLength(1);
    expect(c.events.filter((e) => e.type === 'call.ended').map((e) => (e as { cause: string }).cause)).toEqual(['noAnswer']);
    await c.dialkit.agent.ready();
    await waitFor(c.time, () => c.dialkit.calls.lines.length > 0, 2_000);
    expect(c.dialkit.calls.lines[0]?.remoteNumber).toBe(caller);
    expect(c.ignored).toEqual([]);
  });

  it('inbound: a rejected caller waits behind the others and nobody is offered to the agent for a while', async () => {
    const c = await simConsole({ seed: 6 });
    await loginAndJoin(c, 'elena', 'support-line');
    c.sim.control.callerArrives({ number: '+34911000004', name: 'Rejected Caller' });
    await c.dialkit.agent.ready();
    await waitFor(c.time, () => c.dialkit.calls.lines.length > 0, 2_000);
    await c.dialkit.calls.reject(c.dialkit.calls.lines[0]!.id);
    const offers = () => c.events.filter((e) => e.type === 'call.offered').length;
    await c.time.advance(5_000);
    expect(offers()).toBe(1);
    expect(c.dialkit.agent.status.kind).toBe('ready');
    await waitFor(c.time, () => c.dialkit.calls.lines.length > 0, 30_000);
    expect(offers()).toBe(2);
    expect(c.ignored).toEqual([]);
  });

  it('a callback scheduled in a disposition falls due later: the agent is told and the dialer calls the lead', async () => {
    const c = await simConsole({ seed: 8 });
    await loginAndJoin(c, 'ana', 'spring-sale');
    await c.dialkit.agent.ready();
    const id = c.sim.control.offerCall({ talkMs: 0 });
    await c.time.advance(1_000);
    const leadId = c.dialkit.calls.lines[0]?.lead?.id;
    await c.dialkit.calls.hangup(id);
    await c.dialkit.dispositions.submit(id, { code: 'CB', callback: { at: c.time.now() + 10 * 60_000, scope: 'personal', note: 'After lunch' } });
    await c.dialkit.agent.pause('training');
    await c.time.advance(10 * 60_000 + 1_000);
    expect(c.dialkit.notifications.notifications.map((n) => n.message)).toContainEqual(expect.stringMatching(/^Callback due: .*After lunch/));
    expect(c.sim.control.pendingCallbacks).toBe(1);
    await c.dialkit.agent.ready();
    await waitFor(c.time, () => c.dialkit.calls.lines.some((l) => l.origin === 'callback'), 5_000);
    expect(c.dialkit.calls.lines.find((l) => l.origin === 'callback')?.lead?.id).toBe(leadId);
    expect(c.ignored).toEqual([]);
  });

  it('dispositions are stored once per key however often they are sent', async () => {
    const c = await simConsole();
    const instance = c.sim.module.create({ clock: c.time.clock, scheduler: c.time.scheduler, logger: { log: () => undefined } });
    const record = { key: 'ana:c1', callId: 'c1', campaignId: 'spring-sale', leadId: 'SS-001', agentId: 'ana', code: 'NA', successful: false, notes: '', fields: {}, callback: undefined, submittedAt: c.time.now() };
    await instance.ports.dispositions!.submit(record);
    await instance.ports.dispositions!.submit(record);
    expect(c.sim.control.stored.size).toBe(1);
    expect(c.sim.control.submitAttempts.get('ana:c1')).toBe(2);
    expect(c.sim.control.stats).toMatchObject({ dispositions: 1, dispositionAttempts: 2 });
    await instance.dispose();
  });

  it('DTMF reaches the far end of a connected call only, in order; other characters are refused', async () => {
    const c = await simConsole({ seed: 9 });
    await loginAndJoin(c, 'david', 'collections');
    const { callId } = await c.dialkit.calls.dial('+34600005555');
    expect((await rejection(c.dialkit.calls.sendDtmf(callId, '1'))).code).toBe('call.invalid-state');
    await waitFor(c.time, () => c.dialkit.calls.lines[0]?.status.kind === 'connected', 35_000);
    await c.dialkit.calls.sendDtmf(callId, '1');
    await c.dialkit.calls.sendDtmf(callId, '2#');
    expect((await rejection(c.dialkit.calls.sendDtmf(callId, '9x'))).code).toBe('input.invalid');
    expect(c.sim.control.dtmfReceived(callId)).toBe('12#');
    expect(c.sim.control.dtmfReceived('nope')).toBe('');
  });
});
