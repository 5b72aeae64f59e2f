import { describe, expect, it } from 'vitest';
import { DialkitError, definePlugin, Commands, CallService, memoryLogger, type Dialkit } from '../src/index.js';
import { createTestConsole, rejection, testCampaign, type TestConsole } from '../src/testing/index.js';

const spring = testCampaign();
const renewals = testCampaign({ id: 'renewals', name: 'Renewals', afterWrapUp: 'paused', dialMethod: 'progressive' });
const offer = (callId = 'c1') => ({ type: 'call.offered', callId, direction: 'outbound', origin: 'predictive', remoteNumber: '+34600111222', campaignId: 'spring-sale', lead: { id: 'L1', name: 'Marta Ruiz', phone: '+34600111222', fields: { city: 'Madrid' } } }) as const;

async function readyAgent(t?: TestConsole): Promise<TestConsole> {
  const c = t ?? (await createTestConsole([], { campaigns: [spring, renewals] }));
  await c.dialkit.agent.login({ username: 'ana', password: 'pw' });
  await c.dialkit.agent.joinCampaign('spring-sale');
  await c.dialkit.agent.ready();
  return c;
}

/** A ready agent whose call 'c1' ended and awaits its outcome; counts the Readies sent to the dialer. */
async function inWrapUp(): Promise<TestConsole & { readonly readies: () => number }> {
  const c = await readyAgent(await createTestConsole([], { campaigns: [spring] }));
  c.backend.emit(offer());
  c.backend.emit({ type: 'call.connected', callId: 'c1' });
  c.backend.emit({ type: 'call.ended', callId: 'c1', cause: 'remoteHangup' });
  return { ...c, readies: () => c.backend.calls.filter((x) => x.method === 'presence.ready').length };
}


