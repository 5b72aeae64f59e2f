import { Subscription, type SchedulerAction, type SchedulerLike } from 'rxjs';

/** What the queue needs of an action. */
interface Queued {
  due: number;
  seq: number;
  queued: boolean;
  execute(): void;
}

/** A scheduled unit of work that, like RxJS's AsyncAction, reschedules itself instead of chaining a new action. */
class ManualAction<T> extends Subscription implements SchedulerAction<T>, Queued {
  /** When it is due (virtual ms). */
  due = 0;
  /** Tie-breaker: order of scheduling. */
  seq = 0;
  /** Whether it sits in the queue. */
  queued = false;
  private state: T | undefined;

  constructor(
    private readonly scheduler: ManualScheduler,
    private readonly work: (this: SchedulerAction<T>, state?: T) => void,
  ) {
    super();
  }

  schedule(state?: T, delay = 0): Subscription {
    if (this.closed) return this;
    this.state = state;
    this.scheduler.enqueue(this, Math.max(0, delay));
    return this;
  }

  /** Runs the work (called by the scheduler). */
  execute(): void {
    if (!this.closed) this.work.call(this, this.state);
  }

  override unsubscribe(): void {
    if (this.closed) return;
    this.scheduler.dequeue(this);
    super.unsubscribe();
  }
}

/**
 * A virtual-time RxJS scheduler advanced by hand. Unlike `VirtualTimeScheduler`, a periodic
 * action (an `interval`) reuses itself rather than chaining a new action per tick, so long
 * virtual runs (a whole shift, a leak benchmark) keep constant memory.
 */
export class ManualScheduler implements SchedulerLike {
  private frame: number;
  private seq = 0;
  private readonly queue: Queued[] = [];

  /** @param start - the virtual time to start at (epoch ms). */
  constructor(start = 0) {
    this.frame = start;
  }

  /** Virtual now. */
  now(): number {
    return this.frame;
  }

  /** Schedules work `delay` ms from now. */
  schedule<T>(work: (this: SchedulerAction<T>, state?: T) => void, delay = 0, state?: T): Subscription {
    return new ManualAction<T>(this, work).schedule(state, delay);
  }

  /** Number of actions waiting. */
  get pending(): number {
    return this.queue.length;
  }

  /** Time of the next due action, or undefined. */
  nextDue(): number | undefined {
    return this.queue[0]?.due;
  }

  /** Runs every action due at or before `until` (in order), then sets the time to `until`. */
  runUntil(until: number): void {
    for (;;) {
      const next = this.queue[0];
      if (!next || next.due > until) break;
      this.queue.shift();
      next.queued = false;
      this.frame = Math.max(this.frame, next.due);
      next.execute();
    }
    this.frame = Math.max(this.frame, until);
  }

  /** Runs only the next due action (if any is due by `until`); true when one ran. */
  runNext(until: number): boolean {
    const next = this.queue[0];
    if (!next || next.due > until) return false;
    this.queue.shift();
    next.queued = false;
    this.frame = Math.max(this.frame, next.due);
    next.execute();
    return true;
  }

  /** Sets the time without running anything (only forward). */
  setTime(at: number): void {
    this.frame = Math.max(this.frame, at);
  }

  /** @internal */
  enqueue(action: Queued, delay: number): void {
    if (action.queued) this.dequeue(action);
    action.due = this.frame + delay;
    action.seq = ++this.seq;
    action.queued = true;
    let i = this.queue.length;
    while (i > 0) {
      const prev = this.queue[i - 1]!;
      if (prev.due < action.due || (prev.due === action.due && prev.seq < action.seq)) break;
      i--;
    }
    this.queue.splice(i, 0, action);
  }

  /** @internal */
  dequeue(action: Queued): void {
    if (!action.queued) return;
    const i = this.queue.indexOf(action);
    if (i >= 0) this.queue.splice(i, 1);
    action.queued = false;
  }
}
