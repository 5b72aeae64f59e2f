import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestConsole, testCampaign } from '@dialkit/core/testing';
import type * as Kit from '../src/index.js';

// The built package, as an app imports it: catches exports-map and bundling mistakes. Run after
// `pnpm build` (the test command builds first).
const dist = '../dist/index.js';

afterEach(() => cleanup());

describe('the built @dialkit/ui-preact', () => {
  it('exports the provider, hooks and components, and renders the login form over a console', async () => {
    const kit = (await import(dist)) as typeof Kit;
    for (const name of ['DialkitProvider', 'AgentConsole', 'useStream', 'useCommand', 'useT', 'Slot', 'DispositionPanel', 'MyStats'] as const) {
      expect(typeof kit[name], name).toBe('function');
    }
    expect(Object.keys(kit.uiMessages.es)).toEqual(Object.keys(kit.uiMessages.en));
    const { dialkit } = await createTestConsole([], { campaigns: [testCampaign()] });
    render(<kit.AgentConsole dialkit={dialkit} />);
    expect(screen.getByRole('button', { name: 'Log in' })).toBeTruthy();
    cleanup();
    await dialkit.dispose();
  });
});
