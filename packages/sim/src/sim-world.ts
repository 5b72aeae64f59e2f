import { DialkitError, type BackendContext, type BackendEvent, type Campaign, type Lead, type NotificationInput } from '@dialkit/core';
import { Subject, type Subscription } from 'rxjs';
import type { SimCampaign } from './demo-campaigns.js';
import type { SimUser } from './demo-users.js';
import { createRandom, type SimRandom } from './random.js';
import type { ResolvedSimOptions } from './sim-options.js';
import { createStats, type MutableSimStats } from './sim-stats.js';

/** The agent logged in on the console, as the sim sees them. @internal */
export interface SimSession {
  readonly user: SimUser;
  campaignId: string | null;
  presence: 'ready' | 'paused';
  /** Has a call (offered, live or in wrap-up) since the last ready/pause. */
  engaged: boolean;
  /** When the agent last became available (for longest-idle routing). */
  readySince: number;
}

/**
 * The simulation's kernel: random source, event stream, timers on the injected scheduler (scaled
 * by `speed`, guarded so background work never throws), the agent's session and the stats.
 *
 * @internal
 */
export class SimWorld {
  readonly rnd: SimRandom;
  readonly stats: MutableSimStats = createStats();
  session: SimSession | null = null;
  /** Overrides every campaign's answer probability (control API). */
  answerProbabilityOverride: number | undefined = undefined;
  private readonly eventsSubject = new Subject<BackendEvent>();
  readonly events$ = this.eventsSubject.asObservable();
  private readonly timers = new Set<Subscription>();
  private readonly availableListeners: Array<() => void> = [];
  private seq = 0;
  /** Ids carry the time this sim started, so that calls of a page that went away never share an id with this one's (core keeps both in its journal, and dispositions are keyed by call). */
  private readonly idEpoch: string;
  private disposed = false;

  constructor(
    readonly options: ResolvedSimOptions,
    readonly context: BackendContext,
  ) {
    this.rnd = createRandom(options.seed);
    this.idEpoch = Math.floor(context.clock.now()).toString(36);
  }

  /** Now, from the injected clock. */
  now(): number {
    return this.context.clock.now();
  }

  /** A fresh id with a prefix (`sim-mdn3k2a-c12`: the sim's start time, the prefix, a sequence number). */
  nextId(prefix: string): string {
    return `sim-${this.idEpoch}-${prefix}${++this.seq}`;
  }

  /** Emits an event to the console. */
  emit(event: BackendEvent): void {
    if (!this.disposed) this.eventsSubject.next(event);
  }

  /** Raises a notification. */
  notify(notification: NotificationInput): void {
    this.emit({ type: 'notification.raised', notification });
  }

  /** Runs `fn` after a simulated delay (divided by `speed`); errors are logged, never thrown. */
  after(simulatedMs: number, fn: () => void): Subscription {
    return this.afterReal(simulatedMs / this.options.speed, fn);
  }

  /** Runs `fn` after a delay on the clock (not scaled): for absolute times such as a callback's date. */
  afterReal(ms: number, fn: () => void): Subscription {
    const sub = this.context.scheduler.schedule(() => {
      this.timers.delete(sub);
      this.guard('timer', fn);
    }, Math.max(0, Math.round(ms)));
    if (!sub.closed) this.timers.add(sub);
    return sub;
  }

  /** Runs `fn` every simulated `ms` until disposed. */
  every(simulatedMs: number, fn: () => void): void {
    const tick = (): void => {
      this.guard('periodic work', fn);
      if (!this.disposed) this.after(simulatedMs, tick);
    };
    this.after(simulatedMs, tick);
  }

  /** Calls `fn`, logging instead of throwing. */
  guard(what: string, fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.context.logger.log('error', `sim: ${what} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** Registers work to do when the agent becomes available (Ready, not engaged). */
  onAgentAvailable(listener: () => void): void {
    this.availableListeners.push(listener);
  }

  /** Tells the dial methods the agent is available. */
  agentAvailable(): void {
    for (const l of this.availableListeners) this.guard('dial method', l);
  }

  /** Whether the agent is Ready in `campaignId` and free for a call. */
  isAgentAvailable(campaignId?: string): boolean {
    const s = this.session;
    return s !== null && s.presence === 'ready' && !s.engaged && (campaignId === undefined || s.campaignId === campaignId);
  }

  /** The session, or a typed rejection. */
  requireSession(): SimSession {
    if (!this.session) throw new DialkitError('agent.not-logged-in', 'No agent is logged in at the simulated dialer');
    return this.session;
  }

  /** A campaign by id. */
  simCampaign(id: string | null | undefined): SimCampaign | undefined {
    return id == null ? undefined : this.options.campaigns.find((c) => c.campaign.id === id);
  }

  /** The agent's current campaign. */
  currentCampaign(): Campaign | undefined {
    return this.simCampaign(this.session?.campaignId)?.campaign;
  }

  /** A lead by id, in any campaign. */
  findLead(id: string): { readonly lead: Lead; readonly campaignId: string } | undefined {
    for (const c of this.options.campaigns) {
      const lead = c.leads.find((l) => l.id === id);
      if (lead) return { lead, campaignId: c.campaign.id };
    }
    return undefined;
  }

  /** A lead by phone number (digits compared), in any campaign. */
  leadByNumber(number: string): Lead | undefined {
    const digits = number.replace(/\D/g, '');
    for (const c of this.options.campaigns) {
      const lead = c.leads.find((l) => l.phone.replace(/\D/g, '').endsWith(digits) && digits.length >= 6);
      if (lead) return lead;
    }
    return undefined;
  }

  /** Whether {@link dispose} ran. */
  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Stops every timer and completes the stream. */
  dispose(): void {
    this.disposed = true;
    for (const t of this.timers) t.unsubscribe();
    this.timers.clear();
    this.eventsSubject.complete();
  }
}
