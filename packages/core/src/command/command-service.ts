import type { Observable } from 'rxjs';
import type { Disposable } from '../common/disposable.js';
import type { ErrorCode } from '../common/errors.js';
import { createToken } from '../common/token.js';
import type { AnyCommandDescriptor, CommandDescriptor } from './command.js';

/** The default handler of a command: does the work and resolves with the result. */
export type CommandHandler<TArgs, TResult> = (args: TArgs) => Promise<TResult> | TResult;

/** What a `before` hook learns about the execution it runs in. */
export interface CommandHookContext {
  /** The command being executed. */
  readonly command: AnyCommandDescriptor;
  /** Unique id of this execution (the same one {@link CommandService.inspect$} reports). */
  readonly executionId: string;
  /** When the execution started, from the scheduler (ms). */
  readonly startedAt: number;
}

/**
 * Runs before the handler. Throw to veto the command; return new arguments to decorate it;
 * return nothing to let it through unchanged.
 */
export type BeforeHook<TArgs> = (args: TArgs, ctx: CommandHookContext) => void | TArgs | Promise<void | TArgs>;

/** Runs after the command succeeded, with its result and the arguments the handler got. */
export type AfterHook<TArgs, TResult> = (result: TResult, args: TArgs) => void | Promise<void>;

/**
 * Wraps the command's handler: call `next(args)` to run the rest of the chain (the previous
 * replacement, and finally the default handler), or don't, to take over completely.
 */
export type ReplaceHandler<TArgs, TResult> = (
  args: TArgs,
  next: (args: TArgs) => Promise<TResult>,
) => Promise<TResult> | TResult;

/** The arguments `execute` takes: optional for commands whose `TArgs` is `void`. */
export type ExecuteArgs<TArgs> = [TArgs] extends [void] ? [args?: TArgs] : [args: TArgs];

/** Fields every {@link CommandTrace} has. */
export interface CommandTraceBase {
  /** Unique id of the execution. */
  readonly executionId: string;
  /** The command's id. */
  readonly commandId: string;
  /** When this was observed, from the scheduler (ms). */
  readonly at: number;
}

/**
 * One step of one command execution, for devtools and tests.
 *
 * @remarks Never carries argument or result values: they may hold credentials.
 * `after-hook-failed` reports an `after` hook that threw; the command itself had succeeded.
 */
export type CommandTrace =
  | (CommandTraceBase & { readonly phase: 'start' })
  | (CommandTraceBase & { readonly phase: 'success'; readonly durationMs: number })
  | (CommandTraceBase & { readonly phase: 'failure'; readonly durationMs: number; readonly errorCode: ErrorCode })
  | (CommandTraceBase & { readonly phase: 'after-hook-failed'; readonly errorCode: ErrorCode });

/**
 * The action pipeline: registers command handlers, lets plugins hook every command, and runs them.
 *
 * @remarks
 * `execute` runs: `before` hooks in registration order (each may veto or decorate the args) →
 * the `replace` chain, newest outermost, ending in the default handler → `after` hooks (their
 * failures are logged and traced, never fail the command). The whole of `before` + handler is
 * bounded by the command's timeout on the injected scheduler; a command that timed out while a
 * `before` hook was still working stops there: no later hook, replacement or handler runs.
 *
 * Rejections are always a `DialkitError`: `command.unknown`, `command.timeout`,
 * `command.vetoed` (a hook threw something that is not a `DialkitError`; a hook's own
 * `DialkitError` passes through unchanged), `command.failed` (the handler threw something that
 * is not a `DialkitError`), or the handler's own `DialkitError`.
 */
export interface CommandService {
  /** Every execution's start, success and failure, and failed `after` hooks. Hot; never errors; completes on dispose. */
  readonly inspect$: Observable<CommandTrace>;
  /**
   * Registers the default handler of a command.
   *
   * @throws DialkitError `input.invalid` when the command already has a handler that was not disposed (a programmer error).
   */
  register<TArgs, TResult>(cmd: CommandDescriptor<TArgs, TResult>, handler: CommandHandler<TArgs, TResult>): Disposable;
  /** Adds a hook that runs before the handler, after the hooks registered earlier. */
  before<TArgs, TResult>(cmd: CommandDescriptor<TArgs, TResult>, hook: BeforeHook<TArgs>): Disposable;
  /** Adds a hook that runs after the command succeeded. */
  after<TArgs, TResult>(cmd: CommandDescriptor<TArgs, TResult>, hook: AfterHook<TArgs, TResult>): Disposable;
  /** Wraps the command's handler chain; the latest replacement is outermost; disposing removes it from the chain. */
  replace<TArgs, TResult>(cmd: CommandDescriptor<TArgs, TResult>, handler: ReplaceHandler<TArgs, TResult>): Disposable;
  /** Runs a command. Never throws synchronously: always a Promise, rejected only with a `DialkitError`. */
  execute<TArgs, TResult>(cmd: CommandDescriptor<TArgs, TResult>, ...args: ExecuteArgs<TArgs>): Promise<TResult>;
  /** True when the command has a default handler. */
  has(cmd: AnyCommandDescriptor): boolean;
  /** Drops every handler and hook and completes {@link CommandService.inspect$}. */
  dispose(): void;
}
/** Token for the {@link CommandService}. */
export const CommandService = createToken<CommandService>('core.command-service');
