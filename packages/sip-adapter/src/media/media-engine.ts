import type { Token } from '@dialkit/core';

/**
 * Dialkit's media interface: the SIP adapter does signalling only and asks a media engine for
 * session descriptions. No sip.js type crosses it, so an engine can be written (and tested)
 * without sip.js.
 *
 * @remarks
 * Offer/answer, as the adapter drives it:
 * ```
 *  we offer:    localDescription() ──► (far end) ──► remoteDescription(answer)
 *  they offer:  remoteDescription(offer) ──► localDescription()  (our answer)
 *  re-INVITE:   the same, with `hold` telling whether the agent holds the call
 * ```
 */
export interface MediaEngine {
  /** A short name for diagnostics (`no-media`, `webrtc`). */
  readonly kind: string;
  /** Creates the media of one call; called when the call's first description is needed. */
  createSession(context: MediaSessionContext): MediaSession;
  /**
   * Mixes several calls' audio into a conference where the server offers none. Returns a function
   * that stops mixing. Engines without media may do nothing.
   */
  mix(sessions: readonly MediaSession[]): () => void;
  /**
   * Optional: an inbound call is offered to the agent (`true`), or no longer is — answered,
   * refused or ended (`false`). A browser engine plays a ringtone while any call rings. The
   * adapter calls it before the call has media; an id may be reported `false` more than once.
   */
  ringing?(callId: string, ringing: boolean): void;
  /**
   * Optional: the call has ended, whether or not it ever had media (a refused offer has none).
   * Engines complete what they stream about the call.
   */
  ended?(callId: string): void;
  /**
   * Optional services the engine provides to the console (e.g. `CallQualityPort`,
   * `AudioDevicesPort`), bound under their tokens with the backend's services.
   */
  readonly services?: ReadonlyArray<readonly [Token<unknown>, unknown]>;
}

/** What an engine knows about the call it creates media for. */
export interface MediaSessionContext {
  /** The call's id, as core sees it. */
  readonly callId: string;
  /** Who placed the call. */
  readonly direction: 'inbound' | 'outbound';
}

/** Options for our next description. */
export interface LocalDescriptionOptions {
  /** The agent holds the call: offer or answer without receiving (`a=sendonly` or `inactive`). */
  readonly hold: boolean;
}

/** The media of one call. */
export interface MediaSession {
  /**
   * Our SDP: the answer to a pending remote offer, otherwise a new offer. Rejects when no
   * description can be made (e.g. no microphone).
   */
  localDescription(options: LocalDescriptionOptions): Promise<string>;
  /** Applies the far end's SDP (an offer or the answer to ours); rejects when it is unusable. */
  remoteDescription(sdp: string): Promise<void>;
  /** Forgets a pending offer of ours after the far end refused it. */
  rollback(): Promise<void>;
  /** Sends DTMF in the media (RFC 4733); false when it cannot. */
  sendDtmf(digits: string, durationMs: number): boolean;
  /** Mutes or unmutes the agent's microphone on this call. */
  setMuted(muted: boolean): void;
  /** Releases the media; the call has ended. */
  close(): void;
}
