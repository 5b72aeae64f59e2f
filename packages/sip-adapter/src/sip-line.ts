import type { Subscription } from 'rxjs';
import type { BackendEvent } from '@dialkit/core';
import type { Session } from 'sip.js';
import { initialLine, mapSipSignal, type LineState, type SipSignal } from './session-state-map.js';

/** One call on one line: a sip.js session and its state per the mapping table. @internal */
export class SipLine {
  private current: LineState;
  private queue: Promise<unknown> = Promise.resolve();
  /** Timers (no-answer, auto-answer) to stop when the line ends. */
  readonly timers: Subscription[] = [];
  /** Stops the conference mix this line is in. */
  unmix: (() => void) | undefined;

  constructor(
    readonly id: string,
    readonly direction: 'inbound' | 'outbound',
    readonly session: Session,
    /** SIP Call-ID and From tag: a second INVITE with the same pair is a duplicate. */
    readonly dialogKey: string,
    private readonly emit: (event: BackendEvent) => void,
    private readonly onEnded: (line: SipLine) => void,
    readonly consultFor?: string,
  ) {
    this.current = initialLine(direction);
  }

  /** The line's state now. */
  get state(): LineState {
    return this.current;
  }

  /** Applies one signal through the mapping table and emits the core events it leads to. */
  signal(signal: SipSignal): void {
    const { state, changes } = mapSipSignal(this.current, signal);
    const wasEnded = this.current.status === 'ended';
    this.current = state;
    for (const c of changes) this.emit({ ...c, callId: this.id });
    if (!wasEnded && state.status === 'ended') {
      for (const t of this.timers) t.unsubscribe();
      this.unmix?.();
      this.onEnded(this);
    }
  }

  /** Runs in-dialog requests one after another (sip.js allows one re-INVITE at a time). */
  serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
