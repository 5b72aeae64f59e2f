import type { MetricsPeriod } from '@dialkit/core';
import { useDialkit, useT, type TranslateFn } from '../hooks/use-dialkit.js';
import { useStream } from '../hooks/use-observable.js';
import { EMPTY_FIGURE, formatDuration, formatPercent } from '../format.js';

/** One row of My Stats: the figure's message key and how to show it for a period. */
export type StatsRow = readonly [key: string, value: (p: MetricsPeriod) => string];

/**
 * The rows of My Stats: each figure of a metrics period (`MetricsPeriod` of `@dialkit/core`) as text. Times of day are shown as
 * `h:mm:ss` since the agent's midnight (`at - clock.startOfDay(at)`), durations as `h:mm:ss`;
 * talk time, AHT and conversion show "—" with no calls.
 */
export function statsRows(startOfDay: (at: number) => number): readonly StatsRow[] {
  const time = (at: number | undefined): string => (at === undefined ? EMPTY_FIGURE : formatDuration(at - startOfDay(at)));
  return [
    ['stats.firstActivity', (p) => time(p.firstActivity)],
    ['stats.lastActivity', (p) => time(p.lastActivity)],
    ['stats.loginTime', (p) => formatDuration(p.loginTime)],
    ['stats.totalCalls', (p) => String(p.totalCalls)],
    ['stats.callsHandled', (p) => String(p.callsHandled)],
    ['stats.talkTime', (p) => (p.totalCalls === 0 ? EMPTY_FIGURE : formatDuration(p.talkTime))],
    ['stats.holdTime', (p) => formatDuration(p.holdTime)],
    ['stats.wrapUpTime', (p) => formatDuration(p.wrapUpTime)],
    ['stats.availableTime', (p) => formatDuration(p.availableTime)],
    ['stats.pauseTime', (p) => formatDuration(p.pauseTime)],
    ['stats.breakTime', (p) => formatDuration(p.breakTime)],
    ['stats.conversionRate', (p) => formatPercent(p.conversionRate)],
    ['stats.averageHandleTime', (p) => (p.averageHandleTime === null ? EMPTY_FIGURE : formatDuration(p.averageHandleTime))],
  ];
}

function PauseByReason({ t, period }: { readonly t: TranslateFn; readonly period: MetricsPeriod }) {
  const entries = Object.entries(period.pauseByReason);
  if (entries.length === 0) return <p class="dk-note">{EMPTY_FIGURE}</p>;
  return (
    <ul class="dk-pause-by-reason">
      {entries.map(([code, p]) => (
        <li key={code} data-code={code}>
          {p.label} <span class="dk-badge">{t(`pause.kind.${p.kind}`)}</span> <time>{formatDuration(p.ms)}</time>
        </li>
      ))}
    </ul>
  );
}

/**
 * B1 / M1–M11: My Stats, this session and today, live (the snapshot ticks every second while shown).
 */
export function MyStats() {
  const { metrics, clock } = useDialkit();
  const t = useT();
  const snap = useStream(metrics.snapshot$, () => metrics.snapshot());
  const rows = statsRows((at) => clock.startOfDay(at));
  return (
    <section class="dk-my-stats" aria-labelledby="dk-stats-title">
      <h2 id="dk-stats-title">{t('stats.title')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('stats.figure')}</th>
            <th scope="col">{t('stats.session')}</th>
            <th scope="col">{t('stats.today')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, value]) => (
            <tr key={key} data-figure={key.slice(6)}>
              <th scope="row">{t(key)}</th>
              <td data-period="session">{value(snap.session)}</td>
              <td data-period="today">{value(snap.today)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('stats.pauseByReason')}</h3>
      <div class="dk-pause-periods">
        <section aria-label={t('stats.session')} data-period="session"><PauseByReason t={t} period={snap.session} /></section>
        <section aria-label={t('stats.today')} data-period="today"><PauseByReason t={t} period={snap.today} /></section>
      </div>
    </section>
  );
}
