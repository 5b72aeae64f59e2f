import type { AgentStatusKind } from '@dialkit/core';
import type { SimWorld } from './sim-world.js';

const NAMES = ['Lucía Fernández', 'Tom Baker', 'Pilar Ortega', 'Kevin Hughes', 'Rosa Jiménez', 'Sam Patel', 'Irene Castro', 'Omar Haddad', 'Julia Romero', 'Liam Murphy', 'Beatriz Vidal', 'Noah Green'];

/** A simulated colleague: works a campaign's predictive pool (or just changes status over time). @internal */
export class SimColleague {
  status: AgentStatusKind = 'ready';
  /** When the current status started. */
  since: number;
  /** When a colleague in wrap-up or on a break becomes ready again. */
  freeAt = 0;

  constructor(
    private readonly world: SimWorld,
    readonly id: string,
    readonly name: string,
    readonly extension: string,
    readonly campaignId: string | undefined,
  ) {
    this.since = world.now();
  }

  /** Takes a call: talks, wraps up, then is ready again (now and then after a short break). */
  takeCall(talkMs: number): void {
    const w = this.world;
    this.set('onCall');
    w.after(talkMs, () => {
      const wrapMs = w.rnd.between(5_000, 25_000);
      this.set('wrapUp');
      this.freeAt = w.now() + wrapMs / w.options.speed;
      w.after(wrapMs, () => {
        if (w.options.ambient && w.rnd.chance(0.04)) this.takeBreak(w.rnd.between(3 * 60_000, 12 * 60_000));
        else this.set('ready');
      });
    });
  }

  /** Goes on a break for a while, then back to ready. */
  takeBreak(ms: number): void {
    this.set('paused');
    this.freeAt = this.world.now() + ms / this.world.options.speed;
    this.world.after(ms, () => this.set('ready'));
  }

  private set(status: AgentStatusKind): void {
    this.status = status;
    this.since = this.world.now();
  }
}

/** The colleagues of a run: each campaign's simulated agents, then a few who only change status. @internal */
export function createColleagues(world: SimWorld): SimColleague[] {
  const list: SimColleague[] = [];
  const next = (campaignId: string | undefined) => {
    const i = list.length;
    const name = NAMES[i % NAMES.length] ?? `Agent ${i + 1}`;
    list.push(new SimColleague(world, `colleague-${i + 1}`, i < NAMES.length ? name : `${name} ${Math.floor(i / NAMES.length) + 1}`, String(2001 + i), campaignId));
  };
  for (const c of world.options.campaigns) for (let k = 0; k < (c.simulatedAgents ?? 0); k++) next(c.campaign.id);
  for (let k = 0; k < 3; k++) next(undefined);
  return list;
}
