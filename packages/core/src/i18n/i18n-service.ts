import type { Observable } from 'rxjs';
import type { Disposable } from '../common/disposable.js';
import { createToken } from '../common/token.js';

/** A BCP 47 language tag: `en`, `es`, `es-MX`… */
export type Locale = string;

/** The locales core ships messages for. */
export const SUPPORTED_LOCALES = ['en', 'es'] as const;

/** A locale core ships messages for. */
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/** Messages of one locale: key → text with `{name}` placeholders. */
export type Messages = Readonly<Record<string, string>>;

/** Messages by locale, as {@link I18nService.add} takes them: `{ en: {…}, es: {…} }`. */
export type MessageBundle = Readonly<Partial<Record<Locale, Messages>>>;

/** Values for the `{name}` placeholders of a message. */
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * Translations: the current locale, message bundles, and lookup with interpolation.
 *
 * @remarks
 * `t(key)` looks the key up in the current locale (`es-MX`), then its language (`es`), then
 * `en`, and finally returns the key itself, so a missing message is visible but never breaks.
 * Bundles added later win over earlier ones; disposing a bundle restores what it had overridden.
 */
export interface I18nService {
  /** The current locale; replays it to late subscribers and emits only on change. */
  readonly locale$: Observable<Locale>;
  /** The current locale, synchronously. */
  readonly locale: Locale;
  /** Emits (a growing revision number) whenever the locale or any bundle changes; UIs re-render on it. */
  readonly revision$: Observable<number>;
  /** Locales with messages: the built-in ones plus any a bundle added. */
  readonly locales: readonly Locale[];
  /**
   * Switches the locale.
   *
   * @throws DialkitError `input.invalid` when the tag is not a BCP 47-style tag like `es` or `es-MX`.
   */
  setLocale(locale: Locale): void;
  /** Adds messages for one or more locales; disposing removes them and restores the values they overrode. */
  add(messages: MessageBundle): Disposable;
  /** The message for `key` in the current locale with `{name}` placeholders filled from `params`. */
  t(key: string, params?: MessageParams): string;
  /** True when some locale in the fallback chain has a message for `key`. */
  has(key: string): boolean;
  /** Completes the streams. */
  dispose(): void;
}
/** Token for the {@link I18nService}. */
export const I18nService = createToken<I18nService>('core.i18n');
