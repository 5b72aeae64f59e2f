import { VirtualTimeScheduler } from 'rxjs';
import { defineCommand } from '../command/command.js';
import { CommandServiceImpl } from '../command/command-service-impl.js';
import { memoryLogger } from '../common/logger.js';
import { I18nServiceImpl } from '../i18n/i18n-service-impl.js';
import type { NotificationInput } from '../notification/notification.js';
import { SettingsServiceImpl } from '../settings/settings-service-impl.js';
import { memoryStorage } from '../storage/memory-storage.js';
import { HotkeyRegistryImpl } from './hotkey-registry-impl.js';
import { PluginHost } from './plugin-host.js';
import { createMapServiceRegistry } from './service-registry.js';
import { SlotRegistryImpl } from './slot-registry-impl.js';

/** The command the plugin-host tests hook. */
export const dial = defineCommand<{ number: string }, string>('call.dial');

/** A plugin host over real services (shared by the plugin-host tests). */
export function setup(options: { scheduler?: VirtualTimeScheduler } = {}) {
  const scheduler = options.scheduler ?? new VirtualTimeScheduler();
  const logger = memoryLogger();
  const registry = createMapServiceRegistry();
  const commands = new CommandServiceImpl({ scheduler, logger });
  const slots = new SlotRegistryImpl();
  const hotkeys = new HotkeyRegistryImpl();
  const i18n = new I18nServiceImpl();
  const settings = new SettingsServiceImpl({ storage: memoryStorage() });
  const notifications: NotificationInput[] = [];
  const host = new PluginHost({
    registry, commands, slots, hotkeys, i18n, settings, logger,
    notify: (n) => notifications.push(n),
    ...(options.scheduler === undefined ? {} : { scheduler: options.scheduler, activationTimeoutMs: 1_000 }),
  });
  commands.register(dial, ({ number }) => `c-${number}`);
  return { scheduler, logger, registry, commands, slots, hotkeys, i18n, settings, notifications, host };
}

/** A plugin's status. */
export const stateOf = (host: PluginHost, id: string) => host.status.get(id);
