import { DialkitError } from '@dialkit/core';
import type { AutoAnswerOptions, SipHeaderMapping } from './call-headers.js';
import type { MediaEngine } from './media/media-engine.js';

/** How the adapter sends DTMF: in the media (RFC 4733 telephone-events) or as SIP INFO. */
export type DtmfMode = 'rfc4733' | 'info';

/** Reconnection after the WebSocket to the server is lost: exponential backoff. */
export interface ReconnectOptions {
  /** First delay, in ms (default 250). */
  readonly initialDelayMs?: number;
  /** Longest delay, in ms (default 10 000). */
  readonly maxDelayMs?: number;
  /** Each delay is the previous one times this (default 2). */
  readonly factor?: number;
}

/** Options of {@link sipBackend}. The password is used for digest auth only and is never logged. */
export interface SipBackendOptions {
  /** The server's SIP-over-WebSocket address, `wss://pbx.example/ws` (or `ws://` on loopback). */
  readonly server: string;
  /** The agent's SIP user (the extension). */
  readonly user: string;
  /** Digest password of the extension. */
  readonly password?: string;
  /** SIP domain (default: the server's host). */
  readonly domain?: string;
  /** Digest username when it differs from `user`. */
  readonly authorizationUser?: string;
  /** Display name in From headers. */
  readonly displayName?: string;
  /** The media engine: `webRtcMediaEngine()` (from `@dialkit/sip-adapter/webrtc`) in a browser, `noMediaEngine()` in Node. */
  readonly media: MediaEngine;
  /** DTMF transport (default `rfc4733`). */
  readonly dtmf?: DtmfMode;
  /** Which INVITE headers carry the lead, the campaign and the origin. */
  readonly headers?: SipHeaderMapping;
  /** Auto-answer of calls a dialer delivers. */
  readonly autoAnswer?: AutoAnswerOptions;
  /** An outbound call not answered within this many ms is cancelled (`noAnswer`); an offered call not answered is refused with 480. Default 30 000. */
  readonly noAnswerTimeoutMs?: number;
  /** Registration lifetime asked for, in seconds (default 300; sip.js refreshes it). */
  readonly registerExpiresS?: number;
  /** WebSocket keep-alive (CRLF) interval in seconds; 0 turns it off (default 15). */
  readonly keepAliveIntervalS?: number;
  /** How long a connection attempt may take, in seconds (default 5). */
  readonly connectTimeoutS?: number;
  /** Reconnection backoff. */
  readonly reconnect?: ReconnectOptions;
  /** After a reconnection, refresh each live call with a re-INVITE so the far end can reach the new connection (default true). */
  readonly refreshCallsOnReconnect?: boolean;
  /** How long a transfer may wait for the far end's final NOTIFY after it accepted the REFER, in ms (default 10 000); without one the transfer fails (`sip.transfer-failed`) and the call stays. */
  readonly transferTimeoutMs?: number;
}

/** Options with defaults applied. @internal */
export interface ResolvedSipOptions extends SipBackendOptions {
  readonly domain: string;
  readonly dtmf: DtmfMode;
  readonly headers: SipHeaderMapping;
  readonly autoAnswer: AutoAnswerOptions;
  readonly noAnswerTimeoutMs: number;
  readonly registerExpiresS: number;
  readonly keepAliveIntervalS: number;
  readonly connectTimeoutS: number;
  readonly reconnect: Required<ReconnectOptions>;
  readonly refreshCallsOnReconnect: boolean;
  readonly transferTimeoutMs: number;
}

const USER = /^[A-Za-z0-9._~+-]{1,64}$/;

/** Validates options and fills in defaults; throws `input.invalid` on a programmer error. @internal */
export function resolveSipOptions(o: SipBackendOptions): ResolvedSipOptions {
  let host: string;
  try {
    const url = new URL(o.server);
    if (url.protocol !== 'ws:' && url.protocol !== 'wss:') throw new Error('not a WebSocket URL');
    host = url.hostname;
  } catch {
    throw new DialkitError('input.invalid', `SIP server '${String(o.server).slice(0, 80)}' must be a ws:// or wss:// URL`);
  }
  if (typeof o.user !== 'string' || !USER.test(o.user)) throw new DialkitError('input.invalid', `SIP user '${String(o.user).slice(0, 40)}' must be 1 to 64 letters, digits or ._~+-`);
  if (o.dtmf !== undefined && o.dtmf !== 'rfc4733' && o.dtmf !== 'info') throw new DialkitError('input.invalid', `DTMF mode '${String(o.dtmf)}' must be 'rfc4733' or 'info'`);
  const positive = (name: string, v: number | undefined, fallback: number, min = 0): number => {
    if (v === undefined) return fallback;
    if (!Number.isFinite(v) || v < min) throw new DialkitError('input.invalid', `SIP option '${name}' must be a number ≥ ${min}, not '${String(v)}'`);
    return v;
  };
  return {
    ...o,
    domain: o.domain ?? host,
    dtmf: o.dtmf ?? 'rfc4733',
    headers: o.headers ?? {},
    autoAnswer: o.autoAnswer ?? {},
    noAnswerTimeoutMs: positive('noAnswerTimeoutMs', o.noAnswerTimeoutMs, 30_000, 1),
    registerExpiresS: positive('registerExpiresS', o.registerExpiresS, 300, 10),
    keepAliveIntervalS: positive('keepAliveIntervalS', o.keepAliveIntervalS, 15),
    connectTimeoutS: positive('connectTimeoutS', o.connectTimeoutS, 5, 1),
    reconnect: {
      initialDelayMs: positive('reconnect.initialDelayMs', o.reconnect?.initialDelayMs, 250, 1),
      maxDelayMs: positive('reconnect.maxDelayMs', o.reconnect?.maxDelayMs, 10_000, 1),
      factor: positive('reconnect.factor', o.reconnect?.factor, 2, 1),
    },
    refreshCallsOnReconnect: o.refreshCallsOnReconnect ?? true,
    transferTimeoutMs: positive('transferTimeoutMs', o.transferTimeoutMs, 10_000, 1),
  };
}
