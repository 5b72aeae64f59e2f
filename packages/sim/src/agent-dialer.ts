import { DialkitError, type DialRequest, type DispositionRecord, type Lead } from '@dialkit/core';
import { BehaviorSubject } from 'rxjs';
import type { AgentCalls } from './agent-calls.js';
import { planOutcome, type PlannedOutcome } from './call-outcome.js';
import type { SimCampaign } from './demo-campaigns.js';
import type { PreviewPort } from '@dialkit/core';
import type { SimWorld } from './sim-world.js';

/** Simulated delay before the dialer places a progressive call for a Ready agent. */
export const AGENT_DIAL_DELAY_MS = 1_500;

/** A callback that fell due, waiting for its agent to be free. @internal */
export interface DueCallback {
  readonly campaignId: string;
  readonly lead: Lead | undefined;
  readonly number: string;
  readonly note: string;
}

/**
 * Calls placed for the console's agent: progressive (one line per Ready agent), preview (lead
 * first, then the agent dials or skips), manual, callbacks that fell due, and consult calls.
 *
 * @internal
 */
export class AgentDialer {
  private readonly cursors = new Map<string, number>();
  private readonly due: DueCallback[] = [];
  private readonly previewSubject = new BehaviorSubject<Lead | undefined>(undefined);
  /** Leads not to dial again (sold, do-not-call, wrong number). */
  readonly closedLeads = new Set<string>();

  constructor(
    private readonly world: SimWorld,
    private readonly calls: AgentCalls,
  ) {
    // Without calls (another backend has them) the sim dials nothing; it still previews leads.
    world.onAgentAvailable(() => (world.options.calls ? this.onAvailable() : this.previewSubject.next(this.previewed())));
  }

  /** The preview port the sim binds. */
  readonly preview: PreviewPort = {
    next: () => Promise.resolve(this.previewed()),
    skip: async (leadId) => {
      const lead = this.previewed();
      if (!lead || lead.id !== leadId) throw new DialkitError('backend.rejected', `Lead '${String(leadId).slice(0, 64)}' is not the lead in preview`);
      this.advancePreview();
      await Promise.resolve();
    },
    lead$: this.previewSubject.asObservable(),
  };

  /** Places a call the console asked for (manual, preview, callback, consult); returns its id. */
  dial(request: DialRequest): string {
    const w = this.world;
    const s = w.requireSession();
    if (typeof request?.number !== 'string' || !/^\+?\d{3,20}$/.test(request.number)) {
      throw new DialkitError('call.invalid-number', `'${String(request?.number).slice(0, 40)}' is not a phone number`);
    }
    const campaignId = request.campaignId ?? s.campaignId ?? undefined;
    if (request.consultFor !== undefined) {
      return this.calls.place({ origin: 'transfer', number: request.number, consultFor: request.consultFor, campaignId, plan: { kind: 'answered', ringMs: 3_000, talkMs: 0 } });
    }
    const lead = (request.leadId === undefined ? undefined : w.findLead(request.leadId)?.lead) ?? w.leadByNumber(request.number);
    if (request.origin === 'preview' && lead && this.previewed()?.id === lead.id) this.advancePreview();
    return this.calls.place({ origin: request.origin, number: request.number, lead, campaignId, plan: this.plan(request.number, campaignId) });
  }

  /** Schedules the callback of a stored disposition at its date (absolute time, not scaled). */
  schedule(record: DispositionRecord): void {
    const cb = record.callback;
    if (!cb || typeof cb.at !== 'number') return;
    const found = record.leadId === undefined ? undefined : this.world.findLead(record.leadId);
    const campaignId = record.campaignId ?? found?.campaignId;
    if (campaignId === undefined) return;
    const lead = found?.lead;
    this.world.afterReal(cb.at - this.world.now(), () => this.fallDue({ campaignId, lead, number: lead?.phone ?? '', note: cb.note ?? '' }));
  }

  /** A callback falls due now: the agent is told, and the dialer calls it as soon as they are free. */
  fallDue(cb: DueCallback): void {
    const name = cb.lead?.name ?? cb.number;
    this.world.notify({ kind: 'campaign', level: 'info', code: 'sim.callback-due', message: `Callback due: ${name}${cb.number ? ` (${cb.number})` : ''}${cb.note ? ` — ${cb.note}` : ''}` });
    if (cb.number === '' || !this.world.options.calls) return;
    this.due.push(cb);
    if (this.world.isAgentAvailable(cb.campaignId)) this.onAvailable();
  }

  /** Callbacks waiting for a free agent. */
  get pendingCallbacks(): number {
    return this.due.length;
  }

  private onAvailable(): void {
    const w = this.world;
    const sc = w.simCampaign(w.session?.campaignId);
    if (!sc) return;
    const id = sc.campaign.id;
    // A callback that fell due goes first, before the dialer hands the agent anything else.
    const i = this.due.findIndex((c) => c.campaignId === id);
    const cb = this.due[i];
    if (cb && w.isAgentAvailable(id)) {
      this.due.splice(i, 1);
      this.calls.place({ origin: 'callback', number: cb.number, lead: cb.lead, campaignId: id, plan: this.plan(cb.number, id) });
      return;
    }
    if (sc.campaign.dialMethod === 'progressive') {
      w.after(AGENT_DIAL_DELAY_MS, () => {
        if (!w.isAgentAvailable(id)) return;
        const lead = this.nextLead(sc);
        if (lead) this.calls.place({ origin: 'progressive', number: lead.phone, lead, campaignId: id, plan: this.plan(lead.phone, id) });
      });
    } else if (sc.campaign.dialMethod === 'preview') this.previewSubject.next(this.previewed());
  }

  private previewed(): Lead | undefined {
    const sc = this.world.simCampaign(this.world.session?.campaignId);
    if (!sc || sc.campaign.dialMethod !== 'preview') return undefined;
    const lead = this.peekLead(sc);
    if (this.previewSubject.value?.id !== lead?.id) this.previewSubject.next(lead);
    return lead;
  }

  private advancePreview(): void {
    const sc = this.world.simCampaign(this.world.session?.campaignId);
    if (!sc) return;
    this.nextLead(sc);
    this.previewSubject.next(this.peekLead(sc));
  }

  /** The next open lead of a campaign, without taking it. */
  private peekLead(sc: SimCampaign): Lead | undefined {
    const start = this.cursors.get(sc.campaign.id) ?? 0;
    for (let k = 0; k < sc.leads.length; k++) {
      const lead = sc.leads[(start + k) % sc.leads.length];
      if (lead && !this.closedLeads.has(lead.id)) {
        this.cursors.set(sc.campaign.id, start + k);
        return lead;
      }
    }
    return undefined;
  }

  /** Takes the next open lead. */
  private nextLead(sc: SimCampaign): Lead | undefined {
    const lead = this.peekLead(sc);
    if (lead) this.cursors.set(sc.campaign.id, (this.cursors.get(sc.campaign.id) ?? 0) + 1);
    return lead;
  }

  private plan(number: string, campaignId: string | undefined): PlannedOutcome {
    const p = this.world.answerProbabilityOverride ?? this.world.simCampaign(campaignId)?.answerProbability ?? 0.5;
    return planOutcome(this.world.rnd, number, p);
  }
}
