import type { Lead } from '@dialkit/core';
import { createRandom } from './random.js';

const FIRST = ['Marta', 'Javier', 'Lucía', 'Carlos', 'Sofía', 'Miguel', 'Carmen', 'Pablo', 'Isabel', 'Diego', 'Laura', 'Andrés', 'Emily', 'James', 'Olivia', 'William', 'Grace', 'Henry', 'Chloe', 'Daniel'];
const LAST = ['Ruiz', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Gómez', 'Díaz', 'Moreno', 'Álvarez', 'Romero', 'Navarro', 'Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Davies', 'Evans', 'Thomas', 'Clarke'];
const CITIES = ['Madrid', 'Barcelona', 'Valencia', 'Sevilla', 'Bilbao', 'Málaga', 'Zaragoza', 'London', 'Manchester', 'Leeds', 'Bristol', 'Miami'];

/** Options of {@link demoLeads}. */
export interface DemoLeadsOptions {
  /** Prefix of lead ids (`SS` → `SS-001`). */
  readonly prefix: string;
  /** How many leads. */
  readonly count: number;
  /** Extra fields per lead, from a lead's index and a random source. */
  readonly fields?: (index: number, pick: <T>(items: readonly T[]) => T) => Readonly<Record<string, string>>;
}

/**
 * Generates a campaign's lead list: Spanish and English names, Spanish (+34 6…) and UK (+44 7…)
 * mobile numbers, a city and campaign-specific fields. Deterministic: the same options give the
 * same leads, whatever the sim's seed.
 *
 * @example
 * ```ts
 * const leads = demoLeads({ prefix: 'SS', count: 30, fields: (i) => ({ plan: i % 2 ? 'Fibre 600' : 'Mobile 20GB' }) });
 * ```
 */
export function demoLeads(options: DemoLeadsOptions): Lead[] {
  const rnd = createRandom([...options.prefix].reduce((h, c) => h * 31 + c.charCodeAt(0), 7));
  const leads: Lead[] = [];
  const pick = <T,>(items: readonly T[]): T => rnd.pick(items);
  for (let i = 0; i < options.count; i++) {
    const first = rnd.pick(FIRST);
    const spanish = FIRST.indexOf(first) < 12;
    const last = spanish ? `${rnd.pick(LAST.slice(0, 11))} ${rnd.pick(LAST.slice(0, 11))}` : rnd.pick(LAST.slice(11));
    const digits = String(rnd.int(10_000_000, 99_999_999));
    const phone = spanish ? `+346${digits}` : `+447${digits}${rnd.int(0, 9)}`;
    const city = spanish ? rnd.pick(CITIES.slice(0, 7)) : rnd.pick(CITIES.slice(7));
    leads.push({
      id: `${options.prefix}-${String(i + 1).padStart(3, '0')}`,
      name: `${first} ${last}`,
      phone,
      fields: { city, language: spanish ? 'es' : 'en', customerSince: String(rnd.int(2009, 2025)), ...(options.fields?.(i, pick) ?? {}) },
    });
  }
  return leads;
}
