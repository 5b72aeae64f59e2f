import type { Observable } from 'rxjs';
import { BehaviorSubject, distinctUntilChanged, map, shareReplay } from 'rxjs';
import type { Disposable } from '../common/disposable.js';
import { toDisposable } from '../common/disposable.js';
import { DialkitError } from '../common/errors.js';
import type { SlotContribution, SlotRegistry } from './slots.js';

const NONE: readonly SlotContribution[] = Object.freeze([]);

const byOrderThenId = (a: SlotContribution, b: SlotContribution): number =>
  (a.order ?? 0) - (b.order ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The {@link SlotRegistry}: one sorted, immutable list per slot, replaced on every change. */
export class SlotRegistryImpl implements SlotRegistry {
  private readonly state$ = new BehaviorSubject<ReadonlyMap<string, readonly SlotContribution[]>>(new Map());
  private readonly stream$s = new Map<string, Observable<readonly SlotContribution[]>>();

  contribute(slot: string, contribution: SlotContribution): Disposable {
    if (slot.trim() === '' || contribution.id.trim() === '') {
      throw new DialkitError('input.invalid', `A slot contribution needs a slot name and an id (got '${slot}', '${contribution.id}')`);
    }
    const current = this.contributions(slot);
    if (current.some((c) => c.id === contribution.id)) {
      throw new DialkitError('input.invalid', `Slot '${slot}' already has a contribution '${contribution.id}'`);
    }
    this.update(slot, [...current, contribution].sort(byOrderThenId));
    return toDisposable(() => {
      const list = this.contributions(slot);
      if (list.includes(contribution)) this.update(slot, list.filter((c) => c !== contribution));
    });
  }

  contributions$(slot: string): Observable<readonly SlotContribution[]> {
    let stream$ = this.stream$s.get(slot);
    if (stream$ === undefined) {
      stream$ = this.state$.pipe(
        map((all) => all.get(slot) ?? NONE),
        distinctUntilChanged(),
        shareReplay({ bufferSize: 1, refCount: true }),
      );
      this.stream$s.set(slot, stream$);
    }
    return stream$;
  }

  contributions(slot: string): readonly SlotContribution[] {
    return this.state$.value.get(slot) ?? NONE;
  }

  dispose(): void {
    this.state$.complete();
  }

  private update(slot: string, list: readonly SlotContribution[]): void {
    const next = new Map(this.state$.value);
    if (list.length === 0) next.delete(slot);
    else next.set(slot, Object.freeze(list));
    this.state$.next(next);
  }
}
