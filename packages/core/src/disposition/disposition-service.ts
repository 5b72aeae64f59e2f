import type { Observable } from 'rxjs';
import type { Call } from '../call/call-state.js';
import type { DispositionCode } from '../campaign/campaign.js';
import { createToken } from '../common/token.js';
import type { DispositionInput, DispositionRecord } from './disposition-record.js';
import type { WrapUpDraft } from './wrap-up-drafts.js';

/**
 * Wrap-up: the calls awaiting an outcome, their drafts, and submitting. A submitted disposition
 * is stored in the persistent outbox before the agent leaves wrap-up, then sent until the backend
 * acknowledges it; submitting the same call twice stores one record.
 */
export interface DispositionService {
  /** Ended calls that await their disposition; replays the latest. */
  readonly awaiting$: Observable<readonly Call[]>;
  /** Calls awaiting now. */
  readonly awaiting: readonly Call[];
  /** Records stored and not yet acknowledged by the backend. */
  readonly pending$: Observable<readonly DispositionRecord[]>;
  /** Records not yet acknowledged, now. */
  readonly pending: readonly DispositionRecord[];
  /** Drafts by call id. */
  readonly drafts$: Observable<ReadonlyMap<string, WrapUpDraft>>;
  /** The outcomes the agent can pick for a call (its campaign's). */
  codes(callId: string): readonly DispositionCode[];
  /** What the agent typed so far for a call. */
  draft(callId: string): WrapUpDraft | undefined;
  /** Keeps what the agent typed (persisted shortly after; survives reload and crash). Works during the call too. */
  saveDraft(callId: string, draft: WrapUpDraft): void;
  /** Checks an input without submitting: the `DialkitError` submit would reject with, or null. */
  check(callId: string, input: DispositionInput): Error | null;
  /** Validates, stores in the outbox, leaves wrap-up; rejects with `disposition.invalid` naming every missing field. */
  submit(callId: string, input: DispositionInput): Promise<DispositionRecord>;
}
/** Token for the {@link DispositionService}. */
export const DispositionService = createToken<DispositionService>('core.disposition-service');