describe('the seed workflow through the public API', () => {
  it('login → campaign → Ready → predictive call with lead → mute, hold, resume → hangup → wrap-up → disposition → Ready', async () => {
    const { dialkit, backend, time } = await readyAgent();
    expect(dialkit.agent.status.kind).toBe('ready');
    // The environment the agent reviews: campaign, its dial method, the status.
    expect(dialkit.agent.state.campaign).toMatchObject({ id: 'spring-sale', dialMethod: 'predictive', afterWrapUp: 'ready' });
    expect(dialkit.campaigns.current?.name).toBe('Spring Sale');
    backend.emit(offer());
    expect(dialkit.agent.status).toMatchObject({ kind: 'reserved', callId: 'c1' });
    backend.emit({ type: 'call.connected', callId: 'c1' });
    const call = dialkit.calls.lines[0];
    expect(call?.lead?.name).toBe('Marta Ruiz');
    expect(dialkit.agent.status.kind).toBe('onCall');

    await dialkit.calls.mute('c1', true);
    expect(dialkit.calls.lines[0]?.muted).toBe(true);
    await dialkit.calls.hold('c1');
    expect(dialkit.calls.lines[0]?.status).toEqual({ kind: 'held', by: 'local' });
    await time.advance(30_000);
    await dialkit.calls.resume('c1');
    await dialkit.calls.hangup('c1');
    expect(dialkit.agent.status.kind).toBe('wrapUp');

    const missing = await rejection(dialkit.dispositions.submit('c1', { code: 'SALE' }));
    expect(missing.code).toBe('disposition.invalid');
    expect(missing.message).toContain('Amount');
    expect(dialkit.dispositions.draft('c1')).toMatchObject({ code: 'SALE' });

    const record = await dialkit.dispositions.submit('c1', { code: 'SALE', fields: { amount: '120' }, notes: 'Annual plan' });
    expect(record).toMatchObject({ callId: 'c1', code: 'SALE', successful: true, agentId: 'ana', leadId: 'L1' });
    expect(dialkit.agent.status.kind).toBe('ready');
    expect(backend.calls.map((c) => c.method)).toContain('presence.ready');
    await time.advance(10);
    expect([...backend.stored.values()].map((r) => r.code)).toEqual(['SALE']);
  });

  it('a callback outcome needs a future callback and schedules it', async () => {
    const { dialkit, backend, time } = await readyAgent();
    backend.emit(offer());
    backend.emit({ type: 'call.connected', callId: 'c1' });
    backend.emit({ type: 'call.ended', callId: 'c1', cause: 'remoteHangup' });
    const noCallback = await rejection(dialkit.dispositions.submit('c1', { code: 'CB' }));
    expect(noCallback.details?.['missing']).toContain('callback');
    const past = await rejection(dialkit.dispositions.submit('c1', { code: 'CB', callback: { at: time.now() - 1, scope: 'personal' } }));
    expect(past.code).toBe('disposition.callback-in-past');
    const r = await dialkit.dispositions.submit('c1', { code: 'CB', callback: { at: time.now() + 3_600_000, scope: 'anyone', note: 'After 5pm' } });
    expect(r.callback).toMatchObject({ scope: 'anyone' });
  });

  it('a manual-ready campaign leaves the agent paused after wrap-up until they press Play', async () => {
    const c = await createTestConsole([], { campaigns: [spring, renewals] });
    await c.dialkit.agent.login({ username: 'ana', password: 'pw' });
    await c.dialkit.agent.joinCampaign('renewals');
    await c.dialkit.agent.ready();
    c.backend.emit({ ...offer(), campaignId: 'renewals' });
    c.backend.emit({ type: 'call.connected', callId: 'c1' });
    await c.dialkit.calls.hangup('c1');
    await c.dialkit.dispositions.submit('c1', { code: 'NA' });
    expect(c.dialkit.agent.status).toMatchObject({ kind: 'paused', reason: { code: 'after-wrap-up' } });
    await c.dialkit.agent.ready();
    expect(c.dialkit.agent.status.kind).toBe('ready');
  });

  it('a pause asked for during a call is applied after wrap-up and told to the dialer', async () => {
    const { dialkit, backend } = await readyAgent();
    backend.emit(offer());
    backend.emit({ type: 'call.connected', callId: 'c1' });
    await dialkit.agent.pause('lunch');
    expect(dialkit.agent.state.pendingPause?.code).toBe('lunch');
    await dialkit.calls.hangup('c1');
    await dialkit.dispositions.submit('c1', { code: 'NA' });
    expect(dialkit.agent.status).toMatchObject({ kind: 'paused', reason: { code: 'lunch', kind: 'break' } });
    expect(backend.calls.filter((c) => c.method === 'presence.pause').map((c) => (c.args[0] as { code: string }).code)).toEqual(['lunch']);
  });
});

