import type { Unsubscribable } from 'rxjs';
import type { CommandService } from '../command/command-service.js';
import type { Disposable, DisposableStore } from '../common/disposable.js';
import { DialkitError } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import type { Token } from '../common/token.js';
import { tokenId } from '../common/token.js';
import type { I18nService } from '../i18n/i18n-service.js';
import type { NotificationInput } from '../notification/notification.js';
import type { SettingsScope } from '../settings/settings-service.js';
import type { HotkeyRegistry } from './hotkeys.js';
import type { ServiceRegistry } from './service-registry.js';
import type { SlotRegistry } from './slots.js';

/** Something a plugin hands to {@link PluginContext.track}: a subscription, a disposable or a teardown function. */
export type Trackable = Unsubscribable | Disposable | (() => void);

/**
 * What a plugin's `activate` gets besides its dependencies.
 *
 * @remarks Everything registered through the context (slot contributions, commands and hooks,
 * hotkeys, messages, provided services, tracked subscriptions, `onDispose` callbacks) is
 * released when the plugin is unloaded or fails to activate, newest first.
 */
export interface PluginContext {
  /** The plugin's id. */
  readonly pluginId: string;
  /** A logger that tags every entry with `plugin: <id>`. */
  readonly logger: Logger;
  /** Contribute UI to named regions (see `Slots`). */
  readonly slots: Pick<SlotRegistry, 'contribute'>;
  /** Register commands, hook any command (`before`, `after`, `replace`), execute commands. */
  readonly actions: Pick<CommandService, 'register' | 'before' | 'after' | 'replace' | 'execute'>;
  /** Register keyboard shortcuts. */
  readonly hotkeys: Pick<HotkeyRegistry, 'register'>;
  /** Add messages in every locale; translate. */
  readonly i18n: Pick<I18nService, 'add' | 't'>;
  /** The plugin's own settings, under `plugin.<id>.`. */
  readonly settings: SettingsScope;
  /** Raises a notification. */
  notify(input: NotificationInput): void;
  /**
   * Binds a service for other plugins to require.
   *
   * @throws DialkitError `input.invalid` when the token is not listed in the plugin's `provides`.
   */
  provide<T>(token: Token<T>, value: T): Disposable;
  /** Releases `item` when the plugin unloads; returns it. */
  track<T extends Trackable>(item: T): T;
  /** Runs `fn` when the plugin unloads. */
  onDispose(fn: () => void): void;
}

/** The host's services a {@link PluginContext} is built over. */
export interface PluginContextServices {
  /** Where `provide` binds. */
  readonly registry: ServiceRegistry;
  /** The action pipeline. */
  readonly commands: CommandService;
  /** Slot contributions. */
  readonly slots: SlotRegistry;
  /** Hotkeys. */
  readonly hotkeys: HotkeyRegistry;
  /** Messages. */
  readonly i18n: I18nService;
  /** Settings; the plugin gets `scoped('plugin.<id>')`. */
  readonly settings: SettingsScope;
  /** Raises notifications. */
  readonly notify: (input: NotificationInput) => void;
  /** The host's logger. */
  readonly logger: Logger;
}

/**
 * Builds the context of one plugin: every registration goes into `store`.
 *
 * @internal
 */
export function createPluginContext(
  plugin: { readonly id: string; readonly provides: readonly Token<unknown>[] },
  store: DisposableStore,
  services: PluginContextServices,
): PluginContext {
  const { registry, commands, slots, hotkeys, i18n, notify } = services;
  const keep = (d: Disposable): Disposable => store.add(d);
  const logger: Logger = {
    log: (level, message, data) => services.logger.log(level, message, { ...data, plugin: plugin.id }),
  };
  return {
    pluginId: plugin.id,
    logger,
    slots: { contribute: (slot, contribution) => keep(slots.contribute(slot, contribution)) },
    actions: {
      register: (cmd, handler) => keep(commands.register(cmd, handler)),
      before: (cmd, hook) => keep(commands.before(cmd, hook)),
      after: (cmd, hook) => keep(commands.after(cmd, hook)),
      replace: (cmd, handler) => keep(commands.replace(cmd, handler)),
      execute: (cmd, ...args) => commands.execute(cmd, ...args),
    },
    hotkeys: { register: (options) => keep(hotkeys.register(options)) },
    i18n: {
      add: (messages) => keep(i18n.add(messages)),
      t: (key, params) => i18n.t(key, params),
    },
    settings: services.settings.scoped(`plugin.${plugin.id}`),
    notify: (input) => notify(input),
    provide<T>(token: Token<T>, value: T): Disposable {
      if (!plugin.provides.includes(token)) {
        throw new DialkitError('input.invalid', `Plugin '${plugin.id}' provides '${tokenId(token)}' without listing it in 'provides'`);
      }
      return keep(registry.provide(token, value));
    },
    track<T extends Trackable>(item: T): T {
      if (typeof item === 'function') store.add(item);
      else if ('unsubscribe' in item) store.add(() => item.unsubscribe());
      else store.add(item);
      return item;
    },
    onDispose(fn) {
      store.add(fn);
    },
  };
}
