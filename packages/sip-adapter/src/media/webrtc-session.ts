import { Subject } from 'rxjs';
import type { Logger } from '@dialkit/core';
import { isUsableSdp } from '../sdp.js';
import { filterCandidates } from './candidates.js';
import type { LocalDescriptionOptions, MediaSession } from './media-engine.js';
import { errorText } from './error-text.js';

/** What a {@link WebRtcSession} needs from its engine. @internal */
export interface WebRtcSessionEnv {
  readonly configuration: RTCConfiguration;
  readonly candidateFilter: ((candidateLine: string) => boolean) | undefined;
  readonly iceGatheringTimeoutMs: number;
  readonly logger: Logger;
  /** The microphone chosen now (null: the system default). */
  input(): string | null;
  /** The speaker chosen now (null: the system default). */
  output(): string | null;
  /** The microphone was opened (device labels may now be read). */
  opened(): void;
  /** The session was closed. */
  closed(session: WebRtcSession): void;
}

/** Where a conference sends this call's audio instead of the bare microphone. @internal */
interface MixOutput {
  readonly context: AudioContext;
  readonly destination: MediaStreamAudioDestinationNode;
  mic: MediaStreamAudioSourceNode | undefined;
}

/**
 * The media of one call on an `RTCPeerConnection`: audio only, full ICE gathering before each
 * description, hold as the transceiver's direction, mute on the track, DTMF with `RTCDTMFSender`,
 * the far end played through an `HTMLAudioElement`. @internal
 */
export class WebRtcSession implements MediaSession {
  readonly pc: RTCPeerConnection;
  /** The far end's audio. */
  readonly remote = new MediaStream();
  private readonly audio = new Audio();
  private readonly closedSubject = new Subject<void>();
  /** Emits and completes when the call's media is released. */
  readonly closed$ = this.closedSubject.asObservable();
  private mic: MediaStream | undefined;
  private muted = false;
  private mixOutput: MixOutput | undefined;
  closed = false;

  constructor(readonly callId: string, private readonly env: WebRtcSessionEnv) {
    this.pc = new RTCPeerConnection(env.configuration);
    this.audio.autoplay = true;
    this.pc.ontrack = (e) => {
      if (!this.remote.getTrackById(e.track.id)) this.remote.addTrack(e.track);
      if (this.audio.srcObject !== this.remote) {
        this.audio.srcObject = this.remote;
        void this.setOutput(env.output());
        this.audio.play().catch((err: unknown) => this.log('warn', 'playing the far end failed', err));
      }
    };
    this.pc.onconnectionstatechange = () => this.log('info', `media ${this.pc.connectionState}`);
  }

  private get sender(): RTCRtpSender | undefined {
    return this.pc.getTransceivers()[0]?.sender;
  }

  /** The microphone's track, once opened. */
  get track(): MediaStreamTrack | undefined {
    return this.mic?.getAudioTracks()[0];
  }

  async localDescription(options: LocalDescriptionOptions): Promise<string> {
    const track = await this.openMic();
    const pc = this.pc;
    let transceiver = pc.getTransceivers()[0];
    if (!transceiver) transceiver = pc.addTransceiver(track, { direction: 'sendrecv', streams: this.mic ? [this.mic] : [] });
    else if (!transceiver.sender.track && !this.mixOutput) await transceiver.sender.replaceTrack(track);
    // The side that holds stops receiving; WebRTC intersects it with the far end's offer.
    transceiver.direction = options.hold ? 'sendonly' : 'sendrecv';
    await pc.setLocalDescription(pc.signalingState === 'have-remote-offer' ? await pc.createAnswer() : await pc.createOffer());
    await this.gathered();
    return filterCandidates(pc.localDescription?.sdp ?? '', this.env.candidateFilter);
  }

  async remoteDescription(sdp: string): Promise<void> {
    if (this.closed || !isUsableSdp(sdp)) throw new Error('The remote SDP has no usable audio stream');
    const type = this.pc.signalingState === 'have-local-offer' ? 'answer' : 'offer';
    await this.pc.setRemoteDescription({ type, sdp: filterCandidates(sdp, this.env.candidateFilter) });
  }

