import { afterEach, describe, expect, it } from 'vitest';
import { startAgent, type TestAgent } from './agent.js';
import { startSipp } from './sipp.js';

let agent: TestAgent | undefined;
afterEach(async () => {
  await agent?.dispose();
  agent = undefined;
});

const logged = (a: TestAgent, method: string, status: number) =>
  a.logger.entries.some((e) => e.data?.['method'] === method && e.data['statusCode'] === status);

describe('malformed input that gets past the proxy', () => {
  it('hostile lead headers and unexpected in-dialog requests: sanitised text, each answered, no crash, the agent told of the bad SDP', async () => {
    agent = await startAgent({ autoAnswer: { enabled: true } });
    const caller = await startSipp('uac-malformed.xml', { role: 'uac', service: 'agent1' });
    const offered = await agent.waitFor('call.offered');
    // untrusted text: kept as literal text, capped, tab turned into a space
    expect(offered.leadId).toBe('<script>alert("lead")</script>');
    expect(offered.campaignId).toBe('<img src=x onerror=alert(1)> spring');
    await agent.waitFor('call.ended', (e) => e.callId === offered.callId, 15_000);
    const r = await caller.done;
    expect(r.code).toBe(0); // SIPp got 488, 415, 405, 489, 603 and the final 200 to its BYE
    for (const [method, status] of [['INVITE', 488], ['INFO', 415], ['MESSAGE', 405], ['NOTIFY', 489], ['REFER', 603]] as const) {
      expect(logged(agent, method, status), `${method} ${status} logged`).toBe(true);
    }
    expect(agent.events.some((e) => e.type === 'notification.raised' && e.notification.code === 'sip.bad-sdp')).toBe(true);
    expect(agent.trail(offered.callId)).toEqual(['offered', 'connected', 'ended:remoteHangup']);
    expect(agent.sip.control.status).toBe('registered');
  });

  it('an INVITE with a body that is not SDP is refused with 488 and the agent is told', async () => {
    agent = await startAgent();
    const caller = await startSipp('uac-broken-sdp.xml', { role: 'uac', service: 'agent1' });
    const n = await agent.waitFor('notification.raised', (e) => e.notification.code === 'sip.bad-sdp');
    expect(n.notification.message).toContain('600123456');
    const r = await caller.done;
    expect(r.code, r.errors).toBe(0);
    expect(agent.events.some((e) => e.type === 'call.offered')).toBe(false);
    expect(logged(agent, 'INVITE', 488)).toBe(true);
  });

  it('a far end that answers with garbage SDP: the call ends as failed, BYE sent, the agent is told', async () => {
    agent = await startAgent();
    const far = await startSipp('uas-broken-sdp.xml', { role: 'uas' });
    const { callId } = await agent.calls.dial({ number: far.number, origin: 'manual' });
    await agent.waitFor('call.ended', (e) => e.callId === callId);
    expect(agent.trail(callId).at(-1)).toBe('ended:failed');
    await agent.waitFor('notification.raised', (e) => e.notification.code === 'sip.bad-sdp');
    const r = await far.done;
    expect(r.code).toBe(0);
    expect(r.messages).toMatch(/^BYE sip:/m);
  });

  it('absurd header values are capped', async () => {
    agent = await startAgent({ autoAnswer: { enabled: true }, headers: { leadId: 'X-Lead-Name', campaignId: 'X-Campaign' } });
    const caller = await startSipp('uac-malformed.xml', { role: 'uac', service: 'agent1' });
    const offered = await agent.waitFor('call.offered');
    expect(offered.leadId).toBe('A'.repeat(128));
    await agent.waitFor('call.ended', (e) => e.callId === offered.callId, 15_000);
    expect((await caller.done).code).toBe(0);
  });
});
