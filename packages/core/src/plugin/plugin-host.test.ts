import { dial, setup, stateOf } from './plugin-host.fixture.js';
import { VirtualTimeScheduler } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../common/clock.js';
import { DialkitError } from '../common/errors.js';
import { createToken } from '../common/token.js';
import { definePlugin } from './define-plugin.js';
import { Slots } from './slots.js';


interface Greeter {
  greet(name: string): string;
}
const Greeter = createToken<Greeter>('plugin.greeter.greeter');
const Shouter = createToken<Greeter>('plugin.shouter.shouter');
const ClockToken = createToken<Clock>('test.clock');



describe('PluginHost', () => {
  it('activates a provider before the plugin that requires it, even when the provider is listed last', async () => {
    const { host } = setup();
    const order: string[] = [];
    const polite = definePlugin({
      id: 'polite',
      requires: { greeter: Greeter },
      activate({ greeter }) {
        order.push(`polite saw ${greeter.greet('Ana')}`);
      },
    });
    const greeter = definePlugin({
      id: 'greeter',
      provides: [Greeter],
      activate(_deps, ctx) {
        order.push('greeter');
        ctx.provide(Greeter, { greet: (name) => `Hello ${name}` });
      },
    });
    await host.load([polite, greeter]);
    expect(order).toEqual(['greeter', 'polite saw Hello Ana']);
    expect(stateOf(host, 'polite')).toEqual({ state: 'active' });
  });

  it('a required token nothing provides → plugin.dependency-missing naming the plugin and the token; others go on', async () => {
    const { host, notifications } = setup();
    await host.load([
      definePlugin({ id: 'needy', requires: { greeter: Greeter }, activate: () => undefined }),
      definePlugin({ id: 'fine', activate: () => undefined }),
    ]);
    const status = stateOf(host, 'needy');
    expect(status).toMatchObject({ state: 'failed', error: { code: 'plugin.dependency-missing' } });
    expect(status?.state === 'failed' && status.error.message).toBe("Plugin 'needy' requires 'plugin.greeter.greeter', which nothing provides");
    expect(stateOf(host, 'fine')).toEqual({ state: 'active' });
    expect(notifications).toEqual([expect.objectContaining({ kind: 'error', code: 'plugin.dependency-missing' })]);
  });

  it('plugins requiring each other fail with plugin.cycle; their dependents fail; the rest activate', async () => {
    const { host } = setup();
    const a = definePlugin({ id: 'a', requires: { s: Shouter }, provides: [Greeter], activate: () => undefined });
    const b = definePlugin({ id: 'b', requires: { g: Greeter }, provides: [Shouter], activate: () => undefined });
    const self = definePlugin({ id: 'self', requires: { c: ClockToken }, provides: [ClockToken], activate: () => undefined });
    const dependent = definePlugin({ id: 'dependent', requires: { g: Greeter }, activate: () => undefined });
    const free = definePlugin({ id: 'free', activate: () => undefined });
    await host.load([dependent, a, free, b, self]);
    expect(stateOf(host, 'a')).toMatchObject({ state: 'failed', error: { code: 'plugin.cycle', message: "Plugins 'a', 'b' require each other in a cycle" } });
    expect(stateOf(host, 'b')).toMatchObject({ state: 'failed', error: { code: 'plugin.cycle' } });
    expect(stateOf(host, 'self')).toMatchObject({ state: 'failed', error: { code: 'plugin.cycle' } });
    expect(stateOf(host, 'dependent')).toMatchObject({
      state: 'failed',
      error: { code: 'plugin.dependency-missing', message: expect.stringContaining("plugin 'a' that provides it is not active") as string },
    });
    expect(stateOf(host, 'free')).toEqual({ state: 'active' });
  });

  it('two plugins with one id both fail with plugin.duplicate; a new plugin with an active id is rejected, the active one stays', async () => {
    const { host, notifications } = setup();
    let activations = 0;
    const make = () => definePlugin({ id: 'twin', activate: () => void activations++ });
    await host.load([make(), make()]);
    expect(stateOf(host, 'twin')).toMatchObject({ state: 'failed', error: { code: 'plugin.duplicate' } });
    expect(activations).toBe(0);
    await host.load([make()]);
    expect(stateOf(host, 'twin')).toEqual({ state: 'active' });
    await host.load([make()]);
    expect(stateOf(host, 'twin')).toEqual({ state: 'active' });
    expect(activations).toBe(1);
    expect(notifications.map((n) => n.code)).toEqual(['plugin.duplicate', 'plugin.duplicate']);
  });

  it('a plugin that throws is isolated: what it registered is released, it is reported, dependents fail, the next plugin activates', async () => {
    const { host, slots, notifications, commands } = setup();
    const cause = new TypeError('crm.config is undefined');
    const broken = definePlugin({
      id: 'broken',
      provides: [Greeter],
      activate(_deps, ctx) {
        ctx.slots.contribute(Slots.statusBar, { id: 'broken-badge', component: 'Badge' });
        ctx.actions.before(dial, () => {
          throw new Error('should never run');
        });
        throw cause;
      },
    });
    const dependent = definePlugin({ id: 'dependent', requires: { g: Greeter }, activate: () => undefined });
    const next = definePlugin({ id: 'next', activate: (_d, ctx) => void ctx.slots.contribute(Slots.statusBar, { id: 'ok', component: 'Ok' }) });
    await host.load([broken, dependent, next]);

    const status = stateOf(host, 'broken');
    expect(status).toMatchObject({ state: 'failed', error: { code: 'plugin.activation-failed', cause } });
    expect(status?.state === 'failed' && status.error.message).toBe("Plugin 'broken' failed to activate: crm.config is undefined");
    expect(status?.state === 'failed' && status.error).toBeInstanceOf(DialkitError);
    expect(notifications[0]).toMatchObject({ kind: 'error', level: 'error', code: 'plugin.activation-failed' });
    expect(notifications[0]?.message).toContain("'broken'");
    expect(slots.contributions(Slots.statusBar).map((c) => c.id)).toEqual(['ok']);
    await expect(commands.execute(dial, { number: '1' })).resolves.toBe('c-1');
    expect(stateOf(host, 'dependent')).toMatchObject({ state: 'failed', error: { code: 'plugin.dependency-missing' } });
    expect(stateOf(host, 'next')).toEqual({ state: 'active' });
  });

  it('an activate that rejects, or provides a token it did not list, fails the same way', async () => {
    const { host } = setup();
    await host.load([
      definePlugin({ id: 'rejects', activate: () => Promise.reject(new DialkitError('crm.unreachable', 'CRM is down')) }),
      definePlugin({ id: 'sneaky', activate: (_d, ctx) => void ctx.provide(Greeter, { greet: () => '' }) }),
    ]);
    expect(stateOf(host, 'rejects')).toMatchObject({ state: 'failed', error: { code: 'plugin.activation-failed', cause: { code: 'crm.unreachable' } } });
    expect(stateOf(host, 'sneaky')).toMatchObject({ state: 'failed', error: { message: expect.stringContaining("without listing it in 'provides'") as string } });
  });

  it('an activate that never settles fails after the activation timeout on virtual time', async () => {
    const scheduler = new VirtualTimeScheduler();
    const { host } = setup({ scheduler });
    const loading = host.load([
      definePlugin({ id: 'stuck', activate: () => new Promise<void>(() => undefined) }),
      definePlugin({ id: 'after', activate: () => undefined }),
    ]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(host.status.size).toBe(0);
    scheduler.flush();
    await loading;
    expect(stateOf(host, 'stuck')).toMatchObject({ state: 'failed', error: { message: expect.stringContaining('within 1000 ms') as string } });
    expect(stateOf(host, 'after')).toEqual({ state: 'active' });
  });
});
