import { BehaviorSubject, type Observable, type SchedulerLike, type Subscription } from 'rxjs';
import type { Clock } from '../common/clock.js';
import { createToken } from '../common/token.js';
import type { Notification, NotificationInput } from './notification.js';

/** System messages, campaign alerts and errors, with dedupe, expiry and dismissal. */
export interface NotificationService {
  /** Notifications on screen, oldest first; replays the latest. */
  readonly notifications$: Observable<readonly Notification[]>;
  /** Notifications now. */
  readonly notifications: readonly Notification[];
  /** Raises one (merging into one with the same `dedupeKey`); returns its id. */
  notify(input: NotificationInput): string;
  /** Removes one. */
  dismiss(id: string): void;
  /** Removes all. */
  clear(): void;
}
/** Token for the {@link NotificationService}. */
export const NotificationService = createToken<NotificationService>('core.notification-service');

const MAX_MESSAGE = 500;
const MAX_KEPT = 50;

/** Implements {@link NotificationService} on the injected clock and scheduler. */
export class NotificationServiceImpl implements NotificationService {
  private readonly subject = new BehaviorSubject<readonly Notification[]>([]);
  private readonly expiries = new Map<string, Subscription>();
  private seq = 0;
  /** @inheritDoc */
  readonly notifications$ = this.subject.asObservable();

  /**
   * @param clock - time of raising.
   * @param scheduler - expiry timers.
   */
  constructor(private readonly clock: Clock, private readonly scheduler: SchedulerLike) {}

  /** @inheritDoc */
  get notifications(): readonly Notification[] {
    return this.subject.value;
  }

  /** @inheritDoc */
  notify(input: NotificationInput): string {
    const now = this.clock.now();
    const message = String(input.message ?? '').slice(0, MAX_MESSAGE);
    const level = input.level ?? (input.kind === 'error' ? 'error' : 'info');
    const ttl = typeof input.ttlMs === 'number' && input.ttlMs > 0 ? input.ttlMs : undefined;
    const expiresAt = ttl === undefined ? undefined : now + ttl;
    const list = this.subject.value;
    const existing = input.dedupeKey === undefined ? undefined : list.find((n) => n.dedupeKey === input.dedupeKey);
    let id: string;
    if (existing) {
      id = existing.id;
      const merged: Notification = { ...existing, message, level, count: existing.count + 1, updatedAt: now, expiresAt };
      this.subject.next(list.map((n) => (n === existing ? merged : n)));
    } else {
      id = `n${++this.seq}`;
      const n: Notification = { id, kind: input.kind, level, message, code: input.code, dedupeKey: input.dedupeKey, count: 1, raisedAt: now, updatedAt: now, expiresAt };
      const next = [...list, n];
      this.subject.next(next.length > MAX_KEPT ? next.slice(next.length - MAX_KEPT) : next);
    }
    this.expiries.get(id)?.unsubscribe();
    this.expiries.delete(id);
    if (ttl !== undefined) this.expiries.set(id, this.scheduler.schedule(() => this.dismiss(id), ttl));
    return id;
  }

  /** @inheritDoc */
  dismiss(id: string): void {
    this.expiries.get(id)?.unsubscribe();
    this.expiries.delete(id);
    const list = this.subject.value;
    if (list.some((n) => n.id === id)) this.subject.next(list.filter((n) => n.id !== id));
  }

  /** @inheritDoc */
  clear(): void {
    for (const s of this.expiries.values()) s.unsubscribe();
    this.expiries.clear();
    if (this.subject.value.length > 0) this.subject.next([]);
  }

  /** Cancels timers and completes the stream. */
  dispose(): void {
    this.clear();
    this.subject.complete();
  }
}
