import type { Observable } from 'rxjs';
import { sameElements } from '../state/core-store.js';
import { awaitsDisposition, type Call } from '../call/call-state.js';
import type { CampaignServiceImpl } from '../campaign/campaign-service.js';
import type { Campaign, DispositionCode } from '../campaign/campaign.js';
import { DisposableStore } from '../common/disposable.js';
import { DialkitError, toDialkitError } from '../common/errors.js';
import type { CoreContext } from '../console/core-context.js';
import { Commands } from '../console/core-commands.js';
import type { DispositionInput, DispositionRecord } from './disposition-record.js';
import type { DispositionOutbox } from './disposition-outbox.js';
import type { DispositionService } from './disposition-service.js';
import { validateDisposition } from './validate-disposition.js';
import type { WrapUpDraft, WrapUpDrafts } from './wrap-up-drafts.js';

const NONE: readonly Call[] = Object.freeze([]);

/** The calls awaiting a disposition; the shared empty list when none does (no allocation per event). */
function awaitingOf(calls: readonly Call[]): readonly Call[] {
  for (let i = 0; i < calls.length; i++) if (awaitsDisposition(calls[i]!)) return calls.filter(awaitsDisposition);
  return NONE;
}

/** Implements {@link DispositionService} over the outbox and the drafts. */
export class DispositionServiceImpl implements DispositionService {
  private readonly disposables = new DisposableStore();
  /** @inheritDoc */
  readonly awaiting$: Observable<readonly Call[]>;
  /** @inheritDoc */
  readonly pending$: Observable<readonly DispositionRecord[]>;
  /** @inheritDoc */
  readonly drafts$: Observable<ReadonlyMap<string, WrapUpDraft>>;

  /**
   * @param ctx - core's shared context.
   * @param campaigns - campaign configurations (codes, fields).
   * @param outbox - the persistent outbox.
   * @param drafts - wrap-up drafts.
   */
  constructor(
    private readonly ctx: CoreContext,
    private readonly campaigns: CampaignServiceImpl,
    private readonly outbox: DispositionOutbox,
    private readonly drafts: WrapUpDrafts,
  ) {
    this.awaiting$ = ctx.store.derive('calls', awaitingOf, sameElements);
    this.pending$ = outbox.pending$;
    this.drafts$ = drafts.drafts$;
    this.disposables.add(ctx.commands.register(Commands.submitDisposition, ({ callId, input }) => this.doSubmit(callId, input)));
  }

  /** @inheritDoc */
  get awaiting(): readonly Call[] {
    return this.ctx.store.state.calls.filter(awaitsDisposition);
  }

  /** @inheritDoc */
  get pending(): readonly DispositionRecord[] {
    return this.outbox.pending;
  }

  /** @inheritDoc */
  codes(callId: string): readonly DispositionCode[] {
    const call = this.ctx.store.state.calls.find((c) => c.id === callId);
    return (call ? this.campaignOf(call)?.dispositions : undefined) ?? [];
  }

  /** @inheritDoc */
  draft(callId: string): WrapUpDraft | undefined {
    return this.drafts.get(callId);
  }

  /** @inheritDoc */
  saveDraft(callId: string, draft: WrapUpDraft): void {
    this.drafts.save(callId, draft);
  }

  /** @inheritDoc */
  check(callId: string, input: DispositionInput): Error | null {
    try {
      this.validate(callId, input);
      return null;
    } catch (e) {
      return toDialkitError(e, 'disposition.invalid');
    }
  }

  /** @inheritDoc */
  submit(callId: string, input: DispositionInput): Promise<DispositionRecord> {
    return this.ctx.commands.execute(Commands.submitDisposition, { callId, input });
  }

  /**
   * After a reload: calls whose record is already in the outbox leave wrap-up (it was submitted
   * before the reload, so it is never sent twice).
   */
  reconcileWithOutbox(): void {
    for (const record of this.outbox.pending) {
      if (this.awaiting.some((c) => c.id === record.callId)) {
        this.ctx.emitLocal({ type: 'disposition.saved', at: this.ctx.clock.now(), callId: record.callId, code: record.code, successful: record.successful });
      }
    }
  }

  /** Stops listening. */
  dispose(): void {
    this.disposables.dispose();
  }

  private validate(callId: string, input: DispositionInput): DispositionRecord {
    const state = this.ctx.store.state;
    const agentId = state.agent.session?.agentId;
    if (agentId === undefined) throw new DialkitError('agent.not-logged-in', 'No agent is logged in');
    const call = state.calls.find((c) => c.id === callId);
    if (!call || !awaitsDisposition(call)) {
      throw new DialkitError('disposition.not-awaiting', `Call '${String(callId)}' does not await a disposition${call ? ` (it is '${call.status.kind}')` : ''}`);
    }
    if (input === null || typeof input !== 'object') throw new DialkitError('input.invalid', 'A disposition needs an outcome');
    return validateDisposition(input, { call, campaign: this.campaignOf(call), agentId, now: this.ctx.clock.now(), key: `${agentId}:${call.id}` });
  }

  private async doSubmit(callId: string, input: DispositionInput): Promise<DispositionRecord> {
    if (input !== null && typeof input === 'object') this.drafts.save(callId, input);
    const record = this.validate(callId, input);
    await this.outbox.enqueue(record);
    this.ctx.emitLocal({ type: 'disposition.saved', at: this.ctx.clock.now(), callId, code: record.code, successful: record.successful });
    await this.drafts.delete(callId).catch((e: unknown) => this.ctx.logger.log('warn', 'Deleting a wrap-up draft failed', { callId, error: String(e) }));
    return record;
  }

  private campaignOf(call: Call): Campaign | undefined {
    const id = call.campaignId ?? this.ctx.store.state.agent.campaign?.id;
    if (id === undefined) return undefined;
    return this.campaigns.assigned.find((c) => c.id === id) ?? (this.campaigns.current?.id === id ? this.campaigns.current : undefined);
  }
}
