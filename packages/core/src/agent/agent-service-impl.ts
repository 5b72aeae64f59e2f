import type { Observable, Subscription } from 'rxjs';
import type { Campaign, PauseReason } from '../campaign/campaign.js';
import type { CampaignServiceImpl } from '../campaign/campaign-service.js';
import type { Credentials } from '../backend/ports.js';
import { DisposableStore } from '../common/disposable.js';
import { DialkitError, toDialkitError } from '../common/errors.js';
import type { CoreContext } from '../console/core-context.js';
import { Commands } from '../console/core-commands.js';
import type { AgentService } from './agent-service.js';
import type { AgentSession, AgentState, AgentStatus } from './agent-state.js';
import { isBusy } from './agent-transition.js';

/** The presence events a backend confirms requests with. */
export type PresenceEventType = 'agent.logged-in' | 'agent.logged-out' | 'agent.ready' | 'agent.paused';

/** Options of the agent service. */
export interface AgentServiceOptions {
  /** Whether Ready needs a joined campaign (default true). */
  readonly requireCampaign: boolean;
}

/** Implements {@link AgentService}: guards, backend calls, confirmations, presence sync after wrap-up. */
export class AgentServiceImpl implements AgentService {
  private readonly disposables = new DisposableStore();
  /** Confirming events of presence requests core made and has not seen yet (a few at most). */
  private readonly expected: PresenceEventType[] = [];
  /** A presence update after calls that the dialer refused, and its retry timer. */
  private unsynced: { readonly status: AgentStatus; readonly attempt: number; readonly retry: Subscription | undefined } | null = null;
  /** @inheritDoc */
  readonly state$: Observable<AgentState>;
  /** @inheritDoc */
  readonly status$: Observable<AgentStatus>;

  /**
   * @param ctx - core's shared context.
   * @param campaigns - campaign configurations.
   * @param options - rules.
   */
  constructor(private readonly ctx: CoreContext, private readonly campaigns: CampaignServiceImpl, private readonly options: AgentServiceOptions) {
    this.state$ = ctx.store.agent$;
    this.status$ = ctx.store.status$;
    const c = ctx.commands;
    this.disposables.add(c.register(Commands.login, (creds) => this.doLogin(creds)));
    this.disposables.add(c.register(Commands.logout, () => this.doLogout()));
    this.disposables.add(c.register(Commands.joinCampaign, ({ campaignId }) => this.doJoin(campaignId)));
    this.disposables.add(c.register(Commands.leaveCampaign, () => this.doLeave()));
    this.disposables.add(c.register(Commands.ready, () => this.doReady()));
    this.disposables.add(c.register(Commands.pause, ({ reason }) => this.doPause(reason)));
    this.disposables.add(c.register(Commands.cancelPendingPause, () => this.doCancelPending()));
    this.syncPresenceAfterCalls();
  }

  /** @inheritDoc */
  get state(): AgentState {
    return this.ctx.store.state.agent;
  }
  /** @inheritDoc */
  get status(): AgentStatus {
    return this.ctx.store.state.agent.status;
  }

  /** @inheritDoc */
  login(credentials: Credentials): Promise<AgentSession> {
    return this.ctx.commands.execute(Commands.login, credentials);
  }
  /** @inheritDoc */
  logout(): Promise<void> {
    return this.ctx.commands.execute(Commands.logout);
  }
  /** @inheritDoc */
  joinCampaign(campaignId: string): Promise<Campaign> {
    return this.ctx.commands.execute(Commands.joinCampaign, { campaignId });
  }
  /** @inheritDoc */
  leaveCampaign(): Promise<void> {
    return this.ctx.commands.execute(Commands.leaveCampaign);
  }
  /** @inheritDoc */
  ready(): Promise<void> {
    return this.ctx.commands.execute(Commands.ready);
  }
  /** @inheritDoc */
  pause(reason: PauseReason | string): Promise<void> {
    return this.ctx.commands.execute(Commands.pause, { reason });
  }
  /** @inheritDoc */
  cancelPendingPause(): Promise<void> {
    return this.ctx.commands.execute(Commands.cancelPendingPause);
  }

  /** Stops listening. */
  dispose(): void {
    this.disposables.dispose();
  }

