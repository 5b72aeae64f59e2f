import { describe, expect, it } from 'vitest';
import { I18nServiceImpl } from './i18n-service-impl.js';

describe('I18nServiceImpl', () => {
  it("starts in English with core's messages", () => {
    const i18n = new I18nServiceImpl();
    expect(i18n.locale).toBe('en');
    expect(i18n.t('status.ready')).toBe('Ready');
    expect(i18n.locales).toEqual(['en', 'es']);
  });

  it('switching the locale translates and emits the new locale once', () => {
    const i18n = new I18nServiceImpl();
    const seen: string[] = [];
    i18n.locale$.subscribe((l) => seen.push(l));
    i18n.setLocale('es');
    i18n.setLocale('es');
    expect(i18n.t('status.wrapUp')).toBe('Cierre de llamada');
    expect(seen).toEqual(['en', 'es']);
  });

  it('falls back from a regional locale to its language, then to English, then to the key', () => {
    const i18n = new I18nServiceImpl({ locale: 'es-MX' });
    i18n.add({ en: { 'only.english': 'English only' }, 'es-MX': { 'hours.badge': 'Horario (MX)' }, es: { 'hours.badge': 'Horario' } });
    expect(i18n.t('hours.badge')).toBe('Horario (MX)');
    expect(i18n.t('status.paused')).toBe('En pausa');
    expect(i18n.t('only.english')).toBe('English only');
    expect(i18n.t('no.such.key')).toBe('no.such.key');
    expect(i18n.has('no.such.key')).toBe(false);
  });

  it('fills {name} placeholders and leaves unknown ones visible', () => {
    const i18n = new I18nServiceImpl({ bundles: [] });
    i18n.add({ en: { 'call.duration': 'Call with {name}: {seconds} s, {missing}' } });
    expect(i18n.t('call.duration', { name: 'Ana', seconds: 42 })).toBe('Call with Ana: 42 s, {missing}');
  });

  it('a later bundle overrides, and disposing it restores the previous value', () => {
    const i18n = new I18nServiceImpl();
    const revisions: number[] = [];
    i18n.revision$.subscribe((r) => revisions.push(r));
    const override = i18n.add({ en: { 'status.ready': 'Available' } });
    expect(i18n.t('status.ready')).toBe('Available');
    override.dispose();
    override.dispose();
    expect(i18n.t('status.ready')).toBe('Ready');
    expect(revisions).toEqual([0, 1, 2]);
  });

  it('a bundle may bring a new locale', () => {
    const i18n = new I18nServiceImpl();
    i18n.add({ pt: { 'status.ready': 'Pronto' } });
    expect(i18n.locales).toContain('pt');
  });

  it('refuses a malformed locale with input.invalid', () => {
    const i18n = new I18nServiceImpl();
    expect(() => i18n.setLocale('Spanish')).toThrow(expect.objectContaining({ code: 'input.invalid' }) as Error);
    expect(i18n.locale).toBe('en');
  });
});
