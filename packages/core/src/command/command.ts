const COMMAND_ID = /^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$/;

/**
 * A typed command: an id plus the types of its arguments and result.
 *
 * @remarks
 * Descriptors carry no behaviour. A handler is registered for one with
 * {@link CommandService.register}; plugins hook it with `before`, `after` and `replace`, and
 * anyone runs it with {@link CommandService.execute}, which resolves with `TResult` or rejects
 * with a `DialkitError`.
 *
 * @typeParam TArgs - what `execute` takes.
 * @typeParam TResult - what `execute` resolves with.
 */
export interface CommandDescriptor<TArgs, TResult = void> {
  /** Dotted kebab-case id, e.g. `call.hold`, `transfer.blind`. */
  readonly id: string;
  /** How long `execute` waits for the handler before rejecting with `command.timeout`; undefined = the service's default. */
  readonly timeoutMs: number | undefined;
  /** One sentence for devtools and generated docs. */
  readonly description: string | undefined;
  /** Type-only marker that keeps `TArgs` and `TResult`; never set at run time. */
  readonly __types?: { readonly args: TArgs; readonly result: TResult };
}

/** Any command descriptor, whatever its types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommandDescriptor = CommandDescriptor<any, any>;

/** The argument type of a {@link CommandDescriptor}. */
export type CommandArgs<C> = C extends CommandDescriptor<infer A, unknown> ? A : never;

/** The result type of a {@link CommandDescriptor}. */
export type CommandResult<C> = C extends CommandDescriptor<unknown, infer R> ? R : never;

/** Options of {@link defineCommand}. */
export interface CommandOptions {
  /** Per-command timeout in ms (a positive, finite number); the service's default otherwise. */
  readonly timeoutMs?: number;
  /** One sentence saying what the command does. */
  readonly description?: string;
}

/**
 * Defines a typed command descriptor.
 *
 * @param id - dotted kebab-case id: `call.hold`, `transfer.blind`, `plugin.crm.open-lead`.
 * @param options - timeout and description.
 * @throws TypeError when the id is not dotted kebab-case or the timeout is not a positive number (programmer errors).
 * @example
 * ```ts
 * export const blindTransfer = defineCommand<{ callId: string; target: string }>('transfer.blind', {
 *   timeoutMs: 5_000,
 *   description: 'Transfers a call to a number without consulting first.',
 * });
 * commands.register(blindTransfer, ({ callId, target }) => callControl.transfer(callId, target));
 * await commands.execute(blindTransfer, { callId: 'c-1', target: '+34600111222' });
 * ```
 */
export function defineCommand<TArgs, TResult = void>(
  id: string,
  options: CommandOptions = {},
): CommandDescriptor<TArgs, TResult> {
  if (!COMMAND_ID.test(id)) {
    throw new TypeError(`Command id '${id}' must be dotted kebab-case, e.g. 'call.hold'`);
  }
  const { timeoutMs, description } = options;
  if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new TypeError(`Command '${id}' has timeoutMs ${String(timeoutMs)}; it must be a positive number of ms`);
  }
  return Object.freeze({ id, timeoutMs, description });
}
