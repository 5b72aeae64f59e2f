import type { ComponentType } from 'preact';
import type { Dialkit, SlotContribution } from '@dialkit/core';
import { useMemo } from 'preact/hooks';
import { useDialkit } from '../hooks/use-dialkit.js';
import { useStream } from '../hooks/use-observable.js';

/** Props every slot contribution's component receives. */
export interface SlotComponentProps {
  /** The console. */
  readonly dialkit: Dialkit;
  /** What the slot is rendered for: the call of `call.controls`, the lead of `lead.panel`… */
  readonly context: unknown;
}

/** A Preact component contributed to a slot (the `component` of a `SlotContribution`). */
export type SlotComponent = ComponentType<SlotComponentProps>;

/** Props of {@link Slot}. */
export interface SlotProps {
  /** The slot's name, e.g. `Slots.callControls`. */
  readonly name: string;
  /** Passed to each contribution's `when` and component. */
  readonly context?: unknown;
  /** Element wrapping each contribution (default none). */
  readonly itemTag?: 'li' | 'div' | 'span';
}

const isComponent = (c: SlotContribution): c is SlotContribution<SlotComponent> => typeof c.component === 'function';

/**
 * Renders the contributions plugins made to a named slot, in order, each given the console and
 * the context; a contribution whose `when(context)` is false is left out.
 */
export function Slot({ name, context, itemTag }: SlotProps) {
  const dialkit = useDialkit();
  const list$ = useMemo(() => dialkit.slots.contributions$(name), [dialkit, name]);
  const list = useStream(list$, () => dialkit.slots.contributions(name));
  const shown = list.filter(isComponent).filter((c) => c.when?.(context) ?? true);
  return (
    <>
      {shown.map((c) => {
        const Component = c.component;
        if (itemTag === undefined) return <Component key={c.id} dialkit={dialkit} context={context} />;
        const Tag = itemTag;
        return <Tag key={c.id} data-slot-item={c.id}><Component dialkit={dialkit} context={context} /></Tag>;
      })}
    </>
  );
}
