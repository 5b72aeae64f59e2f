import { describe, expect, it } from 'vitest';
import type { BackendEvent } from './dialkit-event.js';
import { sanitizeBackendEvent } from './sanitize-event.js';

const bad = (v: unknown) => v as BackendEvent;

describe('backend events are untrusted', () => {
  it('a non-object or typeless event is refused with a reason', () => {
    expect(sanitizeBackendEvent(bad(null), 1)).toBe('event is not an object');
    expect(sanitizeBackendEvent(bad({ callId: 'x' }), 1)).toBe('event has no type');
    expect(sanitizeBackendEvent(bad({ type: 'call.offered' }), 1)).toMatch(/without a callId/);
  });

  it('absurd lengths are cut and HTML stays inert text', () => {
    const e = sanitizeBackendEvent(bad({ type: 'call.offered', callId: 'c1', remoteNumber: '6'.repeat(10_000), remoteName: '<img src=x onerror=alert(1)>'.repeat(100), lead: { id: 'L', fields: { note: 'x'.repeat(5000), n: 5, o: { deep: 1 } } } }), 7);
    expect(typeof e).toBe('object');
    if (typeof e === 'string') return;
    expect(e).toMatchObject({ at: 7, direction: 'inbound', origin: 'inbound' });
    if (e.type !== 'call.offered') throw new Error('type');
    expect(e.remoteNumber.length).toBe(64);
    expect(e.remoteName?.length).toBe(256);
    expect(e.lead?.fields).toEqual({ note: 'x'.repeat(2000), n: '5' });
  });

  it('fields a backend adds do not travel further; an unknown type is refused', () => {
    expect(sanitizeBackendEvent(bad({ type: 'call.connected', callId: 'c1', evil: '<script>' }), 3)).toEqual({ type: 'call.connected', at: 3, callId: 'c1' });
    expect(sanitizeBackendEvent(bad({ type: 'bogus' }), 3)).toMatch(/unknown event type 'bogus'/);
    expect(sanitizeBackendEvent(bad({ type: 'agent.paused', reason: 'lunch' }), 3)).toMatch(/without a usable reason/);
  });

  it('an unknown end cause becomes "failed"; an unknown connection status is refused', () => {
    expect(sanitizeBackendEvent(bad({ type: 'call.ended', callId: 'c1', cause: 'kaboom' }), 1)).toMatchObject({ cause: 'failed' });
    expect(sanitizeBackendEvent(bad({ type: 'connection.changed', status: 'weird' }), 1)).toMatch(/unknown status/);
  });
});
