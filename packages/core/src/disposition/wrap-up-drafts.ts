import { BehaviorSubject, type Observable, type SchedulerLike, type Subscription } from 'rxjs';
import type { Disposable } from '../common/disposable.js';
import { toDialkitError } from '../common/errors.js';
import { silentLogger, type Logger } from '../common/logger.js';
import { createToken } from '../common/token.js';
import type { Storage } from '../storage/storage.js';
import type { CallbackRequest, DispositionInput } from './disposition-record.js';

/**
 * What the agent has typed of a disposition so far: any part of a {@link DispositionInput}, and
 * any part of its callback (a note and a scope typed before the date, say).
 */
export type WrapUpDraft = Omit<Partial<DispositionInput>, 'callback'> & { readonly callback?: Partial<CallbackRequest> };

/**
 * Wrap-up drafts: what the agent types in a call's disposition form, kept as they type and saved,
 * so that a reload or a crash does not lose it.
 */
export interface WrapUpDrafts extends Disposable {
  /** Every call's draft by call id; replays the latest map. */
  readonly drafts$: Observable<ReadonlyMap<string, WrapUpDraft>>;
  /** The latest value of {@link WrapUpDrafts.drafts$}. */
  readonly drafts: ReadonlyMap<string, WrapUpDraft>;
  /**
   * Keeps a call's draft (replacing the previous one) at once, and saves it after a quiet moment.
   *
   * @param callId - the call the form is for.
   * @param draft - the whole form as it is now.
   */
  save(callId: string, draft: WrapUpDraft): void;
  /**
   * A call's latest draft, or undefined.
   *
   * @param callId - the call the form is for.
   */
  get(callId: string): WrapUpDraft | undefined;
  /** Restores the drafts a previous console saved (a draft saved in this one wins). */
  load(): Promise<void>;
  /**
   * Forgets a call's draft, in memory and in storage (after its disposition is enqueued).
   *
   * @param callId - the call the form was for.
   */
  delete(callId: string): Promise<void>;
  /** Saves every draft still waiting for its quiet moment now; rejects with `storage.failed` if one fails. */
  flush(): Promise<void>;
}
/** Token for the {@link WrapUpDrafts}. */
export const WrapUpDrafts = createToken<WrapUpDrafts>('core.wrap-up-drafts');

/** Constructor options of {@link WrapUpDraftsImpl}. */
export interface WrapUpDraftsOptions {
  /** Where drafts are saved (store `drafts`, keyed by call id). */
  readonly storage: Storage;
  /** Scheduler of the save timers. */
  readonly scheduler: SchedulerLike;
  /** Quiet time after the last change before a draft is saved, in ms (default 300). */
  readonly debounceMs?: number;
  /** Where failed background saves are reported (default: discarded). */
  readonly logger?: Logger;
}

/**
 * {@link WrapUpDrafts} on a {@link Storage}, saving each call's draft `debounceMs` after its last change.
 *
 * @remarks
 * Writes run one after another in call order, so a save never lands after the delete that
 * followed it. A failed background save is logged and the draft stays in memory; `flush()`
 * reports failures. `dispose()` stops the timers and starts saving any waiting draft at once
 * (best effort: to be sure, `await flush()` first). What was typed in the last `debounceMs` before
 * a crash is the only thing a crash can lose.
 *
 * @example
 * ```ts
 * const drafts = new WrapUpDraftsImpl({ storage, scheduler });
 * await drafts.load();                                   // what the last console left
 * drafts.save('c-1', { code: 'SALE', notes: 'Wants' });  // on every keystroke
 * await drafts.delete('c-1');                            // once the disposition is enqueued
 * ```
 */
export class WrapUpDraftsImpl implements WrapUpDrafts {
  private readonly current = new Map<string, WrapUpDraft>();
  private readonly timers = new Map<string, Subscription>();
  private readonly state$ = new BehaviorSubject<ReadonlyMap<string, WrapUpDraft>>(new Map());
  private readonly storage: Storage;
  private readonly scheduler: SchedulerLike;
  private readonly debounceMs: number;
  private readonly logger: Logger;
  private writes: Promise<void> = Promise.resolve();
  private disposed = false;

