import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Commands, Slots, normalizeKeys, type Call, type DispositionCode } from '@dialkit/core';
import { useCommand } from '../hooks/use-command.js';
import { useDialkit, useT } from '../hooks/use-dialkit.js';
import { useStream } from '../hooks/use-observable.js';
import { errorText } from '../format.js';
import { registerIfFree } from '../hotkeys.js';
import { draftFromForm, formFromDraft, inputFromForm, missingIds, missingNames, type DispositionFormState } from './disposition-form.js';
import { Slot } from './slot.js';

/**
 * W9 / D1–D5: the outcome of the first call awaiting its disposition: outcome buttons (keys 1–9),
 * the campaign's fields (mandatory ones marked), notes, the callback scheduler (date-time,
 * personal or anyone) and submit. An error names every missing field. What the agent types is
 * saved as a draft on each change and restored after a reload. Renders nothing outside wrap-up.
 */
export function DispositionPanel() {
  const { dispositions } = useDialkit();
  const awaiting = useStream(dispositions.awaiting$, () => dispositions.awaiting);
  const call = awaiting[0];
  return call === undefined ? null : <DispositionForm key={call.id} call={call} />;
}

/** The id of the panel's error message, which the inputs it names point to (one panel at a time). */
const ERROR_ID = 'dk-dispo-error';

/** The keys that pick the outcome at `index`: its campaign's `hotkey` (normalised), else 1–9; undefined past 9 or when malformed. */
function pickKeys(code: DispositionCode, index: number): string | undefined {
  if (index >= 9) return undefined;
  try {
    return normalizeKeys(code.hotkey ?? String(index + 1));
  } catch (_e: unknown) {
    return undefined;
  }
}

const pickId = (keys: string): string => `disposition.pick.${keys}`;

