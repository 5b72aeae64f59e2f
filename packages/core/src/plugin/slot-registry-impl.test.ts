import { describe, expect, it } from 'vitest';
import { SlotRegistryImpl } from './slot-registry-impl.js';
import type { SlotContribution } from './slots.js';
import { Slots } from './slots.js';

const ids = (list: readonly SlotContribution[]) => list.map((c) => c.id);

describe('SlotRegistryImpl', () => {
  it('lists contributions by order, then id, and emits on each change of that slot only', () => {
    const slots = new SlotRegistryImpl();
    const seen: string[][] = [];
    slots.contributions$(Slots.statusBar).subscribe((list) => seen.push(ids(list)));
    slots.contribute(Slots.statusBar, { id: 'timer', component: 'Timer', order: 10 });
    slots.contribute(Slots.callControls, { id: 'transfer', component: 'Transfer' });
    const hours = slots.contribute(Slots.statusBar, { id: 'hours', component: 'Hours' });
    slots.contribute(Slots.statusBar, { id: 'clock', component: 'Clock' });
    hours.dispose();
    hours.dispose();
    expect(seen).toEqual([[], ['timer'], ['hours', 'timer'], ['clock', 'hours', 'timer'], ['clock', 'timer']]);
    expect(ids(slots.contributions(Slots.callControls))).toEqual(['transfer']);
  });

  it('a late subscriber gets the current list; slot names are free strings', () => {
    const slots = new SlotRegistryImpl();
    slots.contribute('acme.sidebar', { id: 'notes', component: null });
    let latest: readonly SlotContribution[] = [];
    slots.contributions$('acme.sidebar').subscribe((list) => (latest = list));
    expect(ids(latest)).toEqual(['notes']);
  });

  it('refuses a second contribution with the same id in one slot, naming both', () => {
    const slots = new SlotRegistryImpl();
    slots.contribute(Slots.consoleTabs, { id: 'stats', component: 'A' });
    expect(() => slots.contribute(Slots.consoleTabs, { id: 'stats', component: 'B' })).toThrow(
      expect.objectContaining({ code: 'input.invalid', message: "Slot 'console.tabs' already has a contribution 'stats'" }) as Error,
    );
  });

  it('keeps the when predicate for the UI to evaluate', () => {
    const slots = new SlotRegistryImpl();
    slots.contribute(Slots.callControls, { id: 'merge', component: 'Merge', when: (call) => (call as { lines: number }).lines > 1 });
    expect(slots.contributions(Slots.callControls)[0]?.when?.({ lines: 2 })).toBe(true);
  });

  it('dispose completes the streams', () => {
    const slots = new SlotRegistryImpl();
    let completed = false;
    slots.contributions$(Slots.headerMenu).subscribe({ complete: () => (completed = true) });
    slots.dispose();
    expect(completed).toBe(true);
  });
});
