import { hashString, type SimRandom } from './random.js';

/** What happens when the sim dials a number. */
export type SimOutcome = 'answered' | 'noAnswer' | 'busy' | 'answeringMachine' | 'wrongNumber';

/** An outcome with its timing (simulated ms). @internal */
export interface PlannedOutcome {
  readonly kind: SimOutcome;
  /** From dialing until the outcome shows (answer, busy tone, machine, ring timeout). */
  readonly ringMs: number;
  /** For answered calls: how long the customer talks before hanging up. */
  readonly talkMs: number;
}

/**
 * Numbers whose last four digits force an outcome, so a demo or a test can dial a known result:
 * `…1111` busy, `…2222` no answer, `…3333` answering machine, `…4444` wrong number, `…5555` answered.
 */
export const OUTCOME_BY_SUFFIX: Readonly<Record<string, SimOutcome>> = {
  '1111': 'busy',
  '2222': 'noAnswer',
  '3333': 'answeringMachine',
  '4444': 'wrongNumber',
  '5555': 'answered',
};

/** A number's own answer propensity (0.5–1.5 × the campaign's), stable across runs. @internal */
export function numberPropensity(number: string): number {
  return 0.5 + (hashString(number) % 1000) / 1000;
}

/** Decides what happens when `number` is dialled, and when. @internal */
export function planOutcome(rnd: SimRandom, number: string, answerProbability: number): PlannedOutcome {
  const forced = OUTCOME_BY_SUFFIX[number.replace(/\D/g, '').slice(-4)];
  const kind = forced ?? randomOutcome(rnd, Math.min(0.95, answerProbability * numberPropensity(number)));
  switch (kind) {
    case 'busy':
      return { kind, ringMs: rnd.between(1_500, 4_000), talkMs: 0 };
    case 'noAnswer':
      return { kind, ringMs: 30_000, talkMs: 0 };
    case 'answeringMachine':
      return { kind, ringMs: rnd.between(8_000, 20_000), talkMs: 0 };
    case 'wrongNumber':
      return { kind, ringMs: rnd.between(4_000, 15_000), talkMs: rnd.between(6_000, 20_000) };
    case 'answered':
      return { kind, ringMs: rnd.between(3_000, 18_000), talkMs: talkTime(rnd) };
  }
}

/** A realistic conversation length: at least 45 s, a long tail (mean about 3 minutes). @internal */
export function talkTime(rnd: SimRandom): number {
  return Math.min(20 * 60_000, rnd.between(45_000, 90_000) + rnd.exponential(110_000));
}

function randomOutcome(rnd: SimRandom, pAnswer: number): SimOutcome {
  const r = rnd.next();
  if (r < pAnswer * 0.94) return 'answered';
  if (r < pAnswer) return 'wrongNumber';
  const rest = (r - pAnswer) / (1 - pAnswer);
  if (rest < 0.55) return 'noAnswer';
  if (rest < 0.8) return 'answeringMachine';
  return 'busy';
}
