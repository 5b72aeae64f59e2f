import { useMemo, useState } from 'preact/hooks';
import { useDialkit, useT } from '../hooks/use-dialkit.js';
import { useStream } from '../hooks/use-observable.js';
import { UiSettings } from '../provider.js';
import { errorText } from '../format.js';
import { AudioDeviceSettings } from './media.js';

/** The interface colour before the agent picks one. */
export const DEFAULT_ACCENT = '#2563eb';

const LANGUAGES = [['en', 'English'], ['es', 'Español']] as const;

/**
 * B5: My Profile: the agent's name, the interface colour (persisted in settings, applied as the
 * `--dk-accent` CSS custom property by the provider), light/dark theme, and the language (English
 * or Spanish, switched at run time and remembered), and the audio devices where the backend has
 * them (X8).
 */
export function MyProfile() {
  const dialkit = useDialkit();
  const t = useT();
  const { agent, settings, i18n } = dialkit;
  const state = useStream(agent.state$, () => agent.state);
  const accent$ = useMemo(() => settings.observe(UiSettings.accent, DEFAULT_ACCENT), [settings]);
  const theme$ = useMemo(() => settings.observe(UiSettings.theme, 'system'), [settings]);
  const accent = useStream(accent$, () => settings.get(UiSettings.accent, DEFAULT_ACCENT));
  const theme = useStream(theme$, () => settings.get(UiSettings.theme, 'system'));
  const locale = useStream(i18n.locale$, () => i18n.locale);
  const [error, setError] = useState<string | null>(null);
  const save = (key: string, value: string): void => {
    setError(null);
    settings.set(key, value).catch((e: unknown) => setError(errorText(i18n, e)));
  };
  const setLanguage = (l: string): void => {
    i18n.setLocale(l);
    save(UiSettings.locale, l);
  };
  return (
    <section class="dk-my-profile" aria-labelledby="dk-profile-title">
      <h2 id="dk-profile-title">{t('profile.title')}</h2>
      <p>
        {t('profile.name')}: <strong class="dk-profile-name">{state.session?.name ?? '—'}</strong>
      </p>
      <label>
        {t('profile.colour')}
        <input type="color" name="accent" value={accent} onInput={(e) => save(UiSettings.accent, e.currentTarget.value)} />
      </label>
      <label>
        {t('profile.theme')}
        <select name="theme" value={theme} onChange={(e) => save(UiSettings.theme, e.currentTarget.value)}>
          {(['system', 'light', 'dark'] as const).map((th) => <option key={th} value={th}>{t(`profile.theme.${th}`)}</option>)}
        </select>
      </label>
      <label>
        {t('profile.language')}
        <select name="language" value={locale.slice(0, 2)} onChange={(e) => setLanguage(e.currentTarget.value)}>
          {LANGUAGES.map(([code, name]) => <option key={code} value={code} lang={code}>{name}</option>)}
        </select>
      </label>
      <AudioDeviceSettings />
      {error !== null && <p role="alert" class="dk-error">{error}</p>}
    </section>
  );
}
