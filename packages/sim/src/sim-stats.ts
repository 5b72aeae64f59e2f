/** The dialer's figures since the backend started (read through `control.stats`). */
export interface SimStats {
  /** Calls the dialer placed (predictive, progressive, preview, callback) plus the agent's manual calls. */
  readonly placed: number;
  /** Calls a person answered (including wrong numbers). */
  readonly answered: number;
  /** Answered predictive calls dropped because no agent was free. */
  readonly abandoned: number;
  /** `abandoned ÷ answered` of predictive calls (0 when none was answered). */
  readonly abandonRate: number;
  /** Predictive calls answered by a person (the abandon rate's denominator). */
  readonly predictiveAnswered: number;
  /** Calls nobody answered. */
  readonly noAnswer: number;
  /** Calls that found the line busy. */
  readonly busy: number;
  /** Calls an answering machine picked up. */
  readonly answeringMachine: number;
  /** Calls answered by the wrong person. */
  readonly wrongNumber: number;
  /** Calls offered to or placed for the console's agent. */
  readonly agentCalls: number;
  /** Inbound callers who hung up while waiting in the queue. */
  readonly queueAbandoned: number;
  /** Dispositions stored (once per key). */
  readonly dispositions: number;
  /** Disposition submissions received, retries included. */
  readonly dispositionAttempts: number;
  /** Current dial ratio (lines per ready agent) of each predictive campaign. */
  readonly dialRatios: Readonly<Record<string, number>>;
}

/** The stats the sim updates. @internal */
export type MutableSimStats = { -readonly [K in keyof SimStats]: SimStats[K] } & { dialRatios: Record<string, number> };

/** Fresh zeroed stats. @internal */
export function createStats(): MutableSimStats {
  return {
    placed: 0, answered: 0, abandoned: 0, abandonRate: 0, predictiveAnswered: 0, noAnswer: 0, busy: 0, answeringMachine: 0,
    wrongNumber: 0, agentCalls: 0, queueAbandoned: 0, dispositions: 0, dispositionAttempts: 0, dialRatios: {},
  };
}

/** A frozen copy of the stats. @internal */
export function snapshotStats(s: MutableSimStats): SimStats {
  return Object.freeze({ ...s, dialRatios: Object.freeze({ ...s.dialRatios }) });
}
