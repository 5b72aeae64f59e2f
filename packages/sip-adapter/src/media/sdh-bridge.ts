import type { Session, SessionDescriptionHandler, SessionDescriptionHandlerFactory, SessionDescriptionHandlerOptions } from 'sip.js';
import type { MediaEngine, MediaSession, MediaSessionContext } from './media-engine.js';

/** The options the adapter passes to sip.js for each (re-)INVITE. @internal */
export type HoldOptions = SessionDescriptionHandlerOptions & { readonly hold?: boolean };

/** Makes sip.js SessionDescriptionHandlers out of a Dialkit {@link MediaEngine}. @internal */
export interface SdhBridge {
  readonly factory: SessionDescriptionHandlerFactory;
  /** Tells the bridge which call a sip.js session belongs to (before its first description). */
  attach(session: Session, context: MediaSessionContext): void;
  /** The media of a session, once created. */
  media(session: Session): MediaSession | undefined;
}

/** @internal */
export function createSdhBridge(engine: MediaEngine, onRemoteError: (session: Session, error: unknown) => void): SdhBridge {
  const contexts = new WeakMap<Session, MediaSessionContext>();
  const medias = new WeakMap<Session, MediaSession>();
  let anonymous = 0;
  const factory: SessionDescriptionHandlerFactory = (session) => {
    const context = contexts.get(session) ?? { callId: `unattached-${++anonymous}`, direction: 'inbound' as const };
    const media = engine.createSession(context);
    medias.set(session, media);
    return new BridgeSdh(media, (e) => onRemoteError(session, e));
  };
  return {
    factory,
    attach: (session, context) => contexts.set(session, context),
    media: (session) => medias.get(session),
  };
}

class BridgeSdh implements SessionDescriptionHandler {
  private closed = false;
  constructor(
    private readonly media: MediaSession,
    private readonly onRemoteError: (error: unknown) => void,
  ) {}

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.media.close();
  }

  async getDescription(options?: HoldOptions): Promise<{ body: string; contentType: string }> {
    const body = await this.media.localDescription({ hold: options?.hold === true });
    return { body, contentType: 'application/sdp' };
  }

  hasDescription(contentType: string): boolean {
    return contentType === 'application/sdp';
  }

  rollbackDescription(): Promise<void> {
    return this.media.rollback();
  }

  setDescription(sdp: string): Promise<void> {
    return this.media.remoteDescription(sdp).catch((e: unknown) => {
      this.onRemoteError(e);
      throw e;
    });
  }

  sendDtmf(tones: string, options?: unknown): boolean {
    const duration = typeof options === 'object' && options !== null && typeof (options as { duration?: unknown }).duration === 'number' ? (options as { duration: number }).duration : 100;
    return this.media.sendDtmf(tones, duration);
  }
}
