import { merge } from 'rxjs';
import type { BackendContext, BackendInstance, BackendModule, Capability } from '../backend/backend.js';
import type { Token } from '../common/token.js';

/** Backends started together: the first to provide a port wins it. */
export interface ComposedBackend {
  /** Every backend's events, merged. */
  readonly instance: BackendInstance;
  /** Union of the capabilities of the backends providing call control and the rest. */
  readonly capabilities: ReadonlySet<Capability>;
  /** Ids, in order. */
  readonly ids: readonly string[];
}

/**
 * Starts several backends as one: SIP for call control and the sim for campaigns, leads and
 * dispositions, say. For each port the first backend that provides it wins.
 */
export function composeBackends(modules: readonly BackendModule[], context: BackendContext): ComposedBackend {
  const instances = modules.map((m) => m.create(context));
  const ports: Record<string, unknown> = {};
  const services: Array<readonly [Token<unknown>, unknown]> = [];
  for (const inst of instances) {
    for (const [name, port] of Object.entries(inst.ports)) if (port !== undefined && !(name in ports)) ports[name] = port;
    for (const s of inst.services ?? []) if (!services.some(([t]) => t === s[0])) services.push(s);
  }
  const capabilities = new Set<Capability>();
  modules.forEach((m, i) => {
    const inst = instances[i];
    const ownsCalls = inst !== undefined && ports['callControl'] === inst.ports.callControl && inst.ports.callControl !== undefined;
    for (const c of m.capabilities) if (ownsCalls || !instances.some((x) => x.ports.callControl)) capabilities.add(c);
  });
  return {
    ids: modules.map((m) => m.id),
    capabilities,
    instance: {
      events$: merge(...instances.map((i) => i.events$)),
      ports,
      services,
      async dispose() {
        await Promise.all(instances.map(async (i) => i.dispose()));
      },
    },
  };
}