  private async doLogin(creds: Credentials): Promise<AgentSession> {
    if (typeof creds?.username !== 'string' || creds.username.trim() === '' || typeof creds.password !== 'string' || creds.password === '') {
      throw new DialkitError('agent.invalid-credentials', 'Enter both a username and a password');
    }
    if (this.state.session) throw new DialkitError('agent.already-logged-in', `Agent '${this.state.session.agentId}' is already logged in`);
    const { agentId } = await this.asking('agent.logged-in', () => this.ctx.port('presence').login({ username: creds.username.trim(), password: creds.password }));
    return this.ctx.until((s) => (s.agent.session?.agentId === agentId ? s.agent.session : undefined), 'the login');
  }

  private async doLogout(): Promise<void> {
    const s = this.requireSession();
    if (isBusy(s.status) || this.ctx.store.state.calls.length > 0) {
      throw new DialkitError('agent.calls-active', `Cannot log out while '${s.status.kind}': end the call and submit its disposition first`);
    }
    await this.asking('agent.logged-out', () => this.ctx.port('presence').logout());
    await this.ctx.until((st) => st.agent.status.kind === 'loggedOut', 'the logout');
  }

  private async doJoin(campaignId: string): Promise<Campaign> {
    const s = this.requireSession();
    if (isBusy(s.status)) throw new DialkitError('agent.invalid-state', `Cannot change campaign while '${s.status.kind}'`);
    const assigned = this.campaigns.assigned.length > 0 ? this.campaigns.assigned : await this.campaigns.refresh();
    if (assigned.length === 0) throw new DialkitError('agent.no-campaign-assigned', `No campaign is assigned to agent '${s.session?.agentId ?? ''}'`);
    if (!assigned.some((c) => c.id === campaignId)) {
      throw new DialkitError('agent.campaign-not-assigned', `Campaign '${campaignId}' is not assigned to this agent (assigned: ${assigned.map((c) => c.id).join(', ')})`);
    }
    const campaign = await this.ctx.port('campaigns').join(campaignId);
    this.campaigns.remember(campaign);
    await this.ctx.until((st) => st.agent.campaign?.id === campaignId, `joining campaign '${campaignId}'`);
    return campaign;
  }

  private async doLeave(): Promise<void> {
    const s = this.requireSession();
    if (isBusy(s.status)) throw new DialkitError('agent.invalid-state', `Cannot leave the campaign while '${s.status.kind}'`);
    if (!s.campaign) return;
    await this.ctx.port('campaigns').leave();
    await this.ctx.until((st) => st.agent.campaign === null, 'leaving the campaign');
  }

  private async doReady(): Promise<void> {
    const s = this.requireSession();
    if (s.status.kind === 'ready') {
      // Ready here, but the dialer refused to hear it: Play sends it again, now.
      if (this.unsynced?.status === s.status) await this.sendPresence(s.status, this.unsynced.attempt + 1);
      return;
    }
    if (isBusy(s.status)) throw new DialkitError('agent.invalid-state', `Cannot go Ready while '${s.status.kind}'${s.status.kind === 'wrapUp' ? ': submit the disposition first' : ''}`);
    if (this.options.requireCampaign && !s.campaign) throw new DialkitError('agent.campaign-required', `Agent '${s.session?.agentId ?? ''}' cannot go Ready without a campaign: join one first`);
    await this.asking('agent.ready', () => this.ctx.port('presence').ready());
    await this.ctx.until((st) => st.agent.status.kind === 'ready' || (isBusy(st.agent.status) && st.agent.idle.kind === 'ready'), 'Ready');
  }

  private async doPause(input: PauseReason | string): Promise<void> {
    const s = this.requireSession();
    const reason = this.resolveReason(input);
    if (isBusy(s.status)) {
      this.ctx.emitLocal({ type: 'agent.pause-requested', at: this.ctx.clock.now(), reason });
      return;
    }
    await this.asking('agent.paused', () => this.ctx.port('presence').pause(reason));
    await this.ctx.until((st) => st.agent.status.kind === 'paused' && st.agent.status.reason.code === reason.code, `Pause '${reason.code}'`);
  }

