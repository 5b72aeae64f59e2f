import type { NewCallInfo } from '../event/dialkit-event.js';
import { CALL_TRANSITIONS, type Call, type CallStatus } from './call-state.js';

/**
 * The one validated transition function for a call's state.
 *
 * @returns the call in its new state, the same call when nothing changes, or `undefined` when
 * the move is illegal (the event is ignored and reported, never applied).
 */
export function transitionCall(call: Call, to: CallStatus, at: number): Call | undefined {
  const from = call.status;
  if (from.kind === to.kind && (to.kind !== 'held' || (from.kind === 'held' && from.by === to.by))) return call;
  if (!CALL_TRANSITIONS[from.kind].includes(to.kind)) return undefined;
  switch (to.kind) {
    case 'connected':
      return {
        ...call,
        status: to,
        connectedAt: call.connectedAt ?? at,
        needsDisposition: call.role === 'primary',
      };
    case 'ended':
      return { ...call, status: to, endedAt: at, muted: false };
    default:
      return { ...call, status: to };
  }
}

/** Creates a call from a `call.dialing` or `call.offered` event on the lowest free line. */
export function createCall(info: NewCallInfo, kind: 'dialing' | 'offered', lines: readonly Call[], at: number): Call {
  let line = 1;
  while (lines.some((c) => c.line === line)) line++;
  const role = info.consultFor === undefined ? 'primary' : 'consult';
  return {
    id: info.callId,
    line,
    status: { kind },
    direction: info.direction,
    origin: info.origin,
    role,
    consultFor: info.consultFor,
    conferenceId: undefined,
    remoteNumber: info.remoteNumber,
    remoteName: info.remoteName,
    lead: info.lead,
    leadId: info.lead?.id ?? info.leadId,
    campaignId: info.campaignId,
    muted: false,
    recording: false,
    needsDisposition: kind === 'dialing' && role === 'primary',
    createdAt: at,
    connectedAt: undefined,
    endedAt: undefined,
  };
}
