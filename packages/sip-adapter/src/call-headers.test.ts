import { describe, expect, it } from 'vitest';
import { autoAnswerDelay, readCallHeaders, sanitizeHeaderText } from './call-headers.js';

const headers = (h: Record<string, string>) => (name: string) => h[name];

describe('sanitizeHeaderText', () => {
  it.each<[string | undefined, number, string | undefined]>([
    [undefined, 10, undefined],
    ['', 10, undefined],
    ['   ', 10, undefined],
    ['L-1001', 128, 'L-1001'],
    ['<script>alert(1)</script>', 128, '<script>alert(1)</script>'],
    ['a\tb\r\nc\u0000d\u0007e', 128, 'a b c d e'],
    ['evil\u202Etxt.exe', 128, 'evil txt.exe'],
    ['zero\u200Bwidth', 128, 'zero width'],
    ['x'.repeat(100_000), 16, 'x'.repeat(16)],
    ['  padded  ', 128, 'padded'],
  ])('%j (max %i) → %j', (input, max, expected) => {
    expect(sanitizeHeaderText(input, max)).toBe(expected);
  });
});

describe('readCallHeaders', () => {
  it('maps the default headers, keeps markup as literal text, checks the origin', () => {
    expect(readCallHeaders(headers({ 'X-Lead-Id': '<b>42</b>', 'X-Campaign': 'spring\tsale', 'X-Call-Origin': 'Preview' }), {}, '600')).toEqual({ leadId: '<b>42</b>', campaignId: 'spring sale', origin: 'preview' });
    expect(readCallHeaders(headers({ 'X-Call-Origin': 'hacker' }), {}, '600')).toEqual({});
  });

  it('a configured mapping with lead fields sends the lead along, capped', () => {
    const r = readCallHeaders(headers({ 'X-Id': 'L1', 'X-Name': 'Ana <i>', 'X-City': 'C'.repeat(2000) }), { leadId: 'X-Id', leadFields: { name: 'X-Name', city: 'X-City', missing: 'X-None' } }, '+34600');
    expect(r.lead).toEqual({ id: 'L1', name: 'Ana <i>', phone: '+34600', fields: { city: 'C'.repeat(512) } });
  });
});

describe('autoAnswerDelay', () => {
  it.each<[Record<string, string>, object, number | undefined]>([
    [{}, { enabled: true }, undefined],
    [{ 'Call-Info': '<sip:pbx>;answer-after=0' }, { enabled: true }, 0],
    [{ 'Call-Info': '<sip:pbx>;answer-after=3' }, { enabled: true }, 3000],
    [{ 'Call-Info': '<sip:pbx>;answer-after=9999' }, { enabled: true }, 10_000],
    [{ 'Alert-Info': '<http://x>;info=alert-autoanswer;answer-after=1' }, { enabled: true }, 1000],
    // Off unless enabled: any caller can send these headers.
    [{ 'Call-Info': '<sip:pbx>;answer-after=0' }, {}, undefined],
    [{ 'Call-Info': '<sip:pbx>;answer-after=0' }, { enabled: false }, undefined],
    [{ 'X-Auto-Answer': 'yes' }, { enabled: true, header: 'X-Auto-Answer' }, 0],
    [{ 'X-Auto-Answer': ' TRUE ' }, { enabled: true, header: 'X-Auto-Answer' }, 0],
    [{ 'X-Auto-Answer': '2' }, { enabled: true, header: 'X-Auto-Answer' }, 2000],
    [{ 'X-Auto-Answer': 'false' }, { enabled: true, header: 'X-Auto-Answer' }, undefined],
    [{ 'X-Auto-Answer': 'spring-sale' }, { enabled: true, header: 'X-Auto-Answer' }, undefined],
    [{ 'X-Auto-Answer': '2' }, { enabled: true }, undefined],
  ])('%j with %j → %j', (h, options, expected) => {
    expect(autoAnswerDelay(headers(h), options)).toBe(expected);
  });
});
