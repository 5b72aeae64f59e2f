import { SessionState } from 'sip.js';
import type { EndCause } from '@dialkit/core';

/**
 * The sip.js → core mapping, in one place: how sip.js session states, SIP responses and the
 * adapter's own actions move one line, and which core `call.*` event each move emits.
 *
 * @remarks
 * ```
 *  sip.js Initial/Establishing ──► dialing (outbound) | offered (inbound)
 *  18x provisional (outbound)  ──► ringing             call.ringing
 *  Established                 ──► connected           call.connected
 *  hold re-INVITE (either way) ──► held by local|remote call.held / call.resumed
 *  Terminated                  ──► ended(cause)        call.ended   (cause: the first end signal,
 *                                                                   else a default per status)
 * ```
 * Signals after `ended` are ignored: a line ends once.
 * @internal
 */
export type LineStatus = 'dialing' | 'ringing' | 'offered' | 'connected' | 'ended';

/** One line's state as the adapter tracks it. @internal */
export interface LineState {
  readonly status: LineStatus;
  /** The agent holds the call. */
  readonly localHold: boolean;
  /** The far end holds the call. */
  readonly remoteHold: boolean;
  /** The end cause decided by the first end signal, applied when sip.js reaches Terminated. */
  readonly endCause: EndCause | undefined;
}

/** What happened on the wire or in the adapter. @internal */
export type SipSignal =
  | { readonly kind: 'session-state'; readonly state: SessionState }
  | { readonly kind: 'provisional'; readonly statusCode: number }
  | { readonly kind: 'final-failure'; readonly statusCode: number }
  | { readonly kind: 'local-end'; readonly reason: 'hangup' | 'cancel' | 'reject' | 'no-answer' | 'transferred' | 'failed' }
  | { readonly kind: 'remote-end'; readonly reason: 'bye' | 'cancel' }
  | { readonly kind: 'hold'; readonly by: 'local' | 'remote'; readonly held: boolean };

/** A core call event a signal leads to (without `callId`). @internal */
export type LineChange =
  | { readonly type: 'call.ringing' }
  | { readonly type: 'call.connected' }
  | { readonly type: 'call.held'; readonly by: 'local' | 'remote' }
  | { readonly type: 'call.resumed' }
  | { readonly type: 'call.ended'; readonly cause: EndCause };

/** Final SIP status codes of a failed INVITE → end cause; anything else is `failed`. @internal */
export const STATUS_CODE_CAUSES: Readonly<Record<number, EndCause>> = {
  408: 'noAnswer',
  480: 'noAnswer',
  486: 'busy',
  600: 'busy',
  487: 'cancelled',
  403: 'rejected',
  603: 'rejected',
  607: 'rejected',
};

/** The end cause of a final failure response. @internal */
export function causeForStatusCode(statusCode: number): EndCause {
  return STATUS_CODE_CAUSES[statusCode] ?? 'failed';
}

/** The cause when sip.js terminates a line and no signal said why. @internal */
const DEFAULT_END: Readonly<Record<LineStatus, EndCause>> = {
  dialing: 'failed',
  ringing: 'failed',
  offered: 'cancelled',
  connected: 'remoteHangup',
  ended: 'failed',
};

const LOCAL_END: Readonly<Record<Extract<SipSignal, { kind: 'local-end' }>['reason'], EndCause>> = {
  hangup: 'agentHangup',
  cancel: 'cancelled',
  reject: 'rejected',
  'no-answer': 'noAnswer',
  transferred: 'transferred',
  failed: 'failed',
};

/** The initial state of a new line. @internal */
export function initialLine(direction: 'inbound' | 'outbound'): LineState {
  return { status: direction === 'inbound' ? 'offered' : 'dialing', localHold: false, remoteHold: false, endCause: undefined };
}

function heldBy(s: LineState): 'local' | 'remote' | undefined {
  return s.localHold ? 'local' : s.remoteHold ? 'remote' : undefined;
}

/**
 * Moves a line on one signal: the next state and the core events to emit, in order. Pure.
 * @internal
 */
export function mapSipSignal(state: LineState, signal: SipSignal): { readonly state: LineState; readonly changes: readonly LineChange[] } {
  const none = { state, changes: [] as const };
  if (state.status === 'ended') return none;
  switch (signal.kind) {
    case 'session-state':
      if (signal.state === SessionState.Established) {
        return state.status === 'connected' ? none : { state: { ...state, status: 'connected' }, changes: [{ type: 'call.connected' }] };
      }
      if (signal.state === SessionState.Terminated) {
        const cause = state.endCause ?? DEFAULT_END[state.status];
        return { state: { ...state, status: 'ended', endCause: cause }, changes: [{ type: 'call.ended', cause }] };
      }
      return none; // Initial, Establishing, Terminating: no core change
    case 'provisional':
      if (state.status === 'dialing' && signal.statusCode >= 180 && signal.statusCode < 200) {
        return { state: { ...state, status: 'ringing' }, changes: [{ type: 'call.ringing' }] };
      }
      return none;
    case 'final-failure':
      return state.endCause !== undefined ? none : { state: { ...state, endCause: causeForStatusCode(signal.statusCode) }, changes: [] };
    case 'local-end': {
      if (state.endCause !== undefined) return none;
      // Hanging up a call that never connected is a cancel (outbound) or a rejection (inbound).
      let cause = LOCAL_END[signal.reason];
      if (signal.reason === 'hangup' && (state.status === 'dialing' || state.status === 'ringing')) cause = 'cancelled';
      if (signal.reason === 'hangup' && state.status === 'offered') cause = 'rejected';
      return { state: { ...state, endCause: cause }, changes: [] };
    }
    case 'remote-end':
      return state.endCause !== undefined ? none : { state: { ...state, endCause: signal.reason === 'bye' ? 'remoteHangup' : 'cancelled' }, changes: [] };
    case 'hold': {
      const next = signal.by === 'local' ? { ...state, localHold: signal.held } : { ...state, remoteHold: signal.held };
      if (state.status !== 'connected') return { state: next, changes: [] };
      const before = heldBy(state);
      const after = heldBy(next);
      if (before === after) return { state: next, changes: [] };
      return { state: next, changes: [after === undefined ? { type: 'call.resumed' } : { type: 'call.held', by: after }] };
    }
  }
}
