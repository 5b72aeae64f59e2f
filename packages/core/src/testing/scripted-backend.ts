import { Subject } from 'rxjs';
import { defineBackend, type BackendModule, type Capability } from '../backend/backend.js';
import type { AgentPresencePort, CallControlPort, CampaignsPort, DialRequest, DispositionsPort, LeadsPort } from '../backend/ports.js';
import { campaignRules, type Campaign } from '../campaign/campaign.js';
import { DialkitError } from '../common/errors.js';
import type { DispositionRecord } from '../disposition/disposition-record.js';
import type { BackendEvent } from '../event/dialkit-event.js';
import type { Lead } from '../lead/lead.js';
import type { Token } from '../common/token.js';

/** One call a test's code made on a port. */
export interface PortCall {
  /** `port.method`, e.g. `callControl.hold`. */
  readonly method: string;
  /** Its arguments (credentials are redacted). */
  readonly args: readonly unknown[];
}

/** Options of {@link createScriptedBackend}. */
export interface ScriptedBackendOptions {
  /** Capabilities declared (default: all). */
  readonly capabilities?: Iterable<Capability>;
  /** Campaigns assigned to every agent (default: none). */
  readonly campaigns?: readonly Campaign[];
  /** Accepted username → password (default: any non-empty pair). */
  readonly users?: Readonly<Record<string, string>>;
  /** Leads by id. */
  readonly leads?: readonly Lead[];
  /** Emit the confirming event of every command by itself (default true). Off: the test emits each one. */
  readonly autoConfirm?: boolean;
  /** Extra services the backend provides (e.g. a `DirectoryPort` or `PreviewPort` fake), bound under their tokens. */
  readonly services?: ReadonlyArray<readonly [Token<unknown>, unknown]>;
}

/** A scripted, in-memory backend for tests: records every port call, emits what the test says. */
export interface ScriptedBackend {
  /** The module to give `createConsole`. */
  readonly module: BackendModule;
  /** Every port call so far, oldest first. */
  readonly calls: PortCall[];
  /** Dispositions stored, once per idempotency key. */
  readonly stored: Map<string, DispositionRecord>;
  /** How many times each disposition key was submitted. */
  readonly submitAttempts: Map<string, number>;
  /** Emits a backend event now. */
  emit(event: BackendEvent): void;
  /** Makes the next call of `method` (e.g. `dispositions.submit`) reject with this error. */
  failNext(method: string, error?: Error): void;
  /** Makes every `dispositions.submit` hang (never acknowledged) until released. */
  holdSubmissions(hold: boolean): void;
  /** Whether `events$` has a subscriber (the console is listening). */
  readonly listening: boolean;
}

const ALL: Capability[] = ['hold', 'mute', 'dtmf', 'blindTransfer', 'warmTransfer', 'conference', 'multiLine', 'autoAnswer', 'recording', 'voicemailDrop', 'manualDial'];

/**
 * Creates a scripted backend implementing every workflow port in memory.
 *
 * @example
 * ```ts
 * const backend = createScriptedBackend({ campaigns: [springSale] });
 * const dialkit = await createConsole({ backend: backend.module, scheduler });
 * backend.emit({ type: 'call.offered', callId: 'c1', direction: 'outbound', origin: 'predictive', remoteNumber: '+34600111222' });
 * ```
 */
