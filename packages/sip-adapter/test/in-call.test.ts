import { afterEach, describe, expect, it } from 'vitest';
import { startAgent, type TestAgent } from './agent.js';
import { startSipp } from './sipp.js';

let agent: TestAgent | undefined;
afterEach(async () => {
  await agent?.dispose();
  agent = undefined;
});

async function connectedCall(a: TestAgent, scenario: string, set?: Record<string, string>) {
  const far = await startSipp(scenario, { role: 'uas', ...(set === undefined ? {} : { set }) });
  const { callId } = await a.calls.dial({ number: far.number, origin: 'manual' });
  await a.waitFor('call.connected', (e) => e.callId === callId);
  return { far, callId };
}

describe('in-call control against SIPp', () => {
  it('hold and resume both ways: agent holds (a=sendonly) and resumes; the far end holds → held by remote, resumes', async () => {
    agent = await startAgent();
    const { far, callId } = await connectedCall(agent, 'uas-hold.xml');
    await agent.calls.hold(callId);
    await agent.calls.resume(callId);
    await agent.waitFor('call.held', (e) => e.callId === callId && e.by === 'remote');
    await agent.waitFor('call.resumed', (e) => e.callId === callId && agent!.trail(callId).filter((t) => t === 'resumed').length === 2);
    await agent.calls.hangup(callId);
    await agent.waitFor('call.ended', (e) => e.callId === callId);
    expect(agent.trail(callId)).toEqual(['dialing', 'ringing', 'connected', 'held:local', 'resumed', 'held:remote', 'resumed', 'ended:agentHangup']);
    const r = await far.done;
    expect(r.code).toBe(0); // SIPp checked a=sendonly/a=sendrecv from the agent and a=recvonly back to its own hold
  });

  it('mute is a local fact: call.muted both ways', async () => {
    agent = await startAgent();
    const { far, callId } = await connectedCall(agent, 'uas-answer.xml');
    await agent.calls.mute(callId, true);
    await agent.calls.mute(callId, false);
    expect(agent.events.filter((e) => e.type === 'call.muted').map((e) => (e as { muted: boolean }).muted)).toEqual([true, false]);
    await agent.calls.hangup(callId);
    expect((await far.done).code).toBe(0);
  });

  it('DTMF by SIP INFO: SIPp receives Signal=1, 2, # in order', async () => {
    agent = await startAgent({ dtmf: 'info' });
    const { far, callId } = await connectedCall(agent, 'uas-dtmf-info.xml');
    await agent.calls.sendDtmf(callId, '12#');
    await agent.calls.hangup(callId);
    const r = await far.done;
    expect(r.code).toBe(0);
    expect(r.messages.match(/application\/dtmf-relay/g)?.length).toBe(3);
  });

  it('DTMF RFC 4733 goes to the media engine', async () => {
    agent = await startAgent();
    const { far, callId } = await connectedCall(agent, 'uas-answer.xml');
    await agent.calls.sendDtmf(callId, '59*');
    expect(agent.dtmf).toEqual(['59*']);
    await agent.calls.hangup(callId);
    expect((await far.done).code).toBe(0);
  });

  it('blind transfer: REFER to 75999, NOTIFY 200 → ended:transferred, BYE reaches the customer', async () => {
    agent = await startAgent();
    const { far, callId } = await connectedCall(agent, 'uas-blind-transfer.xml');
    await agent.calls.transferBlind(callId, '75999');
    await agent.waitFor('call.ended', (e) => e.callId === callId);
    expect(agent.trail(callId).at(-1)).toBe('ended:transferred');
    const r = await far.done;
    expect(r.code).toBe(0);
    expect(r.messages).toMatch(/^Refer-To: .*sip:75999@127\.0\.0\.1/m);
  });

  it('a transfer the far end accepts but never reports fails in time, and the call stays with the agent', async () => {
    agent = await startAgent({ transferTimeoutMs: 800 });
    const { far, callId } = await connectedCall(agent, 'uas-refer-silent.xml');
    const e = await agent.calls.transferBlind(callId, '75999').then(() => null, (x: unknown) => x);
    expect(e).toMatchObject({ code: 'sip.transfer-failed' });
    expect(agent.trail(callId).at(-1)).toBe('connected');
    await agent.calls.hangup(callId);
    await agent.waitFor('call.ended', (x) => x.callId === callId);
    expect(agent.trail(callId).at(-1)).toBe('ended:agentHangup');
    expect((await far.done).code).toBe(0);
  });

  it('attended transfer: consult the target, REFER with Replaces → the customer ends up talking to the target', async () => {
    agent = await startAgent();
    const target = await startSipp('uas-transfer-target.xml', { role: 'uas', calls: 2 });
    const { far: customer, callId } = await connectedCall(agent, 'uas-attended-customer.xml');
    await agent.calls.hold(callId);
    const consult = await agent.calls.dial({ number: target.number, origin: 'transfer', consultFor: callId });
    await agent.waitFor('call.connected', (e) => e.callId === consult.callId);
    await agent.calls.completeTransfer(callId, consult.callId);
    await agent.waitFor('call.ended', (e) => e.callId === callId);
    await agent.waitFor('call.ended', (e) => e.callId === consult.callId);
    expect(agent.trail(callId).at(-1)).toBe('ended:transferred');
    expect(agent.trail(consult.callId).at(-1)).toBe('ended:transferred');
    const [c, t] = await Promise.all([customer.done, target.done]);
    // SIPp's side: the customer INVITEd the target with Replaces naming the consult call, the target
    // answered it, and the target hung up on the customer after talking: both scenarios succeeded.
    expect(c.code).toBe(0);
    expect(t.code).toBe(0);
    const consultCallId = /^Call-ID: (.+)$/m.exec(t.messages)?.[1]?.trim();
    expect(consultCallId).toBeDefined();
    expect(t.messages).toMatch(new RegExp(`^Replaces: ${consultCallId!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')};`, 'm'));
  });

  it('conference: a held call is resumed and both are merged (call.conferenced)', async () => {
    agent = await startAgent();
    const a = await connectedCall(agent, 'uas-answer.xml');
    await agent.calls.hold(a.callId);
    const b = await connectedCall(agent, 'uas-answer.xml');
    await agent.calls.conference([a.callId, b.callId]);
    const conf = await agent.waitFor('call.conferenced');
    expect(conf.callIds).toEqual([a.callId, b.callId]);
    expect(agent.trail(a.callId).slice(-3)).toEqual(['connected', 'held:local', 'resumed']);
    await agent.calls.hangup(a.callId);
    await agent.calls.hangup(b.callId);
    expect((await a.far.done).code).toBe(0);
    expect((await b.far.done).code).toBe(0);
  });
});
