import type { Campaign } from '../campaign/campaign.js';
import type { Storage } from '../storage/storage.js';
import type { Plugin } from '../plugin/define-plugin.js';
import { createConsole, type ConsoleOptions } from '../console/create-console.js';
import type { Dialkit } from '../console/dialkit.js';
import { memoryStorage } from '../storage/memory-storage.js';
import { createScriptedBackend, type ScriptedBackend, type ScriptedBackendOptions } from './scripted-backend.js';
import { virtualTime, type VirtualTime } from './virtual-time.js';

/** A console on a scripted backend and virtual time. */
export interface TestConsole {
  /** The console. */
  readonly dialkit: Dialkit;
  /** Its scripted backend. */
  readonly backend: ScriptedBackend;
  /** Its virtual time. */
  readonly time: VirtualTime;
  /** Its storage. */
  readonly storage: Storage;
}

/** Options of {@link createTestConsole}. */
export interface TestConsoleOptions extends ScriptedBackendOptions, Omit<Partial<ConsoleOptions>, 'backend' | 'plugins'> {
  /** Virtual time to share (e.g. across a simulated reload). */
  readonly time?: VirtualTime;
  /** A backend to reuse (e.g. across a simulated reload). */
  readonly scriptedBackend?: ScriptedBackend;
}

/**
 * A console for tests: scripted backend, in-memory storage (or the one given), virtual time.
 *
 * @example
 * ```ts
 * const { dialkit, backend, time } = await createTestConsole([myPlugin], { campaigns: [spring] });
 * await dialkit.agent.login({ username: 'ana', password: 'pw' });
 * backend.emit({ type: 'call.offered', callId: 'c1', direction: 'outbound', origin: 'predictive', remoteNumber: '600111222' });
 * await time.advance(1000);
 * ```
 */
export async function createTestConsole(plugins: readonly Plugin[] = [], options: TestConsoleOptions = {}): Promise<TestConsole> {
  const time = options.time ?? virtualTime();
  const backend = options.scriptedBackend ?? createScriptedBackend(options);
  const storage = options.storage ?? memoryStorage();
  const { time: _t, scriptedBackend: _b, capabilities: _c, campaigns: _cs, users: _u, leads: _l, autoConfirm: _a, services: _s, ...consoleOptions } = options;
  const dialkit = await createConsole({ scheduler: time.scheduler, clock: time.clock, ...consoleOptions, storage, backend: backend.module, plugins });
  return { dialkit, backend, time, storage };
}

/** A campaign for tests: predictive, auto-ready, the seed's four outcomes, a break and a pause reason. */
export function testCampaign(overrides: Partial<Campaign> = {}): Campaign {
  return {
    id: 'spring-sale',
    name: 'Spring Sale',
    dialMethod: 'predictive',
    afterWrapUp: 'ready',
    allowManualDial: true,
    dispositions: [
      { code: 'SALE', label: 'Sale', category: 'contact', successful: true, requires: ['amount'], hotkey: '1' },
      { code: 'NA', label: 'No Answer', category: 'no-contact', successful: false, requires: [], hotkey: '2' },
      { code: 'CB', label: 'Callback', category: 'contact', successful: false, requires: [], callback: 'required', hotkey: '3' },
      { code: 'WN', label: 'Wrong Number', category: 'no-contact', successful: false, requires: ['notes'], hotkey: '4' },
    ],
    dispositionFields: [{ id: 'amount', label: 'Amount', type: 'number' }],
    pauseReasons: [
      { code: 'lunch', label: 'Lunch', kind: 'break' },
      { code: 'rest', label: 'Rest', kind: 'break' },
      { code: 'training', label: 'Training', kind: 'pause' },
    ],
    transferTargets: [
      { id: 'loans', label: 'Loans', kind: 'department', destination: '7001' },
      { id: 'collections', label: 'Collections', kind: 'department', destination: '7002' },
    ],
    ...overrides,
  };
}
