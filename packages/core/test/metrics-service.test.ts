import { Subject } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';
import type { DialkitEvent } from '../src/event/dialkit-event.js';
import { accrue, createMetricsAccumulator, metricsSnapshot } from '../src/metrics/metrics-accumulator.js';
import { MetricsServiceImpl } from '../src/metrics/metrics-service-impl.js';
import type { MetricsSnapshot } from '../src/metrics/metrics.js';
import { reduceCore } from '../src/state/core-reducer.js';
import { INITIAL_CORE_STATE } from '../src/state/core-state.js';
import { virtualTime } from '../src/testing/virtual-time.js';

/** A console in miniature: the store's fold, its change stream, and the metrics service over them. */
function setup() {
  const time = virtualTime();
  let state = INITIAL_CORE_STATE;
  const acc = createMetricsAccumulator();
  const changes$ = new Subject<DialkitEvent>();
  const getAccumulator = vi.fn(() => acc);
  const dispatch = (event: DialkitEvent): void => {
    const next = reduceCore(state, event);
    accrue(acc, state, next, event, time.clock.startOfDay);
    state = next;
    changes$.next(event);
  };
  const service = new MetricsServiceImpl({ getState: () => state, getAccumulator, changes$, scheduler: time.scheduler, clock: time.clock });
  const seen: MetricsSnapshot[] = [];
  return { time, dispatch, service, getAccumulator, seen, state: () => state, acc };
}

describe('MetricsService', () => {
  it('live timers move every second while subscribed, and stop when nobody listens', async () => {
    const { time, dispatch, service, seen } = setup();
    dispatch({ type: 'agent.logged-in', at: time.now(), agentId: 'ana', name: 'Ana' });
    dispatch({ type: 'agent.ready', at: time.now() });
    const sub = service.snapshot$.subscribe((s) => seen.push(s));
    await time.advance(3000);
    expect(seen.map((s) => s.session.availableTime)).toEqual([0, 1000, 2000, 3000]);
    sub.unsubscribe();
    await time.advance(5000);
    expect(seen).toHaveLength(4);
    expect(time.scheduler.pending).toBe(0);
  });

  it('a burst of 1,000 events gives one snapshot after it, not one per event', async () => {
    const { time, dispatch, service, seen, getAccumulator } = setup();
    const sub = service.snapshot$.subscribe((s) => seen.push(s));
    const calls = getAccumulator.mock.calls.length;
    dispatch({ type: 'agent.logged-in', at: time.now(), agentId: 'ana', name: 'Ana' });
    const lunch = { code: 'lunch', label: 'Lunch', kind: 'break' } as const;
    for (let i = 0; i < 1000; i++) dispatch(i % 2 ? { type: 'agent.ready', at: time.now() } : { type: 'agent.paused', at: time.now(), reason: lunch });
    expect(getAccumulator.mock.calls.length).toBe(calls); // nothing computed in the hot path
    await time.advance(0);
    expect(seen).toHaveLength(2); // on subscribe, then once after the burst
    expect(getAccumulator.mock.calls.length).toBe(calls + 1);
    expect(seen[1]?.session.firstActivity).toBe(time.now());
    dispatch({ type: 'agent.paused', at: time.now(), reason: lunch });
    await time.advance(0);
    expect(seen).toHaveLength(3); // and once after the next one
    sub.unsubscribe();
  });

  it('a late subscriber gets the latest snapshot at once; the synchronous getter agrees with the accumulator', async () => {
    const { time, dispatch, service, seen, state, acc } = setup();
    dispatch({ type: 'agent.logged-in', at: time.now(), agentId: 'ana', name: 'Ana' });
    const first = service.snapshot$.subscribe(() => undefined);
    await time.advance(1500);
    const late = service.snapshot$.subscribe((s) => seen.push(s));
    expect(seen).toHaveLength(1);
    expect(seen[0]?.session.pauseTime).toBe(1000);
    expect(service.snapshot()).toEqual(metricsSnapshot(acc, state(), time.now(), time.clock.startOfDay));
    expect(service.snapshot().session.pauseTime).toBe(1500);
    first.unsubscribe();
    late.unsubscribe();
  });
});
