import { VirtualTimeScheduler } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { schedulerClock } from '../common/clock.js';
import { NotificationServiceImpl } from './notification-service.js';

function setup() {
  const scheduler = new VirtualTimeScheduler();
  const service = new NotificationServiceImpl(schedulerClock(scheduler, 0), scheduler);
  const advance = (ms: number) => {
    scheduler.maxFrames = scheduler.frame + ms;
    scheduler.flush();
    scheduler.frame = scheduler.maxFrames;
  };
  return { service, advance };
}

describe('notifications', () => {
  it('a system message, a campaign alert and an error each show with their level', () => {
    const { service } = setup();
    service.notify({ kind: 'system', message: 'Dialer restarts at 22:00' });
    service.notify({ kind: 'campaign', level: 'warning', message: 'Abandon rate above 3%' });
    service.notify({ kind: 'error', message: 'Disposition not delivered', code: 'disposition.send-failed' });
    expect(service.notifications.map((n) => [n.kind, n.level])).toEqual([['system', 'info'], ['campaign', 'warning'], ['error', 'error']]);
  });

  it('the same alert raised twice shows once with a count and the newest text', () => {
    const { service } = setup();
    const a = service.notify({ kind: 'campaign', message: 'Queue at 10', dedupeKey: 'queue' });
    const b = service.notify({ kind: 'campaign', message: 'Queue at 12', dedupeKey: 'queue' });
    expect(b).toBe(a);
    expect(service.notifications).toHaveLength(1);
    expect(service.notifications[0]).toMatchObject({ message: 'Queue at 12', count: 2 });
  });

  it('a notification with a lifetime disappears on time; a merge restarts its clock', () => {
    const { service, advance } = setup();
    service.notify({ kind: 'system', message: 'Saved', ttlMs: 5000, dedupeKey: 's' });
    advance(4000);
    service.notify({ kind: 'system', message: 'Saved again', ttlMs: 5000, dedupeKey: 's' });
    advance(4000);
    expect(service.notifications).toHaveLength(1);
    advance(1001);
    expect(service.notifications).toHaveLength(0);
  });

  it('the agent dismisses one; an absurdly long backend message is cut', () => {
    const { service } = setup();
    const id = service.notify({ kind: 'system', message: 'x'.repeat(10_000) });
    expect(service.notifications[0]?.message.length).toBe(500);
    service.dismiss(id);
    expect(service.notifications).toEqual([]);
  });
});
