import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../common/logger.js';
import { memoryStorage } from '../storage/memory-storage.js';
import type { Storage, StoreName } from '../storage/storage.js';
import { SettingsServiceImpl } from './settings-service-impl.js';

/** A memory storage whose writes and reads of settings reject while `state.failing`. */
async function failableStorage(initial: Record<string, unknown> = {}) {
  const base = memoryStorage();
  for (const [key, value] of Object.entries(initial)) await base.put('settings', key, value);
  const state = { failing: false };
  const failure = () => Promise.reject(new Error('quota exceeded'));
  const storage: Storage = {
    ...base,
    put: (store, key, value) => (state.failing ? failure() : base.put(store, key, value)),
    delete: (store, key) => (state.failing ? failure() : base.delete(store, key)),
    entries: <T>(store: StoreName) => (state.failing ? failure() : base.entries<T>(store)),
  };
  const settings = {
    get: (key: string) => base.get('settings', key),
    size: async () => (await base.entries('settings')).length,
  };
  return { storage, settings, state };
}

describe('SettingsServiceImpl', () => {
  it('gives the fallback until a value is set, then the value, persisted in the settings store', async () => {
    const { storage, settings: stored } = await failableStorage();
    const settings = new SettingsServiceImpl({ storage });
    expect(settings.get('ui.theme', 'light')).toBe('light');
    await settings.set('ui.theme', 'dark');
    expect(settings.get('ui.theme', 'light')).toBe('dark');
    expect(await stored.get('ui.theme')).toBe('dark');
  });

  it('load reads what an earlier session stored, without overwriting values set meanwhile', async () => {
    const { storage } = await failableStorage({ 'ui.theme': 'dark', locale: 'es' });
    const settings = new SettingsServiceImpl({ storage });
    const loading = settings.load();
    void settings.set('locale', 'en');
    await loading;
    expect(settings.get('ui.theme', 'light')).toBe('dark');
    expect(settings.get('locale', 'es')).toBe('en');
  });

  it('observe emits the current value, then only real changes', async () => {
    const { storage } = await failableStorage();
    const settings = new SettingsServiceImpl({ storage });
    const seen: unknown[] = [];
    settings.observe('hours', { start: 9, end: 21 }).subscribe((v) => seen.push(v));
    await settings.set('other', 1);
    await settings.set('hours', { start: 8, end: 20 });
    await settings.set('hours', { start: 8, end: 20 });
    await settings.reset('hours');
    expect(seen).toEqual([{ start: 9, end: 21 }, { start: 8, end: 20 }, { start: 9, end: 21 }]);
  });

  it('a scoped view prefixes keys with its namespace and sees only its own', async () => {
    const { storage, settings: stored } = await failableStorage();
    const settings = new SettingsServiceImpl({ storage });
    const crm = settings.scoped('plugin.crm');
    expect(crm.prefix).toBe('plugin.crm.');
    await crm.set('url', 'https://crm.example');
    await settings.set('url', 'root');
    expect(crm.get('url', '')).toBe('https://crm.example');
    expect(settings.get('plugin.crm.url', '')).toBe('https://crm.example');
    expect(await stored.get('plugin.crm.url')).toBe('https://crm.example');
    expect(crm.scoped('panel').prefix).toBe('plugin.crm.panel.');
  });

  it.each(['password', 'sip.Password', 'apiToken', 'client_secret', 'credentials', 'ui.theme color', '', '.a'])(
    'set refuses the key %j with input.invalid and stores nothing',
    async (key) => {
      const { storage, settings: stored } = await failableStorage();
      const settings = new SettingsServiceImpl({ storage });
      await expect(settings.set(key, 'x')).rejects.toMatchObject({ code: 'input.invalid' });
      await expect(settings.scoped('plugin.crm').set(key, 'x')).rejects.toMatchObject({ code: 'input.invalid' });
      expect(await stored.size()).toBe(0);
    },
  );

  it('a storage failure rejects with storage.failed and is logged; the value still applies for this session', async () => {
    const { storage, state } = await failableStorage();
    const logger = memoryLogger();
    const settings = new SettingsServiceImpl({ storage, logger });
    state.failing = true;
    await expect(settings.set('ui.theme', 'dark')).rejects.toMatchObject({ code: 'storage.failed' });
    await expect(settings.load()).rejects.toMatchObject({ code: 'storage.failed' });
    expect(settings.get('ui.theme', 'light')).toBe('dark');
    expect(logger.entries.filter((e) => e.level === 'error')).toHaveLength(2);
  });

  it('dispose completes every observed stream', async () => {
    const { storage } = await failableStorage();
    const settings = new SettingsServiceImpl({ storage });
    let completed = false;
    settings.scoped('plugin.x').observe('a', 1).subscribe({ complete: () => (completed = true) });
    settings.dispose();
    expect(completed).toBe(true);
  });
});
