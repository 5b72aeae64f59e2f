import type { SchedulerLike } from 'rxjs';
import type { Capability, BackendPorts } from '../backend/backend.js';
import type { Clock } from '../common/clock.js';
import { DialkitError } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import type { CommandService } from '../command/command-service.js';
import type { NotificationInput } from '../notification/notification.js';
import type { CoreState } from '../state/core-state.js';
import type { CoreStore } from '../state/core-store.js';
import { waitForState } from '../state/wait-for-state.js';

/**
 * What core's service implementations share: the store, the command pipeline, the backend's
 * ports, time. Internal to core's composition; integrators reach services through `Dialkit`.
 *
 * @internal
 */
export class CoreContext {
  /**
   * @param store - the state store.
   * @param commands - the command pipeline.
   * @param ports - the composed backend ports.
   * @param capabilities - what the backend can do.
   * @param scheduler - timers.
   * @param clock - time.
   * @param logger - diagnostics.
   * @param notify - raises a notification.
   * @param confirmTimeoutMs - how long to wait for a confirming event.
   */
  constructor(
    readonly store: CoreStore,
    readonly commands: CommandService,
    readonly ports: BackendPorts,
    readonly capabilities: ReadonlySet<Capability>,
    readonly scheduler: SchedulerLike,
    readonly clock: Clock,
    readonly logger: Logger,
    readonly notify: (n: NotificationInput) => void,
    readonly confirmTimeoutMs: number,
  ) {}

  /** A port, or a `backend.port-missing` error naming it. */
  port<K extends keyof BackendPorts>(name: K): NonNullable<BackendPorts[K]> {
    const p = this.ports[name];
    if (!p) throw new DialkitError('backend.port-missing', `No backend provides the '${name}' port`);
    return p;
  }

  /** Rejects with `call.unsupported` unless the backend declares the capability. */
  requireCapability(cap: Capability, what: string): void {
    if (!this.capabilities.has(cap)) throw new DialkitError('call.unsupported', `The backend cannot ${what} (no '${cap}' capability)`);
  }

  /** Waits for the confirming state (see {@link waitForState}). */
  until<T>(predicate: (s: CoreState) => T | undefined | false, what: string): Promise<T> {
    return waitForState(this.store, predicate, { scheduler: this.scheduler, timeoutMs: this.confirmTimeoutMs, what });
  }

  /** Stamps and dispatches a core-local event. */
  emitLocal(event: Parameters<CoreStore['dispatch']>[0]): void {
    this.store.dispatch(event);
  }
}
