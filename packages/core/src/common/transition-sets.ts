/**
 * A transition table (`from → allowed targets`) as sets, for constant-time checks in hot paths.
 *
 * @internal
 */
export function transitionSets<K extends string>(table: Readonly<Record<K, readonly K[]>>): Readonly<Record<K, ReadonlySet<K>>> {
  const out = {} as Record<K, ReadonlySet<K>>;
  for (const key of Object.keys(table) as K[]) out[key] = new Set(table[key]);
  return out;
}
