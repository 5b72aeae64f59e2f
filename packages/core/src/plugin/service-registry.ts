import type { Disposable } from '../common/disposable.js';
import { toDisposable } from '../common/disposable.js';
import type { Token } from '../common/token.js';

/**
 * What the plugin host needs from the DI container: look a token up, and bind a value to one.
 *
 * @remarks The console implements it over its inversify container; plugins never see it (they
 * name tokens in `requires` and call `ctx.provide`). {@link createMapServiceRegistry} is a
 * container-free implementation for tests and small embeddings.
 */
export interface ServiceRegistry {
  /** The value bound to `token`, or undefined when nothing provides it. */
  resolve<T>(token: Token<T>): T | undefined;
  /** Binds `value` to `token`; disposing the result unbinds it (restoring any earlier binding). */
  provide<T>(token: Token<T>, value: T): Disposable;
}

/**
 * A {@link ServiceRegistry} backed by a `Map`. The latest binding of a token wins; disposing it
 * restores the one before.
 */
export function createMapServiceRegistry(): ServiceRegistry {
  const bindings = new Map<symbol, Array<{ readonly value: unknown }>>();
  return {
    resolve<T>(token: Token<T>): T | undefined {
      const stack = bindings.get(token);
      return stack?.[stack.length - 1]?.value as T | undefined;
    },
    provide<T>(token: Token<T>, value: T): Disposable {
      const binding = { value };
      const stack = bindings.get(token) ?? [];
      stack.push(binding);
      bindings.set(token, stack);
      return toDisposable(() => {
        const i = stack.indexOf(binding);
        if (i >= 0) stack.splice(i, 1);
        if (stack.length === 0 && bindings.get(token) === stack) bindings.delete(token);
      });
    },
  };
}
