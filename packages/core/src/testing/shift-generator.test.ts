import { describe, expect, it } from 'vitest';
import type { DialkitEvent } from '../event/dialkit-event.js';
import { reduceCore } from '../state/core-reducer.js';
import { INITIAL_CORE_STATE } from '../state/core-state.js';
import { generateShift } from './shift-generator.js';

/** Folds the events, failing on the first one the core reducer refuses. */
function foldStrictly(events: readonly DialkitEvent[]): void {
  let state = INITIAL_CORE_STATE;
  let i = 0;
  const fail = (e: DialkitEvent, reason: string): never => {
    throw new Error(`event #${i} ${e.type} at ${e.at} is illegal: ${reason}`);
  };
  for (; i < events.length; i++) state = reduceCore(state, events[i] as DialkitEvent, fail);
  expect(state.agent.status.kind).toBe('loggedOut');
  expect(state.calls).toEqual([]);
}

function countOf(events: readonly DialkitEvent[], type: DialkitEvent['type']): number {
  return events.filter((e) => e.type === type).length;
}

describe('generateShift', () => {
  it.each([1, 2, 3, 7, 42, 1234, 99_999])('seed %i gives a shift the core reducer accepts whole, ending logged out', (seed) => {
    foldStrictly(generateShift({ seed, calls: 500 }));
  });

  it('a 100,000-call run is legal from the first event to the last, and time never goes back', () => {
    const events = generateShift({ seed: 5, calls: 100_000 });
    expect(events.length).toBeGreaterThan(500_000);
    foldStrictly(events);
    const backwards = events.findIndex((e, i) => i > 0 && e.at < (events[i - 1]?.at ?? 0));
    expect(backwards).toBe(-1);
  }, 60_000);

  it('the same seed gives the same events, another seed different ones', () => {
    expect(generateShift({ seed: 9, calls: 50 })).toEqual(generateShift({ seed: 9, calls: 50 }));
    expect(generateShift({ seed: 10, calls: 50 })).not.toEqual(generateShift({ seed: 9, calls: 50 }));
  });

  it('models a working day: login first, logout last, the requested number of calls, each kind of moment present', () => {
    const events = generateShift({ seed: 3, calls: 2000, startAt: Date.UTC(2024, 5, 3, 9), agentId: 'bo' });
    expect(events[0]).toEqual({ type: 'agent.logged-in', at: Date.UTC(2024, 5, 3, 9), agentId: 'bo', name: 'Ana Agent' });
    expect(events.at(-1)?.type).toBe('agent.logged-out');
    const primary = events.filter((e) => (e.type === 'call.offered' || e.type === 'call.dialing') && e.consultFor === undefined);
    expect(primary).toHaveLength(2000);
    for (const type of [
      'campaign.joined', 'call.ringing', 'call.held', 'call.resumed', 'call.muted', 'call.recording', 'agent.pause-requested',
      'agent.paused', 'console.closed', 'console.started', 'connection.changed', 'notification.raised',
    ] as const) {
      expect(countOf(events, type), type).toBeGreaterThan(0);
    }
    const dispositions = events.filter((e) => e.type === 'disposition.saved');
    const successRate = dispositions.filter((e) => e.successful).length / dispositions.length;
    expect(successRate).toBeGreaterThan(0.15);
    expect(successRate).toBeLessThan(0.25);
    const consults = events.filter((e) => e.type === 'call.dialing' && e.consultFor !== undefined);
    expect(consults.length).toBeGreaterThan(0);
    const joins = events.filter((e) => e.type === 'campaign.joined').map((e) => e.campaign.afterWrapUp);
    expect(new Set(joins)).toEqual(new Set(['ready', 'paused']));
    expect(countOf(events, 'agent.logged-in')).toBeGreaterThan(1); // several shifts, on several days
  });

  it('durations are realistic: calls last seconds to minutes, a 2,000-call run spans working days', () => {
    const events = generateShift({ seed: 11, calls: 2000 });
    const first = events[0]?.at ?? 0;
    const last = events.at(-1)?.at ?? 0;
    const days = (last - first) / 86_400_000;
    expect(days).toBeGreaterThan(5);
    expect(days).toBeLessThan(60);
  });
});
