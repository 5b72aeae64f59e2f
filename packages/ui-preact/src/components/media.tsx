import { useMemo, useState } from 'preact/hooks';
import { of } from 'rxjs';
import { AudioDevicesPort, CallQualityPort, type AudioDeviceChoice, type Call, type CallQuality } from '@dialkit/core';
import { useDialkit, useT } from '../hooks/use-dialkit.js';
import { useObservable } from '../hooks/use-observable.js';
import { errorText } from '../format.js';

/** A MOS as a word: excellent (≥ 4.3), good (≥ 4.0), fair (≥ 3.6), poor (≥ 3.1), bad. */
export function qualityLevel(mos: number): 'excellent' | 'good' | 'fair' | 'poor' | 'bad' {
  if (mos >= 4.3) return 'excellent';
  if (mos >= 4.0) return 'good';
  if (mos >= 3.6) return 'fair';
  if (mos >= 3.1) return 'poor';
  return 'bad';
}

/** Props of {@link CallQualityIndicator}. */
export interface CallQualityIndicatorProps {
  /** The call measured. */
  readonly call: Call;
}

/**
 * X8: the call's quality as the media engine measures it (`CallQualityPort`): a word and the MOS,
 * with jitter, packet loss and round-trip time. Renders nothing when the backend measures no
 * quality (the simulated dialer) or before the first sample.
 */
export function CallQualityIndicator({ call }: CallQualityIndicatorProps) {
  const dialkit = useDialkit();
  const t = useT();
  const port = dialkit.get(CallQualityPort);
  const live = call.status.kind === 'connected' || call.status.kind === 'held';
  const quality$ = useMemo(() => (port && live ? port.quality$(call.id) : of(undefined)), [port, call.id, live]);
  const q = useObservable<CallQuality | undefined>(quality$, undefined);
  if (!q) return null;
  const level = qualityLevel(q.mos);
  return (
    <div class="dk-call-quality" data-level={level} role="group" aria-label={t('quality.label')}>
      <span class="dk-quality-level">{t('quality.summary', { level: t(`quality.${level}`), mos: q.mos.toFixed(1) })}</span>
      <span class="dk-quality-detail">
        {t('quality.detail', { jitter: Math.round(q.jitterMs), loss: q.packetLossPct.toFixed(1), rtt: q.rttMs === undefined ? '—' : Math.round(q.rttMs) })}
      </span>
    </div>
  );
}

/**
 * X8: the agent's microphone and speaker (`AudioDevicesPort`), chosen from the devices the browser
 * lists; live calls switch at once. Renders nothing when the backend has no audio devices (the
 * simulated dialer).
 */
export function AudioDeviceSettings() {
  const dialkit = useDialkit();
  const t = useT();
  const port = dialkit.get(AudioDevicesPort);
  const devices$ = useMemo(() => port?.devices$ ?? of([]), [port]);
  const selected$ = useMemo(() => port?.selected$ ?? of<AudioDeviceChoice>({ input: null, output: null }), [port]);
  const devices = useObservable(devices$, []);
  const selected = useObservable<AudioDeviceChoice>(selected$, { input: null, output: null });
  const [error, setError] = useState<string | null>(null);
  if (!port) return null;
  const choose = (kind: 'input' | 'output', id: string): void => {
    setError(null);
    port.select(kind, id === '' ? null : id).catch((e: unknown) => setError(errorText(dialkit.i18n, e)));
  };
  const select = (kind: 'input' | 'output') => (
    <label>
      {t(`devices.${kind}`)}
      <select name={`audio-${kind}`} value={selected[kind] ?? ''} onChange={(e) => choose(kind, e.currentTarget.value)}>
        <option value="">{t('devices.default')}</option>
        {devices.filter((d) => d.kind === kind).map((d, i) => (
          <option key={d.id} value={d.id}>{d.label === '' ? t('devices.unnamed', { n: i + 1 }) : d.label}</option>
        ))}
      </select>
    </label>
  );
  return (
    <fieldset class="dk-audio-devices">
      <legend>{t('devices.title')}</legend>
      {select('input')}
      {select('output')}
      {error !== null && <p role="alert" class="dk-error">{error}</p>}
    </fieldset>
  );
}
