import { createToken, type Lead } from '@dialkit/core';
import type { Observable } from 'rxjs';

/**
 * Preview dialing at the simulated dialer: the agent sees the next lead before any call is placed,
 * then dials it or skips it. Bound under the {@link PreviewPort} token in the sim's services
 * (`dialkit.get(PreviewPort)`, or `requires: { preview: PreviewPort }` in a plugin).
 *
 * @remarks
 * To dial the lead shown, place the call through the console so that plugins' hooks (compliance,
 * CRM) see it: `dialkit.calls.dial(lead.phone, { origin: 'preview', leadId: lead.id })`. The sim
 * then moves on to the next lead. Only a preview campaign previews; elsewhere `next()` resolves undefined.
 *
 * @example
 * ```ts
 * const preview = dialkit.get(PreviewPort);
 * const lead = await preview.next();
 * if (lead) await dialkit.calls.dial(lead.phone, { origin: 'preview', leadId: lead.id });
 * ```
 */
export interface PreviewPort {
  /** The lead in preview for the agent's campaign (the same one until it is dialled or skipped). */
  next(): Promise<Lead | undefined>;
  /** Skips the lead in preview; the next one comes into preview. Rejects when `leadId` is not the one shown. */
  skip(leadId: string): Promise<void>;
  /** The lead in preview, as it changes (undefined outside a preview campaign). */
  readonly lead$: Observable<Lead | undefined>;
}
/** Token for the {@link PreviewPort}. */
export const PreviewPort = createToken<PreviewPort>('sim.preview');

/** A caller waiting in an inbound queue. */
export interface QueuedCaller {
  /** Stable id of the waiting caller. */
  readonly id: string;
  /** The inbound campaign (queue) they called. */
  readonly campaignId: string;
  /** Their number. */
  readonly number: string;
  /** Their name, when the number belongs to a known customer. */
  readonly name?: string;
  /** When they started waiting (epoch ms). */
  readonly since: number;
}

/**
 * The inbound queues of the simulated dialer: who is waiting, longest-waiting first. Callers who
 * wait too long hang up. Bound under the {@link QueuePort} token in the sim's services.
 */
export interface QueuePort {
  /** Callers waiting now, longest-waiting first. */
  waiting(): Promise<readonly QueuedCaller[]>;
  /** The same, as it changes. */
  readonly waiting$: Observable<readonly QueuedCaller[]>;
}
/** Token for the {@link QueuePort}. */
export const QueuePort = createToken<QueuePort>('sim.queue');
