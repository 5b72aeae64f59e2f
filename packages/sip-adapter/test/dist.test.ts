import { describe, expect, it } from 'vitest';
import { createConsole } from '@dialkit/core';
import { createScriptedBackend } from '@dialkit/core/testing';
import type * as SipAdapter from '../src/index.js';
import { wsUrl } from './agent.js';
import { startSipp } from './sipp.js';

// The built package, as an app imports it (run after `pnpm --filter @dialkit/sip-adapter build`):
// a console composed of SIP for calls and a scripted backend for the rest places a call through the rig.
const dist = '../dist/index.js';

describe('the built @dialkit/sip-adapter in a console', () => {
  it('SIP call control + another backend for presence: log in, dial, connected, hang up', async () => {
    const sip = (await import(dist)) as typeof SipAdapter;
    const backend = sip.createSipBackend({ server: wsUrl(), user: 'agent1', password: 'agent1-pw', domain: '127.0.0.1', media: sip.noMediaEngine() });
    const dialkit = await createConsole({ backend: [backend.module, createScriptedBackend({ capabilities: [] }).module] });
    await backend.control.registered();
    expect(dialkit.connection.status).toBe('connected');
    expect([...dialkit.capabilities].sort()).toEqual([...sip.SIP_CAPABILITIES].sort());
    await dialkit.agent.login({ username: 'ana', password: 'ana-pw' });
    const far = await startSipp('uas-answer.xml', { role: 'uas' });
    const { callId } = await dialkit.calls.dial(far.number);
    await new Promise<void>((resolve) => {
      const sub = dialkit.calls.lines$.subscribe((lines) => {
        if (lines.find((c) => c.id === callId)?.status.kind === 'connected') {
          queueMicrotask(() => sub.unsubscribe());
          resolve();
        }
      });
    });
    await dialkit.calls.hold(callId);
    expect(dialkit.calls.lines.find((c) => c.id === callId)?.status).toEqual({ kind: 'held', by: 'local' });
    await dialkit.calls.hangup(callId);
    expect(dialkit.calls.lines.find((c) => c.id === callId)?.status).toEqual({ kind: 'ended', cause: 'agentHangup' });
    expect((await far.done).code).toBe(0);
    await dialkit.dispose();
  });
});

describe('the public API names no sip.js type', () => {
  it('no declaration file of the built package imports or mentions sip.js', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const dir = new URL('../dist/', import.meta.url);
    const files = (await readdir(dir)).filter((f) => f.endsWith('.d.ts'));
    expect(files).toEqual(expect.arrayContaining(['index.d.ts', 'webrtc.d.ts']));
    for (const f of files) {
      const text = await readFile(new URL(f, dir), 'utf8');
      expect(text, f).not.toMatch(/from ['"]sip\.js|import\(['"]sip\.js|sip\.js\/lib/);
    }
  });
});
