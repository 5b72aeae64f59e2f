import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallQuality } from '@dialkit/core';
import { callQuality, eModelMos, qualitySamples, readAudioStats, type StatsEntry } from './quality.js';

// A getStats() report of an audio call in Chromium 13x, trimmed to the entries that matter (values as recorded on the rig).
const report = (o: { received?: number; lost?: number; jitter?: number; remoteRtt?: number; pairRtt?: number } = {}): StatsEntry[] => [
  { id: 'CIT01_111_minptime=10;useinbandfec=1', type: 'codec', mimeType: 'audio/opus', clockRate: 48000 },
  { id: 'CPabc_def', type: 'candidate-pair', state: 'succeeded', nominated: true, currentRoundTripTime: o.pairRtt ?? 0.001, localCandidateId: 'Iabc', remoteCandidateId: 'Idef' },
  { id: 'CPabc_xyz', type: 'candidate-pair', state: 'failed', nominated: false, currentRoundTripTime: 0.5 },
  { id: 'IT01A1234', type: 'inbound-rtp', kind: 'audio', ssrc: 1234, packetsReceived: o.received ?? 160, packetsLost: o.lost ?? 0, jitter: o.jitter ?? 0, audioLevel: 1 },
  { id: 'IT01V99', type: 'inbound-rtp', kind: 'video', packetsReceived: 9999, packetsLost: 9999, jitter: 9 },
  { id: 'OT01A555', type: 'outbound-rtp', kind: 'audio', packetsSent: 160 },
  ...(o.remoteRtt === undefined ? [] : [{ id: 'RI01A555', type: 'remote-inbound-rtp', kind: 'audio', roundTripTime: o.remoteRtt, fractionLost: 0 }]),
  { id: 'T01', type: 'transport', selectedCandidatePairId: 'CPabc_def', dtlsState: 'connected' },
];

describe('E-model MOS', () => {
  it('a perfect line scores 4.40 (R = 93.2 − Id(10 ms codec delay))', () => {
    // d = 10 → Id = 0.24 → R = 92.96 → MOS = 1 + 3.2536 + 92.96·32.96·7.04·7e-6
    expect(eModelMos(undefined, 0, 0)).toBeCloseTo(1 + 0.035 * 92.96 + 7e-6 * 92.96 * 32.96 * 7.04, 6);
    expect(eModelMos(undefined, 0, 0)).toBeCloseTo(4.4, 2);
  });

  it('loss costs Ie_eff = 95·Ppl/(Ppl + 25.1): 5 % loss → R ≈ 76.98, MOS ≈ 3.91', () => {
    const r = 93.2 - 0.24 - (95 * 5) / 30.1;
    expect(eModelMos(undefined, 0, 5)).toBeCloseTo(1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r), 6);
    expect(eModelMos(undefined, 0, 5)).toBeCloseTo(3.91, 2);
  });

  it('one-way delay past 177.3 ms costs 0.11 per ms more: RTT 600 ms, jitter 20 ms → d = 350 ms', () => {
    const d = 300 + 40 + 10;
    const r = 93.2 - (0.024 * d + 0.11 * (d - 177.3));
    expect(eModelMos(600, 20, 0)).toBeCloseTo(1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r), 6);
  });

  it('is 1 when R falls to 0 or below, and never rises with more loss, jitter or delay', () => {
    expect(eModelMos(2000, 0, 0)).toBe(1);
    let last = 5;
    for (const loss of [0, 1, 2, 5, 10, 20, 50, 100]) {
      const mos = eModelMos(100, 10, loss);
      expect(mos).toBeLessThan(last);
      last = mos;
    }
    expect(eModelMos(50, 40, 1)).toBeLessThan(eModelMos(50, 5, 1));
    expect(eModelMos(100, 0, 150)).toBe(eModelMos(100, 0, 100)); // loss is capped at 100 %
  });
});

