import { disposeAfterEach, make } from './command-service.fixture.js';
import { describe, expect, it } from 'vitest';
import { DialkitError } from '../common/errors.js';
import { defineCommand } from './command.js';

const dial = defineCommand<{ number: string; campaignId?: string }, string>('call.dial');
const hold = defineCommand<{ callId: string }>('call.hold', { timeoutMs: 5_000 });

/** Lets pending promise callbacks run (one macrotask turn; no timers, no sleeping). */
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

disposeAfterEach();

describe('CommandServiceImpl', () => {
  it('executes the registered handler and resolves with its result', async () => {
    const { commands } = make();
    commands.register(dial, ({ number }) => `c-${number}`);
    await expect(commands.execute(dial, { number: '600' })).resolves.toBe('c-600');
    expect(commands.has(dial)).toBe(true);
  });

  it('unknown command → rejects with command.unknown naming it, without throwing synchronously', async () => {
    const { commands, traces } = make();
    let promise: Promise<unknown> | undefined;
    expect(() => (promise = commands.execute(hold, { callId: 'c-1' }))).not.toThrow();
    await expect(promise).rejects.toMatchObject({ code: 'command.unknown', message: "No handler for command 'call.hold'" });
    expect(commands.has(hold)).toBe(false);
    expect(traces.map((t) => t.phase === 'failure' && t.errorCode)).toEqual([false, 'command.unknown']);
  });

  it('a handler that throws synchronously → a rejected promise with command.failed and the cause', async () => {
    const { commands } = make();
    const boom = new Error('socket closed');
    commands.register(hold, () => {
      throw boom;
    });
    const error = await commands.execute(hold, { callId: 'c-1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DialkitError);
    expect(error).toMatchObject({ code: 'command.failed', cause: boom });
    expect((error as Error).message).toContain("'call.hold'");
  });

  it("a handler's own DialkitError reaches the caller unchanged", async () => {
    const { commands } = make();
    const refused = new DialkitError('call.invalid-state', "Call 'c-1' cannot be held while 'ringing'");
    commands.register(hold, () => Promise.reject(refused));
    await expect(commands.execute(hold, { callId: 'c-1' })).rejects.toBe(refused);
  });

  it('a second handler for one command is a programmer error until the first is disposed', async () => {
    const { commands } = make();
    const first = commands.register(dial, () => 'first');
    expect(() => commands.register(dial, () => 'second')).toThrow(expect.objectContaining({ code: 'input.invalid' }) as Error);
    first.dispose();
    expect(commands.has(dial)).toBe(false);
    commands.register(dial, () => 'second');
    await expect(commands.execute(dial, { number: '1' })).resolves.toBe('second');
  });

  describe('before hooks', () => {
    it("a plugin's own DialkitError vetoes the command unchanged and the handler never runs", async () => {
      const { commands } = make();
      const calls: string[] = [];
      commands.register(dial, ({ number }) => (calls.push(number), 'c-1'));
      const outside = new DialkitError('compliance.outside-calling-hours', 'Calls to 600 are not allowed now');
      commands.before(dial, () => {
        throw outside;
      });
      await expect(commands.execute(dial, { number: '600' })).rejects.toBe(outside);
      expect(calls).toEqual([]);
    });

    it('any other error thrown (or rejected) by a hook becomes command.vetoed with the cause', async () => {
      const { commands } = make();
      commands.register(dial, () => 'c-1');
      const reason = new Error('number is on the do-not-call list');
      commands.before(dial, () => Promise.reject(reason));
      await expect(commands.execute(dial, { number: '600' })).rejects.toMatchObject({
        code: 'command.vetoed',
        cause: reason,
        message: "Command 'call.dial' was vetoed: number is on the do-not-call list",
      });
    });

    it('decorate the args in registration order; returning nothing keeps them', async () => {
      const { commands } = make();
      const seen: string[] = [];
      commands.register(dial, ({ number, campaignId }) => `${campaignId ?? '-'}:${number}`);
      commands.before(dial, (args) => ({ ...args, number: `+34${args.number}` }));
      commands.before(dial, (args) => {
        seen.push(args.number);
      });
      commands.before(dial, async (args, ctx) => {
        await Promise.resolve();
        return { ...args, campaignId: ctx.command.id };
      });
      await expect(commands.execute(dial, { number: '600' })).resolves.toBe('call.dial:+34600');
      expect(seen).toEqual(['+34600']);
    });
  });

  describe('after hooks', () => {
    it('run with the result and the decorated args; one that throws is logged and traced, never fails the command', async () => {
      const { commands, logger, traces } = make();
      const seen: unknown[] = [];
      commands.register(dial, () => 'c-9');
      commands.before(dial, (args) => ({ ...args, number: '+1' }));
      commands.after(dial, () => {
        throw new Error('CRM is down');
      });
      commands.after(dial, (result, args) => {
        seen.push([result, args.number]);
      });
      await expect(commands.execute(dial, { number: '600' })).resolves.toBe('c-9');
      await tick();
      expect(seen).toEqual([['c-9', '+1']]);
      expect(traces.map((t) => t.phase)).toEqual(['start', 'success', 'after-hook-failed']);
      expect(logger.entries.some((e) => e.level === 'error' && e.message.includes('CRM is down'))).toBe(true);
    });

    it('do not run when the command fails', async () => {
      const { commands } = make();
      let ran = false;
      commands.register(dial, () => Promise.reject(new Error('nope')));
      commands.after(dial, () => {
        ran = true;
      });
      await expect(commands.execute(dial, { number: '1' })).rejects.toMatchObject({ code: 'command.failed' });
      expect(ran).toBe(false);
    });
  });

  it('a hook disposed while the command is in flight does not run', async () => {
    const { commands } = make();
    const ran: string[] = [];
    let confirm: (id: string) => void = () => undefined;
    commands.register(dial, () => new Promise<string>((resolve) => (confirm = resolve)));
    const after = commands.after(dial, () => void ran.push('after'));
    const done = commands.execute(dial, { number: '1' });
    await tick();
    after.dispose();
    confirm('c-1');
    await done;
    await tick();
    expect(ran).toEqual([]);
  });

  describe('replace', () => {
    it('the latest replacement is outermost, and disposing one restores the chain without it', async () => {
      const { commands } = make();
      const log: string[] = [];
      commands.register(dial, ({ number }) => (log.push(`default ${number}`), 'default'));
      const a = commands.replace(dial, async (args, next) => {
        log.push('a in');
        const r = await next({ ...args, number: `${args.number}a` });
        log.push('a out');
        return `a(${r})`;
      });
      const b = commands.replace(dial, async (args, next) => {
        log.push('b in');
        return `b(${await next({ ...args, number: `${args.number}b` })})`;
      });
      await expect(commands.execute(dial, { number: '1' })).resolves.toBe('b(a(default))');
      expect(log).toEqual(['b in', 'a in', 'default 1ba', 'a out']);

      b.dispose();
      await expect(commands.execute(dial, { number: '1' })).resolves.toBe('a(default)');
      a.dispose();
      await expect(commands.execute(dial, { number: '1' })).resolves.toBe('default');
    });

    it('a replacement that does not call next takes over completely', async () => {
      const { commands } = make();
      let defaultRan = false;
      commands.register(dial, () => ((defaultRan = true), 'default'));
      commands.replace(dial, () => 'sim');
      await expect(commands.execute(dial, { number: '1' })).resolves.toBe('sim');
      expect(defaultRan).toBe(false);
    });
  });
});
