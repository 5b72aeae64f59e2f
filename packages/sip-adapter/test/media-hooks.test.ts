// The adapter's media hooks against the rig (Kamailio + SIPp): when it tells the engine a call
// rings and ends, and how the engine's services reach the console.
import { afterEach, describe, expect, it } from 'vitest';
import { createToken } from '@dialkit/core';
import { startAgent, type TestAgent } from './agent.js';
import { startSipp } from './sipp.js';
import type { MediaEngine } from '../src/media/media-engine.js';
import { noMediaEngine } from '../src/media/no-media-engine.js';

let agent: TestAgent | undefined;
afterEach(async () => {
  await agent?.dispose();
  agent = undefined;
});

const Probe = createToken<{ readonly hello: string }>('test.media-probe');

/** The no-media engine, recording the hooks the adapter calls. */
function recordingEngine(): MediaEngine & { readonly log: string[] } {
  const log: string[] = [];
  return { ...noMediaEngine(), log, services: [[Probe, { hello: 'from the engine' }]], ringing: (id, on) => log.push(`${id}:ringing:${on}`), ended: (id) => log.push(`${id}:ended`) };
}

describe('media hooks', () => {
  it('inbound call: rings while offered, stops when the agent answers, ends once the far end hangs up', async () => {
    const media = recordingEngine();
    agent = await startAgent({ media });
    const caller = await startSipp('uac-call-agent.xml', { role: 'uac', service: 'agent1', set: { talk_ms: '300' } });
    const offered = await agent.waitFor('call.offered');
    expect(media.log).toEqual([`${offered.callId}:ringing:true`]);
    await agent.calls.answer(offered.callId);
    expect(media.log).toEqual([`${offered.callId}:ringing:true`, `${offered.callId}:ringing:false`]);
    await agent.waitFor('call.ended', (e) => e.callId === offered.callId);
    expect(media.log.slice(2)).toEqual([`${offered.callId}:ringing:false`, `${offered.callId}:ended`]);
    expect((await caller.done).code).toBe(0);
  });

  it('the agent rejects an offered call → the ringing stops at once and the call ends', async () => {
    const media = recordingEngine();
    agent = await startAgent({ media });
    const caller = await startSipp('uac-call-agent.xml', { role: 'uac', service: 'agent1', set: { talk_ms: '10' }, timeoutS: 5 });
    const offered = await agent.waitFor('call.offered');
    await agent.calls.reject(offered.callId);
    expect(media.log.slice(0, 2)).toEqual([`${offered.callId}:ringing:true`, `${offered.callId}:ringing:false`]);
    await agent.waitFor('call.ended', (e) => e.callId === offered.callId);
    expect(media.log.at(-1)).toBe(`${offered.callId}:ended`);
    await caller.done;
  });

  it('a dialer call with answer-after=0 is answered by itself and never rings', async () => {
    const media = recordingEngine();
    agent = await startAgent({ media, autoAnswer: { enabled: true } });
    const caller = await startSipp('uac-autoanswer.xml', { role: 'uac', service: 'agent1' });
    const offered = await agent.waitFor('call.offered');
    await agent.waitFor('call.connected', (e) => e.callId === offered.callId);
    await agent.calls.hangup(offered.callId);
    await agent.waitFor('call.ended', (e) => e.callId === offered.callId);
    expect(media.log.filter((l) => l.endsWith(':ringing:true'))).toEqual([]);
    expect(media.log.at(-1)).toBe(`${offered.callId}:ended`);
    await caller.done;
  });

  it('the engine’s services are the backend instance’s services (how CallQualityPort reaches the console)', async () => {
    agent = await startAgent({ media: recordingEngine(), register: false });
    expect(agent.instance.services).toEqual([[Probe, { hello: 'from the engine' }]]);
  });
});
