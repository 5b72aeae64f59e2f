import type { Observable } from 'rxjs';
import { createToken } from '../common/token.js';

/**
 * Keys no setting may carry: secrets never reach storage.
 *
 * @remarks A key matching this is rejected by `set` with `input.invalid`.
 */
export const FORBIDDEN_SETTING_KEY = /password|secret|token|credential/i;

/**
 * A view of settings under one namespace (all of them at the root; `plugin.<id>.` for a plugin).
 *
 * @remarks Keys are dotted names (`ui.theme`, `hours.start`). Values are plain data (JSON-like)
 * and must be treated as immutable: `set` a new value rather than mutating one you got.
 */
export interface SettingsScope {
  /** The prefix this view adds to every key: `''` at the root, `plugin.crm.` for a plugin. */
  readonly prefix: string;
  /** The current value of `key`, or `fallback` when it was never set (or is not loaded yet). */
  get<T>(key: string, fallback: T): T;
  /**
   * Stores a value and persists it in the `settings` store.
   *
   * @remarks Rejects with `input.invalid` for a malformed key or one naming a secret
   * ({@link FORBIDDEN_SETTING_KEY}), and with `storage.failed` when storage fails (the value
   * still applies for this session).
   */
  set<T>(key: string, value: T): Promise<void>;
  /** Removes a value (back to the caller's fallback) and deletes it from storage. */
  reset(key: string): Promise<void>;
  /** The value of `key` now and on every change (equal values are not repeated). Never errors; completes on dispose. */
  observe<T>(key: string, fallback: T): Observable<T>;
  /** A view whose keys live under `<prefix><namespace>.`. */
  scoped(namespace: string): SettingsScope;
}

/**
 * Namespaced, typed settings kept in memory and persisted through the `Storage` port.
 *
 * @remarks Call {@link SettingsService.load} once at start-up; values set before it finishes win
 * over the loaded ones. Plugins get `scoped('plugin.<id>')`.
 */
export interface SettingsService extends SettingsScope {
  /** Reads every stored setting. Rejects with `storage.failed`; the service stays usable with what it has. */
  load(): Promise<void>;
  /** Completes every stream. */
  dispose(): void;
}
/** Token for the {@link SettingsService}. */
export const SettingsService = createToken<SettingsService>('core.settings');
