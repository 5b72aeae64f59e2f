import type { Observable } from 'rxjs';
import type { Disposable } from '../common/disposable.js';
import { createToken } from '../common/token.js';

/**
 * The well-known slots the reference console renders. Slot names are free strings: a console
 * may render more, and plugins may contribute to them.
 */
export const Slots = {
  /** The status bar along the bottom: indicators, badges. */
  statusBar: 'status.bar',
  /** Buttons beside hang up, hold, mute. */
  callControls: 'call.controls',
  /** Panels under the active call. */
  callPanel: 'call.panel',
  /** Tabs of the console's main area. */
  consoleTabs: 'console.tabs',
  /** Extra fields of the disposition form. */
  dispositionFields: 'disposition.fields',
  /** Entries of the header's menu. */
  headerMenu: 'header.menu',
  /** Panels beside the lead information. */
  leadPanel: 'lead.panel',
  /**
   * Whole panels of the console's main area, opened from a `header.menu` entry (Phonebook, Call
   * History…). The UI renders the slot with the panel the agent opened, and shows a contribution
   * when its `when(context)` says it is that panel's.
   */
  consolePanel: 'console.panel',
} as const;

/** A well-known slot name. */
export type SlotName = (typeof Slots)[keyof typeof Slots];

/**
 * Something a plugin puts into a slot.
 *
 * @typeParam TComponent - what the UI kit renders (a Preact component in `@dialkit/ui-preact`); opaque to core.
 */
export interface SlotContribution<TComponent = unknown> {
  /** Unique within the slot. */
  readonly id: string;
  /** What to render; core never looks inside. */
  readonly component: TComponent;
  /** Position: lower first; ties are broken by id. Defaults to 0. */
  readonly order?: number;
  /**
   * Whether to show it, given what the UI renders the slot for (the call of `call.controls`,
   * the lead of `lead.panel`…). Evaluated by the UI; shown when absent.
   */
  when?(context: unknown): boolean;
}

/**
 * Named UI regions plugins contribute to.
 *
 * @remarks Core keeps the lists; the UI kit renders them, reading `contributions$(slot)`.
 */
export interface SlotRegistry {
  /**
   * Adds a contribution to a slot; disposing removes it.
   *
   * @throws DialkitError `input.invalid` when the slot already has a contribution with that id, or a name is empty.
   */
  contribute(slot: string, contribution: SlotContribution): Disposable;
  /** The slot's contributions, sorted by order then id; replays the latest and emits on change only. */
  contributions$(slot: string): Observable<readonly SlotContribution[]>;
  /** The slot's contributions now, sorted by order then id. */
  contributions(slot: string): readonly SlotContribution[];
  /** Completes every stream. */
  dispose(): void;
}
/** Token for the {@link SlotRegistry}. */
export const SlotRegistry = createToken<SlotRegistry>('core.slots');