function DispositionForm({ call }: { readonly call: Call }) {
  const dialkit = useDialkit();
  const t = useT();
  const { dispositions, campaigns, hotkeys } = dialkit;
  // Followed, not read once: after a reload in wrap-up the campaigns may load after the first render.
  const assigned = useStream(campaigns.assigned$, () => campaigns.assigned);
  const joined = useStream(campaigns.current$, () => campaigns.current);
  const campaign = assigned.find((c) => c.id === call.campaignId) ?? joined;
  const codes = useMemo(() => dispositions.codes(call.id), [dispositions, call.id, assigned, joined]);
  const bindings = useStream(hotkeys.bindings$, () => hotkeys.bindings);
  const [form, setForm] = useState<DispositionFormState>(() => formFromDraft(dispositions.draft(call.id)));
  const submit = useCommand(Commands.submitDisposition);
  const first = useRef(true);
  const chosen = codes.find((c) => c.code === form.code);
  const update = (patch: Partial<DispositionFormState>): void => {
    setForm((f) => ({ ...f, ...patch }));
    submit.reset();
  };
  useEffect(() => {
    if (first.current) first.current = false;
    else dispositions.saveDraft(call.id, draftFromForm(form));
  }, [dispositions, call.id, form]);
  // Keys 1–9 (or the campaign's own) pick an outcome; registered again whenever the outcomes change.
  const picks = codes.map((c, i) => ({ code: c.code, label: c.label, keys: pickKeys(c, i) }));
  useEffect(() => {
    const ds = picks.map((p) => p.keys === undefined ? null
      : registerIfFree(hotkeys, { id: pickId(p.keys), keys: p.keys, label: `${t('disposition.outcome')}: ${p.label}`, run: () => update({ code: p.code }) }));
    return () => ds.forEach((d) => d?.dispose());
  }, [hotkeys, picks.map((p) => `${p.code}\u0000${p.keys ?? ''}\u0000${p.label}`).join('\u0001'), t]);
  /** The keys that pick an outcome now: those it is bound to, or its own while nothing holds them yet; undefined when taken. */
  const shownKeys = (keys: string | undefined): string | undefined => {
    if (keys === undefined) return undefined;
    const own = bindings.find((b) => b.id === pickId(keys));
    if (own !== undefined) return own.keys;
    return bindings.some((b) => b.keys === keys) ? undefined : keys;
  };
  const send = (): void => void submit.run({ callId: call.id, input: inputFromForm(form, chosen?.callback !== undefined) });
  const onSubmit = (e: Event): void => {
    e.preventDefault();
    send();
  };
  // Ctrl+Enter submits from anywhere, the notes included.
  const sendRef = useRef(send);
  sendRef.current = send;
  useEffect(() => {
    const d = registerIfFree(hotkeys, { id: 'disposition.submit', keys: 'Ctrl+Enter', label: 'hotkey.disposition.submit', run: () => sendRef.current() });
    return () => d?.dispose();
  }, [hotkeys]);
  const required = new Set(chosen?.requires ?? []);
  const missing = submit.error ? missingNames(t, submit.error, campaign) : [];
  // A field the refused submit names is marked invalid and described by the error (WCAG 3.3.1).
  const missingSet = missingIds(submit.error);
  const invalid = (id: string) => (missingSet.has(id) ? { 'aria-invalid': true, 'aria-describedby': ERROR_ID } : {});
  return (
    <form class="dk-disposition" aria-labelledby="dk-dispo-title" onSubmit={onSubmit} noValidate>
      <h2 id="dk-dispo-title">{t('disposition.title', { number: call.remoteNumber })}</h2>
      <fieldset aria-describedby={missingSet.has('code') ? ERROR_ID : undefined}>
        <legend>{t('disposition.outcome')}</legend>
        {codes.map((c, i) => {
          const keys = shownKeys(picks[i]?.keys);
          return (
            <button key={c.code} type="button" aria-pressed={form.code === c.code} data-code={c.code}
              aria-keyshortcuts={keys} onClick={() => update({ code: c.code })}>
              {keys !== undefined && <kbd>{keys}</kbd>} {c.label}
            </button>
          );
        })}
      </fieldset>
      {campaign?.dispositionFields.map((f) => (
        <label key={f.id}>
          {f.label}{required.has(f.id) && <span aria-hidden="true"> *</span>}
          {f.type === 'select' ? (
            <select value={form.fields[f.id] ?? ''} aria-required={required.has(f.id)} {...invalid(f.id)}
              onChange={(e) => update({ fields: { ...form.fields, [f.id]: e.currentTarget.value } })}>
              <option value="">—</option>
              {f.options?.map((o) => <option key={o} value={o}>{o}</option>)}
            </select>
          ) : (
            <input type={f.type === 'number' ? 'number' : 'text'} name={f.id} value={form.fields[f.id] ?? ''} aria-required={required.has(f.id)} {...invalid(f.id)}
              onInput={(e) => update({ fields: { ...form.fields, [f.id]: e.currentTarget.value } })} />
          )}
        </label>
      ))}
      <Slot name={Slots.dispositionFields} context={call} />
      <label>
        {t('disposition.notes')}{required.has('notes') && <span aria-hidden="true"> *</span>}
        <textarea name="notes" value={form.notes} aria-required={required.has('notes')} {...invalid('notes')} onInput={(e) => update({ notes: e.currentTarget.value })} />
      </label>
      {chosen?.callback !== undefined && (
        <fieldset class="dk-callback">
          <legend>{t('disposition.callback')}{chosen.callback === 'required' && <span aria-hidden="true"> *</span>}</legend>
          <label>
            {t('callback.at')}
            <input type="datetime-local" name="callbackAt" value={form.callbackAt} aria-required={chosen.callback === 'required'} {...invalid('callback')}
              onInput={(e) => update({ callbackAt: e.currentTarget.value })} />
          </label>
          {(['personal', 'anyone'] as const).map((scope) => (
            <label key={scope}>
              <input type="radio" name="callbackScope" value={scope} checked={form.callbackScope === scope} onChange={() => update({ callbackScope: scope })} />
              {t(`callback.${scope}`)}
            </label>
          ))}
          <label>
            {t('callback.note')}
            <input type="text" name="callbackNote" value={form.callbackNote} onInput={(e) => update({ callbackNote: e.currentTarget.value })} />
          </label>
        </fieldset>
      )}
      {submit.error && (
        <p id={ERROR_ID} role="alert" class="dk-error" data-code={submit.error.code}>
          {missing.length > 0 ? t('disposition.missing', { fields: missing.join(', ') }) : errorText(dialkit.i18n, submit.error)}
        </p>
      )}
      <button type="submit" disabled={submit.pending} aria-keyshortcuts="Control+Enter">{t('disposition.submit')}</button>
    </form>
  );
}
