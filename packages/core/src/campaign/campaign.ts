/** How a campaign's dialer delivers calls. */
export type DialMethod = 'predictive' | 'progressive' | 'preview' | 'manual' | 'inbound';

/** Why an agent is paused. `kind: 'break'` counts as break time too; every pause counts as pause time. */
export interface PauseReason {
  /** Stable code, e.g. `lunch`, `training`, or the system's own `login`. */
  readonly code: string;
  /** Text shown in the pause menu. */
  readonly label: string;
  /** A break (lunch, rest) or another pause (training, meeting, system). */
  readonly kind: 'break' | 'pause';
}

/** The pause reason Dialkit uses right after login, before the agent chooses a status. */
export const LOGIN_PAUSE: PauseReason = { code: 'login', label: 'Logged in', kind: 'pause' };

/** A field a disposition may capture (and may require). */
export interface DispositionField {
  /** Key of the value in the record's `fields`. */
  readonly id: string;
  /** Label shown to the agent. */
  readonly label: string;
  /** How it is typed in. */
  readonly type: 'text' | 'number' | 'select' | 'textarea';
  /** Choices for `select`. */
  readonly options?: readonly string[];
}

/** One outcome an agent can pick for a call; codes are data, not code. */
export interface DispositionCode {
  /** Stable code, e.g. `SALE`. */
  readonly code: string;
  /** Text shown to the agent. */
  readonly label: string;
  /** Grouping for reports, e.g. `contact`, `no-contact`. */
  readonly category: string;
  /** Counts towards the conversion rate. */
  readonly successful: boolean;
  /** Ids of fields that must have a value (use `notes` for the notes). */
  readonly requires: readonly string[];
  /** Whether a callback must, or may, be scheduled. */
  readonly callback?: 'required' | 'optional';
  /** Key (1–9) that picks this outcome in wrap-up. */
  readonly hotkey?: string;
}

/** A transfer target: a colleague or a department. */
export interface TransferTarget {
  /** Stable id. */
  readonly id: string;
  /** Name shown on the button. */
  readonly label: string;
  /** What it is. */
  readonly kind: 'agent' | 'department' | 'external';
  /** Number or SIP user the backend dials. */
  readonly destination: string;
}

/** A campaign as the console needs it: dial method, rules and data for the agent's screens. */
export interface Campaign {
  /** Stable id. */
  readonly id: string;
  /** Name shown to the agent. */
  readonly name: string;
  /** How calls are delivered. */
  readonly dialMethod: DialMethod;
  /** Where the agent goes after wrap-up: back to Ready by itself, or Paused until they press Play. */
  readonly afterWrapUp: 'ready' | 'paused';
  /** Whether the agent may dial numbers by hand. */
  readonly allowManualDial: boolean;
  /** The outcomes of this campaign. */
  readonly dispositions: readonly DispositionCode[];
  /** Fields dispositions may capture. */
  readonly dispositionFields: readonly DispositionField[];
  /** The pause menu. */
  readonly pauseReasons: readonly PauseReason[];
  /** Colleagues and departments calls can go to. */
  readonly transferTargets: readonly TransferTarget[];
  /** Campaign-specific data for scripts, forms, CRM (opaque to core). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** What a campaign join event carries: the rules the core state machines need. */
export type CampaignRules = Pick<Campaign, 'id' | 'name' | 'dialMethod' | 'afterWrapUp' | 'allowManualDial'>;

/** Extracts the rules the state machines need from a campaign. */
export function campaignRules(c: Campaign): CampaignRules {
  return { id: c.id, name: c.name, dialMethod: c.dialMethod, afterWrapUp: c.afterWrapUp, allowManualDial: c.allowManualDial };
}
