import { createToken } from '@dialkit/core';
import type { Observable } from 'rxjs';

/** A caller waiting in an inbound queue. */
export interface QueuedCaller {
  /** Stable id of the waiting caller. */
  readonly id: string;
  /** The inbound campaign (queue) they called. */
  readonly campaignId: string;
  /** Their number. */
  readonly number: string;
  /** Their name, when the number belongs to a known customer. */
  readonly name?: string;
  /** When they started waiting (epoch ms). */
  readonly since: number;
}

/**
 * The inbound queues of the simulated dialer: who is waiting, longest-waiting first. Callers who
 * wait too long hang up. Bound under the {@link QueuePort} token in the sim's services.
 */
export interface QueuePort {
  /** Callers waiting now, longest-waiting first. */
  waiting(): Promise<readonly QueuedCaller[]>;
  /** The same, as it changes. */
  readonly waiting$: Observable<readonly QueuedCaller[]>;
}
/** Token for the {@link QueuePort}. */
export const QueuePort = createToken<QueuePort>('sim.queue');
