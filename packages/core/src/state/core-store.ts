import { Observable, distinctUntilChanged, map, shareReplay } from 'rxjs';
import { Signal, Slice } from './slice.js';
import type { AgentState, AgentStatus } from '../agent/agent-state.js';
import type { Call } from '../call/call-state.js';
import type { DialkitEvent } from '../event/dialkit-event.js';
import type { ConnectionState, CoreState } from './core-state.js';
import { INITIAL_CORE_STATE } from './core-state.js';
import { reduceCore } from './core-reducer.js';

/** One step of the store, for devtools and tests: the event, and why it was ignored if it was. */
export interface InspectionEvent {
  /** The event reduced. */
  readonly event: DialkitEvent;
  /** Why the event could not apply (the state did not change), or undefined. */
  readonly ignored: string | undefined;
  /** The state after the event. */
  readonly state: CoreState;
}

/** A value derived from one slice, recomputed only when that slice changes. */
interface Derived<S, T> {
  readonly project: (slice: S) => T;
  readonly equals: (a: T, b: T) => boolean;
  readonly slice: Slice<T>;
}

/** Two arrays with the same elements, by reference. */
export function sameElements<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Something that sees every event after it was reduced (the journal and the metrics fold). */
export type StoreObserver = (event: DialkitEvent, before: CoreState, after: CoreState) => void;

/**
 * Holds the core state and folds events into it: the one place state changes.
 *
 * @remarks The hot path: reduce, tell the observers (journal, metrics), then emit only the slices
 * whose reference changed. Subjects are private; streams replay their latest value, emit only on
 * change, never error, and complete on dispose.
 */
export class CoreStore {
  private current: CoreState;
  private readonly agentSlice: Slice<AgentState>;
  private readonly statusSlice: Slice<AgentStatus>;
  private readonly callsSlice: Slice<readonly Call[]>;
  private readonly connectionSlice: Slice<ConnectionState>;
  private readonly changedSignal = new Signal<DialkitEvent>();
  private readonly inspectSignal = new Signal<InspectionEvent>();
  private readonly observers: StoreObserver[] = [];
  private readonly fromAgent: Array<Derived<AgentState, unknown>> = [];
  private readonly fromCalls: Array<Derived<readonly Call[], unknown>> = [];
  private readonly derivedSlices: Array<{ complete(): void }> = [];
  private ignored: string | undefined;
  private readonly onIllegal = (e: DialkitEvent, reason: string): void => {
    this.ignored = reason;
    this.onIgnored?.(e, reason);
  };

  /** Agent state slice. */
  readonly agent$: Observable<AgentState>;
  /** Agent status (emits on status change only). */
  readonly status$: Observable<AgentStatus>;
  /** Calls on the agent's lines. */
  readonly calls$: Observable<readonly Call[]>;
  /** Backend connection. */
  readonly connection$: Observable<ConnectionState>;
  /** Fires after every event that changed the state. */
  readonly changed$: Observable<DialkitEvent>;
  /** Every event with its outcome (emitted only while observed, so it costs nothing otherwise). */
  readonly inspect$: Observable<InspectionEvent>;

  /**
   * @param initial - the state to start from (a restored one after a reload).
   * @param onIgnored - told about every event that could not apply (for logs); `error` is set when core itself failed.
   */
  constructor(initial: CoreState = INITIAL_CORE_STATE, private readonly onIgnored?: (event: DialkitEvent, reason: string, error?: unknown) => void) {
    this.current = initial;
    this.agentSlice = new Slice(initial.agent);
    this.statusSlice = new Slice(initial.agent.status);
    this.callsSlice = new Slice(initial.calls);
    this.connectionSlice = new Slice(initial.connection);
    this.agent$ = this.agentSlice.value$;
    this.status$ = this.statusSlice.value$;
    this.calls$ = this.callsSlice.value$;
    this.connection$ = this.connectionSlice.value$;
    this.changed$ = this.changedSignal.value$;
    this.inspect$ = this.inspectSignal.value$;
  }