  /** {@inheritDoc WrapUpDrafts.drafts$} */
  readonly drafts$: Observable<ReadonlyMap<string, WrapUpDraft>> = this.state$.asObservable();

  /**
   * Creates an empty set of drafts; call {@link WrapUpDraftsImpl.load} to restore saved ones.
   *
   * @param options - storage, scheduler, debounce time and logger.
   */
  constructor({ storage, scheduler, debounceMs = 300, logger = silentLogger }: WrapUpDraftsOptions) {
    this.storage = storage;
    this.scheduler = scheduler;
    this.debounceMs = debounceMs;
    this.logger = logger;
  }

  /** {@inheritDoc WrapUpDrafts.drafts} */
  get drafts(): ReadonlyMap<string, WrapUpDraft> {
    return this.state$.value;
  }

  /** {@inheritDoc WrapUpDrafts.save} */
  save(callId: string, draft: WrapUpDraft): void {
    if (this.disposed) return;
    this.current.set(callId, structuredClone(draft));
    this.emit();
    this.timers.get(callId)?.unsubscribe();
    const timer = this.scheduler.schedule(() => {
      this.timers.delete(callId);
      this.write(callId).catch((e: unknown) => {
        this.logger.log('warn', `The wrap-up draft of call '${callId}' could not be saved`, { callId, error: String(e) });
      });
    }, this.debounceMs);
    this.timers.set(callId, timer);
  }

  /** {@inheritDoc WrapUpDrafts.get} */
  get(callId: string): WrapUpDraft | undefined {
    return this.current.get(callId);
  }

  /** {@inheritDoc WrapUpDrafts.load} */
  async load(): Promise<void> {
    let stored: ReadonlyArray<readonly [string, WrapUpDraft]>;
    try {
      stored = await this.storage.entries<WrapUpDraft>('drafts');
    } catch (e) {
      throw toDialkitError(e, 'storage.failed', 'Wrap-up drafts could not be loaded');
    }
    if (this.disposed) return;
    let changed = false;
    for (const [callId, draft] of stored) {
      if (this.current.has(callId) || typeof draft !== 'object' || draft === null) continue;
      this.current.set(callId, draft);
      changed = true;
    }
    if (changed) this.emit();
  }

  /** {@inheritDoc WrapUpDrafts.delete} */
  async delete(callId: string): Promise<void> {
    this.timers.get(callId)?.unsubscribe();
    this.timers.delete(callId);
    if (this.current.delete(callId)) this.emit();
    await this.queue(() => this.storage.delete('drafts', callId), `The wrap-up draft of call '${callId}' could not be deleted`);
  }

  /** {@inheritDoc WrapUpDrafts.flush} */
  async flush(): Promise<void> {
    await Promise.all(this.takeWaiting().map((callId) => this.write(callId)));
  }

  /** Stops the save timers and starts saving the drafts they were waiting for (not awaited). */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const callId of this.takeWaiting()) {
      this.write(callId).catch((e: unknown) => {
        this.logger.log('warn', `The wrap-up draft of call '${callId}' could not be saved on dispose`, { callId, error: String(e) });
      });
    }
    this.state$.complete();
  }

  /** Cancels every save timer; returns the call ids they were for. */
  private takeWaiting(): string[] {
    const callIds = [...this.timers.keys()];
    for (const timer of this.timers.values()) timer.unsubscribe();
    this.timers.clear();
    return callIds;
  }

  /** Saves a call's latest draft, after every earlier write. */
  private write(callId: string): Promise<void> {
    return this.queue(async () => {
      const draft = this.current.get(callId);
      if (draft !== undefined) await this.storage.put('drafts', callId, draft);
    }, `The wrap-up draft of call '${callId}' could not be saved`);
  }

  /** Runs `op` after every earlier write; rejects with `storage.failed` if it fails (the queue goes on). */
  private queue(op: () => Promise<void>, context: string): Promise<void> {
    const result = this.writes.then(op).catch((e: unknown) => {
      throw toDialkitError(e, 'storage.failed', context);
    });
    this.writes = result.catch(() => undefined);
    return result;
  }

  private emit(): void {
    this.state$.next(new Map(this.current));
  }
}
