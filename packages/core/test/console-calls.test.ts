import { firstValueFrom, skip, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { Commands, DialkitError, type Capability } from '../src/index.js';
import { createTestConsole, rejection, testCampaign, type TestConsole } from '../src/testing/index.js';

const spring = testCampaign();
const lead = { id: 'L7', name: 'Jorge Díaz', phone: '+34600777888', fields: { plan: 'Gold' } };

async function onCall(options: { capabilities?: Capability[] } = {}): Promise<TestConsole> {
  const t = await createTestConsole([], { campaigns: [spring], leads: [lead], ...options });
  await t.dialkit.agent.login({ username: 'ana', password: 'pw' });
  await t.dialkit.agent.joinCampaign('spring-sale');
  await t.dialkit.agent.ready();
  t.backend.emit({ type: 'call.offered', callId: 'c1', direction: 'outbound', origin: 'predictive', remoteNumber: '+34600111222', campaignId: 'spring-sale' });
  t.backend.emit({ type: 'call.connected', callId: 'c1' });
  return t;
}

async function code(p: Promise<unknown>): Promise<string> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  if (!(e instanceof DialkitError)) throw new Error(`expected a DialkitError, got ${String(e)}`);
  return e.code;
}

describe('call controls beyond the basic workflow', () => {
  it('the agent declines an offered inbound call: it ends as rejected, no wrap-up, back to Ready', async () => {
    const t = await createTestConsole([], { campaigns: [spring] });
    await t.dialkit.agent.login({ username: 'ana', password: 'pw' });
    await t.dialkit.agent.joinCampaign('spring-sale');
    await t.dialkit.agent.ready();
    t.backend.emit({ type: 'call.offered', callId: 'in1', direction: 'inbound', origin: 'inbound', remoteNumber: '912000111' });
    expect(t.dialkit.agent.status.kind).toBe('reserved');
    await t.dialkit.calls.reject('in1');
    expect(t.dialkit.calls.lines).toEqual([]);
    expect(t.dialkit.agent.status.kind).toBe('ready');
  });

  it('DTMF digits reach the backend; bad digits and a held call are refused', async () => {
    const { dialkit, backend } = await onCall();
    await dialkit.calls.sendDtmf('c1', '12#*a');
    expect(backend.calls.find((c) => c.method === 'callControl.sendDtmf')?.args).toEqual(['c1', '12#*A']);
    expect(await code(dialkit.calls.sendDtmf('c1', '12x'))).toBe('input.invalid');
    await dialkit.calls.hold('c1');
    expect(await code(dialkit.calls.sendDtmf('c1', '1'))).toBe('call.invalid-state');
  });

  it('blind transfer ends the call as transferred and the agent dispositions it', async () => {
    const { dialkit, backend } = await onCall();
    expect(await code(dialkit.calls.transferBlind('c1', ''))).toBe('input.invalid');
    await dialkit.calls.transferBlind('c1', '7001');
    expect(backend.calls.some((c) => c.method === 'callControl.transferBlind' && c.args[1] === '7001')).toBe(true);
    expect(dialkit.calls.lines[0]?.status).toEqual({ kind: 'ended', cause: 'transferred' });
    expect(dialkit.agent.status.kind).toBe('wrapUp');
  });

  it('warm transfer: the customer is held, a consult call rings the colleague, completing hands the customer over', async () => {
    const { dialkit } = await onCall();
    const { callId: consult } = await dialkit.calls.consult('c1', '7002');
    const lines = dialkit.calls.lines;
    expect(lines.find((c) => c.id === 'c1')?.status).toEqual({ kind: 'held', by: 'local' });
    expect(lines.find((c) => c.id === consult)).toMatchObject({ role: 'consult', consultFor: 'c1', line: 2, origin: 'transfer' });
    expect(await code(dialkit.calls.completeTransfer(consult, 'c1'))).toBe('call.invalid-state');
    await dialkit.calls.completeTransfer('c1', consult);
    expect(dialkit.calls.lines.map((c) => [c.id, c.status.kind])).toEqual([['c1', 'ended']]);
    expect(dialkit.agent.status.kind).toBe('wrapUp');
  });

  it('conference merges the customer and the consulted colleague', async () => {
    const { dialkit, backend } = await onCall();
    const { callId: consult } = await dialkit.calls.consult('c1', '7002');
    expect(await code(dialkit.calls.conference(['c1', consult]))).toBe('call.invalid-state');
    backend.emit({ type: 'call.connected', callId: consult });
    await dialkit.calls.conference(['c1', consult]);
    const ids = new Set(dialkit.calls.lines.map((c) => c.conferenceId));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toBeTruthy();
    expect(await code(dialkit.calls.conference(['c1']))).toBe('input.invalid');
  });

  it('a backend without warm transfer, conference or manual dialling refuses them with call.unsupported', async () => {
    const { dialkit } = await onCall({ capabilities: ['hold', 'mute'] });
    expect(await code(dialkit.calls.consult('c1', '7002'))).toBe('call.unsupported');
    expect(await code(dialkit.calls.conference(['c1', 'c2']))).toBe('call.unsupported');
    expect(await code(dialkit.calls.sendDtmf('c1', '1'))).toBe('call.unsupported');
    await dialkit.calls.hold('c1');
    expect(await code(dialkit.calls.dial('600222333'))).toBe('call.unsupported');
  });

  it('a hold by the far end shows as remote hold and cannot be resumed from the console', async () => {
    const { dialkit, backend } = await onCall();
    backend.emit({ type: 'call.held', callId: 'c1', by: 'remote' });
    expect(dialkit.calls.active?.status).toEqual({ kind: 'held', by: 'remote' });
    expect(await code(dialkit.calls.resume('c1'))).toBe('call.invalid-state');
  });
});

