import { END_CAUSES, type EndCause } from '../call/call-state.js';
import type { Lead } from '../lead/lead.js';
import type { BackendEvent, DialkitEvent } from './dialkit-event.js';

const MAX_TEXT = 256;
const MAX_FIELDS = 100;
const ORIGINS = new Set(['predictive', 'progressive', 'preview', 'manual', 'inbound', 'callback', 'transfer']);
const CAUSES = new Set<string>(END_CAUSES);

/** Text from a backend: a string cut to a sane length, or undefined. */
function text(v: unknown, max = MAX_TEXT): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return typeof v === 'string' ? v.slice(0, max) : undefined;
}

function sanitizeLead(v: unknown): Lead | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  const id = text(o['id']);
  if (id === undefined) return undefined;
  const fields: Record<string, string> = {};
  if (o['fields'] !== null && typeof o['fields'] === 'object') {
    let n = 0;
    for (const [k, val] of Object.entries(o['fields'] as Record<string, unknown>)) {
      const s = text(val, 2_000);
      if (s === undefined || n++ >= MAX_FIELDS) continue;
      fields[k.slice(0, 64)] = s;
    }
  }
  const name = text(o['name']);
  return { id, phone: text(o['phone'], 64) ?? '', fields, ...(name === undefined ? {} : { name }) };
}

/**
 * Checks an event from a backend and stamps it with `at`: strings cut to sane lengths, enums
 * checked, lead data reduced to text. Returns a reason string when the event is unusable.
 *
 * @remarks Everything a backend sends is untrusted (SIP headers, dialer payloads); this never throws.
 */
export function sanitizeBackendEvent(input: BackendEvent, at: number): DialkitEvent | string {
  if (input === null || typeof input !== 'object') return 'event is not an object';
  const e = input as unknown as Record<string, unknown>;
  const type = e['type'];
  if (typeof type !== 'string') return 'event has no type';
  if (type === 'call.dialing' || type === 'call.offered') {
    const callId = text(e['callId'], 128);
    if (callId === undefined || callId === '') return `${type} without a callId`;
    const origin = ORIGINS.has(e['origin'] as string) ? (e['origin'] as DialkitEvent & { origin: never })['origin'] : (type === 'call.offered' ? 'inbound' : 'manual');
    const direction = e['direction'] === 'inbound' || e['direction'] === 'outbound' ? e['direction'] : type === 'call.offered' ? 'inbound' : 'outbound';
    const lead = sanitizeLead(e['lead']);
    const remoteName = text(e['remoteName']);
    const leadId = text(e['leadId'], 128);
    const campaignId = text(e['campaignId'], 128);
    const consultFor = text(e['consultFor'], 128);
    return {
      type, at, callId, origin, direction,
      remoteNumber: text(e['remoteNumber'], 64) ?? '',
      ...(remoteName === undefined ? {} : { remoteName }),
      ...(lead === undefined ? {} : { lead }),
      ...(leadId === undefined ? {} : { leadId }),
      ...(campaignId === undefined ? {} : { campaignId }),
      ...(consultFor === undefined ? {} : { consultFor }),
    };
  }
  if (type === 'call.ended' && !CAUSES.has(e['cause'] as string)) {
    return { ...(input as object), type, at, cause: 'failed' as EndCause } as DialkitEvent;
  }
  if (type === 'call.lead-updated') {
    const lead = sanitizeLead(e['lead']);
    if (!lead) return 'call.lead-updated without a usable lead';
    return { type, at, callId: text(e['callId'], 128) ?? '', lead };
  }
  if (type === 'notification.raised') {
    const n = e['notification'] as Record<string, unknown> | null;
    if (n === null || typeof n !== 'object') return 'notification.raised without a notification';
    const kind = n['kind'] === 'system' || n['kind'] === 'campaign' || n['kind'] === 'error' ? n['kind'] : 'system';
    const code = text(n['code'], 64);
    const dedupeKey = text(n['dedupeKey'], 128);
    const level = n['level'] === 'info' || n['level'] === 'success' || n['level'] === 'warning' || n['level'] === 'error' ? n['level'] : undefined;
    const ttlMs = typeof n['ttlMs'] === 'number' && n['ttlMs'] > 0 ? n['ttlMs'] : undefined;
    return {
      type, at,
      notification: {
        kind, message: text(n['message'], 500) ?? '',
        ...(level === undefined ? {} : { level }),
        ...(code === undefined ? {} : { code }),
        ...(dedupeKey === undefined ? {} : { dedupeKey }),
        ...(ttlMs === undefined ? {} : { ttlMs }),
      },
    };
  }
  if (type === 'connection.changed') {
    const status = e['status'];
    if (status !== 'connected' && status !== 'reconnecting' && status !== 'offline') return `connection.changed with unknown status '${String(status).slice(0, 32)}'`;
    const detail = text(e['detail']);
    return { type, at, status, ...(detail === undefined ? {} : { detail }) };
  }
  return { ...(input as object), at } as DialkitEvent;
}
