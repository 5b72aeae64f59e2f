import { EMPTY, catchError, concatMap, defer, interval, of, type Observable, type SchedulerLike } from 'rxjs';
import type { CallQuality } from '@dialkit/core';

/**
 * What one `getStats()` report says about a call's audio, reduced to the counters the quality
 * needs. Counters are cumulative since the call started. @internal
 */
export interface AudioStatsSnapshot {
  /** Audio packets received (`inbound-rtp`). */
  readonly packetsReceived: number;
  /** Audio packets lost (`inbound-rtp`; may go down when late packets arrive). */
  readonly packetsLost: number;
  /** Interarrival jitter of the audio received, in seconds (`inbound-rtp`). */
  readonly jitterS: number;
  /** Round-trip time in seconds (`remote-inbound-rtp`, else the selected candidate pair). */
  readonly rttS: number | undefined;
}

/** A stats object as `RTCStatsReport` yields it: only the fields read here. @internal */
export type StatsEntry = Readonly<Record<string, unknown>> & { readonly type?: unknown; readonly id?: unknown };

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const isAudio = (s: StatsEntry): boolean => (s['kind'] ?? s['mediaType']) === 'audio';

/**
 * Reads the audio counters out of a `getStats()` report (any iterable of stats objects, e.g.
 * `report.values()`). Undefined when the report has no audio `inbound-rtp` yet. @internal
 */
export function readAudioStats(entries: Iterable<StatsEntry>): AudioStatsSnapshot | undefined {
  let inbound: StatsEntry | undefined;
  let remoteRtt: number | undefined;
  let selectedPair: string | undefined;
  const pairs = new Map<unknown, StatsEntry>();
  for (const s of entries) {
    if (s.type === 'inbound-rtp' && isAudio(s)) inbound = s;
    else if (s.type === 'remote-inbound-rtp' && isAudio(s)) remoteRtt = num(s['roundTripTime']) ?? remoteRtt;
    else if (s.type === 'transport' && typeof s['selectedCandidatePairId'] === 'string') selectedPair = s['selectedCandidatePairId'];
    else if (s.type === 'candidate-pair') pairs.set(s.id, s);
  }
  if (!inbound) return undefined;
  let pair = selectedPair === undefined ? undefined : pairs.get(selectedPair);
  pair ??= [...pairs.values()].find((p) => p['nominated'] === true && p['state'] === 'succeeded');
  return {
    packetsReceived: num(inbound['packetsReceived']) ?? 0,
    packetsLost: num(inbound['packetsLost']) ?? 0,
    jitterS: num(inbound['jitter']) ?? 0,
    rttS: remoteRtt ?? num(pair?.['currentRoundTripTime']),
  };
}

/**
 * The ITU-T G.107 E-model, simplified as is usual for VoIP monitoring; returns the MOS (1–4.5).
 *
 * @remarks
 * ```
 *  d       = RTT/2 + 2·jitter + 10 ms          one-way delay: network, jitter buffer, codec
 *  Id      = 0.024·d + 0.11·(d − 177.3)·H(d − 177.3)          (Cole & Rosenbluth, 2001)
 *  Ie_eff  = Ie + (95 − Ie) · Ppl / (Ppl + Bpl)   random loss (BurstR = 1); Ie = 0, Bpl = 25.1
 *                                               (G.113: G.711 with packet-loss concealment)
 *  R       = 93.2 − Id − Ie_eff
 *  MOS     = 1 + 0.035·R + 7·10⁻⁶·R·(R − 60)·(100 − R), 1 when R ≤ 0, 4.5 when R ≥ 100
 * ```
 * H is the step function; Ppl is the packet loss in percent. Without an RTT the delay is only
 * jitter and codec. A perfect line scores 4.40.
 * @internal
 */
export function eModelMos(rttMs: number | undefined, jitterMs: number, packetLossPct: number): number {
  const d = (rttMs ?? 0) / 2 + 2 * jitterMs + 10;
  const id = 0.024 * d + (d > 177.3 ? 0.11 * (d - 177.3) : 0);
  const ppl = Math.min(100, Math.max(0, packetLossPct));
  const ieEff = (95 * ppl) / (ppl + 25.1);
  const r = 93.2 - id - ieEff;
  if (r <= 0) return 1;
  if (r >= 100) return 4.5;
  return 1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r);
}

/**
 * One {@link CallQuality} sample from the counters at the start and at the end of an interval:
 * loss over the interval (lost / expected), jitter and RTT as the end reports them. Without a
 * previous snapshot the interval starts with the call. @internal
 */
export function callQuality(callId: string, at: number, previous: AudioStatsSnapshot | undefined, current: AudioStatsSnapshot): CallQuality {
  const received = Math.max(0, current.packetsReceived - (previous?.packetsReceived ?? 0));
  const lost = Math.max(0, current.packetsLost - (previous?.packetsLost ?? 0));
  const expected = received + lost;
  const packetLossPct = expected > 0 ? round((100 * lost) / expected, 2) : 0;
  const jitterMs = round(current.jitterS * 1000, 1);
  const rttMs = current.rttS === undefined ? undefined : round(current.rttS * 1000, 1);
  return { callId, at, jitterMs, packetLossPct, rttMs, mos: round(eModelMos(rttMs, jitterMs, packetLossPct), 2) };
}

const round = (v: number, digits: number): number => Math.round(v * 10 ** digits) / 10 ** digits;

/** Where {@link qualitySamples} reads the statistics of one call. @internal */
export interface StatsSource {
  /** A fresh `getStats()` report, as an iterable of stats objects. */
  getStats(): Promise<Iterable<StatsEntry>>;
  /** True while the media is connected (samples are taken only then). */
  connected(): boolean;
}

/**
 * One call's quality, sampled every `intervalMs` while it is connected; each sample measures the
 * loss since the previous one. Never errors: a failed `getStats()` skips a sample. @internal
 */
export function qualitySamples(callId: string, source: StatsSource, intervalMs: number, now: () => number, scheduler?: SchedulerLike): Observable<CallQuality> {
  return defer(() => {
    let previous: AudioStatsSnapshot | undefined;
    return interval(intervalMs, scheduler).pipe(
      concatMap(() => (source.connected() ? defer(() => source.getStats()).pipe(catchError(() => EMPTY)) : EMPTY)),
      concatMap((report) => {
        const current = readAudioStats(report);
        if (!current) return EMPTY;
        const sample = callQuality(callId, now(), previous, current);
        previous = current;
        return of(sample);
      }),
    );
  });
}
