/** Something that holds resources until it is disposed. Disposing twice is harmless. */
export interface Disposable {
  /** Releases what this holds. Idempotent. */
  dispose(): void;
}

/** Wraps a function as a {@link Disposable} that runs it at most once. */
export function toDisposable(fn: () => void): Disposable {
  let done = false;
  return {
    dispose() {
      if (done) return;
      done = true;
      fn();
    },
  };
}

/**
 * A bag of disposables released together, newest first.
 *
 * @remarks Errors thrown by one disposable do not stop the others; the first is rethrown after all ran.
 */
export class DisposableStore implements Disposable {
  private readonly items = new Set<Disposable>();
  private disposed = false;

  /** True once {@link DisposableStore.dispose} has run. */
  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Number of disposables still held. */
  get size(): number {
    return this.items.size;
  }

  /** Adds a disposable (a function is wrapped); after dispose, it is disposed at once. Returns it. */
  add<T extends Disposable>(item: T): T;
  add(item: () => void): Disposable;
  add(item: Disposable | (() => void)): Disposable {
    const d = typeof item === 'function' ? toDisposable(item) : item;
    if (this.disposed) {
      d.dispose();
      return d;
    }
    this.items.add(d);
    return d;
  }

  /** Removes a disposable without disposing it. */
  delete(item: Disposable): void {
    this.items.delete(item);
  }

  /** Disposes every held item, newest first. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const list = [...this.items].reverse();
    this.items.clear();
    const errors: unknown[] = [];
    for (const d of list) {
      try {
        d.dispose();
      } catch (e) {
        errors.push(e);
      }
    }
    if (errors.length === 1 && errors[0] instanceof Error) throw errors[0];
    if (errors.length > 0) throw new AggregateError(errors, `${errors.length} disposables failed`);
  }
}