  async rollback(): Promise<void> {
    if (this.pc.signalingState === 'have-local-offer') await this.pc.setLocalDescription({ type: 'rollback' });
  }

  sendDtmf(digits: string, durationMs: number): boolean {
    const dtmf = this.sender?.dtmf;
    if (!dtmf?.canInsertDTMF) return false;
    dtmf.insertDTMF(dtmf.toneBuffer + digits, Math.min(6000, Math.max(40, durationMs)), 70);
    return true;
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
    if (this.track) this.track.enabled = !muted;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unmix();
    for (const t of this.mic?.getTracks() ?? []) t.stop();
    this.pc.close();
    this.audio.pause();
    this.audio.srcObject = null;
    this.closedSubject.next();
    this.closedSubject.complete();
    this.env.closed(this);
  }

  /** Switches a live call to another microphone (the choice has changed). */
  async setInput(): Promise<void> {
    if (!this.mic || this.closed) return;
    const old = this.mic;
    this.mic = undefined;
    const track = await this.openMic();
    this.connectMixMic();
    if (!this.mixOutput) await this.sender?.replaceTrack(track);
    for (const t of old.getTracks()) t.stop();
  }

  /** Plays the far end on another speaker (null: the system default), where the browser can. */
  async setOutput(deviceId: string | null): Promise<void> {
    const audio = this.audio as HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };
    await audio.setSinkId?.(deviceId ?? '').catch((e: unknown) => this.log('warn', 'choosing the speaker failed', e));
  }

  /** Sends `destination` (a conference mix) instead of the bare microphone. */
  mixInto(context: AudioContext, destination: MediaStreamAudioDestinationNode): void {
    this.mixOutput = { context, destination, mic: undefined };
    this.connectMixMic();
    void this.sender?.replaceTrack(destination.stream.getAudioTracks()[0] ?? null).catch((e: unknown) => this.log('warn', 'sending the conference mix failed', e));
  }

  /** Back to the bare microphone after a conference. */
  unmix(): void {
    if (!this.mixOutput) return;
    this.mixOutput.mic?.disconnect();
    this.mixOutput = undefined;
    if (!this.closed) void this.sender?.replaceTrack(this.track ?? null).catch((e: unknown) => this.log('warn', 'leaving the conference mix failed', e));
  }

  private connectMixMic(): void {
    const out = this.mixOutput;
    if (!out) return;
    out.mic?.disconnect();
    out.mic = this.mic ? out.context.createMediaStreamSource(this.mic) : undefined;
    out.mic?.connect(out.destination);
  }

  private async openMic(): Promise<MediaStreamTrack> {
    if (!this.mic) {
      const input = this.env.input();
      const open = (id: string | null) => navigator.mediaDevices.getUserMedia({ audio: id === null ? true : { deviceId: { exact: id } } });
      this.mic = await open(input).catch((e: unknown) => {
        if (input === null) throw e;
        this.log('warn', 'the chosen microphone cannot be opened; using the default one', e);
        return open(null);
      });
      this.env.opened();
    }
    const track = this.track;
    if (!track) throw new Error('No microphone track');
    track.enabled = !this.muted;
    return track;
  }

  /** Resolves when ICE gathering is complete, or after the configured bound. */
  private gathered(): Promise<void> {
    const pc = this.pc;
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        pc.removeEventListener('icegatheringstatechange', check);
        resolve();
      };
      const check = () => {
        if (pc.iceGatheringState === 'complete') finish();
      };
      const timer = setTimeout(finish, this.env.iceGatheringTimeoutMs);
      pc.addEventListener('icegatheringstatechange', check);
      check();
    });
  }

  private log(level: 'info' | 'warn', message: string, error?: unknown): void {
    this.env.logger.log(level, `webrtc: call '${this.callId}': ${message}`, error === undefined ? undefined : { error: errorText(error) });
  }
}
