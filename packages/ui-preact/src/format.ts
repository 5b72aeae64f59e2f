import { isDialkitError, type I18nService } from '@dialkit/core';

/** Shown where a figure has no value (no calls yet). */
export const EMPTY_FIGURE = '—';

/**
 * Formats milliseconds as `h:mm:ss` (hours are not capped: `27:03:09`).
 *
 * @example `formatDuration(3_723_000)` → `'1:02:03'`.
 */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${Math.floor(total / 3600)}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
}

/** Formats a fraction as a percentage with one decimal (`0.25` → `25.0 %`); {@link EMPTY_FIGURE} for null. */
export function formatPercent(fraction: number | null): string {
  return fraction === null ? EMPTY_FIGURE : `${(Math.round(fraction * 1000) / 10).toFixed(1)} %`;
}

/**
 * The agent-facing text of an error: the `error.<code>` message of the current locale when there
 * is one, else the error's own message.
 */
export function errorText(i18n: I18nService, e: unknown): string {
  if (isDialkitError(e) && i18n.has(`error.${e.code}`)) return i18n.t(`error.${e.code}`);
  return e instanceof Error ? e.message : String(e);
}
