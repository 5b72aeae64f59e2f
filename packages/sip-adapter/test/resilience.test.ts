import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { startAgent, type TestAgent } from './agent.js';
import { startSipp } from './sipp.js';

let agent: TestAgent | undefined;
afterEach(async () => {
  await agent?.dispose();
  agent = undefined;
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
});
