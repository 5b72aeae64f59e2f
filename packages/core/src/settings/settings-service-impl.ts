import type { Observable } from 'rxjs';
import { BehaviorSubject, distinctUntilChanged, map } from 'rxjs';
import { DialkitError, toDialkitError } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import { silentLogger } from '../common/logger.js';
import type { Storage } from '../storage/storage.js';
import type { SettingsScope, SettingsService } from './settings-service.js';
import { FORBIDDEN_SETTING_KEY } from './settings-service.js';

/** Options of {@link SettingsServiceImpl}. */
export interface SettingsServiceOptions {
  /** Where settings persist (the `settings` store). */
  readonly storage: Storage;
  /** Where storage failures are logged. */
  readonly logger?: Logger;
}

const KEY = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

/** The {@link SettingsService}: an in-memory map mirrored to the `Storage` port. */
export class SettingsServiceImpl implements SettingsService {
  private readonly values$ = new BehaviorSubject<ReadonlyMap<string, unknown>>(new Map());
  private readonly storage: Storage;
  private readonly logger: Logger;
  /** Keys written since `load` started; the loaded values must not overwrite them. */
  private readonly touched = new Set<string>();
  private readonly root: SettingsScope;

  readonly prefix = '';

  /** @param options - storage and logger. */
  constructor(options: SettingsServiceOptions) {
    this.storage = options.storage;
    this.logger = options.logger ?? silentLogger;
    this.root = this.view('');
  }

  async load(): Promise<void> {
    this.touched.clear();
    let entries: ReadonlyArray<readonly [string, unknown]>;
    try {
      entries = await this.storage.entries<unknown>('settings');
    } catch (e: unknown) {
      throw this.storageFailed(e, 'Settings could not be loaded');
    }
    const next = new Map(this.values$.value);
    for (const [key, value] of entries) if (!this.touched.has(key)) next.set(key, value);
    this.values$.next(next);
  }

  get<T>(key: string, fallback: T): T {
    return this.root.get(key, fallback);
  }

  set<T>(key: string, value: T): Promise<void> {
    return this.root.set(key, value);
  }

  reset(key: string): Promise<void> {
    return this.root.reset(key);
  }

  observe<T>(key: string, fallback: T): Observable<T> {
    return this.root.observe(key, fallback);
  }

  scoped(namespace: string): SettingsScope {
    return this.root.scoped(namespace);
  }

  dispose(): void {
    this.values$.complete();
  }

  private view(prefix: string): SettingsScope {
    const values$ = this.values$;
    const read = <T>(key: string, fallback: T): T => {
      const all = values$.value;
      return all.has(prefix + key) ? (all.get(prefix + key) as T) : fallback;
    };
    const scope: SettingsScope = {
      prefix,
      get: read,
      set: (key, value) => this.write(prefix, key, value, false),
      reset: (key) => this.write(prefix, key, undefined, true),
      observe<T>(key: string, fallback: T): Observable<T> {
        return values$.pipe(
          map(() => read(key, fallback)),
          distinctUntilChanged<T>(sameValue),
        );
      },
      scoped: (namespace) => {
        if (!KEY.test(namespace)) {
          throw new DialkitError('input.invalid', `Settings namespace '${namespace}' must be a dotted name like 'plugin.crm'`);
        }
        return this.view(`${prefix}${namespace}.`);
      },
    };
    return scope;
  }

  private async write(prefix: string, key: string, value: unknown, remove: boolean): Promise<void> {
    if (!KEY.test(key)) {
      throw new DialkitError('input.invalid', `Setting key '${key}' must be a dotted name like 'ui.theme'`);
    }
    if (!remove && FORBIDDEN_SETTING_KEY.test(key)) {
      throw new DialkitError('input.invalid', `Setting '${prefix}${key}' looks like a secret; settings never store passwords, secrets, tokens or credentials`);
    }
    const full = prefix + key;
    this.touched.add(full);
    const next = new Map(this.values$.value);
    if (remove) next.delete(full);
    else next.set(full, value);
    this.values$.next(next);
    try {
      await (remove ? this.storage.delete('settings', full) : this.storage.put('settings', full, value));
    } catch (e: unknown) {
      throw this.storageFailed(e, `Setting '${full}' could not be saved`);
    }
  }

  private storageFailed(e: unknown, context: string): DialkitError {
    const error = toDialkitError(e, 'storage.failed', context);
    this.logger.log('error', error.message, { code: error.code });
    return error;
  }
}

/** Equal primitives, or plain data with the same JSON. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch (_e: unknown) {
    return false;
  }
}
