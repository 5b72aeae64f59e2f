import { describe, expect, it } from 'vitest';
import type { Call } from '../call/call-state.js';
import type { Campaign } from '../campaign/campaign.js';
import { DialkitError } from '../common/errors.js';
import type { DispositionInput } from './disposition-record.js';
import { validateDisposition, type DispositionContext } from './validate-disposition.js';

const NOW = Date.UTC(2025, 2, 3, 10, 0, 0);

const campaign: Campaign = {
  id: 'spring-sale',
  name: 'Spring sale',
  dialMethod: 'predictive',
  afterWrapUp: 'ready',
  allowManualDial: true,
  pauseReasons: [],
  transferTargets: [],
  dispositionFields: [
    { id: 'amount', label: 'Amount', type: 'number' },
    { id: 'product', label: 'Product', type: 'select', options: ['basic', 'premium'] },
  ],
  dispositions: [
    { code: 'SALE', label: 'Sale', category: 'contact', successful: true, requires: ['amount', 'product', 'notes'] },
    { code: 'CB', label: 'Callback', category: 'contact', successful: false, requires: [], callback: 'required' },
    { code: 'NI', label: 'Not interested', category: 'contact', successful: false, requires: [], callback: 'optional' },
    { code: 'NA', label: 'No answer', category: 'no-contact', successful: false, requires: [] },
  ],
};

function endedCall(overrides: Partial<Call> = {}): Call {
  return {
    id: 'c-1', line: 1, status: { kind: 'ended', cause: 'agentHangup' }, direction: 'outbound', origin: 'predictive',
    role: 'primary', consultFor: undefined, conferenceId: undefined, remoteNumber: '+34600000000', remoteName: 'Eva',
    lead: { id: 'lead-7', phone: '+34600000000', fields: {} }, leadId: 'lead-7', campaignId: 'spring-sale', muted: false, recording: false,
    needsDisposition: true, createdAt: NOW - 60_000, connectedAt: NOW - 50_000, endedAt: NOW - 5_000,
    ...overrides,
  };
}

const ctx = (over: Partial<DispositionContext> = {}): DispositionContext => ({
  call: endedCall(), campaign, agentId: 'ana', now: NOW, key: 'c-1:1', ...over,
});

function thrown(input: DispositionInput, context = ctx()): DialkitError {
  try {
    validateDisposition(input, context);
  } catch (e) {
    if (e instanceof DialkitError) return e;
    throw e;
  }
  throw new Error('expected validateDisposition to throw');
}

describe('validateDisposition', () => {
  it('a complete sale becomes a successful record with trimmed values and the call\'s ids', () => {
    const record = validateDisposition(
      { code: ' SALE ', notes: '  wants premium  ', fields: { amount: ' 120 ', product: 'premium', comment: '   ' } },
      ctx(),
    );
    expect(record).toEqual({
      key: 'c-1:1', callId: 'c-1', campaignId: 'spring-sale', leadId: 'lead-7', agentId: 'ana', code: 'SALE',
      successful: true, notes: 'wants premium', fields: { amount: '120', product: 'premium' }, callback: undefined,
      submittedAt: NOW,
    });
  });

  it('a sale with nothing filled in names every missing mandatory field by label, in one error', () => {
    const error = thrown({ code: 'SALE' });
    expect(error.code).toBe('disposition.invalid');
    expect(error.message).toBe("Disposition 'Sale' for call 'c-1' is missing 'Amount', 'Product', 'Notes'");
    expect(error.details).toMatchObject({ missing: ['amount', 'product', 'notes'] });
  });

  it('blank values count as missing: whitespace-only notes and fields are named', () => {
    const error = thrown({ code: 'SALE', notes: '   ', fields: { amount: '\t', product: 'basic' } });
    expect(error.details).toMatchObject({ missing: ['amount', 'notes'] });
    expect(error.message).toMatch(/'Amount', 'Notes'$/);
  });

  it('an outcome that requires a callback without one is missing \'Callback\'', () => {
    const error = thrown({ code: 'CB', notes: 'call back later' });
    expect(error.code).toBe('disposition.invalid');
    expect(error.message).toMatch(/missing 'Callback'/);
    expect(error.details).toMatchObject({ missing: ['callback'] });
  });

  it('a callback scheduled now or earlier is refused as in the past', () => {
    for (const at of [NOW, NOW - 1]) {
      const error = thrown({ code: 'CB', callback: { at, scope: 'personal' } });
      expect(error.code).toBe('disposition.callback-in-past');
      expect(error.message).toContain(new Date(at).toISOString());
    }
  });

  it('a future callback is kept, its note trimmed', () => {
    const record = validateDisposition({ code: 'NI', callback: { at: NOW + 1, scope: 'anyone', note: ' after 5pm ' } }, ctx());
    expect(record.callback).toEqual({ at: NOW + 1, scope: 'anyone', note: 'after 5pm' });
    const noNote = validateDisposition({ code: 'CB', callback: { at: NOW + 60_000, scope: 'personal', note: ' ' } }, ctx());
    expect(noNote.callback).toEqual({ at: NOW + 60_000, scope: 'personal' });
  });

  it('a callback on an outcome that takes none is refused rather than dropped', () => {
    const error = thrown({ code: 'NA', callback: { at: NOW + 1000, scope: 'personal' } });
    expect(error.code).toBe('disposition.invalid');
    expect(error.details).toMatchObject({ unexpected: ['callback'] });
  });

  it('a code the campaign does not define is unknown, naming the code and the campaign', () => {
    const error = thrown({ code: 'WRONG' });
    expect(error.code).toBe('disposition.unknown-code');
    expect(error.message).toBe("Disposition code 'WRONG' is not defined for campaign 'spring-sale'");
  });

  it('a blank code is a missing outcome', () => {
    const error = thrown({ code: '  ' });
    expect(error.code).toBe('disposition.invalid');
    expect(error.details).toMatchObject({ missing: ['code'] });
  });

  it('a call outside any campaign takes any non-blank code, never counted as successful', () => {
    const call = endedCall({ campaignId: undefined, lead: undefined, leadId: undefined });
    const record = validateDisposition({ code: ' PERSONAL ' }, ctx({ call, campaign: undefined }));
    expect(record).toMatchObject({ code: 'PERSONAL', successful: false, campaignId: undefined, leadId: undefined });
    expect(thrown({ code: '' }, ctx({ call, campaign: undefined })).code).toBe('disposition.invalid');
  });

  it('a campaign call whose campaign is not loaded is refused: its codes cannot be checked', () => {
    const error = thrown({ code: 'SALE' }, ctx({ campaign: undefined }));
    expect(error.code).toBe('disposition.unknown-code');
    expect(error.message).toMatch(/'SALE'.*campaign 'spring-sale'/);
  });

  it('a campaign that is not the call\'s is a programmer error', () => {
    const error = thrown({ code: 'NA' }, ctx({ call: endedCall({ campaignId: 'other' }) }));
    expect(error.code).toBe('input.invalid');
  });
});
