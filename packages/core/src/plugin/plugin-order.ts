import type { Plugin } from './define-plugin.js';

/** The activation plan of a batch of plugins. */
export interface PluginOrder {
  /** Plugins outside any cycle, providers before the plugins that require them, otherwise in the given order. */
  readonly order: readonly Plugin[];
  /** Plugins in a cycle, each with the ids of its cycle (in the given order). */
  readonly cycles: ReadonlyMap<Plugin, readonly string[]>;
}

/**
 * Orders plugins so that each activates after the plugins providing what it requires, and finds cycles.
 *
 * @remarks A plugin requiring a token it provides itself is a cycle of one. Tokens no plugin of
 * the batch provides add no edge (they are resolved from the registry at activation).
 * @internal
 */
export function orderPlugins(plugins: readonly Plugin[]): PluginOrder {
  const providers = new Map<symbol, Plugin[]>();
  for (const p of plugins) for (const t of p.provides) providers.set(t, [...(providers.get(t) ?? []), p]);
  const edges = new Map<Plugin, Plugin[]>(
    plugins.map((p) => [p, [...new Set(Object.values(p.requires).flatMap((t) => providers.get(t) ?? []))]]),
  );
  const cycles = findCycles(plugins, edges);

  const order: Plugin[] = [];
  const placed = new Set<Plugin>();
  const visit = (p: Plugin): void => {
    if (placed.has(p) || cycles.has(p)) return;
    placed.add(p);
    for (const dep of edges.get(p) ?? []) visit(dep);
    order.push(p);
  };
  plugins.forEach(visit);
  return { order, cycles };
}

/** Tarjan's strongly connected components; keeps those of more than one plugin, or of one that requires itself. */
function findCycles(plugins: readonly Plugin[], edges: ReadonlyMap<Plugin, readonly Plugin[]>): Map<Plugin, readonly string[]> {
  const index = new Map<Plugin, number>();
  const low = new Map<Plugin, number>();
  const stack: Plugin[] = [];
  const onStack = new Set<Plugin>();
  const cycles = new Map<Plugin, readonly string[]>();
  let counter = 0;

  const connect = (v: Plugin): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: Plugin[] = [];
    let w: Plugin | undefined;
    do {
      w = stack.pop();
      if (w === undefined) break;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (edges.get(v) ?? []).includes(v)) {
      const ids = plugins.filter((p) => component.includes(p)).map((p) => p.id);
      for (const p of component) cycles.set(p, ids);
    }
  };
  for (const p of plugins) if (!index.has(p)) connect(p);
  return cycles;
}
