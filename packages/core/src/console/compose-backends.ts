import { filter, map, merge, type Observable } from 'rxjs';
import type { BackendContext, BackendInstance, BackendModule, Capability } from '../backend/backend.js';
import type { Token } from '../common/token.js';
import type { BackendEvent, ConnectionStatus } from '../event/dialkit-event.js';

/** Backends started together: the first to provide a port wins it. */
export interface ComposedBackend {
  /** Every backend's events, merged; their connection reports combined into one (the worst). */
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
      events$: instances.length === 1 && instances[0] ? instances[0].events$ : mergeWithConnection(instances),
      ports,
      services,
      async dispose() {
        await Promise.all(instances.map(async (i) => i.dispose()));
      },
    },
  };
}

const RANK: Readonly<Record<ConnectionStatus, number>> = { connected: 0, reconnecting: 1, offline: 2 };

/**
 * Merges several backends' events; their connection reports become one: the worst status any of
 * them reported last (offline over reconnecting over connected), with that backend's detail, sent
 * only when it changes. So a console on SIP + a dialer API says "offline" when either is.
 */
function mergeWithConnection(instances: readonly BackendInstance[]): Observable<BackendEvent> {
  const latest: Array<{ readonly status: ConnectionStatus; readonly detail: string | undefined } | undefined> = instances.map(() => undefined);
  let sent = '';
  return merge(...instances.map((inst, i) => inst.events$.pipe(
    map((e): BackendEvent | null => {
      if (e.type !== 'connection.changed') return e;
      latest[i] = { status: e.status, detail: e.detail };
      let worst: { readonly status: ConnectionStatus; readonly detail: string | undefined } | undefined;
      for (const l of latest) if (l && (!worst || RANK[l.status] > RANK[worst.status])) worst = l;
      if (!worst) return null;
      const key = `${worst.status}\u0000${worst.detail ?? ''}`;
      if (key === sent) return null;
      sent = key;
      return { type: 'connection.changed', status: worst.status, ...(worst.detail === undefined ? {} : { detail: worst.detail }) };
    }),
    filter((e): e is BackendEvent => e !== null),
  )));
}