  /** The current state, synchronously. */
  get state(): CoreState {
    return this.current;
  }

  /** Adds an observer of every reduced event (called before slices emit). */
  observe(observer: StoreObserver): void {
    this.observers.push(observer);
  }

  /** Reduces one event and publishes what changed. Never throws on bad input. */
  dispatch(event: DialkitEvent): void {
    const before = this.current;
    this.ignored = undefined;
    let after: CoreState;
    try {
      after = reduceCore(before, event, this.onIllegal);
    } catch (e) {
      // A bug in core, never input: keep the state, say so loudly, and go on.
      this.onIgnored?.(event, `internal error: ${e instanceof Error ? e.message : String(e)}`, e);
      return;
    }
    this.current = after;
    for (let i = 0; i < this.observers.length; i++) this.observers[i]!(event, before, after);
    if (after !== before) {
      if (after.agent !== before.agent) {
        this.agentSlice.set(after.agent);
        if (after.agent.status !== before.agent.status) this.statusSlice.set(after.agent.status);
        for (let i = 0; i < this.fromAgent.length; i++) update(this.fromAgent[i]!, after.agent);
      }
      if (after.calls !== before.calls) {
        this.callsSlice.set(after.calls);
        for (let i = 0; i < this.fromCalls.length; i++) update(this.fromCalls[i]!, after.calls);
      }
      if (after.connection !== before.connection) this.connectionSlice.set(after.connection);
      if (this.changedSignal.observed) this.changedSignal.emit(event);
    }
    if (this.inspectSignal.observed) this.inspectSignal.emit({ event, ignored: this.ignored, state: after });
  }

  /**
   * A stream derived from one slice, recomputed in the store only when that slice changes and
   * emitted only when `equals` says it differs: the cheap path for values every console shows.
   */
  derive<T>(slice: 'agent', project: (agent: AgentState) => T, equals?: (a: T, b: T) => boolean): Observable<T>;
  derive<T>(slice: 'calls', project: (calls: readonly Call[]) => T, equals?: (a: T, b: T) => boolean): Observable<T>;
  derive<T>(slice: 'agent' | 'calls', project: ((agent: AgentState) => T) | ((calls: readonly Call[]) => T), equals: (a: T, b: T) => boolean = Object.is): Observable<T> {
    if (slice === 'agent') {
      const p = project as (agent: AgentState) => T;
      const d: Derived<AgentState, T> = { project: p, equals, slice: new Slice(p(this.current.agent)) };
      this.fromAgent.push(d as Derived<AgentState, unknown>);
      this.derivedSlices.push(d.slice);
      return d.slice.value$;
    }
    const p = project as (calls: readonly Call[]) => T;
    const d: Derived<readonly Call[], T> = { project: p, equals, slice: new Slice(p(this.current.calls)) };
    this.fromCalls.push(d as Derived<readonly Call[], unknown>);
    this.derivedSlices.push(d.slice);
    return d.slice.value$;
  }

  /** A derived stream, recomputed after each change of `source`: `map → distinctUntilChanged → shareReplay(1, refCount)`. */
  select<T>(project: (state: CoreState) => T, source: Observable<unknown> = this.changed$): Observable<T> {
    return new Observable<T>((subscriber) => {
      subscriber.next(project(this.current));
      return source.pipe(map(() => project(this.current))).subscribe(subscriber);
    }).pipe(distinctUntilChanged(), shareReplay({ bufferSize: 1, refCount: true }));
  }

  /** Completes every stream. */
  dispose(): void {
    for (const s of [this.agentSlice, this.statusSlice, this.callsSlice, this.connectionSlice, this.changedSignal, this.inspectSignal] as const) s.complete();
    for (const s of this.derivedSlices) s.complete();
  }
}

function update<S, T>(d: Derived<S, T>, slice: S): void {
  const v = d.project(slice);
  if (!d.equals(v, d.slice.value)) d.slice.set(v);
}
