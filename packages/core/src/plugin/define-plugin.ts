import type { Token, TokenType } from '../common/token.js';
import type { PluginContext } from './plugin-context.js';

/** What a plugin requires: a name for each token it needs. */
export type PluginRequirements = Readonly<Record<string, Token<unknown>>>;

/** The dependencies `activate` receives: each required token's resolved value, under the same name. */
export type PluginDeps<R extends PluginRequirements> = { readonly [K in keyof R]: TokenType<R[K]> };

/** What {@link definePlugin} takes. */
export interface PluginOptions<R extends PluginRequirements> {
  /** Unique, kebab-case id (dots allowed for namespaces): `transfer`, `compliance-hours`, `acme.crm`. */
  readonly id: string;
  /** Tokens the plugin needs, by the name `activate` receives them under. */
  readonly requires?: R;
  /** Tokens the plugin binds with `ctx.provide`; plugins requiring them activate after it. */
  readonly provides?: readonly Token<unknown>[];
  /** Sets the plugin up. Throwing (or rejecting) isolates the plugin: what it registered is released. */
  activate(deps: PluginDeps<R>, ctx: PluginContext): void | Promise<void>;
}

/** A plugin, ready for the plugin host to load. */
export interface Plugin<R extends PluginRequirements = PluginRequirements> {
  /** Unique id. */
  readonly id: string;
  /** Tokens the plugin needs, by name. */
  readonly requires: R;
  /** Tokens the plugin provides. */
  readonly provides: readonly Token<unknown>[];
  /** Sets the plugin up with its resolved dependencies and its context. */
  activate(deps: PluginDeps<R>, ctx: PluginContext): void | Promise<void>;
}

const PLUGIN_ID = /^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)*$/;

/**
 * Defines a plugin: typed dependencies, and an `activate` that registers everything through `ctx`.
 *
 * @remarks The plugin never imports the DI container: `deps` holds what the tokens in
 * `requires` resolved to, typed from the tokens. Everything registered through `ctx` is
 * disposed when the plugin is unloaded.
 * @throws TypeError when the id is not kebab-case (a programmer error).
 * @example
 * ```ts
 * export const complianceHours = definePlugin({
 *   id: 'compliance-hours',
 *   requires: { clock: Clock },
 *   activate({ clock }, ctx) {
 *     ctx.actions.before(dial, ({ number }) => {
 *       if (!withinCallingHours(number, clock.now(), ctx.settings.get('hours', DEFAULT_HOURS)))
 *         throw new DialkitError('compliance.outside-calling-hours', `Calls to ${number} are not allowed now`);
 *     });
 *     ctx.slots.contribute(Slots.statusBar, { id: 'hours', component: CallingHoursBadge });
 *     ctx.i18n.add({ en: { 'hours.badge': 'Calling hours' }, es: { 'hours.badge': 'Horario permitido' } });
 *   },
 * });
 * ```
 */
export function definePlugin<R extends PluginRequirements = Readonly<Record<never, never>>>(
  options: PluginOptions<R>,
): Plugin<R> {
  if (!PLUGIN_ID.test(options.id)) {
    throw new TypeError(`Plugin id '${options.id}' must be kebab-case, e.g. 'compliance-hours'`);
  }
  const requires = options.requires ?? ({} as R);
  return Object.freeze({
    id: options.id,
    requires,
    provides: Object.freeze([...(options.provides ?? [])]),
    activate: (deps: PluginDeps<R>, ctx: PluginContext) => options.activate(deps, ctx),
  });
}
