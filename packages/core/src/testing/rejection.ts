import { DialkitError } from '../common/errors.js';

/**
 * The `DialkitError` a promise rejects with; fails (throws) when it resolves or rejects with
 * anything else. For tests that assert an error's code and message.
 *
 * @example
 * ```ts
 * const e = await rejection(dialkit.agent.ready());
 * expect(e.code).toBe('agent.campaign-required');
 * ```
 */
export async function rejection(p: Promise<unknown>): Promise<DialkitError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DialkitError) return e;
    throw new Error(`expected a DialkitError, got ${String(e)}`, { cause: e });
  }
  throw new Error('expected a rejection');
}
