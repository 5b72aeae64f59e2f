import { afterEach, describe, expect, it } from 'vitest';
import { startAgent, type TestAgent } from './agent.js';
import { startSipp } from './sipp.js';

let agent: TestAgent | undefined;
afterEach(async () => {
  await agent?.dispose();
  agent = undefined;
});

describe('inbound calls', () => {
  it('offered with lead headers, answered by the agent, far end hangs up → offered, connected, ended:remoteHangup', async () => {
    agent = await startAgent();
    const caller = await startSipp('uac-call-agent.xml', { role: 'uac', service: 'agent1', set: { talk_ms: '400' } });
    const offered = await agent.waitFor('call.offered');
    expect(offered).toMatchObject({ direction: 'inbound', origin: 'inbound', remoteNumber: '600123456', remoteName: 'Jane Customer', leadId: 'L-1001', campaignId: 'spring-sale' });
    await agent.calls.answer(offered.callId);
    await agent.waitFor('call.ended', (e) => e.callId === offered.callId);
    expect(agent.trail(offered.callId)).toEqual(['offered', 'connected', 'ended:remoteHangup']);
    expect((await caller.done).code).toBe(0);
  });

  it('Call-Info answer-after=0 → answered by itself (origin predictive); the agent hangs up', async () => {
    agent = await startAgent({ autoAnswer: { enabled: true } });
    const caller = await startSipp('uac-autoanswer.xml', { role: 'uac', service: 'agent1' });
    const offered = await agent.waitFor('call.offered');
    expect(offered.origin).toBe('predictive');
    await agent.waitFor('call.connected', (e) => e.callId === offered.callId);
    await agent.calls.hangup(offered.callId);
    await agent.waitFor('call.ended', (e) => e.callId === offered.callId);
    expect(agent.trail(offered.callId)).toEqual(['offered', 'connected', 'ended:agentHangup']);
    expect((await caller.done).code).toBe(0);
  });

  it('a configurable auto-answer header works too', async () => {
    agent = await startAgent({ autoAnswer: { enabled: true, header: 'X-Dialer-Auto' } });
    const caller = await startSipp('uac-call-agent.xml', { role: 'uac', service: 'agent1', set: { talk_ms: '200' } });
    const offered = await agent.waitFor('call.offered');
    await agent.waitFor('call.connected', (e) => e.callId === offered.callId);
    await agent.waitFor('call.ended', (e) => e.callId === offered.callId);
    expect((await caller.done).code).toBe(0);
  });

  it('offered and not answered within the no-answer timeout → refused 480, ended:noAnswer', async () => {
    agent = await startAgent({ noAnswerTimeoutMs: 800 });
    const caller = await startSipp('uac-call-agent.xml', { role: 'uac', service: 'agent1', set: { talk_ms: '10' }, timeoutS: 5 });
    const offered = await agent.waitFor('call.offered');
    await agent.waitFor('call.ended', (e) => e.callId === offered.callId);
    expect(agent.trail(offered.callId)).toEqual(['offered', 'ended:noAnswer']);
    const r = await caller.done;
    expect(r.messages).toMatch(/SIP\/2\.0 480/);
  });

  it('the agent rejects an offered call → 603 reaches the caller, ended:rejected', async () => {
    agent = await startAgent();
    const caller = await startSipp('uac-call-agent.xml', { role: 'uac', service: 'agent1', set: { talk_ms: '10' }, timeoutS: 5 });
    const offered = await agent.waitFor('call.offered');
    await agent.calls.reject(offered.callId);
    await agent.waitFor('call.ended', (e) => e.callId === offered.callId);
    expect(agent.trail(offered.callId)).toEqual(['offered', 'ended:rejected']);
    expect((await caller.done).messages).toMatch(/SIP\/2\.0 603/);
  });
});
