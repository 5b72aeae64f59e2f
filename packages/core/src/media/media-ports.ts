import type { Observable } from 'rxjs';
import { createToken } from '../common/token.js';

/**
 * One call-quality sample, computed by the media engine from WebRTC statistics (`getStats`) over
 * the last interval.
 */
export interface CallQuality {
  /** The call measured. */
  readonly callId: string;
  /** When it was measured (epoch ms). */
  readonly at: number;
  /** Interarrival jitter of the audio received, in ms. */
  readonly jitterMs: number;
  /** Packets lost over the interval, in percent (0–100). */
  readonly packetLossPct: number;
  /** Round-trip time, in ms, when the statistics report it. */
  readonly rttMs: number | undefined;
  /** Mean opinion score estimated with the ITU-T E-model (G.107), from 1 (bad) to 4.5 (excellent). */
  readonly mos: number;
}

/** Call quality as it is measured: what a console shows beside a call. Provided by a media engine (WebRTC). */
export interface CallQualityPort {
  /** The call's samples as they are measured (every few seconds while it is connected); completes when the call ends. */
  quality$(callId: string): Observable<CallQuality>;
}
/** Token for the {@link CallQualityPort}. */
export const CallQualityPort = createToken<CallQualityPort>('core.port.call-quality');

/** A microphone or a speaker. */
export interface AudioDevice {
  /** The browser's device id. */
  readonly id: string;
  /** Its name (empty until the page may use the microphone). */
  readonly label: string;
  /** `input` (microphone) or `output` (speaker, headset). */
  readonly kind: 'input' | 'output';
}

/** The devices chosen now; null is the system default. */
export interface AudioDeviceChoice {
  /** The microphone. */
  readonly input: string | null;
  /** The speaker. */
  readonly output: string | null;
}

/** The agent's audio devices: which exist, which are chosen, and choosing. Provided by a media engine (WebRTC). */
export interface AudioDevicesPort {
  /** The devices, as they are plugged in and out. */
  readonly devices$: Observable<readonly AudioDevice[]>;
  /** The choice, as it changes (remembered across reloads by the engine). */
  readonly selected$: Observable<AudioDeviceChoice>;
  /**
   * Chooses a device; live calls switch to it.
   *
   * @throws DialkitError `input.invalid` when no device has that id.
   */
  select(kind: 'input' | 'output', deviceId: string | null): Promise<void>;
}
/** Token for the {@link AudioDevicesPort}. */
export const AudioDevicesPort = createToken<AudioDevicesPort>('core.port.audio-devices');
