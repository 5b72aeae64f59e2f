import { EMPTY } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { Commands, DialkitError, PreviewPort, createConsole, defineBackend, memoryStorage, type Lead } from '../src/index.js';
import { createScriptedBackend, virtualTime } from '../src/testing/index.js';

const leads: Lead[] = [
  { id: 'PL-1', name: 'Marta Ruiz', phone: '+34600100001', fields: {} },
  { id: 'PL-2', name: 'Iker Sanz', phone: '+34600100002', fields: {} },
];

/** A dialer that previews: only the lead shown can be skipped. */
function previewBackend(skipped: string[]) {
  const port: PreviewPort = {
    next: () => Promise.resolve(leads[skipped.length]),
    skip: (leadId) => {
      if (leadId !== leads[skipped.length]?.id) return Promise.reject(new DialkitError('backend.rejected', `'${leadId}' is not the lead in preview`));
      skipped.push(leadId);
      return Promise.resolve();
    },
    lead$: EMPTY,
  };
  return defineBackend({ id: 'previewer', capabilities: [], create: () => ({ events$: EMPTY, ports: {}, services: [[PreviewPort, port]], dispose: () => undefined }) });
}

describe('skipping a lead in preview goes through the command pipeline', () => {
  it('reaches the backend’s PreviewPort, and a plugin hook sees it; a wrong lead is refused by the dialer', async () => {
    const time = virtualTime();
    const skipped: string[] = [];
    const dialkit = await createConsole({ backend: [createScriptedBackend().module, previewBackend(skipped)], storage: memoryStorage(), clock: time.clock, scheduler: time.scheduler });
    const seen: string[] = [];
    dialkit.commands.after(Commands.skipPreview, (_result, args) => void seen.push(args.leadId));
    await dialkit.commands.execute(Commands.skipPreview, { leadId: 'PL-1' });
    expect(skipped).toEqual(['PL-1']);
    expect(seen).toEqual(['PL-1']);
    const refused = await dialkit.commands.execute(Commands.skipPreview, { leadId: 'PL-1' }).then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(DialkitError);
    expect((refused as DialkitError).code).toBe('backend.rejected');
    expect(skipped).toEqual(['PL-1']);
  });

  it('a backend without preview dialing gives a typed error naming the missing port', async () => {
    const time = virtualTime();
    const dialkit = await createConsole({ backend: createScriptedBackend().module, storage: memoryStorage(), clock: time.clock, scheduler: time.scheduler });
    const e = await dialkit.commands.execute(Commands.skipPreview, { leadId: 'PL-1' }).then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(DialkitError);
    expect((e as DialkitError).code).toBe('backend.port-missing');
    expect((e as DialkitError).message).toContain('core.port.preview');
  });
});
