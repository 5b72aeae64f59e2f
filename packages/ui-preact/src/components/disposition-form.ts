import type { Campaign, DialkitError, DispositionInput, WrapUpDraft } from '@dialkit/core';
import type { TranslateFn } from '../hooks/use-dialkit.js';

/** What the disposition panel's inputs hold (strings as typed). */
export interface DispositionFormState {
  /** Chosen outcome code, or '' for none. */
  readonly code: string;
  /** Notes. */
  readonly notes: string;
  /** Field values by field id. */
  readonly fields: Readonly<Record<string, string>>;
  /** Callback date-time as a `datetime-local` value, or ''. */
  readonly callbackAt: string;
  /** Callback for this agent or anyone. */
  readonly callbackScope: 'personal' | 'anyone';
  /** Note for whoever calls back. */
  readonly callbackNote: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Epoch ms → a `datetime-local` value in the browser's time zone. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The form as a saved draft restores it. */
export function formFromDraft(draft: WrapUpDraft | undefined): DispositionFormState {
  const at = draft?.callback?.at;
  return {
    code: draft?.code ?? '',
    notes: draft?.notes ?? '',
    fields: draft?.fields ?? {},
    callbackAt: at !== undefined && Number.isFinite(at) ? toLocalInput(at) : '',
    callbackScope: draft?.callback?.scope === 'anyone' ? 'anyone' : 'personal',
    callbackNote: draft?.callback?.note ?? '',
  };
}

/**
 * The form as a wrap-up draft: what {@link inputFromForm} submits, plus what it leaves out but the
 * agent typed, so that a reload brings it back: the callback's scope and note while its date is
 * not set yet.
 */
export function draftFromForm(form: DispositionFormState): WrapUpDraft {
  const input = inputFromForm(form, true);
  if (input.callback !== undefined || (form.callbackScope === 'personal' && form.callbackNote === '')) return input;
  return { ...input, callback: { scope: form.callbackScope, ...(form.callbackNote === '' ? {} : { note: form.callbackNote }) } };
}

/** The form as a disposition input (and draft): blank values left out, the callback only with a valid time. */
export function inputFromForm(form: DispositionFormState, withCallback: boolean): DispositionInput {
  const fields = Object.fromEntries(Object.entries(form.fields).filter(([, v]) => v.trim() !== ''));
  const at = form.callbackAt === '' ? Number.NaN : new Date(form.callbackAt).getTime();
  const note = form.callbackNote.trim();
  return {
    code: form.code,
    notes: form.notes,
    fields,
    ...(withCallback && Number.isFinite(at) ? { callback: { at, scope: form.callbackScope, ...(note === '' ? {} : { note }) } } : {}),
  };
}

/**
 * The ids of a `disposition.invalid` error's missing fields (`code`, `notes`, `callback` or a
 * campaign field id), or an empty set for another error: the panel marks those inputs invalid.
 */
export function missingIds(error: DialkitError | null | undefined): ReadonlySet<string> {
  const missing = error?.details?.['missing'];
  if (error?.code !== 'disposition.invalid' || !Array.isArray(missing)) return new Set();
  return new Set(missing.map((id: unknown) => String(id)));
}

/**
 * The agent-facing names of a `disposition.invalid` error's missing fields (`code`, `notes`,
 * `callback` or a campaign field id), or an empty list for another error.
 */
export function missingNames(t: TranslateFn, error: DialkitError, campaign: Campaign | null): string[] {
  const missing = error.details?.['missing'];
  if (error.code !== 'disposition.invalid' || !Array.isArray(missing)) return [];
  return missing.map((id: unknown) => {
    const key = String(id);
    if (key === 'code') return t('disposition.outcome');
    if (key === 'notes') return t('disposition.notes');
    if (key === 'callback') return t('disposition.callback');
    return campaign?.dispositionFields.find((f) => f.id === key)?.label ?? key;
  });
}