describe('illegal commands reject with a typed error naming the state', () => {
  it('wrong credentials', async () => {
    const c = await createTestConsole([], { users: { ana: 'secret' } });
    const e = await rejection(c.dialkit.agent.login({ username: 'ana', password: 'wrong' }));
    expect(e.code).toBe('agent.invalid-credentials');
    expect(c.dialkit.agent.status.kind).toBe('loggedOut');
    expect(JSON.stringify(c.backend.calls)).not.toContain('wrong');
  });

  it('Ready without a campaign, and joining one that is not assigned', async () => {
    const c = await createTestConsole([], { campaigns: [spring] });
    await c.dialkit.agent.login({ username: 'ana', password: 'pw' });
    expect((await rejection(c.dialkit.agent.ready())).code).toBe('agent.campaign-required');
    const e = await rejection(c.dialkit.agent.joinCampaign('winter'));
    expect(e.code).toBe('agent.campaign-not-assigned');
    expect(e.message).toContain("'winter'");
  });

  it('no campaign assigned is said as such', async () => {
    const c = await createTestConsole([], { campaigns: [] });
    await c.dialkit.agent.login({ username: 'ana', password: 'pw' });
    expect((await rejection(c.dialkit.agent.joinCampaign('spring-sale'))).code).toBe('agent.no-campaign-assigned');
  });

  it('hold on a ringing call', async () => {
    const { dialkit, backend } = await readyAgent(await createTestConsole([], { campaigns: [spring], autoConfirm: true }));
    const { callId } = await dialkit.calls.dial('600 222 333');
    backend.emit({ type: 'call.ringing', callId });
    const e = await rejection(dialkit.calls.hold(callId));
    expect(e.code).toBe('call.invalid-state');
    expect(e.message).toBe(`Call '${callId}' cannot be held while 'ringing'`);
  });

  it('an invalid manual number, and a second call while the first is not held', async () => {
    const { dialkit } = await readyAgent();
    const bad = await rejection(dialkit.calls.dial('call-me'));
    expect(bad.code).toBe('call.invalid-number');
    expect(bad.message).toContain("'call-me'");
    await dialkit.calls.dial('600222333');
    expect((await rejection(dialkit.calls.dial('600444555'))).code).toBe('call.line-busy');
  });

  it('logout with a call awaiting its disposition', async () => {
    const { dialkit, backend } = await readyAgent();
    backend.emit(offer());
    backend.emit({ type: 'call.connected', callId: 'c1' });
    backend.emit({ type: 'call.ended', callId: 'c1', cause: 'remoteHangup' });
    const e = await rejection(dialkit.agent.logout());
    expect(e.code).toBe('agent.calls-active');
    expect(e.message).toContain("'wrapUp'");
  });

  it('a command the backend never confirms times out on virtual time', async () => {
    const c = await createTestConsole([], { campaigns: [spring], autoConfirm: false, commandTimeoutMs: 5_000 });
    const login = c.dialkit.agent.login({ username: 'ana', password: 'pw' });
    const result = rejection(login);
    await c.time.advance(5_001);
    expect((await result).code).toBe('command.timeout');
  });
});

describe('plugins hook any command', () => {
  it('a compliance plugin vetoes a dial with its own code; unloading it lifts the veto', async () => {
    const compliance = definePlugin({
      id: 'compliance-hours',
      requires: { calls: CallService },
      activate(_deps, ctx) {
        ctx.actions.before(Commands.dial, ({ number }) => {
          if (number.startsWith('900')) throw new DialkitError('compliance.do-not-call', `${number} is on the do-not-call list`);
        });
      },
    });
    const c = await createTestConsole([compliance], { campaigns: [spring] });
    const { dialkit }: { dialkit: Dialkit } = await readyAgent(c);
    const e = await rejection(dialkit.calls.dial('900123456'));
    expect(e.code).toBe('compliance.do-not-call');
    expect(c.backend.calls.some((x) => x.method === 'callControl.dial')).toBe(false);
    dialkit.plugins.unload('compliance-hours');
    await dialkit.calls.dial('900123456');
    expect(c.backend.calls.some((x) => x.method === 'callControl.dial')).toBe(true);
  });
});

