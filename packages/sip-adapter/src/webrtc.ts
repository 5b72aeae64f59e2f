/**
 * `@dialkit/sip-adapter/webrtc`: the browser's media engine for the SIP adapter — WebRTC calls,
 * device selection, ringtone, call quality and local conferences. A subpath of its own, so Node
 * agents and the adapter's core stay small.
 *
 * @packageDocumentation
 */
export { webRtcMediaEngine, type IceServer, type WebRtcMediaEngine, type WebRtcMediaEngineOptions } from './media/webrtc-engine.js';
export type { DeviceChoiceStore } from './media/devices.js';
