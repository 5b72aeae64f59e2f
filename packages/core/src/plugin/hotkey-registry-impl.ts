import { BehaviorSubject } from 'rxjs';
import type { Disposable } from '../common/disposable.js';
import { toDisposable } from '../common/disposable.js';
import { DialkitError } from '../common/errors.js';
import type { HotkeyBinding, HotkeyOptions, HotkeyRegistry } from './hotkeys.js';
import { normalizeKeys } from './hotkeys.js';

/** The {@link HotkeyRegistry}: an immutable list of bindings, replaced on every change. */
export class HotkeyRegistryImpl implements HotkeyRegistry {
  private readonly state$ = new BehaviorSubject<readonly HotkeyBinding[]>([]);

  readonly bindings$ = this.state$.asObservable();

  get bindings(): readonly HotkeyBinding[] {
    return this.state$.value;
  }

  register<TArgs, TResult>(options: HotkeyOptions<TArgs, TResult>): Disposable {
    const { id, label, command, args, run } = options;
    if (id.trim() === '') throw new DialkitError('input.invalid', 'A hotkey needs an id');
    if ((command === undefined) === (run === undefined)) {
      throw new DialkitError('input.invalid', `Hotkey '${id}' needs either a command or a run function (not both)`);
    }
    if (this.find(id) !== undefined) throw new DialkitError('input.invalid', `Hotkey '${id}' is already registered`);
    const keys = normalizeKeys(options.keys);
    this.assertFree(keys, id);
    const binding: HotkeyBinding = Object.freeze({ id, keys, defaultKeys: keys, label, command, args, run });
    this.state$.next([...this.bindings, binding]);
    return toDisposable(() => {
      this.state$.next(this.bindings.filter((b) => b.id !== id));
    });
  }

  rebind(id: string, keys: string): void {
    const current = this.find(id);
    if (current === undefined) throw new DialkitError('input.invalid', `No hotkey '${id}' to rebind`);
    const normalized = normalizeKeys(keys);
    if (normalized === current.keys) return;
    this.assertFree(normalized, id);
    const next = Object.freeze({ ...current, keys: normalized });
    this.state$.next(this.bindings.map((b) => (b === current ? next : b)));
  }

  match(keys: string): HotkeyBinding | undefined {
    let normalized: string;
    try {
      normalized = normalizeKeys(keys);
    } catch (_e: unknown) {
      return undefined;
    }
    return this.bindings.find((b) => b.keys === normalized);
  }

  dispose(): void {
    this.state$.complete();
  }

  private find(id: string): HotkeyBinding | undefined {
    return this.bindings.find((b) => b.id === id);
  }

  private assertFree(keys: string, id: string): void {
    const taken = this.bindings.find((b) => b.keys === keys && b.id !== id);
    if (taken !== undefined) {
      throw new DialkitError('input.invalid', `Hotkey '${id}' wants ${keys}, already bound to '${taken.id}'`, {
        details: { keys, ids: [taken.id, id] },
      });
    }
  }
}
