import type { Lead } from '@dialkit/core';
import type { AgentCalls } from './agent-calls.js';
import { planOutcome } from './call-outcome.js';
import type { SimColleague } from './colleagues.js';
import type { SimCampaign } from './demo-campaigns.js';
import { AdaptivePacing } from './pacing.js';
import type { SimWorld } from './sim-world.js';

/** Simulated delay between a predictive call's answer and its connection to the agent (auto-answer). */
export const PREDICTIVE_CONNECT_MS = 400;

/** Agents finishing wrap-up within this much simulated time count as (about to be) free. */
const SOON_FREE_MS = 8_000;

/**
 * A predictive campaign's dialer: a pool of lines, ratio dialing for the free agents (the console's
 * agent and the simulated colleagues), adaptive pacing under the abandon target, routing to the
 * console's agent first and then the longest-idle colleague, and an abandon when a person answers and no agent is free.
 *
 * @internal
 */
export class PredictiveDialer {
  readonly pacing: AdaptivePacing;
  private inFlight = 0;
  private cursor = 0;

  constructor(
    private readonly world: SimWorld,
    private readonly sc: SimCampaign,
    private readonly colleagues: readonly SimColleague[],
    private readonly agentCalls: AgentCalls,
  ) {
    this.pacing = new AdaptivePacing(world.options.abandonTarget);
    world.stats.dialRatios[sc.campaign.id] = this.pacing.ratio;
  }

  /** Starts pacing: a dialing decision every simulated second, a pacing review every 30 s. */
  start(): void {
    const id = this.sc.campaign.id;
    this.world.every(1_000, () => this.tick());
    this.world.every(30_000, () => {
      this.pacing.adjust();
      this.world.stats.dialRatios[id] = Math.round(this.pacing.ratio * 100) / 100;
    });
    this.world.onAgentAvailable(() => {
      if (this.world.isAgentAvailable(id)) this.tick();
    });
  }

  /** Places as many calls as the pacing wants for the agents free now (or soon). */
  tick(): void {
    const w = this.world;
    if (this.sc.leads.length === 0) return;
    const now = w.now();
    let ready = w.isAgentAvailable(this.sc.campaign.id) ? 1 : 0;
    let soon = 0;
    for (const c of this.colleagues) {
      if (c.status === 'ready') ready++;
      else if (c.status === 'wrapUp' && (c.freeAt - now) * w.options.speed <= SOON_FREE_MS) soon++;
    }
    const lines = Math.max(0, w.options.lines - this.inFlight);
    const n = Math.min(lines, this.pacing.dialsWanted(ready, soon, this.inFlight));
    for (let i = 0; i < n; i++) this.dial();
  }

  private dial(): void {
    const w = this.world;
    const lead = this.sc.leads[this.cursor++ % this.sc.leads.length] as Lead;
    const plan = planOutcome(w.rnd, lead.phone, this.answerProbability());
    this.inFlight++;
    w.stats.placed++;
    w.after(plan.ringMs, () => {
      this.inFlight--;
      if (plan.kind !== 'answered') w.stats[plan.kind]++;
      if (plan.kind !== 'answered' && plan.kind !== 'wrongNumber') return;
      w.stats.answered++;
      w.stats.predictiveAnswered++;
      this.route(lead, plan.talkMs);
    });
  }

  /** Connects an answered call to the console's agent if free, else the longest-idle colleague, or abandons it. */
  private route(lead: Lead, talkMs: number): void {
    const w = this.world;
    const id = this.sc.campaign.id;
    let best: SimColleague | undefined;
    for (const c of this.colleagues) if (c.status === 'ready' && (!best || c.since < best.since)) best = c;
    const agentFree = w.isAgentAvailable(id);
    if (!best && !agentFree) {
      w.stats.abandoned++;
      this.pacing.record(true);
    } else {
      this.pacing.record(false);
      // The person in front of the console goes first: a demo should not keep them waiting.
      if (agentFree) {
        this.agentCalls.offer({ origin: 'predictive', direction: 'outbound', number: lead.phone, lead, campaignId: id, autoConnectMs: PREDICTIVE_CONNECT_MS, talkMs });
      } else best?.takeCall(talkMs);
    }
    w.stats.abandonRate = w.stats.predictiveAnswered === 0 ? 0 : w.stats.abandoned / w.stats.predictiveAnswered;
  }

  private answerProbability(): number {
    return this.world.answerProbabilityOverride ?? this.sc.answerProbability ?? 0.35;
  }
}