describe('live call information', () => {
  it('call duration ticks every second on the scheduler from the moment the call connects', async () => {
    const { dialkit, time } = await onCall();
    const ticks = firstValueFrom(dialkit.calls.duration$('c1').pipe(take(4), toArray()));
    await time.advance(3_000);
    expect(await ticks).toEqual([0, 1000, 2000, 3000]);
  });

  it('focus moves to the call being dialled on a second line, then to an incoming offer before a held call', async () => {
    const { dialkit, backend } = await onCall();
    await dialkit.calls.hold('c1');
    const focus = firstValueFrom(dialkit.calls.active$.pipe(skip(1), take(1)));
    const { callId } = await dialkit.calls.dial('600222333');
    expect((await focus)?.id).toBe(callId);
    expect(dialkit.calls.active?.id).toBe(callId);
    backend.emit({ type: 'call.offered', callId: 'in9', direction: 'inbound', origin: 'inbound', remoteNumber: '912000999' });
    expect(dialkit.calls.active?.id).toBe(callId);
    backend.emit({ type: 'call.ended', callId, cause: 'busy' });
    expect(dialkit.calls.active?.id).toBe('in9');
  });

  it('connection status follows the backend: reconnecting, then connected', async () => {
    const { dialkit, backend } = await onCall();
    const seen = firstValueFrom(dialkit.connection$.pipe(take(3), toArray()));
    backend.emit({ type: 'connection.changed', status: 'reconnecting', detail: 'WebSocket closed' });
    backend.emit({ type: 'connection.changed', status: 'connected' });
    expect((await seen).map((c) => c.status)).toEqual(['offline', 'reconnecting', 'connected']);
    expect(dialkit.connection.status).toBe('connected');
  });

  it('a call that arrives with only a lead id gets its lead from the Leads port', async () => {
    const t = await onCall();
    t.backend.emit({ type: 'call.offered', callId: 'c2', direction: 'outbound', origin: 'predictive', remoteNumber: '+34600777888', leadId: 'L7' });
    await t.time.settle();
    expect(t.dialkit.calls.lines.find((c) => c.id === 'c2')?.lead).toMatchObject({ name: 'Jorge Díaz', fields: { plan: 'Gold' } });
  });
});

describe('a command that timed out does not run after all', () => {
  it('a dial held up by a slow before hook (a compliance check) times out and is never placed', async () => {
    const t = await createTestConsole([], { campaigns: [spring] });
    await t.dialkit.agent.login({ username: 'ana', password: 'pw' });
    await t.dialkit.agent.joinCampaign('spring-sale');
    t.dialkit.commands.before(Commands.dial, () => new Promise<void>((resolve) => t.time.scheduler.schedule(() => resolve(), 12_000)));
    const refused = rejection(t.dialkit.calls.dial('600111222'));
    await t.time.advance(10_000);
    expect((await refused).code).toBe('command.timeout');
    await t.time.advance(5_000);
    expect(t.backend.calls.filter((c) => c.method === 'callControl.dial')).toEqual([]);
    expect(t.dialkit.calls.lines).toEqual([]);
    await t.dialkit.dispose();
  });
});
