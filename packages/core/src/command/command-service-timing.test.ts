import { disposeAfterEach, make } from './command-service.fixture.js';
import type { VirtualTimeScheduler } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { DialkitError } from '../common/errors.js';
import { defineCommand } from './command.js';

const dial = defineCommand<{ number: string }, string>('call.dial');
const hold = defineCommand<{ callId: string }>('call.hold', { timeoutMs: 5_000 });
const login = defineCommand<{ username: string; password: string }, { agentId: string }>('agent.login');

/** Lets pending promise callbacks run (one macrotask turn; no timers, no sleeping). */
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Runs the virtual clock up to `frame` (inclusive). */
function advanceTo(scheduler: VirtualTimeScheduler, frame: number): void {
  scheduler.maxFrames = frame;
  scheduler.flush();
}

disposeAfterEach();

describe('CommandServiceImpl timing and inspection', () => {
  describe('timeout on virtual time', () => {
    it("rejects with command.timeout exactly at the descriptor's timeout, and a late result is ignored", async () => {
      const { commands, scheduler, traces } = make();
      let confirm: () => void = () => undefined;
      commands.register(hold, () => new Promise<void>((resolve) => (confirm = resolve)));
      const outcome = commands.execute(hold, { callId: 'c-1' }).then(
        () => 'resolved',
        (e: unknown) => e,
      );
      advanceTo(scheduler, 4_999);
      await tick();
      expect(traces.map((t) => t.phase)).toEqual(['start']);
      advanceTo(scheduler, 5_000);
      const error = await outcome;
      expect(error).toMatchObject({ code: 'command.timeout', message: "Command 'call.hold' was not confirmed within 5000 ms" });
      confirm();
      await tick();
      expect(traces.at(-1)).toMatchObject({ phase: 'failure', durationMs: 5_000, errorCode: 'command.timeout' });
      expect(traces).toHaveLength(2);
    });

    it('uses the default timeout when the descriptor has none', async () => {
      const { commands, scheduler } = make(2_000);
      commands.register(dial, () => new Promise<string>(() => undefined));
      const outcome = commands.execute(dial, { number: '1' }).catch((e: unknown) => e);
      advanceTo(scheduler, Number.POSITIVE_INFINITY);
      await expect(outcome).resolves.toMatchObject({ code: 'command.timeout', message: expect.stringContaining('2000 ms') as string });
      expect(scheduler.now()).toBe(2_000);
    });

    it('a result confirmed in time cancels the timer and reports its duration', async () => {
      const { commands, scheduler, traces } = make();
      commands.register(hold, () => new Promise<void>((resolve) => scheduler.schedule(() => resolve(), 300)));
      const done = commands.execute(hold, { callId: 'c-1' });
      advanceTo(scheduler, 300);
      await done;
      expect(traces.at(-1)).toMatchObject({ phase: 'success', durationMs: 300, commandId: 'call.hold' });
      expect(scheduler.actions).toHaveLength(0);
    });
  });

  it('inspect$ reports ids, phases, durations and codes but never argument values', async () => {
    const { commands, traces } = make();
    commands.register(login, () => Promise.reject(new DialkitError('agent.invalid-credentials', 'Wrong password')));
    await commands.execute(login, { username: 'ana', password: 'hunter2' }).catch(() => undefined);
    expect(traces).toEqual([
      { phase: 'start', executionId: 'x-1', commandId: 'agent.login', at: 0 },
      { phase: 'failure', executionId: 'x-1', commandId: 'agent.login', at: 0, durationMs: 0, errorCode: 'agent.invalid-credentials' },
    ]);
    expect(JSON.stringify(traces)).not.toMatch(/hunter2|ana/);
  });

  it('a void command can be executed without args', async () => {
    const { commands } = make();
    const logout = defineCommand<void>('agent.logout');
    commands.register(logout, () => undefined);
    await expect(commands.execute(logout)).resolves.toBeUndefined();
  });

  it('dispose drops every handler and completes inspect$', async () => {
    const { commands } = make();
    let completed = false;
    commands.inspect$.subscribe({ complete: () => (completed = true) });
    commands.register(dial, () => 'c-1');
    commands.dispose();
    expect(completed).toBe(true);
    expect(commands.has(dial)).toBe(false);
    await expect(commands.execute(dial, { number: '1' })).rejects.toMatchObject({ code: 'command.unknown' });
  });
});
