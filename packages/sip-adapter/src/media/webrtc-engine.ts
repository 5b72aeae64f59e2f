import { EMPTY, Subject, defer, filter, switchMap, take, takeUntil, type Observable } from 'rxjs';
import { AudioDevicesPort, CallQualityPort, silentLogger, type CallQuality, type Logger } from '@dialkit/core';
import { BrowserAudioDevices, type DeviceChoiceStore } from './devices.js';
import type { MediaEngine, MediaSession, MediaSessionContext } from './media-engine.js';
import { qualitySamples } from './quality.js';
import { Ringer, webAudioRing } from './ringtone.js';
import { WebRtcSession } from './webrtc-session.js';
import { errorText } from './error-text.js';

/** A STUN or TURN server (the shape of WebRTC's `RTCIceServer`). */
export interface IceServer {
  /** `stun:host:port`, `turn:host:port?transport=udp`, `turns:…` — one or several. */
  readonly urls: string | readonly string[];
  /** TURN username. */
  readonly username?: string;
  /** TURN credential. */
  readonly credential?: string;
}

/** Options of {@link webRtcMediaEngine}. */
export interface WebRtcMediaEngineOptions {
  /**
   * STUN/TURN servers. Default `[]`: host candidates only, so nothing leaves the machine (tests,
   * a PBX on the same network). In production pass your STUN and TURN servers.
   */
  readonly iceServers?: readonly IceServer[];
  /**
   * Keeps only the ICE candidates it accepts, in our SDP and in the far end's
   * (`(line) => / 127\.0\.0\.1 /.test(line)` keeps loopback). Default: every candidate.
   */
  readonly candidateFilter?: (candidateLine: string) => boolean;
  /** Longest wait for ICE gathering before a description is sent anyway, in ms (default 3 000). */
  readonly iceGatheringTimeoutMs?: number;
  /** Call-quality sampling interval, in ms (default 2 000). */
  readonly qualityIntervalMs?: number;
  /** Play a ringtone while an inbound call is offered (default true). */
  readonly ringtone?: boolean;
  /** Where the device choice is remembered (default `localStorage`; null: nowhere). Device ids only. */
  readonly storage?: DeviceChoiceStore | null;
  /** Diagnostics (default: silent). */
  readonly logger?: Logger;
}

/** The WebRTC media engine, with its ports (also given to the console through {@link MediaEngine.services}). */
export interface WebRtcMediaEngine extends MediaEngine {
  /** Call quality from `getStats()`: jitter, loss, RTT, E-model MOS. */
  readonly quality: CallQualityPort;
  /** The agent's microphones and speakers, and choosing them. */
  readonly devices: AudioDevicesPort;
}

/**
 * The browser's media engine: each call on an `RTCPeerConnection` (audio, Opus or G.711 as the far
 * end offers, DTMF per RFC 4733), the far end played through an `HTMLAudioElement`, a generated
 * ringtone while a call is offered, call quality from `getStats()`, device selection, and local
 * three-way conferences mixed with WebAudio. It provides `CallQualityPort` and `AudioDevicesPort`
 * to the console.
 *
 * @remarks
 * Touches browser globals only when called, never at import. Outside a browser it can be created
 * (no devices are listed) but no call can get media.
 * @example
 * ```ts
 * import { sipBackend } from '@dialkit/sip-adapter';
 * import { webRtcMediaEngine } from '@dialkit/sip-adapter/webrtc';
 *
 * const media = webRtcMediaEngine({ iceServers: [{ urls: 'stun:stun.example.com:3478' }, { urls: 'turns:turn.example.com:443', username, credential }] });
 * const dialkit = await createConsole({ backend: [sipBackend({ server: 'wss://pbx.example/ws', user: '1001', password, media }), simBackend()] });
 * dialkit.get(CallQualityPort).quality$(callId).subscribe((q) => show(q.mos));
 * ```
 */
