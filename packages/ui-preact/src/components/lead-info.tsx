import { useEffect, useRef } from 'preact/hooks';
import { Slots, type Call } from '@dialkit/core';
import { useDialkit, useT } from '../hooks/use-dialkit.js';
import { useStream } from '../hooks/use-observable.js';
import { isTyping } from '../hotkeys.js';
import { CallDuration } from './indicators.js';
import { callStateText } from './call-lines.js';
import { CallQualityIndicator } from './media.js';
import { Slot } from './slot.js';

/** Props of {@link LeadInfo}. */
export interface LeadInfoProps {
  /** The call to show; the call in focus (`calls.active$`) by default. */
  readonly call?: Call | null;
}

/**
 * W6 / C6: the call's information: number dialled, lead name, call time, the lead's fields and,
 * where the backend measures it, the call quality (X8),
 * all rendered as text (lead data is untrusted). When a call the agent did not dial arrives
 * already connected (predictive auto-answer), focus moves here so screen readers read it.
 * Plugins add panels through the `lead.panel` slot (context: the call).
 */
export function LeadInfo({ call: given }: LeadInfoProps) {
  const dialkit = useDialkit();
  const t = useT();
  const active = useStream(dialkit.calls.active$, () => dialkit.calls.active);
  const call = given === undefined ? active : given;
  const region = useRef<HTMLElement>(null);
  const arrivedId = call && call.origin !== 'manual' && call.origin !== 'preview' && call.status.kind === 'connected' ? call.id : null;
  useEffect(() => {
    if (arrivedId === null) return;
    if (!isTyping(document.activeElement)) region.current?.focus();
  }, [arrivedId]);
  if (call === null) return null;
  const name = call.lead?.name ?? call.remoteName;
  const fields = Object.entries(call.lead?.fields ?? {});
  return (
    <section ref={region} tabIndex={-1} class="dk-lead-info" aria-labelledby="dk-lead-title" data-call={call.id}>
      <h2 id="dk-lead-title">{t('lead.title')}</h2>
      <dl>
        <dt>{t(call.direction === 'inbound' ? 'lead.callerNumber' : 'lead.number')}</dt>
        <dd class="dk-lead-number">{call.remoteNumber}</dd>
        <dt>{t('lead.name')}</dt>
        <dd class="dk-lead-name">{name ?? t('lead.unknown')}</dd>
        <dt>{t('lead.callTime')}</dt>
        <dd><CallDuration call={call} /></dd>
        <dt>{t('lead.state')}</dt>
        <dd>{callStateText(t, call)}</dd>
        {fields.map(([key, value]) => (
          <div key={key} class="dk-lead-field">
            <dt>{key}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <CallQualityIndicator call={call} />
      <Slot name={Slots.leadPanel} context={call} />
    </section>
  );
}
