import type { Observable } from 'rxjs';
import { createToken } from '../common/token.js';
import type { DialOptions } from '../console/core-commands.js';
import type { Call } from './call-state.js';

/**
 * The agent's calls and what can be done with them. Commands go through the command pipeline
 * and resolve when the backend confirms; a command on a call in the wrong state rejects with
 * `call.invalid-state` naming the call and its state.
 */
export interface CallService {
  /** Calls on the agent's lines; replays the latest. */
  readonly lines$: Observable<readonly Call[]>;
  /** Calls now. */
  readonly lines: readonly Call[];
  /** The call in focus: connected, else being dialled, else offered, else held, else in wrap-up; null when none. */
  readonly active$: Observable<Call | null>;
  /** The call in focus now. */
  readonly active: Call | null;
  /** Live duration of a call in ms, ticking every second on the scheduler while subscribed. */
  duration$(callId: string): Observable<number>;
  /** Places a call; the number must be digits (spaces, dashes, dots and brackets are dropped), optionally starting with +. */
  dial(number: string, options?: DialOptions): Promise<{ readonly callId: string }>;
  /** Answers an offered call. */
  answer(callId: string): Promise<void>;
  /** Declines an offered call. */
  reject(callId: string): Promise<void>;
  /** Ends a call (cancels it while dialing or ringing). */
  hangup(callId: string): Promise<void>;
  /** Holds a connected call. */
  hold(callId: string): Promise<void>;
  /** Resumes a call the agent held. */
  resume(callId: string): Promise<void>;
  /** Mutes or unmutes the microphone on a call. */
  mute(callId: string, muted: boolean): Promise<void>;
  /** Sends DTMF digits (0-9, *, #, A-D). */
  sendDtmf(callId: string, digits: string): Promise<void>;
  /** Transfers without consulting. */
  transferBlind(callId: string, destination: string): Promise<void>;
  /** Holds the customer and calls the destination (warm transfer); resolves with the consult call's id. */
  consult(callId: string, destination: string): Promise<{ readonly callId: string }>;
  /** Hands the customer to the consulted party. */
  completeTransfer(callId: string, consultCallId: string): Promise<void>;
  /** Merges calls into a three-way conference. */
  conference(callIds: readonly string[]): Promise<void>;
}
/** Token for the {@link CallService}. */
export const CallService = createToken<CallService>('core.call-service');

/** Normalises a typed phone number: drops spaces, dashes, dots and brackets; undefined when malformed. */
export function normalizeNumber(input: string): string | undefined {
  if (typeof input !== 'string') return undefined;
  const s = input.trim().replace(/[\s\-.()]/g, '');
  return /^\+?[0-9]{3,20}$/.test(s) ? s : undefined;
}
