import { DialkitError } from '@dialkit/core';

/** The SIP adapter's own error codes (namespace `sip.`). */
export type SipErrorCode =
  | 'sip.auth-failed' | 'sip.unreachable' | 'sip.register-failed' | 'sip.not-registered' | 'sip.bad-sdp'
  | 'sip.request-failed' | 'sip.transfer-failed' | 'sip.invalid-destination';

/** One entry of the {@link SipErrorCatalogue}. */
export interface SipErrorEntry {
  /** What went wrong. */
  readonly description: string;
  /** What the agent or integrator can do about it. */
  readonly remedy: string;
}

/**
 * The SIP adapter's error codes, each with a description and a remedy, in the shape of core's
 * `ErrorCatalogue`.
 */
export const SipErrorCatalogue: Readonly<Record<SipErrorCode, SipErrorEntry>> = {
  'sip.auth-failed': { description: 'The SIP server refused the username or password (401/403/407).', remedy: 'Check the SIP username and password of the agent\'s extension.' },
  'sip.unreachable': { description: 'The SIP server could not be reached over WebSocket.', remedy: 'Check the server address and that the PBX accepts WebSocket connections; the adapter keeps retrying.' },
  'sip.register-failed': { description: 'The SIP server refused the registration for another reason.', remedy: 'See the message for the status code; check the extension\'s configuration on the PBX.' },
  'sip.not-registered': { description: 'The command needs a registered SIP user agent.', remedy: 'Wait until the connection status is connected.' },
  'sip.bad-sdp': { description: 'The far end sent a media description (SDP) that cannot be used.', remedy: 'Nothing to do on the console; report it to the PBX administrator if it repeats.' },
  'sip.request-failed': { description: 'The far end or the proxy refused an in-call request (re-INVITE, REFER, INFO).', remedy: 'See the message for the status code; try again.' },
  'sip.transfer-failed': { description: 'The transfer did not complete: the far end refused the REFER or the target did not answer.', remedy: 'The call stays with the agent; try another destination.' },
  'sip.invalid-destination': { description: 'A destination is not a number or a SIP user the adapter can address.', remedy: 'Use digits, a SIP user name or a full sip: URI.' },
};

/** Creates a {@link DialkitError} with one of the adapter's codes. @internal */
export function sipError(code: SipErrorCode, message: string, cause?: unknown): DialkitError {
  return new DialkitError(code, message, cause === undefined ? {} : { cause });
}
