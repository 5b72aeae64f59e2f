import 'reflect-metadata';
import { Container } from 'inversify';
import type { ServiceRegistry } from '../plugin/service-registry.js';
import { toDisposable, type Disposable } from '../common/disposable.js';
import type { Token } from '../common/token.js';

/**
 * A {@link ServiceRegistry} over an inversify `Container`: Dialkit's services, the backend's ports
 * and what plugins provide are bound in it under their tokens, so an app built on inversify (as
 * Theia-style apps are) resolves them from its own container.
 *
 * @remarks The latest binding of a token wins; disposing it restores the one before. Plugins never
 * see inversify: they name tokens in `requires`.
 *
 * @example
 * ```ts
 * import { Container } from 'inversify';
 * import { inversifyRegistry } from '@dialkit/core/inversify';
 * const container = new Container();
 * const dialkit = await createConsole({ backend, registry: inversifyRegistry(container) });
 * container.get(AgentService).status$.subscribe(render);
 * ```
 */
export function inversifyRegistry(container: Container = new Container()): ServiceRegistry {
  return new InversifyRegistry(container);
}

class InversifyRegistry implements ServiceRegistry {
  private readonly stacks = new Map<symbol, unknown[]>();

  constructor(private readonly container: Container) {}

  resolve<T>(token: Token<T>): T | undefined {
    return this.container.isBound(token) ? this.container.get<T>(token) : undefined;
  }

  provide<T>(token: Token<T>, value: T): Disposable {
    const stack = this.stacks.get(token) ?? [];
    this.stacks.set(token, stack);
    const entry = { value };
    stack.push(entry);
    this.rebind(token, value);
    return toDisposable(() => {
      const i = stack.indexOf(entry);
      if (i < 0) return;
      stack.splice(i, 1);
      const top = stack[stack.length - 1] as { value: T } | undefined;
      if (top) this.rebind(token, top.value);
      else this.container.unbind(token);
    });
  }

  private rebind<T>(token: Token<T>, value: T): void {
    if (this.container.isBound(token)) this.container.unbind(token);
    this.container.bind<T>(token).toConstantValue(value);
  }
}
