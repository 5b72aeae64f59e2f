import { DialkitError, campaignRules, type AgentPresencePort, type CallControlPort, type CampaignsPort, type DispositionRecord, type DispositionsPort, type LeadsPort } from '@dialkit/core';
import type { AgentCalls } from './agent-calls.js';
import type { AgentDialer } from './agent-dialer.js';
import type { SimWorld } from './sim-world.js';

/** Disposition codes after which a lead is not dialled again. */
const CLOSING_CODES = new Set(['DNC', 'WN', 'PAID']);

/** Runs a port method: typed errors pass through, anything else becomes `backend.rejected`. */
async function accept<T>(what: string, fn: () => T): Promise<T> {
  await Promise.resolve();
  try {
    return fn();
  } catch (e) {
    if (e instanceof DialkitError) throw e;
    throw new DialkitError('backend.rejected', `The simulated dialer refused ${what}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

/** The agent presence port: login, Ready, Pause, logout, each confirmed by its event. @internal */
export function presencePort(w: SimWorld, calls: AgentCalls): AgentPresencePort {
  return {
    login: (credentials) => accept('the login', () => {
      const username = typeof credentials?.username === 'string' ? credentials.username.trim() : '';
      const user = w.options.users.find((u) => u.username === username);
      // Never echo or log the password.
      if (!user || typeof credentials.password !== 'string' || user.password !== credentials.password) {
        throw new DialkitError('agent.invalid-credentials', `Wrong username or password for '${username.slice(0, 64)}'`);
      }
      if (w.session && w.session.user.username !== user.username) calls.clear();
      w.session = { user, campaignId: null, presence: 'paused', engaged: false, readySince: w.now() };
      w.emit({ type: 'agent.logged-in', agentId: user.username, name: user.name });
      return { agentId: user.username, name: user.name };
    }),
    logout: () => accept('the logout', () => {
      w.requireSession();
      calls.clear();
      w.session = null;
      w.emit({ type: 'agent.logged-out' });
    }),
    ready: () => accept('Ready', () => {
      const s = w.requireSession();
      s.presence = 'ready';
      s.engaged = calls.ids.length > 0;
      s.readySince = w.now();
      w.emit({ type: 'agent.ready' });
      w.after(0, () => w.agentAvailable());
    }),
    pause: (reason) => accept('the pause', () => {
      const s = w.requireSession();
      if (typeof reason?.code !== 'string' || typeof reason.label !== 'string') throw new DialkitError('input.invalid', 'A pause needs a reason with a code and a label');
      s.presence = 'paused';
      if (calls.ids.length === 0) s.engaged = false;
      w.emit({ type: 'agent.paused', reason: { code: reason.code, label: reason.label, kind: reason.kind === 'break' ? 'break' : 'pause' } });
    }),
  };
}

/** The campaigns port: the agent's assigned campaigns, join and leave. @internal */
export function campaignsPort(w: SimWorld): CampaignsPort {
  return {
    assigned: () => accept('the campaign list', () => {
      const s = w.requireSession();
      return s.user.campaigns.flatMap((id) => w.simCampaign(id)?.campaign ?? []);
    }),
    join: (campaignId) => accept('joining the campaign', () => {
      const s = w.requireSession();
      const c = s.user.campaigns.includes(campaignId) ? w.simCampaign(campaignId)?.campaign : undefined;
      if (!c) throw new DialkitError('agent.campaign-not-assigned', `Campaign '${String(campaignId).slice(0, 64)}' is not assigned to '${s.user.username}'`);
      s.campaignId = c.id;
      w.emit({ type: 'campaign.joined', campaign: campaignRules(c) });
      if (s.presence === 'ready') w.after(0, () => w.agentAvailable());
      return c;
    }),
    leave: () => accept('leaving the campaign', () => {
      w.requireSession().campaignId = null;
      w.emit({ type: 'campaign.left' });
    }),
  };
}

/** The leads port: a lead by id, and search by name or number. @internal */
export function leadsPort(w: SimWorld): LeadsPort {
  const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return {
    lead: (leadId) => accept('the lead', () => (typeof leadId === 'string' ? w.findLead(leadId)?.lead : undefined)),
    search: (query) => accept('the lead search', () => {
      const q = typeof query === 'string' ? fold(query.trim()) : '';
      if (q === '') return [];
      const digits = q.replace(/\D/g, '');
      return w.options.campaigns
        .flatMap((c) => c.leads)
        .filter((l) => fold(l.name ?? '').includes(q) || (digits.length >= 3 && l.phone.replace(/\D/g, '').includes(digits)))
        .slice(0, 50);
    }),
  };
}

/** The dispositions port: stored once per key, attempts counted, callbacks scheduled. @internal */
export function dispositionsPort(w: SimWorld, dialer: AgentDialer, stored: Map<string, DispositionRecord>, attempts: Map<string, number>): DispositionsPort {
  return {
    submit: (record) => accept('the disposition', () => {
      if (typeof record?.key !== 'string' || record.key === '' || typeof record.code !== 'string') {
        throw new DialkitError('backend.rejected', 'A disposition needs a key and a code');
      }
      w.stats.dispositionAttempts++;
      attempts.set(record.key, (attempts.get(record.key) ?? 0) + 1);
      if (stored.has(record.key)) return;
      stored.set(record.key, structuredClone(record));
      w.stats.dispositions++;
      if (record.leadId !== undefined && (record.successful || CLOSING_CODES.has(record.code))) dialer.closedLeads.add(record.leadId);
      dialer.schedule(record);
    }),
  };
}

/** The call control port. @internal */
export function callControlPort(calls: AgentCalls, dialer: AgentDialer): CallControlPort {
  return {
    dial: (request) => accept('the call', () => ({ callId: dialer.dial(request) })),
    answer: (id) => accept('the answer', () => calls.answer(id)),
    reject: (id) => accept('the rejection', () => calls.reject(id)),
    hangup: (id) => accept('the hangup', () => calls.hangup(id)),
    hold: (id) => accept('the hold', () => calls.hold(id)),
    resume: (id) => accept('the resume', () => calls.resume(id)),
    mute: (id, muted) => accept('the mute', () => calls.mute(id, muted)),
    sendDtmf: (id, digits) => accept('the DTMF', () => calls.sendDtmf(id, digits)),
    transferBlind: (id, destination) => accept('the transfer', () => calls.transferBlind(id, destination)),
    completeTransfer: (id, consultId) => accept('the transfer', () => calls.completeTransfer(id, consultId)),
    conference: (ids) => accept('the conference', () => calls.conference(ids)),
  };
}
