import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { toDialkitError, type CommandDescriptor, type DialkitError, type ExecuteArgs } from '@dialkit/core';
import { useDialkit } from './use-dialkit.js';

/** How a run of {@link useCommand} ended: the result, or the error (also kept in `error`). */
export type CommandOutcome<TResult> =
  | {
      /** It succeeded. */
      readonly ok: true;
      /** The command's result. */
      readonly value: TResult;
    }
  | {
      /** It failed. */
      readonly ok: false;
      /** Why. */
      readonly error: DialkitError;
    };

/** What {@link useCommand} returns. */
export interface CommandState<TArgs, TResult> {
  /** Runs the command; never rejects: resolves with its outcome (a failure is also kept in `error`). */
  readonly run: (...args: ExecuteArgs<TArgs>) => Promise<CommandOutcome<TResult>>;
  /** True while a run is in flight: disable the button that started it. */
  readonly pending: boolean;
  /** The error of the latest run, or null (cleared when a run starts). */
  readonly error: DialkitError | null;
  /** Forgets the error (e.g. when the user edits the form again). */
  readonly reset: () => void;
}

/**
 * Runs a command through the console's pipeline, tracking whether it is pending and how it failed.
 *
 * @param cmd - the command descriptor, e.g. `Commands.hold`.
 * @example
 * ```tsx
 * const hold = useCommand(Commands.hold);
 * <button disabled={hold.pending} onClick={() => void hold.run({ callId })}>Hold</button>
 * ```
 */
export function useCommand<TArgs, TResult>(cmd: CommandDescriptor<TArgs, TResult>): CommandState<TArgs, TResult> {
  const { commands } = useDialkit();
  const [state, setState] = useState<{ pending: boolean; error: DialkitError | null }>({ pending: false, error: null });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(
    async (...args: ExecuteArgs<TArgs>): Promise<CommandOutcome<TResult>> => {
      setState({ pending: true, error: null });
      try {
        const value = await commands.execute(cmd, ...args);
        if (mounted.current) setState({ pending: false, error: null });
        return { ok: true, value };
      } catch (e) {
        const error = toDialkitError(e);
        if (mounted.current) setState({ pending: false, error });
        return { ok: false, error };
      }
    },
    [commands, cmd],
  );
  const reset = useCallback(() => setState((s) => (s.error === null ? s : { ...s, error: null })), []);
  return { run, pending: state.pending, error: state.error, reset };
}
