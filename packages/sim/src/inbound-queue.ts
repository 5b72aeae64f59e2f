import { BehaviorSubject } from 'rxjs';
import type { AgentCalls } from './agent-calls.js';
import { talkTime } from './call-outcome.js';
import type { SimCampaign } from './demo-campaigns.js';
import type { QueuedCaller, QueuePort } from './queue-port.js';
import type { SimWorld } from './sim-world.js';

/** Simulated time an inbound call rings at the agent before it goes back to the queue. */
export const INBOUND_RING_TIMEOUT_MS = 20_000;

/** After the agent rejects a caller, how long before a caller is offered to them again. */
export const REOFFER_AFTER_REJECT_MS = 15_000;

/** Callers waiting at alert level: a campaign alert tells the agent. */
const QUEUE_ALERT_AT = 4;

interface Waiting {
  readonly caller: QueuedCaller;
  readonly leadId: string | undefined;
  leaveAt: number;
}

/**
 * Inbound queues: callers arrive at random, wait (longest-waiting first), hang up when their
 * patience runs out, and are offered to the agent when they are Ready in the campaign.
 *
 * @internal
 */
export class InboundQueue {
  private readonly waiting: Waiting[] = [];
  private readonly waitingSubject = new BehaviorSubject<readonly QueuedCaller[]>([]);
  /** No caller is offered before this time (just after the agent rejected one). */
  private holdOffUntil = 0;

  constructor(
    private readonly world: SimWorld,
    private readonly calls: AgentCalls,
  ) {}

  /** The queue port the sim binds. */
  readonly port: QueuePort = {
    waiting: () => Promise.resolve(this.waitingSubject.value),
    waiting$: this.waitingSubject.asObservable(),
  };

  /** Starts arrivals for every inbound campaign (two callers already waiting) and routing to the agent. */
  start(): void {
    const w = this.world;
    for (const sc of w.options.campaigns) {
      if (sc.campaign.dialMethod !== 'inbound') continue;
      this.arrive(sc);
      this.arrive(sc);
      const next = (): void => {
        w.after(w.rnd.exponential(45_000), () => {
          this.arrive(sc);
          next();
        });
      };
      next();
    }
    w.every(1_000, () => this.expire());
    w.onAgentAvailable(() => this.offerNext());
  }

  /** A caller joins the queue of `sc` now (a known customer most of the time). */
  arrive(sc: SimCampaign, number?: string, name?: string): QueuedCaller {
    const w = this.world;
    const lead = number === undefined && sc.leads.length > 0 && w.rnd.chance(0.7) ? w.rnd.pick(sc.leads) : undefined;
    const phone = number ?? lead?.phone ?? `+3491${w.rnd.int(1_000_000, 9_999_999)}`;
    const who = name ?? lead?.name;
    const caller: QueuedCaller = { id: w.nextId('q'), campaignId: sc.campaign.id, number: phone, ...(who === undefined ? {} : { name: who }), since: w.now() };
    this.waiting.push({ caller, leadId: lead?.id, leaveAt: w.now() + w.rnd.between(90_000, 360_000) / w.options.speed });
    this.publish();
    const count = this.waiting.filter((x) => x.caller.campaignId === sc.campaign.id).length;
    if (count >= QUEUE_ALERT_AT) {
      w.notify({ kind: 'campaign', level: 'warning', code: 'sim.queue-long', dedupeKey: `sim.queue.${sc.campaign.id}`, message: `${count} callers waiting in ${sc.campaign.name}` });
    }
    this.offerNext();
    return caller;
  }

  /** Offers the longest-waiting caller of the agent's campaign, if the agent is free. */
  offerNext(): void {
    const w = this.world;
    const campaignId = w.session?.campaignId;
    if (!campaignId || !w.isAgentAvailable(campaignId) || w.now() < this.holdOffUntil) return;
    const i = this.waiting.findIndex((x) => x.caller.campaignId === campaignId);
    const item = this.waiting[i];
    if (!item) return;
    this.waiting.splice(i, 1);
    this.publish();
    const lead = item.leadId === undefined ? undefined : w.findLead(item.leadId)?.lead;
    this.calls.offer({
      origin: 'inbound', direction: 'inbound', number: item.caller.number, lead, campaignId, talkMs: talkTime(w.rnd), ringTimeoutMs: INBOUND_RING_TIMEOUT_MS,
      // Rung out: the caller keeps their place at the head (the agent is paused meanwhile).
      // Rejected: the caller goes behind the others waiting, and is offered again after a pause
      // of `REOFFER_AFTER_REJECT_MS` (a real ACD routes them to another agent meanwhile).
      onUnanswered: (cause) => {
        if (cause === 'noAnswer') this.waiting.unshift(item);
        else this.waiting.push(item);
        this.publish();
        if (cause === 'rejected') {
          this.holdOffUntil = w.now() + REOFFER_AFTER_REJECT_MS / w.options.speed;
          w.after(REOFFER_AFTER_REJECT_MS, () => this.offerNext());
        }
      },
    });
  }

  /** Callers whose patience ran out hang up. */
  private expire(): void {
    const now = this.world.now();
    const before = this.waiting.length;
    for (let i = this.waiting.length - 1; i >= 0; i--) {
      if ((this.waiting[i]?.leaveAt ?? Infinity) <= now) {
        this.waiting.splice(i, 1);
        this.world.stats.queueAbandoned++;
      }
    }
    if (this.waiting.length !== before) this.publish();
  }

  private publish(): void {
    this.waitingSubject.next(this.waiting.map((x) => x.caller));
  }
}
