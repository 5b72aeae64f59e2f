import { BehaviorSubject, filter, firstValueFrom, type Observable } from 'rxjs';
import { DialkitError } from '@dialkit/core';

/** Where a tab stands: finding out, holding the console, or leaving it to another tab. */
export type LeadershipState = 'electing' | 'leader' | 'follower';

/** The part of the Web Locks API (`navigator.locks`) leadership uses. */
export interface LockManagerLike {
  /** Requests a lock; `callback` runs with the lock (or null with `ifAvailable` when it is held), and the lock is held until its promise settles. */
  request(name: string, options: { readonly ifAvailable?: boolean; readonly signal?: AbortSignal }, callback: (lock: unknown) => unknown): Promise<unknown>;
}

/** The part of `BroadcastChannel` leadership uses. */
export interface ChannelLike {
  /** Sends to every other tab on the channel. */
  postMessage(message: unknown): void;
  /** Receives from the other tabs. */
  onmessage: ((event: { readonly data: unknown }) => void) | null;
  /** Leaves the channel. */
  close(): void;
}

/** Options of {@link tabLeadership}. */
export interface TabLeadershipOptions {
  /** The lock and channel name: one leader per name (e.g. per console and origin). */
  readonly name: string;
  /** The lock manager; `navigator.locks` by default. */
  readonly locks?: LockManagerLike;
  /** The channel to the other tabs; a `BroadcastChannel` named `name` by default. */
  readonly channel?: ChannelLike;
}

/**
 * One leader tab per agent: only the leader holds the telephony session (runs the console); the
 * others show that it is active elsewhere and can take it over.
 */
export interface TabLeadership {
  /** The state; replays the latest and emits on change. */
  readonly state$: Observable<LeadershipState>;
  /** The state now. */
  readonly state: LeadershipState;
  /**
   * Asks the leader to hand over; resolves when this tab leads (at once if it already does).
   *
   * @throws DialkitError `input.invalid` after `dispose()`; `backend.unavailable` when disposed while waiting.
   */
  takeOver(): Promise<void>;
  /**
   * Registers work the leader finishes before it hands over to a tab that asked (dispose the
   * console, so its last state is written before the other tab reads it); awaited for at most
   * 3 seconds. Returns a function that unregisters it.
   */
  onHandOver(fn: () => Promise<void> | void): () => void;
  /** Leaves the election; a leader lets the lock go, so a waiting tab leads. */
  dispose(): void;
}

const TAKEOVER = 'dialkit.tab.takeover';

/**
 * Elects one leader tab with the Web Locks API (the lock is released by the browser when the
 * leader tab closes or crashes) and hands leadership over on request through a
 * `BroadcastChannel`. A tab that is not the leader waits in the lock's queue, so it leads as soon
 * as the leader goes away; `takeOver()` asks the leader to step down now, and the leader that
 * steps down queues again.
 *
 * @example
 * ```ts
 * const leadership = tabLeadership({ name: 'my-console' });
 * leadership.state$.subscribe((s) => s === 'leader' ? startConsole() : stopConsole());
 * ```
 */
export function tabLeadership(options: TabLeadershipOptions): TabLeadership {
  const locks = options.locks ?? (globalThis.navigator as Navigator & { locks?: LockManagerLike }).locks;
  if (!locks) throw new TypeError('tabLeadership needs the Web Locks API (navigator.locks) or a `locks` option');
  const channel: ChannelLike = options.channel ?? (new BroadcastChannel(options.name) as unknown as ChannelLike);
  const state = new BehaviorSubject<LeadershipState>('electing');
  let release: (() => void) | null = null;
  let queued: AbortController | null = null;
  let disposed = false;
  let handingOver = false;
  const handOver = new Set<() => Promise<void> | void>();

  const lead = (): Promise<void> => {
    state.next('leader');
    return new Promise<void>((resolve) => {
      release = resolve;
    });
  };
  /** Waits in the lock's queue; leads when granted. */
  const queue = (): void => {
    if (disposed || queued) return;
    const abort = new AbortController();
    queued = abort;
    locks.request(options.name, { signal: abort.signal }, () => {
      queued = null;
      return disposed ? undefined : lead();
    }).catch(() => {
      if (queued === abort) queued = null;
    });
  };
  const stepDown = async (): Promise<void> => {
    if (!release || handingOver) return;
    handingOver = true;
    const work = Promise.allSettled([...handOver].map(async (fn) => fn()));
    await Promise.race([work, new Promise((resolve) => setTimeout(resolve, 3_000))]);
    handingOver = false;
    const r = release;
    release = null;
    if (!disposed) state.next('follower');
    r?.();
    queue();
  };

  channel.onmessage = (event) => {
    const data = event.data as { readonly type?: unknown } | null;
    if (data && typeof data === 'object' && data.type === TAKEOVER) void stepDown();
  };
  void locks.request(options.name, { ifAvailable: true }, (lock) => {
    if (disposed) return undefined;
    if (lock === null) {
      state.next('follower');
      queue();
      return undefined;
    }
    return lead();
  });

  return {
    state$: state.asObservable(),
    get state() {
      return state.value;
    },
    takeOver() {
      if (state.value === 'leader') return Promise.resolve();
      if (disposed) return Promise.reject(new DialkitError('input.invalid', `This tab left the '${options.name}' election: it can no longer take over`));
      // Settles when this tab leads; rejects if it leaves the election first (dispose).
      const led = firstValueFrom(state.pipe(filter((s) => s === 'leader'))).then(
        () => undefined,
        () => Promise.reject(new DialkitError('backend.unavailable', `This tab left the '${options.name}' election before it could lead`)),
      );
      queue();
      channel.postMessage({ type: TAKEOVER });
      return led;
    },
    onHandOver(fn) {
      handOver.add(fn);
      return () => void handOver.delete(fn);
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      queued?.abort();
      release?.();
      release = null;
      channel.onmessage = null;
      channel.close();
      state.complete();
    },
  };
}
