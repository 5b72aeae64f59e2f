import type { Observable } from 'rxjs';
import { BehaviorSubject } from 'rxjs';
import type { Disposable } from '../common/disposable.js';
import { toDisposable } from '../common/disposable.js';
import { DialkitError } from '../common/errors.js';
import { coreMessages } from './core-messages.js';
import type { I18nService, Locale, MessageBundle, MessageParams } from './i18n-service.js';
import { SUPPORTED_LOCALES } from './i18n-service.js';

/** Options of {@link I18nServiceImpl}. */
export interface I18nServiceOptions {
  /** The starting locale; `en` by default. */
  readonly locale?: Locale;
  /** The bundles to start with, oldest first; {@link coreMessages} by default. */
  readonly bundles?: readonly MessageBundle[];
}

const LOCALE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const PLACEHOLDER = /\{([A-Za-z0-9_.-]+)\}/g;
const FALLBACK: Locale = 'en';

/** The {@link I18nService}: layered bundles, a locale fallback chain and `{name}` interpolation. */
export class I18nServiceImpl implements I18nService {
  private readonly current$: BehaviorSubject<Locale>;
  private readonly revisions$ = new BehaviorSubject<number>(0);
  private readonly layers: MessageBundle[] = [];
  private readonly merged = new Map<Locale, Map<string, string>>();

  readonly locale$: Observable<Locale>;
  readonly revision$ = this.revisions$.asObservable();

  /** @param options - starting locale and bundles. */
  constructor(options: I18nServiceOptions = {}) {
    const locale = options.locale ?? FALLBACK;
    assertLocale(locale);
    this.current$ = new BehaviorSubject<Locale>(locale);
    this.locale$ = this.current$.asObservable();
    this.layers.push(...(options.bundles ?? [coreMessages]));
  }

  get locale(): Locale {
    return this.current$.value;
  }

  get locales(): readonly Locale[] {
    const all = new Set<Locale>(SUPPORTED_LOCALES);
    for (const layer of this.layers) for (const locale of Object.keys(layer)) all.add(locale);
    return [...all];
  }

  setLocale(locale: Locale): void {
    assertLocale(locale);
    if (locale === this.current$.value) return;
    this.current$.next(locale);
    this.bump();
  }

  add(messages: MessageBundle): Disposable {
    for (const locale of Object.keys(messages)) assertLocale(locale);
    const layer = { ...messages };
    this.layers.push(layer);
    this.changed();
    return toDisposable(() => {
      const i = this.layers.indexOf(layer);
      if (i < 0) return;
      this.layers.splice(i, 1);
      this.changed();
    });
  }

  t(key: string, params?: MessageParams): string {
    const text = this.lookup(key) ?? key;
    if (params === undefined) return text;
    return text.replace(PLACEHOLDER, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : String(value);
    });
  }

  has(key: string): boolean {
    return this.lookup(key) !== undefined;
  }

  dispose(): void {
    this.current$.complete();
    this.revisions$.complete();
  }

  private lookup(key: string): string | undefined {
    for (const locale of chain(this.current$.value)) {
      const text = this.messagesOf(locale).get(key);
      if (text !== undefined) return text;
    }
    return undefined;
  }

  private messagesOf(locale: Locale): Map<string, string> {
    let messages = this.merged.get(locale);
    if (messages === undefined) {
      messages = new Map();
      for (const layer of this.layers) {
        for (const [key, text] of Object.entries(layer[locale] ?? {})) messages.set(key, text);
      }
      this.merged.set(locale, messages);
    }
    return messages;
  }

  private changed(): void {
    this.merged.clear();
    this.bump();
  }

  private bump(): void {
    this.revisions$.next(this.revisions$.value + 1);
  }
}

/** `es-MX` → `es-MX`, `es`, `en`. */
function chain(locale: Locale): Locale[] {
  const out: Locale[] = [];
  const parts = locale.split('-');
  for (let n = parts.length; n > 0; n--) out.push(parts.slice(0, n).join('-'));
  if (!out.includes(FALLBACK)) out.push(FALLBACK);
  return out;
}

function assertLocale(locale: string): void {
  if (!LOCALE_TAG.test(locale)) {
    throw new DialkitError('input.invalid', `Locale '${locale}' is not a language tag like 'en' or 'es-MX'`);
  }
}
