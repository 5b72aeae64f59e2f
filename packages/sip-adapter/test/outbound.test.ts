import { afterEach, describe, expect, it } from 'vitest';
import { isDialkitError } from '@dialkit/core';
import { startAgent, type TestAgent } from './agent.js';
import { startSipp } from './sipp.js';

let agent: TestAgent | undefined;
afterEach(async () => {
  await agent?.dispose();
  agent = undefined;
});

describe('registration', () => {
  it('agent registers with digest auth → connection connected', async () => {
    agent = await startAgent();
    expect(agent.sip.control.status).toBe('registered');
    const last = agent.events.filter((e) => e.type === 'connection.changed').at(-1);
    expect(last).toMatchObject({ status: 'connected' });
  });

  it('wrong password → DialkitError sip.auth-failed, connection offline, error notification', async () => {
    agent = await startAgent({ password: 'wrong', register: false });
    const error: unknown = await agent.sip.control.registered().catch((e: unknown) => e);
    expect(isDialkitError(error, 'sip.auth-failed')).toBe(true);
    expect(agent.sip.control.status).toBe('failed');
    await agent.waitFor('notification.raised', (e) => e.notification.code === 'sip.auth-failed');
    expect(agent.events.filter((e) => e.type === 'connection.changed').at(-1)).toMatchObject({ status: 'offline' });
    expect(JSON.stringify(agent.logger.entries)).not.toContain('wrong');
  });

  it('unreachable server → DialkitError sip.unreachable', async () => {
    agent = await startAgent({ server: 'ws://127.0.0.1:9', register: false, connectTimeoutS: 1 });
    const error: unknown = await agent.sip.control.registered().catch((e: unknown) => e);
    expect(isDialkitError(error, 'sip.unreachable')).toBe(true);
    expect(agent.events.filter((e) => e.type === 'connection.changed').at(-1)).toMatchObject({ status: 'offline' });
  });
});

describe('outbound calls', () => {
  it('answered, then the agent hangs up → dialing, ringing, connected, ended:agentHangup; BYE reaches SIPp', async () => {
    agent = await startAgent();
    const far = await startSipp('uas-answer.xml', { role: 'uas' });
    const { callId } = await agent.calls.dial({ number: far.number, origin: 'manual', campaignId: 'spring-sale' });
    await agent.waitFor('call.connected', (e) => e.callId === callId);
    await agent.calls.hangup(callId);
    await agent.waitFor('call.ended', (e) => e.callId === callId);
    expect(agent.trail(callId)).toEqual(['dialing', 'ringing', 'connected', 'ended:agentHangup']);
    const r = await far.done;
    expect(r.code).toBe(0);
    expect(r.messages).toMatch(/BYE sip:/);
  });

  it('busy 486 → ended:busy', async () => {
    agent = await startAgent();
    const far = await startSipp('uas-busy.xml', { role: 'uas' });
    const { callId } = await agent.calls.dial({ number: far.number, origin: 'manual' });
    await agent.waitFor('call.ended', (e) => e.callId === callId);
    expect(agent.trail(callId)).toEqual(['dialing', 'ended:busy']);
    expect((await far.done).code).toBe(0);
  });

  it('declined 603 → ended:rejected', async () => {
    agent = await startAgent();
    const far = await startSipp('uas-decline.xml', { role: 'uas' });
    const { callId } = await agent.calls.dial({ number: far.number, origin: 'manual' });
    await agent.waitFor('call.ended', (e) => e.callId === callId);
    expect(agent.trail(callId)).toEqual(['dialing', 'ended:rejected']);
    expect((await far.done).code).toBe(0);
  });

  it('not answered within the no-answer timeout → CANCEL reaches SIPp, ended:noAnswer', async () => {
    agent = await startAgent({ noAnswerTimeoutMs: 1500 });
    const far = await startSipp('uas-no-answer.xml', { role: 'uas' });
    const { callId } = await agent.calls.dial({ number: far.number, origin: 'manual' });
    await agent.waitFor('call.ended', (e) => e.callId === callId);
    expect(agent.trail(callId)).toEqual(['dialing', 'ringing', 'ended:noAnswer']);
    const r = await far.done;
    expect(r.code).toBe(0);
    expect(r.messages).toMatch(/CANCEL sip:/);
  });

  it('agent cancels while ringing → CANCEL reaches SIPp, ended:cancelled', async () => {
    agent = await startAgent();
    const far = await startSipp('uas-no-answer.xml', { role: 'uas' });
    const { callId } = await agent.calls.dial({ number: far.number, origin: 'manual' });
    await agent.waitFor('call.ringing', (e) => e.callId === callId);
    await agent.calls.hangup(callId);
    await agent.waitFor('call.ended', (e) => e.callId === callId);
    expect(agent.trail(callId)).toEqual(['dialing', 'ringing', 'ended:cancelled']);
    expect((await far.done).code).toBe(0);
  });

  it('far end hangs up → ended:remoteHangup', async () => {
    agent = await startAgent();
    const far = await startSipp('uas-answer-hangup.xml', { role: 'uas', set: { talk_ms: '300' } });
    const { callId } = await agent.calls.dial({ number: far.number, origin: 'manual' });
    await agent.waitFor('call.ended', (e) => e.callId === callId);
    expect(agent.trail(callId)).toEqual(['dialing', 'ringing', 'connected', 'ended:remoteHangup']);
    expect((await far.done).code).toBe(0);
  });
});
