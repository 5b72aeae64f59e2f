import type { SchedulerLike } from 'rxjs';
import { Subject } from 'rxjs';
import type { Disposable } from '../common/disposable.js';
import { toDisposable } from '../common/disposable.js';
import { DialkitError, toDialkitError } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import type { AnyCommandDescriptor, CommandDescriptor } from './command.js';
import type {
  AfterHook,
  BeforeHook,
  CommandHandler,
  CommandHookContext,
  CommandService,
  CommandTrace,
  ExecuteArgs,
  ReplaceHandler,
} from './command-service.js';

/** Options of {@link CommandServiceImpl}. */
export interface CommandServiceOptions {
  /** Where timeouts run and durations are measured. */
  readonly scheduler: SchedulerLike;
  /** Where failed `after` hooks and failed commands are logged (ids and codes only, never args). */
  readonly logger: Logger;
  /** Timeout for commands whose descriptor sets none; 10 000 ms by default. */
  readonly defaultTimeoutMs?: number;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- handlers of every command share one table */
type AnyHandler = CommandHandler<any, any>;
type AnyBefore = BeforeHook<any>;
type AnyAfter = AfterHook<any, any>;
type AnyReplace = ReplaceHandler<any, any>;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Everything registered for one command id. */
interface Entry {
  handler: AnyHandler | undefined;
  readonly before: AnyBefore[];
  readonly after: AnyAfter[];
  readonly replace: AnyReplace[];
}

const isPromiseLike = (v: unknown): v is PromiseLike<unknown> =>
  typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function';

/** Thrown inside the pipeline to tell a hook's veto from a handler's failure. */
class Vetoed extends Error {
  constructor(readonly error: unknown) {
    super('vetoed');
  }
}

/** Thrown inside the pipeline when the command settled (timed out) before it got that far. */
const ABANDONED = new Error('abandoned after the command settled');

/**
 * The {@link CommandService}: the action pipeline with hooks, replacements, timeouts on the
 * injected scheduler, and an inspection stream.
 */
export class CommandServiceImpl implements CommandService {
  private readonly entries = new Map<string, Entry>();
  private readonly trace$ = new Subject<CommandTrace>();
  private readonly scheduler: SchedulerLike;
  private readonly logger: Logger;
  private readonly defaultTimeoutMs: number;
  private sequence = 0;
  private disposed = false;

  readonly inspect$ = this.trace$.asObservable();

  /** @param options - scheduler, logger and default timeout. */
  constructor(options: CommandServiceOptions) {
    this.scheduler = options.scheduler;
    this.logger = options.logger;
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? 10_000;
    if (!(Number.isFinite(this.defaultTimeoutMs) && this.defaultTimeoutMs > 0)) {
      throw new TypeError(`defaultTimeoutMs must be a positive number of ms, not ${this.defaultTimeoutMs}`);
    }
  }

  register<TArgs, TResult>(cmd: CommandDescriptor<TArgs, TResult>, handler: CommandHandler<TArgs, TResult>): Disposable {
    const entry = this.entry(cmd.id);
    if (entry.handler !== undefined) {
      throw new DialkitError('input.invalid', `Command '${cmd.id}' already has a handler; dispose it before registering another`);
    }
    entry.handler = handler;
    return toDisposable(() => {
      if (entry.handler === handler) entry.handler = undefined;
    });
  }

  before<TArgs, TResult>(cmd: CommandDescriptor<TArgs, TResult>, hook: BeforeHook<TArgs>): Disposable {
    return this.addTo(this.entry(cmd.id).before, hook);
  }

  after<TArgs, TResult>(cmd: CommandDescriptor<TArgs, TResult>, hook: AfterHook<TArgs, TResult>): Disposable {
    return this.addTo(this.entry(cmd.id).after, hook);
  }

  replace<TArgs, TResult>(cmd: CommandDescriptor<TArgs, TResult>, handler: ReplaceHandler<TArgs, TResult>): Disposable {
    return this.addTo(this.entry(cmd.id).replace, handler);
  }

  has(cmd: AnyCommandDescriptor): boolean {
    return this.entries.get(cmd.id)?.handler !== undefined;
  }

