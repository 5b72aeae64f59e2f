import type { Observable } from 'rxjs';
import { createToken } from '../common/token.js';
import type { Lead } from './lead.js';

/**
 * Preview dialing: in a campaign whose dial method is `preview`, the agent sees the next lead
 * before any call is placed, then dials it or skips it. A dialer that previews provides this port
 * in its backend's `services` (`dialkit.get(PreviewPort)`, or `requires: { preview: PreviewPort }`
 * in a plugin).
 *
 * @remarks
 * To dial the lead shown, place the call through the console so that plugins' hooks (compliance,
 * CRM) see it: `dialkit.calls.dial(lead.phone, { origin: 'preview', leadId: lead.id })`. The
 * dialer then moves on to the next lead. Outside a preview campaign `next()` resolves undefined.
 *
 * @example
 * ```ts
 * const preview = dialkit.get(PreviewPort);
 * const lead = await preview?.next();
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
export const PreviewPort = createToken<PreviewPort>('core.port.preview');
