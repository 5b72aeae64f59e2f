import { useEffect, useMemo, useRef } from 'preact/hooks';
import { of } from 'rxjs';
import { Commands, PreviewPort, isLive } from '@dialkit/core';
import { useCommand } from '../hooks/use-command.js';
import { useDialkit, useT } from '../hooks/use-dialkit.js';
import { useObservable, useStream } from '../hooks/use-observable.js';
import { errorText } from '../format.js';
import { registerIfFree } from '../hotkeys.js';
import { useKeysFor } from '../hooks/use-keys-for.js';

/**
 * Preview dialing: in a campaign whose dial method is `preview`, the next lead is shown before any
 * call is placed (name, number and the lead's fields, as text), and the agent dials it or skips
 * it (`Alt+N` dials, `Alt+S` skips; a dialer hands the next lead over once the agent is Ready; until then the panel says to
 * press Play). Dialing goes through the console's `call.dial` command (so plugins' hooks see it); skipping
 * asks the dialer for the next lead. Renders nothing outside a preview campaign, while a call is
 * live, or when the backend provides no `PreviewPort` (`@dialkit/core`).
 */
export function PreviewPanel() {
  const dialkit = useDialkit();
  const t = useT();
  const port = dialkit.get(PreviewPort);
  const campaign = useStream(dialkit.campaigns.current$, () => dialkit.campaigns.current);
  const lines = useStream(dialkit.calls.lines$, () => dialkit.calls.lines);
  const status = useStream(dialkit.agent.status$, () => dialkit.agent.status);
  const lead$ = useMemo(() => port?.lead$ ?? of(undefined), [port]);
  const lead = useObservable(lead$, undefined);
  const dial = useCommand(Commands.dial);
  const skip = useCommand(Commands.skipPreview);
  // Alt+N dials the lead in preview, Alt+S skips it (while the panel shows one).
  const actions = useRef<{ dial?: () => void; skip?: () => void }>({});
  useEffect(() => {
    const own = [
      registerIfFree(dialkit.hotkeys, { id: 'preview.dial', keys: 'Alt+N', label: 'hotkey.preview.dial', run: () => actions.current.dial?.() }),
      registerIfFree(dialkit.hotkeys, { id: 'preview.skip', keys: 'Alt+S', label: 'hotkey.preview.skip', run: () => actions.current.skip?.() }),
    ];
    return () => own.forEach((d) => d?.dispose());
  }, [dialkit]);
  const dialKeys = useKeysFor('preview.dial');
  const skipKeys = useKeysFor('preview.skip');
  const shown = port !== undefined && campaign?.dialMethod === 'preview' && !lines.some(isLive) ? lead : undefined;
  actions.current = shown === undefined || dial.pending || skip.pending ? {} : {
    dial: () => void dial.run({ number: shown.phone, origin: 'preview', leadId: shown.id }),
    skip: () => void skip.run({ leadId: shown.id }),
  };
  if (port === undefined || campaign?.dialMethod !== 'preview' || lines.some(isLive)) return null;
  const error = dial.error ?? skip.error;
  const busy = dial.pending || skip.pending;
  return (
    <section class="dk-preview" aria-labelledby="dk-preview-title" data-lead={lead?.id}>
      <h2 id="dk-preview-title">{t('preview.title')}</h2>
      {lead === undefined ? (
        <p class="dk-note">{status.kind === 'ready' ? t('preview.none') : t('preview.pressPlay')}</p>
      ) : (
        <>
          <p class="dk-note">{t('preview.hint')}</p>
          <dl>
            <dt>{t('lead.name')}</dt>
            <dd class="dk-preview-name">{lead.name ?? t('lead.unknown')}</dd>
            <dt>{t('preview.number')}</dt>
            <dd class="dk-preview-number">{lead.phone}</dd>
            {Object.entries(lead.fields).map(([key, value]) => (
              <div key={key} class="dk-lead-field">
                <dt>{key}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <div class="dk-preview-actions">
            <button type="button" class="dk-preview-dial" disabled={busy}
              aria-keyshortcuts={dialKeys} onClick={() => void dial.run({ number: lead.phone, origin: 'preview', leadId: lead.id })}>
              {t('preview.dial')}
            </button>
            <button type="button" class="dk-preview-skip" disabled={busy} aria-keyshortcuts={skipKeys} onClick={() => void skip.run({ leadId: lead.id })}>
              {t('preview.skip')}
            </button>
          </div>
        </>
      )}
      {error && <p role="alert" class="dk-error">{errorText(dialkit.i18n, error)}</p>}
    </section>
  );
}
