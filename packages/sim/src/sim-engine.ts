import { defer, startWith } from 'rxjs';
import { DirectoryPort, type BackendContext, type BackendEvent, type BackendInstance, type DispositionRecord } from '@dialkit/core';
import { AgentCalls } from './agent-calls.js';
import { AgentDialer } from './agent-dialer.js';
import { SimMessages } from './ambient.js';
import { createColleagues, type SimColleague } from './colleagues.js';
import { directoryPort } from './directory.js';
import { InboundQueue } from './inbound-queue.js';
import { PredictiveDialer } from './predictive-dialer.js';
import { PreviewPort } from '@dialkit/core';
import { QueuePort } from './queue-port.js';
import type { ResolvedSimOptions } from './sim-options.js';
import { callControlPort, campaignsPort, dispositionsPort, leadsPort, presencePort } from './sim-ports.js';
import { SimWorld } from './sim-world.js';

/** One started simulation: the world and every part, wired together. @internal */
export class SimEngine {
  readonly world: SimWorld;
  readonly calls: AgentCalls;
  readonly dialer: AgentDialer;
  readonly queue: InboundQueue;
  readonly messages: SimMessages;
  readonly colleagues: readonly SimColleague[];
  readonly predictive: readonly PredictiveDialer[];
  readonly stored = new Map<string, DispositionRecord>();
  readonly attempts = new Map<string, number>();
  /** Events for the console as soon as it listens (what became of a restored session). */
  private onListen: BackendEvent[] = [];
  private availableOnListen = false;

  constructor(options: ResolvedSimOptions, context: BackendContext) {
    const w = (this.world = new SimWorld(options, context));
    this.calls = new AgentCalls(w);
    this.dialer = new AgentDialer(w, this.calls);
    this.queue = new InboundQueue(w, this.calls);
    this.messages = new SimMessages(w);
    this.colleagues = createColleagues(w);
    this.predictive = options.campaigns
      .filter((c) => options.calls && c.campaign.dialMethod === 'predictive')
      .map((c) => new PredictiveDialer(w, c, this.colleagues.filter((x) => x.campaignId === c.campaign.id), this.calls));
    // Colleagues start the shift at different points: some on a call already.
    for (const c of this.colleagues) if (c.campaignId !== undefined && w.rnd.chance(0.6)) c.takeCall(w.rnd.between(5_000, 120_000));
    for (const p of this.predictive) p.start();
    if (options.calls) this.queue.start();
    if (options.ambient) this.messages.startAmbient(this.colleagues);
    this.adopt(options, context);
  }

  /**
   * The console restored a session (a reload, or another tab handed over): the simulated dialer
   * lives in the page, so it starts with none. It adopts the agent's session, as a dialer server
   * would have kept it; calls of the page that went away are lost with it (ended as `failed`).
   */
  private adopt(options: ResolvedSimOptions, context: BackendContext): void {
    const r = context.restored;
    if (!r) return;
    const w = this.world;
    const user = options.users.find((u) => u.username === r.agentId);
    if (!user) {
      this.onListen = [{ type: 'agent.logged-out' }];
      return;
    }
    const campaignId = r.campaignId !== null && user.campaigns.includes(r.campaignId) ? r.campaignId : null;
    w.session = { user, campaignId, presence: r.presence, engaged: false, readySince: w.now() };
    this.onListen = [
      // Its own calls only: with `calls: false` another backend had them.
      ...(options.calls ? r.liveCallIds : []).map((callId): BackendEvent => ({ type: 'call.ended', callId, cause: 'failed' })),
      ...(r.campaignId !== null && campaignId === null ? [{ type: 'campaign.left' } as const] : []),
    ];
    this.availableOnListen = r.presence === 'ready';
  }

  /** The backend instance core binds. */
  instance(): BackendInstance {
    const w = this.world;
    return {
      // The connection is up as soon as the console listens.
      events$: defer(() => {
        const first: BackendEvent[] = [{ type: 'connection.changed', status: 'connected', detail: 'Simulated dialer' }, ...this.onListen];
        this.onListen = [];
        if (this.availableOnListen) {
          this.availableOnListen = false;
          w.after(0, () => w.agentAvailable());
        }
        return w.events$.pipe(startWith(...first));
      }),
      ports: {
        presence: presencePort(w, this.calls),
        campaigns: campaignsPort(w),
        ...(this.world.options.calls ? { callControl: callControlPort(this.calls, this.dialer) } : {}),
        leads: leadsPort(w),
        dispositions: dispositionsPort(w, this.dialer, this.stored, this.attempts),
      },
      services: [
        [DirectoryPort, directoryPort(this.colleagues)],
        [PreviewPort, this.dialer.preview],
        [QueuePort, this.queue.port],
      ],
      dispose: () => this.world.dispose(),
    };
  }
}
