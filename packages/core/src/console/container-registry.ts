import 'reflect-metadata';
import { Container } from 'inversify';
import { toDisposable, type Disposable } from '../common/disposable.js';
import type { Token } from '../common/token.js';
import type { ServiceRegistry } from '../plugin/service-registry.js';

/**
 * The console's DI container behind the {@link ServiceRegistry} the plugin host uses. Inversify
 * stays here: plugins and integrators name typed tokens and never import it.
 *
 * @remarks The latest binding of a token wins; disposing it restores the one before (a plugin
 * may decorate a core service and give it back on unload).
 */
export class ContainerRegistry implements ServiceRegistry {
  private readonly container = new Container();
  private readonly stacks = new Map<symbol, unknown[]>();

  /** @inheritDoc */
  resolve<T>(token: Token<T>): T | undefined {
    return this.container.isBound(token) ? this.container.get<T>(token) : undefined;
  }

  /** @inheritDoc */
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
