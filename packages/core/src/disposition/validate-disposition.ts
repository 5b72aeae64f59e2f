import type { Call } from '../call/call-state.js';
import type { Campaign, DispositionCode } from '../campaign/campaign.js';
import { DialkitError } from '../common/errors.js';
import type { CallbackRequest, DispositionInput, DispositionRecord } from './disposition-record.js';

/** What {@link validateDisposition} checks an input against. */
export interface DispositionContext {
  /** The call the disposition closes. */
  readonly call: Call;
  /** The call's campaign, with its outcomes and fields; undefined for a call outside any campaign. */
  readonly campaign: Campaign | undefined;
  /** The agent submitting. */
  readonly agentId: string;
  /** Now (epoch ms), from the injected clock. */
  readonly now: number;
  /** Idempotency key of the record. */
  readonly key: string;
}

/** Field id used in `details.missing` for an outcome chosen with no code. */
const CODE = 'code';
/** Field id used in `details.missing` for a required callback that was not scheduled. */
const CALLBACK = 'callback';
/** Field id of the notes in a code's `requires`. */
const NOTES = 'notes';

/**
 * Checks what the agent filled in against the call's campaign and turns it into the record the
 * outbox stores and sends.
 *
 * @remarks
 * Every string is trimmed; a blank one counts as missing, and blank optional fields are dropped.
 * Checks, in order, each throwing a {@link DialkitError}:
 *
 * 1. `disposition.invalid` when the code is blank; `disposition.unknown-code` when the campaign
 *    has no such code (the message names the code and the campaign).
 * 2. `disposition.invalid` naming, by label, every missing mandatory value at once: the code's
 *    `requires` (`notes` stands for the notes), and `callback` when the code requires one;
 *    `details.missing` lists their ids. Also `disposition.invalid` when a callback is given for a
 *    code that takes none (`details.unexpected: ['callback']`), rather than dropping what was typed.
 * 3. `disposition.callback-in-past` when the callback is not after `now`.
 *
 * A call outside any campaign (`campaign` undefined and no `call.campaignId`) takes any non-blank
 * code, recorded as not successful: there is no list to check against and nothing to count as a
 * conversion. A call whose `campaignId` is set but whose campaign is not given is refused with
 * `disposition.unknown-code`, since its codes cannot be checked. A campaign that is not the call's
 * is a programmer error (`input.invalid`). Whether the call awaits a disposition is the caller's
 * check (`disposition.not-awaiting`).
 *
 * @param input - what the agent filled in.
 * @param ctx - the call, its campaign, the agent, now, and the idempotency key.
 * @returns the validated record, with trimmed values.
 * @throws DialkitError as listed above.
 * @example
 * ```ts
 * const record = validateDisposition(
 *   { code: 'SALE', notes: 'Wants the yearly plan', fields: { amount: '120' } },
 *   { call, campaign, agentId: 'ana', now: clock.now(), key: `${call.id}:1` },
 * );
 * ```
 */
export function validateDisposition(input: DispositionInput, ctx: DispositionContext): DispositionRecord {
  const { call, campaign } = ctx;
  const code = input.code.trim();
  const notes = (input.notes ?? '').trim();
  const fields = trimFields(input.fields ?? {});
  const campaignName = campaign === undefined ? '(none)' : `'${campaign.id}'`;
  if (campaign !== undefined && call.campaignId !== undefined && call.campaignId !== campaign.id) {
    throw new DialkitError('input.invalid', `Call '${call.id}' belongs to campaign '${call.campaignId}', not to campaign '${campaign.id}'`);
  }
  if (code === '') {
    throw new DialkitError('disposition.invalid', `Disposition for call '${call.id}' is missing 'Outcome'`, { details: { missing: [CODE] } });
  }
  let definition: DispositionCode | undefined;
  if (campaign !== undefined) {
    definition = campaign.dispositions.find((d) => d.code === code);
    if (definition === undefined) {
      throw new DialkitError('disposition.unknown-code', `Disposition code '${code}' is not defined for campaign ${campaignName}`, { details: { code } });
    }
  } else if (call.campaignId !== undefined) {
    throw new DialkitError(
      'disposition.unknown-code',
      `Disposition code '${code}' cannot be checked: campaign '${call.campaignId}' of call '${call.id}' is not loaded`,
      { details: { code } },
    );
  }

  const callback = input.callback === undefined ? undefined : trimCallback(input.callback);
  if (definition !== undefined) {
    const missing = missingFields(definition, notes, fields, callback);
    if (missing.length > 0) {
      const labels = missing.map((id) => `'${labelOf(id, campaign)}'`).join(', ');
      throw new DialkitError(
        'disposition.invalid',
        `Disposition '${definition.label}' for call '${call.id}' is missing ${labels}`,
        { details: { code, missing } },
      );
    }
    if (callback !== undefined && definition.callback === undefined) {
      throw new DialkitError(
        'disposition.invalid',
        `Disposition '${definition.label}' for call '${call.id}' does not take a callback`,
        { details: { code, missing: [], unexpected: [CALLBACK] } },
      );
    }
  }
  if (callback !== undefined && !(callback.at > ctx.now)) {
    throw new DialkitError(
      'disposition.callback-in-past',
      `Callback for call '${call.id}' is at ${isoOrRaw(callback.at)}, which is not after now (${isoOrRaw(ctx.now)})`,
      { details: { at: callback.at, now: ctx.now } },
    );
  }

  return {
    key: ctx.key,
    callId: call.id,
    campaignId: campaign?.id ?? call.campaignId,
    leadId: call.leadId ?? call.lead?.id,
    agentId: ctx.agentId,
    code,
    successful: definition?.successful ?? false,
    notes,
    fields,
    callback,
    submittedAt: ctx.now,
  };
}

/** Ids of every mandatory value left blank, in the order the code lists them, then `callback`. */
function missingFields(
  definition: DispositionCode,
  notes: string,
  fields: Readonly<Record<string, string>>,
  callback: CallbackRequest | undefined,
): string[] {
  const missing = definition.requires.filter((id) => (id === NOTES ? notes === '' : fields[id] === undefined));
  if (definition.callback === 'required' && callback === undefined) missing.push(CALLBACK);
  return missing;
}

/** The label an agent sees for a field id. */
function labelOf(id: string, campaign: Campaign | undefined): string {
  if (id === NOTES) return 'Notes';
  if (id === CALLBACK) return 'Callback';
  return campaign?.dispositionFields.find((f) => f.id === id)?.label ?? id;
}

/** Field values trimmed, blank ones left out. */
function trimFields(fields: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [id, value] of Object.entries(fields)) {
    const trimmed = value.trim();
    if (trimmed !== '') out[id] = trimmed;
  }
  return out;
}

/** The callback with its note trimmed (a blank note left out). */
function trimCallback(callback: CallbackRequest): CallbackRequest {
  const note = (callback.note ?? '').trim();
  return note === '' ? { at: callback.at, scope: callback.scope } : { at: callback.at, scope: callback.scope, note };
}

/** An epoch-ms time as ISO text, or as given when it is not a valid time. */
function isoOrRaw(at: number): string {
  return Number.isFinite(at) ? new Date(at).toISOString() : String(at);
}
