import { answerDirection, isUsableSdp, sdpDirection, type SdpDirection } from '../sdp.js';
import type { MediaEngine, MediaSession, MediaSessionContext } from './media-engine.js';

/** Options of {@link noMediaEngine}. */
export interface NoMediaEngineOptions {
  /** Address written in the SDP (default `127.0.0.1`). No socket is opened on it. */
  readonly address?: string;
  /** First RTP port written in the SDP (default 40 000; each call takes the next even port). */
  readonly firstPort?: number;
  /** Called with every DTMF string the adapter sends in the media (RFC 4733 mode). */
  readonly onDtmf?: (callId: string, digits: string) => void;
}

/**
 * A media engine with no media: it offers and answers a plain audio SDP (PCMU, PCMA,
 * telephone-event) and never opens a socket. For Node: tests against SIPp, and headless agents
 * that load-test a dialer.
 *
 * @example
 * ```ts
 * const backend = sipBackend({ server: 'ws://127.0.0.1:8188', user: 'agent1', password, media: noMediaEngine() });
 * ```
 */
export function noMediaEngine(options: NoMediaEngineOptions = {}): MediaEngine {
  const address = options.address ?? '127.0.0.1';
  let port = options.firstPort ?? 40_000;
  return {
    kind: 'no-media',
    createSession(context: MediaSessionContext): MediaSession {
      port = port >= 65_000 ? (options.firstPort ?? 40_000) : port + 2;
      return new NoMediaSession(context.callId, address, port, options.onDtmf);
    },
    mix: () => () => undefined,
  };
}

class NoMediaSession implements MediaSession {
  private version = 0;
  private readonly sessionId = Math.floor(Math.random() * 1e9);
  private pendingOffer: SdpDirection | undefined;
  /** True between our offer and the far end's answer. */
  private awaitingAnswer = false;

  constructor(
    private readonly callId: string,
    private readonly address: string,
    private readonly port: number,
    private readonly onDtmf: ((callId: string, digits: string) => void) | undefined,
  ) {}

  localDescription(options: { readonly hold: boolean }): Promise<string> {
    const offer = this.pendingOffer;
    this.pendingOffer = undefined;
    this.awaitingAnswer = offer === undefined;
    const direction: SdpDirection = offer === undefined ? (options.hold ? 'sendonly' : 'sendrecv') : answerDirection(offer, options.hold);
    this.version += 1;
    return Promise.resolve(
      `v=0\r\no=- ${this.sessionId} ${this.version} IN IP4 ${this.address}\r\ns=dialkit\r\nc=IN IP4 ${this.address}\r\nt=0 0\r\n` +
        `m=audio ${this.port} RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n` +
        `a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\na=${direction}\r\n`,
    );
  }

  remoteDescription(sdp: string): Promise<void> {
    if (!isUsableSdp(sdp)) return Promise.reject(new Error('The remote SDP has no usable audio stream'));
    // An answer to our offer needs nothing more; an offer waits for our answer.
    this.pendingOffer = this.awaitingAnswer ? undefined : sdpDirection(sdp);
    this.awaitingAnswer = false;
    return Promise.resolve();
  }

  rollback(): Promise<void> {
    this.awaitingAnswer = false;
    this.pendingOffer = undefined;
    return Promise.resolve();
  }

  sendDtmf(digits: string): boolean {
    this.onDtmf?.(this.callId, digits);
    return true;
  }

  setMuted(): void {
    /* no microphone */
  }

  close(): void {
    this.pendingOffer = undefined;
  }
}