  execute<TArgs, TResult>(cmd: CommandDescriptor<TArgs, TResult>, ...rest: ExecuteArgs<TArgs>): Promise<TResult> {
    return new Promise<TResult>((resolve, reject) => {
      const executionId = `x-${++this.sequence}`;
      const startedAt = this.scheduler.now();
      const base = { executionId, commandId: cmd.id };
      this.trace$.next({ ...base, phase: 'start', at: startedAt });
      const entry = this.entries.get(cmd.id);
      const handler = entry?.handler;
      if (entry === undefined || handler === undefined) {
        const error = new DialkitError('command.unknown', `No handler for command '${cmd.id}'`);
        this.trace$.next({ ...base, phase: 'failure', at: startedAt, durationMs: 0, errorCode: error.code });
        reject(error);
        return;
      }
      const timeoutMs = cmd.timeoutMs ?? this.defaultTimeoutMs;
      let settled = false;
      const settle = (): number => {
        settled = true;
        timer.unsubscribe();
        return this.scheduler.now();
      };
      const fail = (error: DialkitError): void => {
        if (settled) return;
        const at = settle();
        this.trace$.next({ ...base, phase: 'failure', at, durationMs: at - startedAt, errorCode: error.code });
        this.logger.log('warn', `Command '${cmd.id}' failed with '${error.code}'`, { ...base, code: error.code });
        reject(error);
      };
      const succeed = (result: TResult, finalArgs: TArgs): void => {
        if (settled) return;
        const at = settle();
        this.trace$.next({ ...base, phase: 'success', at, durationMs: at - startedAt });
        resolve(result);
        void this.runAfter(cmd.id, executionId, entry.after, result, finalArgs);
      };

      const timer = this.scheduler.schedule(() => {
        fail(new DialkitError('command.timeout', `Command '${cmd.id}' was not confirmed within ${timeoutMs} ms`));
      }, timeoutMs);
      const ctx: CommandHookContext = { command: cmd, executionId, startedAt };
      this.pipeline(entry, handler, rest[0], ctx, () => settled).then(
        ([result, finalArgs]) => succeed(result as TResult, finalArgs as TArgs),
        (e: unknown) => fail(this.classify(cmd.id, e)),
      );
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.entries.clear();
    this.trace$.complete();
  }

  /**
   * Before hooks, then the replace chain and the handler. Once the command has settled (it timed
   * out while a hook was still working), nothing further runs: the caller was told it failed, so
   * the backend must not be asked after all.
   */
  private async pipeline(entry: Entry, handler: AnyHandler, args: unknown, ctx: CommandHookContext, settled: () => boolean): Promise<[unknown, unknown]> {
    let current = args;
    for (const hook of [...entry.before]) {
      if (settled()) throw ABANDONED;
      if (!entry.before.includes(hook)) continue;
      try {
        const out: unknown = hook(current, ctx);
        const value: unknown = isPromiseLike(out) ? await out : out;
        if (value !== undefined) current = value;
      } catch (e: unknown) {
        throw new Vetoed(e);
      }
    }
    const chain = [...entry.replace];
    const call = async (index: number, a: unknown): Promise<unknown> => {
      if (settled()) throw ABANDONED;
      const outer = chain[index];
      return await (outer === undefined ? handler(a) : outer(a, (next: unknown) => call(index - 1, next)));
    };
    return [await call(chain.length - 1, current), current];
  }

  private classify(commandId: string, e: unknown): DialkitError {
    if (e instanceof Vetoed) {
      return toDialkitError(e.error, 'command.vetoed', `Command '${commandId}' was vetoed`);
    }
    return toDialkitError(e, 'command.failed', `Command '${commandId}' failed`);
  }

  private async runAfter(commandId: string, executionId: string, live: readonly AnyAfter[], result: unknown, args: unknown): Promise<void> {
    for (const hook of [...live]) {
      if (!live.includes(hook)) continue;
      try {
        const out = hook(result, args);
        if (isPromiseLike(out)) await out;
      } catch (e: unknown) {
        const error = toDialkitError(e, 'command.failed', `An after hook of command '${commandId}' failed`);
        this.logger.log('error', error.message, { executionId, commandId, code: error.code });
        this.trace$.next({ executionId, commandId, phase: 'after-hook-failed', at: this.scheduler.now(), errorCode: error.code });
      }
    }
  }

  private entry(id: string): Entry {
    let entry = this.entries.get(id);
    if (entry === undefined) {
      entry = { handler: undefined, before: [], after: [], replace: [] };
      if (!this.disposed) this.entries.set(id, entry);
    }
    return entry;
  }

  private addTo<T>(list: T[], item: T): Disposable {
    list.push(item);
    return toDisposable(() => {
      const i = list.indexOf(item);
      if (i >= 0) list.splice(i, 1);
    });
  }
}
