import { describe, expect, it } from 'vitest';
import type { Clock } from '../common/clock.js';
import { createToken } from '../common/token.js';
import { definePlugin } from './define-plugin.js';

interface Greeter {
  greet(name: string): string;
}
const Greeter = createToken<Greeter>('plugin.greeter.greeter');
const ClockToken = createToken<Clock>('test.clock');

describe('definePlugin', () => {
  it('types deps from requires and refuses an id that is not kebab-case', () => {
    const plugin = definePlugin({
      id: 'typed',
      requires: { clock: ClockToken, greeter: Greeter },
      activate(deps) {
        const now: number = deps.clock.now();
        const text: string = deps.greeter.greet('x');
        // @ts-expect-error -- deps only holds what requires names
        void [now, text, deps.missing];
      },
    });
    expect(plugin).toMatchObject({ id: 'typed', provides: [] });
    expect(() => definePlugin({ id: 'Bad Id', activate: () => undefined })).toThrow(TypeError);
  });

  it('a plugin without requires gets empty deps and lists what it provides', () => {
    const plugin = definePlugin({ id: 'acme.greeter', provides: [Greeter], activate: (deps) => void deps });
    expect(plugin.requires).toEqual({});
    expect(plugin.provides).toEqual([Greeter]);
  });
});
