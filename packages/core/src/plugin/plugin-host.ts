import type { SchedulerLike } from 'rxjs';
import { BehaviorSubject } from 'rxjs';
import { DisposableStore } from '../common/disposable.js';
import { DialkitError } from '../common/errors.js';
import { tokenId } from '../common/token.js';
import type { SettingsService } from '../settings/settings-service.js';
import type { Plugin } from './define-plugin.js';
import type { PluginContextServices } from './plugin-context.js';
import { createPluginContext } from './plugin-context.js';
import { orderPlugins } from './plugin-order.js';

/** Where a plugin stands. */
export type PluginStatus =
  | { readonly state: 'active' }
  | { readonly state: 'failed'; readonly error: DialkitError }
  | { readonly state: 'unloaded' };

/** What the {@link PluginHost} is built over. */
export interface PluginHostOptions extends Omit<PluginContextServices, 'settings'> {
  /** Settings; each plugin gets the view `scoped('plugin.<id>')`. */
  readonly settings: SettingsService;
  /** When given, an `activate` that has not settled within `activationTimeoutMs` fails the plugin. */
  readonly scheduler?: SchedulerLike;
  /** Activation time limit on `scheduler`; 10 000 ms by default. */
  readonly activationTimeoutMs?: number;
}

/** A loaded plugin and what it registered. */
interface Loaded {
  readonly plugin: Plugin;
  readonly store: DisposableStore;
}

/**
 * Loads plugins in dependency order, isolates the ones that fail, and unloads them cleanly.
 *
 * @remarks
 * `load` activates each plugin after the plugins providing the tokens it requires. A plugin
 * fails, without stopping the others, with: `plugin.duplicate` (two plugins of one batch share
 * an id; both fail; a plugin whose id is already active is rejected and reported, the active one
 * stays), `plugin.cycle` (every plugin of the cycle), `plugin.dependency-missing` (a required
 * token resolves to nothing, e.g. because its provider failed), `plugin.activation-failed`
 * (`activate` threw, rejected or timed out). A failed plugin's registrations are released and
 * an error notification is raised. Unloading a plugin first unloads the active plugins that
 * require what it provides.
 */
export class PluginHost {
  private readonly state$ = new BehaviorSubject<ReadonlyMap<string, PluginStatus>>(new Map());
  private readonly loaded = new Map<string, Loaded>();

  /** Every plugin's status by id; replays the latest and emits on change. Completes on dispose. */
  readonly status$ = this.state$.asObservable();

  /** @param options - the services plugin contexts are built over. */
  constructor(private readonly options: PluginHostOptions) {}

  /** Every plugin's status now. */
  get status(): ReadonlyMap<string, PluginStatus> {
    return this.state$.value;
  }

  /** Activates `plugins` in dependency order. Never rejects: failures show in {@link PluginHost.status$}. */
  async load(plugins: readonly Plugin[]): Promise<void> {
    const counts = new Map<string, number>();
    for (const p of plugins) counts.set(p.id, (counts.get(p.id) ?? 0) + 1);
    const batch: Plugin[] = [];
    const duplicates = new Set<string>();
    for (const p of plugins) {
      const count = counts.get(p.id) ?? 0;
      if (this.loaded.has(p.id)) {
        this.report(p.id, new DialkitError('plugin.duplicate', `Plugin '${p.id}' is already active; the new one was not loaded`), false);
      } else if (count > 1) {
        if (!duplicates.has(p.id)) {
          duplicates.add(p.id);
          this.fail(p.id, new DialkitError('plugin.duplicate', `${count} plugins share the id '${p.id}'; none of them was loaded`));
        }
      } else {
        batch.push(p);
      }
    }
    const { order, cycles } = orderPlugins(batch);
    for (const [p, ids] of cycles) {
      this.fail(p.id, new DialkitError('plugin.cycle', `Plugins ${ids.map((id) => `'${id}'`).join(', ')} require each other in a cycle`));
    }
    const providerOf = new Map<symbol, string>();
    for (const p of batch) for (const t of p.provides) providerOf.set(t, p.id);
    for (const p of order) await this.activate(p, providerOf);
  }

  /** Unloads a plugin (and first the active plugins that require what it provides): releases all it registered. */
  unload(id: string): void {
    const entry = this.loaded.get(id);
    if (entry === undefined) {
      this.options.logger.log('debug', `Plugin '${id}' is not active; nothing to unload`);
      return;
    }
    this.loaded.delete(id);
    for (const other of [...this.loaded.values()].reverse()) {
      if (Object.values(other.plugin.requires).some((t) => entry.plugin.provides.includes(t))) this.unload(other.plugin.id);
    }
    this.release(entry);
    this.setStatus(id, { state: 'unloaded' });
  }

  /** Unloads every plugin, newest first, and completes {@link PluginHost.status$}. */
  dispose(): void {
    for (const id of [...this.loaded.keys()].reverse()) this.unload(id);
    this.state$.complete();
  }

  private async activate(plugin: Plugin, providerOf: ReadonlyMap<symbol, string>): Promise<void> {
    const { registry } = this.options;
    const deps: Record<string, unknown> = {};
    for (const [name, token] of Object.entries(plugin.requires)) {
      const value = registry.resolve(token);
      if (value === undefined) {
        const provider = providerOf.get(token);
        const why = provider === undefined ? 'which nothing provides' : `but plugin '${provider}' that provides it is not active`;
        const error = new DialkitError('plugin.dependency-missing', `Plugin '${plugin.id}' requires '${tokenId(token)}', ${why}`, {
          details: { pluginId: plugin.id, token: tokenId(token), ...(provider === undefined ? {} : { provider }) },
        });
        this.fail(plugin.id, error);
        return;
      }
      deps[name] = value;
    }
    const store = new DisposableStore();
    const ctx = createPluginContext(plugin, store, this.options);
    try {
      await this.withTimeout(() => plugin.activate(deps, ctx));
    } catch (e: unknown) {
      this.release({ plugin, store });
      const reason = e instanceof Error ? e.message : String(e);
      this.fail(plugin.id, new DialkitError('plugin.activation-failed', `Plugin '${plugin.id}' failed to activate: ${reason}`, { cause: e }));
      return;
    }
    this.loaded.set(plugin.id, { plugin, store });
    this.setStatus(plugin.id, { state: 'active' });
  }

  private withTimeout(run: () => void | Promise<void>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const { scheduler } = this.options;
      const limit = this.options.activationTimeoutMs ?? 10_000;
      const timer = scheduler?.schedule(() => {
        reject(new Error(`activate did not finish within ${limit} ms`));
      }, limit);
      void Promise.resolve()
        .then(run)
        .then(resolve, reject)
        .finally(() => timer?.unsubscribe());
    });
  }

  private release(entry: Loaded): void {
    try {
      entry.store.dispose();
    } catch (e: unknown) {
      this.options.logger.log('error', `Plugin '${entry.plugin.id}' did not release cleanly`, {
        plugin: entry.plugin.id,
        error: e instanceof Error ? e.message : String(e),
      });
    }
  }

  private fail(id: string, error: DialkitError): void {
    this.setStatus(id, { state: 'failed', error });
    this.report(id, error, true);
  }

  private report(id: string, error: DialkitError, failed: boolean): void {
    this.options.logger.log('error', error.message, { plugin: id, code: error.code, failed });
    this.options.notify({ kind: 'error', level: 'error', message: error.message, code: error.code, dedupeKey: `plugin.${id}.${error.code}` });
  }

  private setStatus(id: string, status: PluginStatus): void {
    const next = new Map(this.state$.value);
    next.set(id, status);
    this.state$.next(next);
  }
}
