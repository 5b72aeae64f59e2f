import { Observable, type Subscriber } from 'rxjs';

/**
 * The latest value of one piece of state, as a hot observable that replays it to each new
 * subscriber (like a private `BehaviorSubject`, exposed as a plain `Observable`).
 *
 * @remarks The store's hot path: `set` is a plain loop over a copy-on-write listener array, with
 * no closure or iterator allocated per emission, so events cost nothing for slices nobody reads
 * and little for those somebody does.
 *
 * @internal
 */
export class Slice<T> {
  private listeners: ReadonlyArray<Subscriber<T>> = [];
  private done = false;
  /** The value and every later one; completes on {@link Slice.complete}. */
  readonly value$: Observable<T>;

  /** @param current - the first value. */
  constructor(private current: T) {
    this.value$ = new Observable<T>((subscriber) => {
      if (this.done) {
        subscriber.complete();
        return undefined;
      }
      this.listeners = [...this.listeners, subscriber];
      subscriber.next(this.current);
      return () => {
        this.listeners = this.listeners.filter((l) => l !== subscriber);
      };
    });
  }

  /** The latest value. */
  get value(): T {
    return this.current;
  }

  /** Whether anyone listens. */
  get observed(): boolean {
    return this.listeners.length > 0;
  }

  /** Stores a value and hands it to every listener. */
  set(value: T): void {
    this.current = value;
    const ls = this.listeners;
    for (let i = 0; i < ls.length; i++) ls[i]!.next(value);
  }

  /** Completes every listener; later subscribers complete at once. */
  complete(): void {
    this.done = true;
    const ls = this.listeners;
    this.listeners = [];
    for (const l of ls) l.complete();
  }
}

/**
 * A hot observable of occurrences with no latest value (an event bus): `emit` reaches the
 * current listeners only, and costs one length check when there are none.
 *
 * @internal
 */
export class Signal<T> {
  private listeners: ReadonlyArray<Subscriber<T>> = [];
  private done = false;
  /** Every occurrence from now on. */
  readonly value$: Observable<T>;

  constructor() {
    this.value$ = new Observable<T>((subscriber) => {
      if (this.done) {
        subscriber.complete();
        return undefined;
      }
      this.listeners = [...this.listeners, subscriber];
      return () => {
        this.listeners = this.listeners.filter((l) => l !== subscriber);
      };
    });
  }

  /** Whether anyone listens. */
  get observed(): boolean {
    return this.listeners.length > 0;
  }

  /** Hands a value to every listener. */
  emit(value: T): void {
    const ls = this.listeners;
    for (let i = 0; i < ls.length; i++) ls[i]!.next(value);
  }

  /** Completes every listener. */
  complete(): void {
    this.done = true;
    const ls = this.listeners;
    this.listeners = [];
    for (const l of ls) l.complete();
  }
}
