import type { CallOrigin, Lead } from '@dialkit/core';

/**
 * Which SIP headers of an incoming INVITE carry the dialer's data. Every value is untrusted text:
 * it is cut to a length, stripped of control and bidi-override characters, and never interpreted.
 */
export interface SipHeaderMapping {
  /** Header with the lead's id (default `X-Lead-Id`); core looks the lead up through its `Leads` port. */
  readonly leadId?: string;
  /** Header with the campaign's id (default `X-Campaign`). */
  readonly campaignId?: string;
  /** Header with the call's origin (`predictive`, `preview`…; default `X-Call-Origin`). */
  readonly origin?: string;
  /** Lead fields sent as headers: field name → header name. When set, the lead travels with the call. */
  readonly leadFields?: Readonly<Record<string, string>>;
}

/** What a dialer's headers said about a call, cleaned. @internal */
export interface CallHeaderData {
  readonly leadId?: string;
  readonly campaignId?: string;
  readonly origin?: CallOrigin;
  readonly lead?: Lead;
}

/** Reads one header's value, or undefined. @internal */
export type HeaderReader = (name: string) => string | undefined;

const ID_MAX = 128;
const FIELD_MAX = 512;
const ORIGINS: ReadonlySet<string> = new Set(['predictive', 'progressive', 'preview', 'manual', 'inbound', 'callback', 'transfer']);
// C0 and C1 controls (tab included), DEL, zero-width and bidi controls that can disguise text.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * Cleans untrusted header text: control and bidi characters become spaces, runs of spaces are
 * collapsed, the ends trimmed, and the result cut to `maxLength` characters. Empty → undefined.
 * Markup is left as the literal text it is (a UI renders it as text, never as HTML).
 */
export function sanitizeHeaderText(value: string | undefined, maxLength: number): string | undefined {
  if (value === undefined) return undefined;
  // Cut first so an absurd value costs no more than a few times maxLength to clean.
  const cleaned = value.slice(0, maxLength * 4).replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim().slice(0, maxLength).trim();
  return cleaned === '' ? undefined : cleaned;
}

/** The dialer data in an INVITE's headers, through the mapping. @internal */
export function readCallHeaders(get: HeaderReader, mapping: SipHeaderMapping, remoteNumber: string): CallHeaderData {
  const leadId = sanitizeHeaderText(get(mapping.leadId ?? 'X-Lead-Id'), ID_MAX);
  const campaignId = sanitizeHeaderText(get(mapping.campaignId ?? 'X-Campaign'), ID_MAX);
  const originText = sanitizeHeaderText(get(mapping.origin ?? 'X-Call-Origin'), 32)?.toLowerCase();
  const out: { -readonly [K in keyof CallHeaderData]: CallHeaderData[K] } = {};
  if (leadId !== undefined) out.leadId = leadId;
  if (campaignId !== undefined) out.campaignId = campaignId;
  if (originText !== undefined && ORIGINS.has(originText)) out.origin = originText as CallOrigin;
  if (leadId !== undefined && mapping.leadFields !== undefined) {
    const fields: Record<string, string> = {};
    let name: string | undefined;
    for (const [field, header] of Object.entries(mapping.leadFields).slice(0, 50)) {
      const v = sanitizeHeaderText(get(header), FIELD_MAX);
      if (v === undefined) continue;
      if (field === 'name') name = v;
      else fields[field] = v;
    }
    out.lead = { id: leadId, phone: remoteNumber, fields, ...(name === undefined ? {} : { name }) };
  }
  return out;
}

/**
 * When a call asks to be answered automatically. Off unless enabled: an auto-answered call opens
 * the agent's microphone, and the request is a header any caller can send, so enable it only
 * where the proxy or dialer in front of the agent strips these headers from calls it did not
 * place itself.
 */
export interface AutoAnswerOptions {
  /** Honour auto-answer requests (default false). */
  readonly enabled?: boolean;
  /**
   * A header that asks for auto-answer (besides `Call-Info: …;answer-after=N`), e.g.
   * `X-Auto-Answer`: a number is the delay in seconds; `true`, `yes` or `auto` answer at once; any
   * other value is no request.
   */
  readonly header?: string;
  /** Longest delay honoured, in ms (default 10 000); longer requests are capped. */
  readonly maxDelayMs?: number;
}

/**
 * The auto-answer delay an INVITE asks for, in ms, or undefined when it does not ask.
 * Understands `Call-Info: <…>;answer-after=N` (RFC 7462 style, also `Alert-Info`) and the
 * configured header. @internal
 */
export function autoAnswerDelay(get: HeaderReader, options: AutoAnswerOptions): number | undefined {
  if (options.enabled !== true) return undefined;
  const max = options.maxDelayMs ?? 10_000;
  const seconds = (text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    const m = /answer-after\s*=\s*"?(\d{1,4})/i.exec(text.slice(0, 1024));
    return m?.[1] === undefined ? undefined : Number(m[1]);
  };
  let s = seconds(get('Call-Info')) ?? seconds(get('Alert-Info'));
  if (s === undefined && options.header !== undefined) {
    const v = get(options.header);
    if (v !== undefined) {
      const text = v.slice(0, 64).trim().toLowerCase();
      const n = /^(\d{1,4})$/.exec(text);
      if (n?.[1] !== undefined) s = Number(n[1]);
      else if (text === 'true' || text === 'yes' || text === 'auto') s = 0;
    }
  }
  return s === undefined ? undefined : Math.min(s * 1000, max);
}
