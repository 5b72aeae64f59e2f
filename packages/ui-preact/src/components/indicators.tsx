import { useMemo } from 'preact/hooks';
import { callDuration, type Call } from '@dialkit/core';
import { useDialkit, useT } from '../hooks/use-dialkit.js';
import { useNow } from '../hooks/use-now.js';
import { useStream } from '../hooks/use-observable.js';
import { formatDuration } from '../format.js';

/**
 * B22: how long the agent has been paused, labelled "On break" for a break reason and "Paused"
 * otherwise; ticks every second on the console's scheduler. Renders nothing unless paused.
 */
export function BreakTimer() {
  const { agent } = useDialkit();
  const t = useT();
  const status = useStream(agent.status$, () => agent.status);
  const paused = status.kind === 'paused' ? status : null;
  const now = useNow(paused !== null);
  if (paused === null) return null;
  const label = paused.reason.kind === 'break' ? t('break.onBreak') : t('break.paused');
  return (
    <span class="dk-break-timer" role="timer" aria-label={`${label}: ${paused.reason.label}`} data-kind={paused.reason.kind}>
      {label} ({paused.reason.label}) <time>{formatDuration(now - paused.since)}</time>
    </span>
  );
}

/** B23: the joined campaign's dial method (predictive, progressive, preview, manual, inbound). */
export function DialMethodBadge() {
  const { campaigns } = useDialkit();
  const t = useT();
  const campaign = useStream(campaigns.current$, () => campaigns.current);
  if (campaign === null) return null;
  return (
    <span class="dk-badge dk-dial-method" role="note" aria-label={t('dialMethod.label')} data-method={campaign.dialMethod}>
      {t('dialMethod.label')}: {t(`dialMethod.${campaign.dialMethod}`)}
    </span>
  );
}

/** Props of {@link CallDuration}. */
export interface CallDurationProps {
  /** The call to time. */
  readonly call: Call;
}

/** B24: a call's live duration (`h:mm:ss`) from `calls.duration$`. */
export function CallDuration({ call }: CallDurationProps) {
  const dialkit = useDialkit();
  const t = useT();
  const duration$ = useMemo(() => dialkit.calls.duration$(call.id), [dialkit, call.id]);
  const ms = useStream(duration$, () => callDuration(call, dialkit.clock.now()));
  return (
    <span class="dk-call-duration" role="timer" aria-label={t('call.duration')}>
      <time>{formatDuration(ms)}</time>
    </span>
  );
}
