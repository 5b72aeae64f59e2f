import { Container } from 'inversify';
import { describe, expect, it } from 'vitest';
import { AgentService } from '../agent/agent-service.js';
import { createToken } from '../common/token.js';
import { definePlugin } from '../plugin/define-plugin.js';
import { createTestConsole } from '../testing/test-console.js';
import { inversifyRegistry } from './inversify-registry.js';

interface Greeter {
  greet(): string;
}
const Greeter = createToken<Greeter>('plugin.greeter.greeter');

describe('Dialkit in an inversify container', () => {
  it("the app's own container resolves core services and what plugins provide; unloading gives it back", async () => {
    const container = new Container();
    const greeter = definePlugin({
      id: 'greeter',
      provides: [Greeter],
      requires: { agent: AgentService },
      activate({ agent }, ctx) {
        ctx.provide(Greeter, { greet: () => `status ${agent.status.kind}` });
      },
    });
    const { dialkit } = await createTestConsole([greeter], { registry: inversifyRegistry(container) });
    expect(container.get(AgentService)).toBe(dialkit.agent);
    expect(container.get<Greeter>(Greeter).greet()).toBe('status loggedOut');
    dialkit.plugins.unload('greeter');
    expect(container.isBound(Greeter)).toBe(false);
    await dialkit.dispose();
  });
});
