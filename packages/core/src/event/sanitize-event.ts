import { END_CAUSES, type CallOrigin, type EndCause } from '../call/call-state.js';
import type { CampaignRules, PauseReason } from '../campaign/campaign.js';
import type { Lead } from '../lead/lead.js';
import type { BackendEvent, DialkitEvent, NewCallInfo } from './dialkit-event.js';

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

function reason(v: unknown): PauseReason | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  const code = text(o['code'], 64);
  if (code === undefined || code === '') return undefined;
  return { code, label: text(o['label'], 128) ?? code, kind: o['kind'] === 'break' ? 'break' : 'pause' };
}

function rules(v: unknown): CampaignRules | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  const id = text(o['id'], 128);
  if (id === undefined || id === '') return undefined;
  const method = o['dialMethod'];
  return {
    id,
    name: text(o['name']) ?? id,
    dialMethod: method === 'predictive' || method === 'progressive' || method === 'preview' || method === 'manual' || method === 'inbound' ? method : 'manual',
    afterWrapUp: o['afterWrapUp'] === 'paused' ? 'paused' : 'ready',
    allowManualDial: o['allowManualDial'] === true,
  };
}

/**
 * Checks an event from a backend and stamps it with `at`: each event is rebuilt field by field
 * (strings cut to sane lengths, enums checked, lead data reduced to text), so nothing a backend
 * adds travels further. Returns a reason string when the event is unusable.
 *
 * @remarks Everything a backend sends is untrusted (SIP headers, dialer payloads); this never throws.
 */
export function sanitizeBackendEvent(input: BackendEvent, at: number): DialkitEvent | string {
  if (input === null || typeof input !== 'object') return 'event is not an object';
  const e = input as unknown as Record<string, unknown>;
  const type = e['type'];
  if (typeof type !== 'string') return 'event has no type';
  switch (type) {
    case 'agent.ready':
    case 'agent.logged-out':
    case 'campaign.left':
    case 'console.started':
    case 'console.closed':
      return { type, at };
    case 'call.connected':
    case 'call.ringing':
    case 'call.resumed': {
      const callId = text(e['callId'], 128);
      return callId === undefined ? `${type} without a callId` : { type, at, callId };
    }
    case 'call.held': {
      const callId = text(e['callId'], 128);
      return callId === undefined ? `${type} without a callId` : { type, at, callId, by: e['by'] === 'remote' ? 'remote' : 'local' };
    }
    case 'call.muted': {
      const callId = text(e['callId'], 128);
      return callId === undefined ? `${type} without a callId` : { type, at, callId, muted: e['muted'] === true };
    }
    case 'call.recording': {
      const callId = text(e['callId'], 128);
      return callId === undefined ? `${type} without a callId` : { type, at, callId, recording: e['recording'] === true };
    }
    case 'call.ended': {
      const callId = text(e['callId'], 128);
      if (callId === undefined) return `${type} without a callId`;
      return { type, at, callId, cause: CAUSES.has(e['cause'] as string) ? (e['cause'] as EndCause) : 'failed' };
    }
    case 'call.dialing':
    case 'call.offered':
      return newCall(type, e, at);
    case 'call.lead-updated': {
      const lead = sanitizeLead(e['lead']);
      const callId = text(e['callId'], 128);
      if (!lead || callId === undefined) return 'call.lead-updated without a call id and a usable lead';
      return { type, at, callId, lead };
    }
    case 'call.conferenced': {
      const ids = Array.isArray(e['callIds']) ? (e['callIds'] as unknown[]).slice(0, 8).map((x) => text(x, 128)).filter((x): x is string => x !== undefined) : [];
      return { type, at, callIds: ids, conferenceId: text(e['conferenceId'], 128) ?? '' };
    }
    case 'agent.logged-in': {
      const agentId = text(e['agentId'], 128);
      if (agentId === undefined || agentId === '') return 'agent.logged-in without an agentId';
      return { type, at, agentId, name: text(e['name']) ?? agentId };
    }
    case 'agent.paused': {
      const r = reason(e['reason']);
      return r === undefined ? 'agent.paused without a usable reason' : { type, at, reason: r };
    }
    case 'agent.pause-requested':
      return { type, at, reason: e['reason'] === null ? null : (reason(e['reason']) ?? null) };
    case 'campaign.joined': {
      const campaign = rules(e['campaign']);
      return campaign === undefined ? 'campaign.joined without a usable campaign' : { type, at, campaign };
    }
    case 'disposition.saved': {
      const callId = text(e['callId'], 128);
      return callId === undefined ? `${type} without a callId` : { type, at, callId, code: text(e['code'], 64) ?? '', successful: e['successful'] === true };
    }
    case 'notification.raised':
      return notification(e, at);
    case 'connection.changed': {
      const status = e['status'];
      if (status !== 'connected' && status !== 'reconnecting' && status !== 'offline') return `connection.changed with unknown status '${String(status).slice(0, 32)}'`;
      const detail = text(e['detail']);
      return { type, at, status, ...(detail === undefined ? {} : { detail }) };
    }
    default:
      return `unknown event type '${type.slice(0, 64)}'`;
  }
}

function newCall(type: 'call.dialing' | 'call.offered', e: Record<string, unknown>, at: number): DialkitEvent | string {
  const callId = text(e['callId'], 128);
  if (callId === undefined || callId === '') return `${type} without a callId`;
  const origin = ORIGINS.has(e['origin'] as string) ? (e['origin'] as CallOrigin) : type === 'call.offered' ? 'inbound' : 'manual';
  const direction = e['direction'] === 'inbound' || e['direction'] === 'outbound' ? e['direction'] : type === 'call.offered' ? 'inbound' : 'outbound';
  const lead = sanitizeLead(e['lead']);
  const remoteName = text(e['remoteName']);
  const leadId = text(e['leadId'], 128);
  const campaignId = text(e['campaignId'], 128);
  const consultFor = text(e['consultFor'], 128);
  // One fixed shape, optional fields set only when present (no temporary objects).
  const out: { -readonly [K in keyof NewCallInfo]: NewCallInfo[K] } & { type: typeof type; at: number } = {
    type, at, callId, origin, direction, remoteNumber: text(e['remoteNumber'], 64) ?? '',
  };
  if (remoteName !== undefined) out.remoteName = remoteName;
  if (lead !== undefined) out.lead = lead;
  if (leadId !== undefined) out.leadId = leadId;
  if (campaignId !== undefined) out.campaignId = campaignId;
  if (consultFor !== undefined) out.consultFor = consultFor;
  return out;
}

function notification(e: Record<string, unknown>, at: number): DialkitEvent | string {
  const n = e['notification'] as Record<string, unknown> | null;
  if (n === null || typeof n !== 'object') return 'notification.raised without a notification';
  const kind = n['kind'] === 'system' || n['kind'] === 'campaign' || n['kind'] === 'error' ? n['kind'] : 'system';
  const code = text(n['code'], 64);
  const dedupeKey = text(n['dedupeKey'], 128);
  const level = n['level'] === 'info' || n['level'] === 'success' || n['level'] === 'warning' || n['level'] === 'error' ? n['level'] : undefined;
  const ttlMs = typeof n['ttlMs'] === 'number' && n['ttlMs'] > 0 ? n['ttlMs'] : undefined;
  return {
    type: 'notification.raised', at,
    notification: {
      kind, message: text(n['message'], 500) ?? '',
      ...(level === undefined ? {} : { level }),
      ...(code === undefined ? {} : { code }),
      ...(dedupeKey === undefined ? {} : { dedupeKey }),
      ...(ttlMs === undefined ? {} : { ttlMs }),
    },
  };
}
