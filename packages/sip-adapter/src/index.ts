/**
 * `@dialkit/sip-adapter`: Dialkit's call control over SIP-over-WebSocket (sip.js 0.21), with the
 * media behind Dialkit's own {@link MediaEngine} interface: no media in Node (`noMediaEngine`), WebRTC in
 * the browser from the `@dialkit/sip-adapter/webrtc` entry (`webRtcMediaEngine`).
 *
 * @packageDocumentation
 */
export { SIP_CAPABILITIES, createSipBackend, sipBackend, type SipBackend, type SipControl } from './sip-backend.js';
export type { SipRegistrationStatus } from './sip-connection.js';
export type { DtmfMode, ReconnectOptions, SipBackendOptions } from './sip-options.js';
export { SipErrorCatalogue, type SipErrorCode, type SipErrorEntry } from './sip-errors.js';
export { sanitizeHeaderText, type AutoAnswerOptions, type SipHeaderMapping } from './call-headers.js';
export type { LocalDescriptionOptions, MediaEngine, MediaSession, MediaSessionContext } from './media/media-engine.js';
export { noMediaEngine, type NoMediaEngineOptions } from './media/no-media-engine.js';

