import { dial, setup, stateOf } from './plugin-host.fixture.js';
import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { defineCommand } from '../command/command.js';
import { createToken } from '../common/token.js';
import { definePlugin } from './define-plugin.js';
import { Slots } from './slots.js';


interface Greeter {
  greet(name: string): string;
}
const Greeter = createToken<Greeter>('plugin.greeter.greeter');



describe('PluginHost lifecycle', () => {
  it('gives each plugin settings under plugin.<id>. and a logger that names it', async () => {
    const { host, settings, logger } = setup();
    await host.load([
      definePlugin({
        id: 'crm',
        async activate(_d, ctx) {
          await ctx.settings.set('url', 'https://crm.example');
          ctx.logger.log('info', 'ready');
        },
      }),
    ]);
    expect(settings.get('plugin.crm.url', '')).toBe('https://crm.example');
    expect(logger.entries).toContainEqual({ level: 'info', message: 'ready', data: { plugin: 'crm' } });
  });

  it('unloading a plugin leaves no subscription, contribution, hook, hotkey, message or service behind', async () => {
    const { host, slots, hotkeys, i18n, commands, registry } = setup();
    const feed$ = new Subject<number>();
    const seen: number[] = [];
    const hooked: string[] = [];
    let disposed = 0;
    const plugin = definePlugin({
      id: 'everything',
      provides: [Greeter],
      activate(_deps, ctx) {
        ctx.track(feed$.subscribe((n) => seen.push(n)));
        ctx.track(() => void disposed++);
        ctx.onDispose(() => void disposed++);
        ctx.slots.contribute(Slots.callControls, { id: 'everything-button', component: 'Button' });
        ctx.hotkeys.register({ id: 'everything.go', keys: 'Alt+E', label: 'everything.go', command: dial, args: { number: '1' } });
        ctx.i18n.add({ en: { 'everything.go': 'Go' }, es: { 'everything.go': 'Ir' } });
        ctx.actions.before(dial, ({ number }) => void hooked.push(`before ${number}`));
        ctx.actions.after(dial, (result) => void hooked.push(`after ${result}`));
        ctx.actions.replace(dial, (args, next) => next({ number: `${args.number}!` }));
        ctx.actions.register(defineCommand('plugin.everything.go'), () => undefined);
        ctx.provide(Greeter, { greet: () => 'hi' });
      },
    });
    await host.load([plugin]);
    feed$.next(1);
    expect(feed$.observed).toBe(true);
    expect(slots.contributions(Slots.callControls)).toHaveLength(1);
    expect(hotkeys.match('alt+e')?.id).toBe('everything.go');
    expect(i18n.t('everything.go')).toBe('Go');
    await expect(commands.execute(dial, { number: '5' })).resolves.toBe('c-5!');
    expect(hooked).toEqual(['before 5', 'after c-5!']);
    expect(registry.resolve(Greeter)).toBeDefined();

    host.unload('everything');

    expect(feed$.observed).toBe(false);
    feed$.next(2);
    expect(seen).toEqual([1]);
    expect(disposed).toBe(2);
    expect(slots.contributions(Slots.callControls)).toEqual([]);
    expect(hotkeys.bindings).toEqual([]);
    expect(i18n.has('everything.go')).toBe(false);
    await expect(commands.execute(dial, { number: '6' })).resolves.toBe('c-6');
    expect(hooked).toEqual(['before 5', 'after c-5!']);
    expect(commands.has(defineCommand('plugin.everything.go'))).toBe(false);
    expect(registry.resolve(Greeter)).toBeUndefined();
    expect(stateOf(host, 'everything')).toEqual({ state: 'unloaded' });
  });

  it('unloading a provider first unloads the plugins that require it; dispose unloads all and completes status$', async () => {
    const { host } = setup();
    const released: string[] = [];
    await host.load([
      definePlugin({ id: 'greeter', provides: [Greeter], activate: (_d, ctx) => { ctx.provide(Greeter, { greet: () => '' }); ctx.onDispose(() => void released.push('greeter')); } }),
      definePlugin({ id: 'polite', requires: { g: Greeter }, activate: (_d, ctx) => ctx.onDispose(() => void released.push('polite')) }),
      definePlugin({ id: 'other', activate: (_d, ctx) => ctx.onDispose(() => void released.push('other')) }),
    ]);
    let completed = false;
    host.status$.subscribe({ complete: () => (completed = true) });
    host.unload('greeter');
    expect(released).toEqual(['polite', 'greeter']);
    expect(stateOf(host, 'polite')).toEqual({ state: 'unloaded' });
    host.dispose();
    expect(released).toEqual(['polite', 'greeter', 'other']);
    expect(completed).toBe(true);
  });
});
