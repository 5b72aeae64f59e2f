import { VirtualTimeScheduler } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../common/logger.js';
import { memoryStorage } from '../storage/memory-storage.js';
import type { Storage } from '../storage/storage.js';
import { WrapUpDraftsImpl, type WrapUpDraft } from './wrap-up-drafts.js';

/** Lets every promise callback that is ready run (no timers involved). */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Moves virtual time forward by `ms`, running the timers due on the way. */
function advance(scheduler: VirtualTimeScheduler, ms: number): void {
  const target = scheduler.now() + ms;
  scheduler.maxFrames = target;
  scheduler.flush();
  scheduler.maxFrames = Number.POSITIVE_INFINITY;
  scheduler.frame = target;
}

function setup(storage: Storage = memoryStorage()) {
  const scheduler = new VirtualTimeScheduler();
  const logger = memoryLogger();
  const drafts = new WrapUpDraftsImpl({ storage, scheduler, logger });
  return { scheduler, storage, logger, drafts };
}

describe('WrapUpDraftsImpl', () => {
  it('keeps the latest draft in memory at once and publishes it on drafts$', () => {
    const { drafts } = setup();
    const seen: Array<ReadonlyMap<string, WrapUpDraft>> = [];
    drafts.drafts$.subscribe((m) => seen.push(m));
    drafts.save('c-1', { notes: 'W' });
    drafts.save('c-1', { code: 'SALE', notes: 'Wants' });
    expect(drafts.get('c-1')).toEqual({ code: 'SALE', notes: 'Wants' });
    expect(drafts.get('c-2')).toBeUndefined();
    expect(seen.map((m) => m.get('c-1')?.notes)).toEqual([undefined, 'W', 'Wants']);
    drafts.dispose();
  });

  it('saves to storage only after 300 ms without a change, and saves the latest draft', async () => {
    const { drafts, storage, scheduler } = setup();
    drafts.save('c-1', { notes: 'W' });
    advance(scheduler, 200);
    drafts.save('c-1', { notes: 'Wants premium' });
    advance(scheduler, 299);
    await settle();
    expect(await storage.get('drafts', 'c-1')).toBeUndefined();
    advance(scheduler, 1);
    await settle();
    expect(await storage.get('drafts', 'c-1')).toEqual({ notes: 'Wants premium' });
  });

  it('keeps a copy: changing the object after save changes nothing kept', () => {
    const { drafts } = setup();
    const fields: Record<string, string> = { amount: '10' };
    drafts.save('c-1', { code: 'SALE', fields });
    fields['amount'] = '99';
    expect(drafts.get('c-1')).toEqual({ code: 'SALE', fields: { amount: '10' } });
  });

  it('delete forgets the draft in memory and storage, and cancels a save still waiting', async () => {
    const { drafts, storage, scheduler } = setup();
    drafts.save('c-1', { notes: 'saved' });
    advance(scheduler, 300);
    drafts.save('c-1', { notes: 'not yet saved' });
    await drafts.delete('c-1');
    advance(scheduler, 1_000);
    await settle();
    expect(drafts.get('c-1')).toBeUndefined();
    expect(drafts.drafts.has('c-1')).toBe(false);
    expect(await storage.entries('drafts')).toEqual([]);
  });

  it('flush saves every waiting draft at once, without waiting for the quiet time', async () => {
    const { drafts, storage, scheduler } = setup();
    drafts.save('c-1', { notes: 'one' });
    drafts.save('c-2', { notes: 'two' });
    await drafts.flush();
    expect(await storage.entries('drafts')).toEqual([['c-1', { notes: 'one' }], ['c-2', { notes: 'two' }]]);
    expect(scheduler.actions).toHaveLength(0);
  });

  it('load restores what an earlier console saved, but a draft typed since wins', async () => {
    const storage = memoryStorage();
    await storage.put('drafts', 'c-1', { notes: 'from before the reload' });
    await storage.put('drafts', 'c-2', { notes: 'old' });
    const { drafts } = setup(storage);
    drafts.save('c-2', { notes: 'typed since' });
    await drafts.load();
    expect(drafts.get('c-1')).toEqual({ notes: 'from before the reload' });
    expect(drafts.get('c-2')).toEqual({ notes: 'typed since' });
  });

  it('dispose stops the timers and saves the drafts they were waiting for', async () => {
    const { drafts, storage, scheduler } = setup();
    drafts.save('c-1', { notes: 'typed just before closing' });
    drafts.dispose();
    expect(scheduler.actions).toHaveLength(0);
    await settle();
    expect(await storage.get('drafts', 'c-1')).toEqual({ notes: 'typed just before closing' });
    drafts.save('c-1', { notes: 'after dispose' });
    expect(drafts.get('c-1')).toEqual({ notes: 'typed just before closing' });
  });

  it('a failed background save is logged and keeps the draft in memory; flush reports storage.failed', async () => {
    const broken = memoryStorage();
    await broken.close();
    const { drafts, scheduler, logger } = setup(broken);
    drafts.save('c-1', { notes: 'kept' });
    advance(scheduler, 300);
    await settle();
    expect(logger.entries.some((e) => e.level === 'warn' && e.message.includes("'c-1' could not be saved"))).toBe(true);
    expect(drafts.get('c-1')).toEqual({ notes: 'kept' });
    drafts.save('c-1', { notes: 'kept, again' });
    await expect(drafts.flush()).rejects.toMatchObject({ code: 'storage.failed' });
  });
});
