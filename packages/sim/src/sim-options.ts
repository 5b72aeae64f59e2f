import type { SimCampaign } from './demo-campaigns.js';
import type { SimControl } from './sim-control.js';
import type { SimUser } from './demo-users.js';

/** Options of {@link simBackend} and {@link createSim}. */
export interface SimOptions {
  /** Seed of the random source: the same seed (and the same agent actions) gives the same run. Default 1. */
  readonly seed?: number;
  /**
   * Time scale for demos: simulated delays (time to answer, talk and wrap-up durations, arrivals)
   * are divided by it, so `speed: 2` halves them. Absolute times (a callback's date) are not scaled. Default 1.
   */
  readonly speed?: number;
  /** Who may log in. Default {@link DEMO_USERS}. */
  readonly users?: readonly SimUser[];
  /** The campaigns with their leads. Default {@link DEMO_CAMPAIGNS}. */
  readonly campaigns?: readonly SimCampaign[];
  /** Abandon rate the predictive pacing keeps under (abandoned ÷ answered). Default 0.03. */
  readonly abandonTarget?: number;
  /** Simulated lines each predictive campaign can dial on at once. Default 30. */
  readonly lines?: number;
  /** Random background life: supervisor messages, alerts, voicemails, colleagues' breaks. Default true. */
  readonly ambient?: boolean;
  /**
   * Whether the sim places and offers calls and provides call control. Default true. `false` is for
   * a console whose calls come from another backend (the reference console's SIP mode: SIP for
   * calls, the sim for presence, campaigns, leads, dispositions and the directory): no dialing,
   * no inbound queue, no `CallControlPort`, no capabilities.
   */
  readonly calls?: boolean;
  /** Called with the control API each time the backend starts (demos wire buttons to it). */
  readonly controls?: (control: SimControl) => void;
}

/** Options with every default applied. @internal */
export interface ResolvedSimOptions {
  readonly seed: number;
  readonly speed: number;
  readonly users: readonly SimUser[];
  readonly campaigns: readonly SimCampaign[];
  readonly abandonTarget: number;
  readonly lines: number;
  readonly ambient: boolean;
  readonly calls: boolean;
}
