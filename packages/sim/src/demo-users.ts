/** A user the sim accepts at login. Passwords are demo data: never log them. */
export interface SimUser {
  /** Login name. */
  readonly username: string;
  /** Demo password (plain demo data). */
  readonly password: string;
  /** Name shown in the console. */
  readonly name: string;
  /** Ids of the campaigns a supervisor assigned (may be empty). */
  readonly campaigns: readonly string[];
}

/**
 * The demo users: one per dial method, one with two campaigns (one returns to Ready after wrap-up,
 * the other to Paused), one with every campaign, and one with no campaign assigned.
 *
 * | username | password | campaigns (dial method) |
 * |---|---|---|
 * | `ana` | `ana-pw` | `spring-sale` (predictive), `renewals` (progressive, manual Ready) |
 * | `bruno` | `bruno-pw` | `renewals` (progressive) |
 * | `carla` | `carla-pw` | `personal-loans` (preview) |
 * | `david` | `david-pw` | `collections` (manual) |
 * | `elena` | `elena-pw` | `support-line` (inbound) |
 * | `demo` | `demo-pw` | all five |
 * | `nora` | `nora-pw` | none (a supervisor has not assigned one yet) |
 */
export const DEMO_USERS: readonly SimUser[] = [
  { username: 'ana', password: 'ana-pw', name: 'Ana García', campaigns: ['spring-sale', 'renewals'] },
  { username: 'bruno', password: 'bruno-pw', name: 'Bruno Silva', campaigns: ['renewals'] },
  { username: 'carla', password: 'carla-pw', name: 'Carla Méndez', campaigns: ['personal-loans'] },
  { username: 'david', password: 'david-pw', name: 'David Walker', campaigns: ['collections'] },
  { username: 'elena', password: 'elena-pw', name: 'Elena Torres', campaigns: ['support-line'] },
  { username: 'demo', password: 'demo-pw', name: 'Demo Agent', campaigns: ['spring-sale', 'renewals', 'personal-loans', 'collections', 'support-line'] },
  { username: 'nora', password: 'nora-pw', name: 'Nora Quinn', campaigns: [] },
];
