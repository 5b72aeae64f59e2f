/**
 * The one catalogue of error codes Dialkit rejects with. Each code has a description (what went
 * wrong) and a remedy (what the agent or integrator can do about it).
 *
 * @remarks Plugins may use their own codes (`compliance.outside-calling-hours`); core's own are listed here.
 */
export const ErrorCatalogue = {
  'agent.not-logged-in': { description: 'The command needs a logged-in agent.', remedy: 'Log in first.' },
  'agent.already-logged-in': { description: 'An agent is already logged in on this console.', remedy: 'Log out before logging in again.' },
  'agent.invalid-credentials': { description: 'The backend refused the username or password.', remedy: 'Check the username and password; ask a supervisor to reset them.' },
  'agent.campaign-required': { description: 'Going Ready needs a joined campaign.', remedy: 'Join one of your assigned campaigns first.' },
  'agent.no-campaign-assigned': { description: 'No campaign is assigned to this agent.', remedy: 'Ask your supervisor to assign a campaign.' },
  'agent.campaign-not-assigned': { description: 'The campaign is not one of the agent\'s assigned campaigns.', remedy: 'Pick a campaign from the assigned list.' },
  'agent.invalid-state': { description: 'The agent\'s current status does not allow the command.', remedy: 'Wait until the status allows it (see the message), or finish the call or wrap-up first.' },
  'agent.unknown-pause-reason': { description: 'The pause reason is not one of the campaign\'s pause codes.', remedy: 'Pick a reason from the pause menu.' },
  'agent.calls-active': { description: 'The command cannot run while a call is live or awaits its disposition.', remedy: 'Hang up and submit the disposition first.' },
  'agent.logged-out-with-calls': { description: 'The backend logged the agent out while a call still awaited its disposition; the console no longer holds that call.', remedy: 'Log in again; the notes typed are kept; ask a supervisor to record the outcome if the dialer did not.' },
  'agent.presence-sync-failed': { description: 'The dialer refused the status (Ready or a pause) core sent after a call; it is sent again with backoff.', remedy: 'Nothing to do unless it persists; then check the connection, or press Play again.' },
  'campaign.load-failed': { description: 'The agent\'s assigned campaigns could not be loaded after login.', remedy: 'Check the connection; log out and in again to retry.' },
  'call.not-found': { description: 'No call with that id is on any line.', remedy: 'The call may already have ended; refresh the call list.' },
  'call.invalid-state': { description: 'The call\'s state does not allow the command.', remedy: 'Wait until the call is in a state that allows it (see the message).' },
  'call.invalid-number': { description: 'The phone number is empty or malformed.', remedy: 'Enter a number with digits only, optionally starting with +.' },
  'call.line-busy': { description: 'Every line is busy, or a live call is not on hold.', remedy: 'Hold or end the current call before using another line.' },
  'call.manual-dial-not-allowed': { description: 'The campaign does not allow manual dialling.', remedy: 'Use a campaign that allows manual calls.' },
  'call.unsupported': { description: 'The backend does not support this call feature.', remedy: 'Check the backend\'s capabilities; the console hides what is unsupported.' },
  'disposition.invalid': { description: 'The disposition is incomplete or invalid.', remedy: 'Fill in every field the message names.' },
  'disposition.unknown-code': { description: 'The disposition code is not defined for the call\'s campaign.', remedy: 'Pick one of the campaign\'s outcomes.' },
  'disposition.callback-in-past': { description: 'A callback must be scheduled in the future.', remedy: 'Pick a later date and time.' },
  'disposition.not-awaiting': { description: 'The call does not await a disposition.', remedy: 'Only ended calls in wrap-up take a disposition.' },
  'disposition.send-failed': { description: 'The backend did not acknowledge a disposition; it stays in the outbox and is retried.', remedy: 'Nothing is lost; check the connection.' },
  'command.unknown': { description: 'No handler is registered for the command.', remedy: 'Load the plugin or backend that provides it.' },
  'command.timeout': { description: 'The backend did not confirm the command in time.', remedy: 'Check the connection status; try again.' },
  'command.vetoed': { description: 'A plugin hook refused the command.', remedy: 'See the message for the plugin\'s reason.' },
  'command.failed': { description: 'The command failed with an unexpected error.', remedy: 'See the cause; report it if it persists.' },
  'backend.unavailable': { description: 'The backend is not connected.', remedy: 'Wait for the connection to come back; the status bar shows it.' },
  'backend.port-missing': { description: 'No backend provides a port the console needs.', remedy: 'Compose a backend that provides it (e.g. composeBackends(sip, sim)).' },
  'backend.rejected': { description: 'The backend refused the request.', remedy: 'See the message for the backend\'s reason.' },
  'plugin.activation-failed': { description: 'A plugin threw while activating; it was isolated.', remedy: 'See the cause; the rest of the console goes on.' },
  'plugin.dependency-missing': { description: 'A plugin requires a token nothing provides.', remedy: 'Load the plugin or backend that provides it.' },
  'plugin.duplicate': { description: 'Two plugins share one id.', remedy: 'Give each plugin a unique id.' },
  'plugin.cycle': { description: 'Plugins require each other in a cycle.', remedy: 'Break the cycle between the named plugins.' },
  'storage.failed': { description: 'Persistent storage failed.', remedy: 'Check browser storage quota and private-mode settings.' },
  'input.invalid': { description: 'An argument is malformed.', remedy: 'See the message for which argument and why.' },
} as const satisfies Record<string, { readonly description: string; readonly remedy: string }>;

/** A code from core's {@link ErrorCatalogue}. */
export type CoreErrorCode = keyof typeof ErrorCatalogue;

/**
 * An error code: one of core's, or a plugin's own in the form `<namespace>.<name>`.
 */
export type ErrorCode = CoreErrorCode | (string & {});

/**
 * The one error type every rejected Dialkit command uses.
 *
 * @remarks The message quotes the ids and states involved, e.g. `Call 'c-1' cannot be held while 'ringing'`.
 * Use {@link isDialkitError} to narrow an unknown error.
 */
export class DialkitError extends Error {
  /** Machine-readable code from the {@link ErrorCatalogue} (or a plugin's namespace). */
  readonly code: ErrorCode;
  /** Structured details (e.g. the missing fields of a disposition). */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  /**
   * @param code - the error code.
   * @param message - a sentence naming what was wrong.
   * @param options - the underlying cause and structured details.
   */
  constructor(code: ErrorCode, message: string, options: { cause?: unknown; details?: Readonly<Record<string, unknown>> } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DialkitError';
    this.code = code;
    this.details = options.details;
  }
}

/** True when `e` is a {@link DialkitError}, optionally with the given code. */
export function isDialkitError(e: unknown, code?: ErrorCode): e is DialkitError {
  return e instanceof DialkitError && (code === undefined || e.code === code);
}

/** Turns anything thrown into a {@link DialkitError}, keeping an existing one as it is. */
export function toDialkitError(e: unknown, code: ErrorCode = 'command.failed', context?: string): DialkitError {
  if (e instanceof DialkitError) return e;
  const text = e instanceof Error ? e.message : String(e);
  return new DialkitError(code, context === undefined ? text : `${context}: ${text}`, { cause: e });
}

/** The description and remedy of a catalogued code, or undefined for a plugin's own code. */
export function describeError(code: ErrorCode): { readonly description: string; readonly remedy: string } | undefined {
  return (ErrorCatalogue as Record<string, { readonly description: string; readonly remedy: string }>)[code];
}
