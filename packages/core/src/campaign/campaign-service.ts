import { BehaviorSubject, combineLatest, distinctUntilChanged, map, shareReplay, type Observable } from 'rxjs';
import { createToken } from '../common/token.js';
import { DisposableStore } from '../common/disposable.js';
import { toDialkitError } from '../common/errors.js';
import type { CoreContext } from '../console/core-context.js';
import type { Campaign } from './campaign.js';

/** The campaigns assigned to the agent and the one joined, with their full configuration. */
export interface CampaignService {
  /** Campaigns assigned by a supervisor (empty until loaded, and when none is assigned). */
  readonly assigned$: Observable<readonly Campaign[]>;
  /** Assigned campaigns now. */
  readonly assigned: readonly Campaign[];
  /** Whether the assigned list has been loaded since login. */
  readonly loaded$: Observable<boolean>;
  /** The joined campaign's full configuration, or null. */
  readonly current$: Observable<Campaign | null>;
  /** The joined campaign now. */
  readonly current: Campaign | null;
  /** Reloads the assigned campaigns from the backend. */
  refresh(): Promise<readonly Campaign[]>;
}
/** Token for the {@link CampaignService}. */
export const CampaignService = createToken<CampaignService>('core.campaign-service');

/** Loads assigned campaigns after login and keeps the joined one's configuration. */
export class CampaignServiceImpl implements CampaignService {
  private readonly assignedSubject = new BehaviorSubject<readonly Campaign[]>([]);
  private readonly loadedSubject = new BehaviorSubject<boolean>(false);
  private readonly joined = new Map<string, Campaign>();
  private readonly disposables = new DisposableStore();
  /** @inheritDoc */
  readonly assigned$ = this.assignedSubject.asObservable();
  /** @inheritDoc */
  readonly loaded$ = this.loadedSubject.asObservable();
  /** @inheritDoc */
  readonly current$: Observable<Campaign | null>;

  /** @param ctx - core's shared context. */
  constructor(private readonly ctx: CoreContext) {
    const campaignId$ = ctx.store.derive('agent', (a) => a.campaign?.id ?? null);
    this.current$ = combineLatest([campaignId$, this.assignedSubject]).pipe(
      map(([id]) => this.find(id)),
      distinctUntilChanged(),
      shareReplay({ bufferSize: 1, refCount: true }),
    );
    const sub = ctx.store.derive('agent', (a) => a.session?.agentId ?? null)
      .subscribe((agentId) => {
        if (agentId === null) {
          this.assignedSubject.next([]);
          this.loadedSubject.next(false);
          this.joined.clear();
        } else if (ctx.ports.campaigns) {
          this.refresh().catch((e: unknown) => ctx.notify({ kind: 'error', code: 'campaign.load-failed', message: toDialkitError(e, 'backend.rejected', 'Loading campaigns failed').message, dedupeKey: 'campaigns.load' }));
        }
      });
    this.disposables.add(() => sub.unsubscribe());
  }

  /** @inheritDoc */
  get assigned(): readonly Campaign[] {
    return this.assignedSubject.value;
  }

  /** @inheritDoc */
  get current(): Campaign | null {
    return this.find(this.ctx.store.state.agent.campaign?.id ?? null);
  }

  /** @inheritDoc */
  async refresh(): Promise<readonly Campaign[]> {
    const list = await this.ctx.port('campaigns').assigned();
    this.assignedSubject.next(list);
    this.loadedSubject.next(true);
    return list;
  }

  /** Remembers a joined campaign's configuration (the backend may return more than `assigned` had). */
  remember(campaign: Campaign): void {
    this.joined.set(campaign.id, campaign);
    if (!this.assignedSubject.value.some((c) => c.id === campaign.id)) this.assignedSubject.next([...this.assignedSubject.value, campaign]);
  }

  /** Completes streams and stops listening. */
  dispose(): void {
    this.disposables.dispose();
    this.assignedSubject.complete();
    this.loadedSubject.complete();
  }

  private find(id: string | null): Campaign | null {
    if (id === null) return null;
    return this.joined.get(id) ?? this.assignedSubject.value.find((c) => c.id === id) ?? null;
  }
}
