import { Observable, type Subscriber } from 'rxjs';

/**
 * Listeners of a hot observable, kept in a copy-on-write array so that emitting is a plain loop:
 * no closure or iterator is allocated per emission (RxJS's `Subject.next` allocates both).
 *
 * @internal
 */
abstract class Hub<T> {
  private listeners: ReadonlyArray<Subscriber<T>> = [];
  private done = false;

  /** Whether anyone listens. */
  get observed(): boolean {
    return this.listeners.length > 0;
  }

  /** Completes every listener; later subscribers complete at once. */
  complete(): void {
    this.done = true;
    const ls = this.listeners;
    this.listeners = [];
    for (const l of ls) l.complete();
  }

  /** Hands a value to every current listener. */
  protected emit(value: T): void {
    const ls = this.listeners;
    for (let i = 0; i < ls.length; i++) ls[i]!.next(value);
  }

  /** The observable of this hub; `onJoin` runs for each new subscriber after it is added. */
  protected observable(onJoin?: (subscriber: Subscriber<T>) => void): Observable<T> {
    return new Observable<T>((subscriber) => {
      if (this.done) {
        subscriber.complete();
        return undefined;
      }
      this.listeners = [...this.listeners, subscriber];
      onJoin?.(subscriber);
      return () => {
        this.listeners = this.listeners.filter((l) => l !== subscriber);
      };
    });
  }
}

/**
 * The latest value of one piece of state, as a hot observable that replays it to each new
 * subscriber (a private `BehaviorSubject`, exposed as a plain `Observable`): the store's slices.
 *
 * @internal
 */
export class Slice<T> extends Hub<T> {
  /** The value and every later one; completes on {@link Hub.complete}. */
  readonly value$: Observable<T>;

  /** @param current - the first value. */
  constructor(private current: T) {
    super();
    this.value$ = this.observable((subscriber) => subscriber.next(this.current));
  }

  /** The latest value. */
  get value(): T {
    return this.current;
  }

  /** Stores a value and hands it to every listener. */
  set(value: T): void {
    this.current = value;
    this.emit(value);
  }
}

/**
 * Occurrences with no latest value (an event bus): `emit` reaches the current listeners only and
 * costs one length check when there are none.
 *
 * @internal
 */
export class Signal<T> extends Hub<T> {
  /** Every occurrence from now on. */
  readonly value$: Observable<T> = this.observable();

  /** Hands a value to every current listener. */
  override emit(value: T): void {
    super.emit(value);
  }
}