describe('the backend owns presence too', () => {
  it('a supervisor pause from the backend wins and the difference is logged; the agent\'s own pause is not', async () => {
    const logger = memoryLogger();
    const c = await createTestConsole([], { campaigns: [spring], logger });
    await readyAgent(c);
    await c.dialkit.agent.pause('training');
    await c.time.advance(2_000);
    expect(logger.entries.filter((e) => e.message.includes('changed the agent'))).toEqual([]);
    await c.dialkit.agent.ready();
    await c.time.advance(2_000);
    c.backend.emit({ type: 'agent.paused', reason: { code: 'supervisor', label: 'Supervisor', kind: 'pause' } });
    expect(c.dialkit.agent.status).toMatchObject({ kind: 'paused', reason: { code: 'supervisor' } });
    expect(logger.entries.filter((e) => e.message.includes('changed the agent')).map((e) => e.message)).toEqual([
      "The backend changed the agent's presence: 'agent.paused' while 'ready'",
    ]);
  });

  it('when the dialer refuses the Ready core sends after a wrap-up, the agent is told, and its later Ready counts as the backend\'s own', async () => {
    const logger = memoryLogger();
    const c = await createTestConsole([], { campaigns: [spring], logger });
    await readyAgent(c);
    c.backend.emit(offer());
    c.backend.emit({ type: 'call.connected', callId: 'c1' });
    c.backend.emit({ type: 'call.ended', callId: 'c1', cause: 'remoteHangup' });
    c.backend.failNext('presence.ready', new Error('dialer busy'));
    await c.dialkit.dispositions.submit('c1', { code: 'NA' });
    await c.time.advance(10);
    expect(c.dialkit.notifications.notifications.map((n) => `${n.code ?? ''} ${n.message}`)).toContain('agent.presence-sync-failed Updating your status at the dialer failed: dialer busy');
    // The failed request is forgotten: a Ready the dialer sends later is its own, and logged as such.
    c.backend.emit({ type: 'agent.paused', reason: { code: 'supervisor', label: 'Supervisor', kind: 'pause' } });
    c.backend.emit({ type: 'agent.ready' });
    expect(logger.entries.filter((e) => e.message.includes('changed the agent')).map((e) => e.message)).toEqual([
      "The backend changed the agent's presence: 'agent.paused' while 'ready'",
      "The backend changed the agent's presence: 'agent.ready' while 'paused'",
    ]);
  });

  it('a refused Ready after a wrap-up is sent again after 2 s, then 4 s…, and at once when the agent presses Play', async () => {
    const c = await inWrapUp();
    const { readies } = c;
    const before = readies();
    c.backend.failNext('presence.ready', new Error('dialer busy'));
    await c.dialkit.dispositions.submit('c1', { code: 'NA' });
    await c.time.advance(10);
    expect(readies()).toBe(before + 1);
    c.backend.failNext('presence.ready', new Error('dialer still busy'));
    await c.time.advance(2_000);
    expect(readies()).toBe(before + 2);
    // Play while the retry waits: sent at once, and it gets through; no retry follows.
    await c.dialkit.agent.ready();
    expect(readies()).toBe(before + 3);
    await c.time.advance(60_000);
    expect(readies()).toBe(before + 3);
    expect(c.dialkit.agent.status.kind).toBe('ready');
  });

  it('a retry stops when the agent\'s status changes; Play on a Ready the dialer has heard sends nothing', async () => {
    const c = await inWrapUp();
    const { readies } = c;
    c.backend.failNext('presence.ready', new Error('dialer busy'));
    await c.dialkit.dispositions.submit('c1', { code: 'NA' });
    await c.time.advance(10);
    const after = readies();
    await c.dialkit.agent.pause('lunch');
    await c.time.advance(60_000);
    expect(readies()).toBe(after);
    await c.dialkit.agent.ready();
    const heard = readies();
    await c.dialkit.agent.ready();
    expect(readies()).toBe(heard);
  });

  it('the backend logging the agent out during wrap-up says so, naming the call, and keeps the notes typed', async () => {
    const c = await createTestConsole([], { campaigns: [spring] });
    await readyAgent(c);
    c.backend.emit(offer());
    c.backend.emit({ type: 'call.connected', callId: 'c1' });
    c.backend.emit({ type: 'call.ended', callId: 'c1', cause: 'remoteHangup' });
    c.dialkit.dispositions.saveDraft('c1', { notes: 'Wants a call on Monday' });
    await c.time.advance(1_000);
    c.backend.emit({ type: 'agent.logged-out' });
    expect(c.dialkit.agent.status.kind).toBe('loggedOut');
    const n = c.dialkit.notifications.notifications.find((x) => x.code === 'agent.logged-out-with-calls');
    expect(n).toMatchObject({ kind: 'error', level: 'warning', message: 'The dialer logged you out before you submitted the outcome of the call to +34600111222' });
    expect(await c.storage.get('drafts', 'c1')).toMatchObject({ notes: 'Wants a call on Monday' });
    // A logout the agent asked for (no call pending) says nothing.
    await readyAgent(c);
    await c.dialkit.agent.logout();
    expect(c.dialkit.notifications.notifications.filter((x) => x.code === 'agent.logged-out-with-calls')).toHaveLength(1);
  });
});
