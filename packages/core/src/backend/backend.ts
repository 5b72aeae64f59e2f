import type { Observable, SchedulerLike } from 'rxjs';
import type { Clock } from '../common/clock.js';
import type { Logger } from '../common/logger.js';
import type { Token } from '../common/token.js';
import type { BackendEvent } from '../event/dialkit-event.js';
import type { AgentPresencePort, CallControlPort, CampaignsPort, DispositionsPort, LeadsPort } from './ports.js';

/** What a backend can truly do; a console hides the rest. */
export type Capability =
  | 'hold' | 'mute' | 'dtmf' | 'blindTransfer' | 'warmTransfer' | 'conference' | 'multiLine'
  | 'autoAnswer' | 'recording' | 'voicemailDrop' | 'manualDial';

/** The workflow ports a backend may implement. */
export interface BackendPorts {
  /** Call control. */
  readonly callControl?: CallControlPort;
  /** Agent presence. */
  readonly presence?: AgentPresencePort;
  /** Campaigns. */
  readonly campaigns?: CampaignsPort;
  /** Leads. */
  readonly leads?: LeadsPort;
  /** Dispositions. */
  readonly dispositions?: DispositionsPort;
}

/**
 * The agent's session as core restored it from storage when the console started (after a reload,
 * or when another tab handed the console over).
 */
export interface RestoredSession {
  /** The agent's id. */
  readonly agentId: string;
  /** The agent's name. */
  readonly name: string;
  /** The campaign they had joined, or null. */
  readonly campaignId: string | null;
  /** Ready or paused (any other status, such as on a call, counts as paused here). */
  readonly presence: 'ready' | 'paused';
  /** Calls that were live (dialing, ringing, offered, connected, held) when the page went away. */
  readonly liveCallIds: readonly string[];
}

/** What core hands a backend when it starts. */
export interface BackendContext {
  /** The console's clock. */
  readonly clock: Clock;
  /** The console's scheduler. */
  readonly scheduler: SchedulerLike;
  /** The console's logger. */
  readonly logger: Logger;
  /**
   * The session core restored, if any. A backend whose sessions live on a server checks it (and
   * emits `agent.logged-out` when the server has none); an in-process backend, such as the
   * simulated dialer, adopts it. Live calls of a page that went away are the backend's to end or
   * to report again.
   */
  readonly restored?: RestoredSession;
}

/** A started backend. */
export interface BackendInstance {
  /** Everything the backend reports; core stamps each event with the clock. Never errors. */
  readonly events$: Observable<BackendEvent>;
  /** The ports it implements. */
  readonly ports: BackendPorts;
  /** Extra services for plugins (e.g. a `Directory`), bound under their tokens. */
  readonly services?: ReadonlyArray<readonly [Token<unknown>, unknown]>;
  /** Releases connections and timers. */
  dispose(): void | Promise<void>;
}

/** A backend as a console is given it: an id, its capabilities, and how to start it. */
export interface BackendModule {
  /** Stable id (`sim`, `sip`…). */
  readonly id: string;
  /** What it can do. */
  readonly capabilities: ReadonlySet<Capability>;
  /** Starts it. */
  create(context: BackendContext): BackendInstance;
}

/**
 * Defines a backend module. Adapter packages export a factory that returns one
 * (`simBackend(options)`, `sipBackend(options)`).
 *
 * @example
 * ```ts
 * export const myBackend = (url: string) => defineBackend({
 *   id: 'my-dialer',
 *   capabilities: ['hold', 'mute'],
 *   create: ({ clock }) => ({ events$, ports: { callControl, presence }, dispose }),
 * });
 * ```
 */
export function defineBackend(spec: { id: string; capabilities: Iterable<Capability>; create(context: BackendContext): BackendInstance }): BackendModule {
  return { id: spec.id, capabilities: new Set(spec.capabilities), create: (context) => spec.create(context) };
}
