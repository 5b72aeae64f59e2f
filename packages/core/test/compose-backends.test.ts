import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { createConsole, defineBackend, memoryStorage, type BackendEvent } from '../src/index.js';
import { createScriptedBackend, virtualTime } from '../src/testing/index.js';

/** A backend that only reports its connection, as the test says. */
function reporter() {
  const events = new Subject<BackendEvent>();
  const module = defineBackend({ id: 'dialer-api', capabilities: [], create: () => ({ events$: events, ports: {}, dispose: () => undefined }) });
  return { module, report: (status: 'connected' | 'reconnecting' | 'offline', detail: string) => events.next({ type: 'connection.changed', status, detail }) };
}

describe('a console on several backends', () => {
  it('shows the worst connection any of them reports: offline over reconnecting over connected', async () => {
    const time = virtualTime();
    const calls = createScriptedBackend();
    const api = reporter();
    const dialkit = await createConsole({ backend: [calls.module, api.module], storage: memoryStorage(), clock: time.clock, scheduler: time.scheduler });
    const seen: string[] = [];
    dialkit.connection$.subscribe((c) => seen.push(`${c.status}:${c.detail ?? ''}`));
    calls.emit({ type: 'connection.changed', status: 'connected', detail: 'Phone registered' });
    api.report('connected', 'Dialer API');
    api.report('offline', 'Dialer API unreachable');
    calls.emit({ type: 'connection.changed', status: 'reconnecting', detail: 'Phone reconnecting' });
    api.report('connected', 'Dialer API');
    calls.emit({ type: 'connection.changed', status: 'connected', detail: 'Phone registered' });
    await time.settle();
    expect(seen).toEqual([
      'offline:',
      'connected:Phone registered',
      'offline:Dialer API unreachable',
      'reconnecting:Phone reconnecting',
      'connected:Phone registered',
    ]);
    await dialkit.dispose();
  });
});