export function webRtcMediaEngine(options: WebRtcMediaEngineOptions = {}): WebRtcMediaEngine {
  const logger = options.logger ?? silentLogger;
  const warn = (message: string) => (e: unknown) => logger.log('warn', `webrtc: ${message}`, { error: errorText(e) });
  const sessions = new Map<string, WebRtcSession>();
  const created = new Subject<WebRtcSession>();
  const gone = new Subject<string>();
  const ended: string[] = [];
  const end = (callId: string) => {
    if (!ended.includes(callId)) ended.push(callId);
    if (ended.length > 64) ended.shift();
    gone.next(callId);
  };
  let audioContext: (AudioContext & { setSinkId?: (id: string) => Promise<void> }) | undefined;
  const sinkRing = (id: string | null) => audioContext?.setSinkId?.(id ?? '').catch(warn('choosing the ringtone speaker failed'));
  const context = (): AudioContext => {
    if (!audioContext) {
      audioContext = new AudioContext();
      void sinkRing(devices.choice.output);
    }
    return audioContext;
  };
  const storage = options.storage === undefined ? (globalThis.localStorage as DeviceChoiceStore | undefined) : (options.storage ?? undefined);

  const devices = new BrowserAudioDevices(globalThis.navigator?.mediaDevices, storage, async (kind, id) => {
    if (kind === 'output') await sinkRing(id);
    await Promise.all([...sessions.values()].map((s) => (kind === 'input' ? s.setInput() : s.setOutput(id))));
  }, logger);
  const ringer = new Ringer(options.ringtone === false ? { start: () => undefined, stop: () => undefined } : webAudioRing(context, warn('the ringtone failed')));

  const env = {
    configuration: { iceServers: (options.iceServers ?? []).map((s) => ({ ...s, urls: typeof s.urls === 'string' ? s.urls : [...s.urls] })) },
    candidateFilter: options.candidateFilter,
    iceGatheringTimeoutMs: options.iceGatheringTimeoutMs ?? 3000,
    logger,
    input: () => devices.choice.input,
    output: () => devices.choice.output,
    opened: () => devices.refresh(),
    closed: (s: WebRtcSession) => {
      sessions.delete(s.callId);
      end(s.callId);
    },
  };

  const interval = options.qualityIntervalMs ?? 2000;
  function sample(s: WebRtcSession): Observable<CallQuality> {
    return qualitySamples(s.callId, { getStats: () => s.pc.getStats().then((r) => r.values() as Iterable<Record<string, unknown>>), connected: () => s.pc.connectionState === 'connected' }, interval, Date.now).pipe(takeUntil(s.closed$));
  }
  const quality: CallQualityPort = {
    quality$: (callId) =>
      defer(() => {
        const live = sessions.get(callId);
        if (live) return sample(live);
        if (ended.includes(callId)) return EMPTY;
        // No media yet: wait for it, unless the call ends without any.
        return created.pipe(filter((s) => s.callId === callId), take(1), switchMap(sample), takeUntil(gone.pipe(filter((id) => id === callId && !sessions.has(id)))));
      }),
  };

  return {
    kind: 'webrtc',
    quality,
    devices,
    services: [[CallQualityPort, quality], [AudioDevicesPort, devices]],
    createSession(ctx: MediaSessionContext): MediaSession {
      const session = new WebRtcSession(ctx.callId, env);
      sessions.set(ctx.callId, session);
      created.next(session);
      return session;
    },
    ringing: (callId, on) => ringer.set(callId, on),
    ended: (callId) => {
      ringer.set(callId, false);
      if (!sessions.has(callId)) end(callId);
    },
    mix(list: readonly MediaSession[]): () => void {
      const calls = list.filter((s): s is WebRtcSession => s instanceof WebRtcSession && !s.closed);
      if (calls.length < 2) return () => undefined;
      const ctx = context();
      ctx.resume().catch(warn('the conference mix cannot start'));
      // Each call hears the agent and every other call's far end; the agent hears all far ends.
      const outputs = calls.map(() => ctx.createMediaStreamDestination());
      const remotes = calls.map((s) => (s.remote.getAudioTracks().length > 0 ? ctx.createMediaStreamSource(s.remote) : undefined));
      calls.forEach((s, i) => {
        remotes.forEach((r, j) => {
          if (r && j !== i) r.connect(outputs[i] as MediaStreamAudioDestinationNode);
        });
        s.mixInto(ctx, outputs[i] as MediaStreamAudioDestinationNode);
      });
      let mixing = true;
      return () => {
        if (!mixing) return;
        mixing = false;
        for (const s of calls) s.unmix();
        for (const r of remotes) r?.disconnect();
      };
    },
  };
}
