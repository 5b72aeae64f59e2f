import { describe, expect, it } from 'vitest';
import type * as Core from '../src/index.js';
import type * as Testing from '../src/testing/index.js';

// The built package, as an app imports it: catches exports-map and bundling mistakes. Run after
// `pnpm build` (the test command builds first).
const dist = '../dist/index.js';
const distTesting = '../dist/testing/index.js';

describe('the built @dialkit/core', () => {
  it('exports the console, the services tokens and the error type, and runs a login on the scripted backend', async () => {
    const core = (await import(dist)) as typeof Core;
    const testing = (await import(distTesting)) as typeof Testing;
    expect(typeof core.createConsole).toBe('function');
    expect(typeof core.AgentService).toBe('symbol');
    const { dialkit } = await testing.createTestConsole([], { campaigns: [testing.testCampaign()] });
    await dialkit.agent.login({ username: 'ana', password: 'pw' });
    expect(dialkit.agent.status.kind).toBe('paused');
    const e = await dialkit.agent.ready().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(core.DialkitError);
    expect((e as Core.DialkitError).code).toBe('agent.campaign-required');
    await dialkit.dispose();
  });
});
