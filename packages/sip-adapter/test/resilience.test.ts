import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createConsole, memoryStorage, type Dialkit } from '@dialkit/core';
import { createScriptedBackend, testCampaign } from '@dialkit/core/testing';
import { createSipBackend, noMediaEngine } from '../src/index.js';
import { startAgent, wsUrl, type TestAgent } from './agent.js';
import { startSipp } from './sipp.js';

let agent: TestAgent | undefined;
let dialkit: Dialkit | undefined;
afterEach(async () => {
  await agent?.dispose();
  agent = undefined;
  await dialkit?.dispose();
  dialkit = undefined;
});

function rigScript(name: 'start.sh' | 'stop.sh', ...args: string[]): void {
  const rig = inject('sipRig');
  execFileSync(join(rig.rigDir, name), [rig.runDir, ...args], {
    env: { ...process.env, SIP_RIG_UDP_PORT: String(rig.udpPort), SIP_RIG_WS_PORT: String(rig.wsPort), SIP_RIG_MAX_SECONDS: '900' },
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 15_000,
  });
}

describe('Kamailio killed and restarted mid-call', () => {
  it('the call survives, the agent reconnects and re-registers, the status shows it, the hang-up reaches the far end, no duplicate call', async () => {
    agent = await startAgent({ reconnect: { initialDelayMs: 100, maxDelayMs: 1000 } });
    const far = await startSipp('uas-reconnect.xml', { role: 'uas', timeoutS: 25 });
    const { callId } = await agent.calls.dial({ number: far.number, origin: 'manual' });
    await agent.waitFor('call.connected', (e) => e.callId === callId);
    const before = agent.events.length;

    rigScript('stop.sh', '--crash');
    await agent.waitFor('connection.changed', (e) => e.status === 'reconnecting' && agent!.events.indexOf(e) >= before);
    expect(agent.sip.control.status).toBe('reconnecting');
    await new Promise((r) => setTimeout(r, 700)); // a few failed attempts with the proxy down
    rigScript('start.sh');
    await agent.waitFor('connection.changed', (e) => e.status === 'connected' && agent!.events.indexOf(e) >= before, 15_000);
    expect(agent.sip.control.status).toBe('registered');

    // the call is still there, once; the far end got the dialog refresh (re-INVITE) through the new proxy
    expect(agent.trail(callId)).toEqual(['dialing', 'ringing', 'connected']);
    await agent.waitFor('notification.raised', () => false, 1500).catch(() => undefined);
    expect(far.messages()).toMatch(/INVITE sip:[\s\S]*a=sendrecv[\s\S]*INVITE sip:/);
    await agent.calls.hangup(callId);
    await agent.waitFor('call.ended', (e) => e.callId === callId);
    const r = await far.done;
    expect(r.code).toBe(0); // SIPp got the re-INVITE and then the BYE
    expect(agent.events.filter((e) => e.type === 'call.dialing' || e.type === 'call.offered')).toHaveLength(1);
    expect(agent.sip.control.lineCount).toBe(0);
  });

  it('in a console: its connection goes reconnecting → connected, the call stays one connected line, and the agent hangs up through it', async () => {
    const sip = createSipBackend({ server: wsUrl(), user: 'agent2', password: 'agent2-pw', domain: '127.0.0.1', media: noMediaEngine(), reconnect: { initialDelayMs: 100, maxDelayMs: 1000 } });
    // SIP for the calls; the scripted backend for presence and the campaign.
    const console_ = await createConsole({ backend: [sip.module, createScriptedBackend({ campaigns: [testCampaign({ allowManualDial: true })] }).module], storage: memoryStorage() });
    dialkit = console_;
    const statuses: string[] = [];
    console_.connection$.subscribe((c) => {
      if (statuses.at(-1) !== c.status) statuses.push(c.status);
    });
    await sip.control.registered();
    await console_.agent.login({ username: 'agent2', password: 'pw' });
    await console_.agent.joinCampaign('spring-sale');
    const far = await startSipp('uas-reconnect.xml', { role: 'uas', timeoutS: 25 });
    const { callId } = await console_.calls.dial(far.number);
    await waitUntil(() => console_.calls.lines[0]?.status.kind === 'connected', 10_000);

    rigScript('stop.sh', '--crash');
    await waitUntil(() => console_.connection.status === 'reconnecting', 10_000);
    await new Promise((r) => setTimeout(r, 700));
    rigScript('start.sh');
    await waitUntil(() => console_.connection.status === 'connected', 15_000);
    expect(statuses.slice(-3)).toEqual(['connected', 'reconnecting', 'connected']);
    expect(console_.calls.lines.map((l) => [l.id, l.status.kind])).toEqual([[callId, 'connected']]);
    await new Promise((r) => setTimeout(r, 1500)); // the dialog refresh through the new proxy
    await console_.calls.hangup(callId);
    expect(console_.agent.status.kind).toBe('wrapUp');
    expect((await far.done).code).toBe(0); // the BYE reached the far end
  });
});

/** Polls `ready` every 50 ms; rejects after `ms`. */
async function waitUntil(ready: () => boolean, ms: number): Promise<void> {
  for (const end = Date.now() + ms; !ready();) {
    if (Date.now() > end) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