describe('getStats report → counters', () => {
  it('reads the audio inbound-rtp (not video) and prefers the remote-inbound-rtp RTT', () => {
    expect(readAudioStats(report({ received: 500, lost: 7, jitter: 0.012, remoteRtt: 0.04 }))).toEqual({ packetsReceived: 500, packetsLost: 7, jitterS: 0.012, rttS: 0.04 });
  });

  it('without remote-inbound-rtp, takes the RTT of the transport’s selected candidate pair', () => {
    expect(readAudioStats(report({ pairRtt: 0.003 }))?.rttS).toBe(0.003);
  });

  it('without a transport, takes the nominated succeeded pair; with no pair at all the RTT is unknown', () => {
    const noTransport = report({ pairRtt: 0.007 }).filter((s) => s.type !== 'transport');
    expect(readAudioStats(noTransport)?.rttS).toBe(0.007);
    expect(readAudioStats(noTransport.filter((s) => s.type !== 'candidate-pair'))?.rttS).toBeUndefined();
  });

  it('has nothing to say before audio arrives (no audio inbound-rtp)', () => {
    expect(readAudioStats(report().filter((s) => !(s.type === 'inbound-rtp' && s['kind'] === 'audio')))).toBeUndefined();
  });
});

describe('counters → CallQuality', () => {
  it('loss is measured over the interval: 10 of 100 expected packets lost → 10 %', () => {
    const q = callQuality('c-1', 1000, { packetsReceived: 100, packetsLost: 0, jitterS: 0, rttS: 0.02 }, { packetsReceived: 190, packetsLost: 10, jitterS: 0.0123, rttS: 0.04 });
    expect(q).toEqual({ callId: 'c-1', at: 1000, jitterMs: 12.3, packetLossPct: 10, rttMs: 40, mos: Math.round(eModelMos(40, 12.3, 10) * 100) / 100 });
    expect(q.mos).toBeGreaterThan(3.3);
    expect(q.mos).toBeLessThan(3.7);
  });

  it('the first sample counts from the start of the call', () => {
    expect(callQuality('c-1', 0, undefined, { packetsReceived: 98, packetsLost: 2, jitterS: 0, rttS: undefined })).toMatchObject({ packetLossPct: 2, rttMs: undefined });
  });

  it('no packets in the interval (on hold) → 0 % loss; late packets lowering the loss counter never make it negative', () => {
    const prev = { packetsReceived: 100, packetsLost: 5, jitterS: 0, rttS: undefined };
    expect(callQuality('c-1', 0, prev, prev).packetLossPct).toBe(0);
    expect(callQuality('c-1', 0, prev, { ...prev, packetsReceived: 150, packetsLost: 3 }).packetLossPct).toBe(0);
  });
});

describe('sampling', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('samples every interval while connected, loss per interval; a failing getStats skips one sample; unsubscribing stops', async () => {
    let connected = true;
    let n = 0;
    const reports = [report({ received: 100 }), report({ received: 150, lost: 50 }), report({ received: 250, lost: 50 })];
    const source = {
      connected: () => connected,
      getStats: () => {
        n += 1;
        if (n === 2) return Promise.reject(new Error('pc closed'));
        return Promise.resolve(reports.shift() ?? report({ received: 250, lost: 50 }));
      },
    };
    const seen: CallQuality[] = [];
    let error: unknown;
    const sub = qualitySamples('c-9', source, 2000, () => 42).subscribe({ next: (q) => seen.push(q), error: (e: unknown) => (error = e) });
    await vi.advanceTimersByTimeAsync(1999);
    expect(seen).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen.map((q) => q.packetLossPct)).toEqual([0]);
    await vi.advanceTimersByTimeAsync(2000); // getStats fails: no sample, no error
    expect(seen).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(seen.map((q) => q.packetLossPct)).toEqual([0, 50]);
    connected = false;
    await vi.advanceTimersByTimeAsync(4000);
    expect(seen).toHaveLength(2);
    connected = true;
    await vi.advanceTimersByTimeAsync(2000);
    expect(seen.map((q) => q.packetLossPct)).toEqual([0, 50, 0]);
    expect(seen.every((q) => q.callId === 'c-9' && q.at === 42)).toBe(true);
    sub.unsubscribe();
    const calls = n;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(n).toBe(calls);
    expect(error).toBeUndefined();
  });
});