export function createScriptedBackend(options: ScriptedBackendOptions = {}): ScriptedBackend {
  const events = new Subject<BackendEvent>();
  const calls: PortCall[] = [];
  const stored = new Map<string, DispositionRecord>();
  const submitAttempts = new Map<string, number>();
  const failures = new Map<string, Error>();
  const auto = options.autoConfirm ?? true;
  const campaigns = options.campaigns ?? [];
  let holding = false;
  let seq = 0;
  const emit = (e: BackendEvent) => events.next(e);
  const confirm = (e: BackendEvent) => {
    if (auto) emit(e);
  };
  const record = async (method: string, args: readonly unknown[]) => {
    calls.push({ method, args });
    await Promise.resolve();
    const f = failures.get(method);
    if (f) {
      failures.delete(method);
      throw f;
    }
  };

  const presence: AgentPresencePort = {
    async login(c) {
      await record('presence.login', [{ username: c.username, password: '***' }]);
      const users = options.users;
      if (users ? users[c.username] !== c.password : !c.username || !c.password) {
        throw new DialkitError('agent.invalid-credentials', `Wrong username or password for '${c.username}'`);
      }
      confirm({ type: 'agent.logged-in', agentId: c.username, name: c.username });
      return { agentId: c.username, name: c.username };
    },
    async logout() { await record('presence.logout', []); confirm({ type: 'agent.logged-out' }); },
    async ready() { await record('presence.ready', []); confirm({ type: 'agent.ready' }); },
    async pause(reason) { await record('presence.pause', [reason]); confirm({ type: 'agent.paused', reason }); },
  };
  const campaignsPort: CampaignsPort = {
    async assigned() { await record('campaigns.assigned', []); return campaigns; },
    async join(id) {
      await record('campaigns.join', [id]);
      const c = campaigns.find((x) => x.id === id);
      if (!c) throw new DialkitError('agent.campaign-not-assigned', `Campaign '${id}' is not assigned`);
      confirm({ type: 'campaign.joined', campaign: campaignRules(c) });
      return c;
    },
    async leave() { await record('campaigns.leave', []); confirm({ type: 'campaign.left' }); },
  };
  const callControl: CallControlPort = {
    async dial(r: DialRequest) {
      await record('callControl.dial', [r]);
      const callId = `s${++seq}`;
      confirm({ type: 'call.dialing', callId, direction: 'outbound', origin: r.origin, remoteNumber: r.number, ...(r.campaignId === undefined ? {} : { campaignId: r.campaignId }), ...(r.leadId === undefined ? {} : { leadId: r.leadId }), ...(r.consultFor === undefined ? {} : { consultFor: r.consultFor }) });
      return { callId };
    },
    async answer(callId) { await record('callControl.answer', [callId]); confirm({ type: 'call.connected', callId }); },
    async reject(callId) { await record('callControl.reject', [callId]); confirm({ type: 'call.ended', callId, cause: 'rejected' }); },
    async hangup(callId) { await record('callControl.hangup', [callId]); confirm({ type: 'call.ended', callId, cause: 'agentHangup' }); },
    async hold(callId) { await record('callControl.hold', [callId]); confirm({ type: 'call.held', callId, by: 'local' }); },
    async resume(callId) { await record('callControl.resume', [callId]); confirm({ type: 'call.resumed', callId }); },
    async mute(callId, muted) { await record('callControl.mute', [callId, muted]); confirm({ type: 'call.muted', callId, muted }); },
    async sendDtmf(callId, digits) { await record('callControl.sendDtmf', [callId, digits]); },
    async transferBlind(callId, destination) { await record('callControl.transferBlind', [callId, destination]); confirm({ type: 'call.ended', callId, cause: 'transferred' }); },
    async completeTransfer(callId, consultCallId) {
      await record('callControl.completeTransfer', [callId, consultCallId]);
      confirm({ type: 'call.ended', callId: consultCallId, cause: 'transferred' });
      confirm({ type: 'call.ended', callId, cause: 'transferred' });
    },
    async conference(ids) { await record('callControl.conference', [ids]); confirm({ type: 'call.conferenced', callIds: ids, conferenceId: `conf${++seq}` }); },
  };
  const leads: LeadsPort = {
    async lead(id) { await record('leads.lead', [id]); return options.leads?.find((l) => l.id === id); },
    async search(q) { await record('leads.search', [q]); return (options.leads ?? []).filter((l) => (l.name ?? '').toLowerCase().includes(q.toLowerCase()) || l.phone.includes(q)); },
  };
  const dispositions: DispositionsPort = {
    async submit(r) {
      submitAttempts.set(r.key, (submitAttempts.get(r.key) ?? 0) + 1);
      await record('dispositions.submit', [r]);
      if (!stored.has(r.key)) stored.set(r.key, structuredClone(r));
      if (holding) await new Promise<never>(() => undefined);
    },
  };

  const module = defineBackend({
    id: 'scripted',
    capabilities: options.capabilities ?? ALL,
    create: () => ({
      events$: events.asObservable(),
      ports: { presence, campaigns: campaignsPort, callControl, leads, dispositions },
      ...(options.services ? { services: options.services } : {}),
      dispose: () => undefined,
    }),
  });
  return {
    module, calls, stored, submitAttempts, emit,
    failNext: (method, error = new DialkitError('backend.rejected', `Scripted failure of ${method}`)) => { failures.set(method, error); },
    holdSubmissions: (h) => { holding = h; },
    get listening() { return events.observed; },
  };
}