  private doCancelPending(): void {
    const s = this.requireSession();
    if (s.pendingPause === null) return;
    this.ctx.emitLocal({ type: 'agent.pause-requested', at: this.ctx.clock.now(), reason: null });
  }

  /**
   * Takes a presence event as the confirmation of core's own request, if core asked for it.
   * False means the backend changed presence on its own (a supervisor, the dialer).
   */
  confirmsRequest(type: PresenceEventType): boolean {
    const i = this.expected.indexOf(type);
    if (i < 0) return false;
    this.expected.splice(i, 1);
    return true;
  }

  /**
   * Runs a presence request, expecting its confirming event (forgotten if the request fails).
   * A plain promise chain, not an async function: this runs after every call.
   */
  private asking<T>(expect: PresenceEventType, request: () => Promise<T>): Promise<T> {
    const expected = this.expected;
    expected.push(expect);
    if (expected.length > 8) expected.shift();
    const forget = (e: unknown): never => {
      const i = expected.lastIndexOf(expect);
      if (i >= 0) expected.splice(i, 1);
      throw e;
    };
    let pending: Promise<T>;
    try {
      pending = request();
    } catch (e) {
      pending = Promise.reject(toDialkitError(e, 'backend.rejected'));
    }
    return pending.then(undefined, forget);
  }

  private resolveReason(input: PauseReason | string): PauseReason {
    const reasons = this.campaigns.current?.pauseReasons ?? [];
    const code = typeof input === 'string' ? input : input?.code;
    if (typeof code !== 'string' || code.trim() === '') throw new DialkitError('input.invalid', 'A pause needs a reason');
    const known = reasons.find((r) => r.code === code);
    if (known) return known;
    if (typeof input !== 'string' && reasons.length === 0) return input;
    throw new DialkitError('agent.unknown-pause-reason', `Pause reason '${code}' is not one of: ${reasons.map((r) => r.code).join(', ') || '(none defined)'}`);
  }

  private requireSession(): AgentState {
    const s = this.state;
    if (!s.session || s.status.kind === 'loggedOut') throw new DialkitError('agent.not-logged-in', 'No agent is logged in');
    return s;
  }

  private readonly presenceSyncFailed = (e: unknown): void => {
    this.ctx.notify({ kind: 'error', code: 'agent.presence-sync-failed', message: toDialkitError(e, 'backend.rejected', 'Updating your status at the dialer failed').message, dedupeKey: 'presence.sync' });
  };

  /** After a call leaves the agent idle (wrap-up done, call missed), tell the dialer what core decided. */
  private syncPresenceAfterCalls(): void {
    let previous = this.status;
    const sub = this.status$.subscribe((status) => {
      const was = previous;
      previous = status;
      if (!isBusy(was) || (status.kind !== 'ready' && status.kind !== 'paused')) return;
      this.sendPresence(status, 0).then(undefined, () => undefined);
    });
    this.disposables.add(() => sub.unsubscribe());
    this.disposables.add(() => this.unsynced?.retry?.unsubscribe());
  }

  /**
   * Tells the dialer the idle status core decided after calls (`ready`, or `paused` with its
   * reason). If the dialer refuses, the agent is told, and it is sent again after 2, 4, 8… up to
   * 30 s while the agent's status stays the same (or at once when they press Play); a status
   * that changes in between is sent on its own instead. Rejects with the dialer's error.
   */
  private sendPresence(status: AgentStatus, attempt: number): Promise<void> {
    this.unsynced?.retry?.unsubscribe();
    this.unsynced = null;
    const presence = this.ctx.ports.presence;
    if (!presence || (status.kind !== 'ready' && status.kind !== 'paused')) return Promise.resolve();
    const sent = status.kind === 'ready' ? this.asking('agent.ready', () => presence.ready()) : this.asking('agent.paused', () => presence.pause(status.reason));
    return sent.then(
      () => undefined,
      (e: unknown) => {
        this.presenceSyncFailed(e);
        if (this.status === status) {
          const retry = this.ctx.scheduler.schedule(() => {
            if (this.unsynced?.retry === retry && this.status === status) this.sendPresence(status, attempt + 1).then(undefined, () => undefined);
          }, Math.min(30_000, 2_000 * 2 ** attempt));
          this.unsynced = { status, attempt, retry };
        }
        throw e;
      },
    );
  }
}

