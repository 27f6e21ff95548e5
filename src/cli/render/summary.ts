import type { ResultOutcome } from '../../index.js';
import { formatDuration } from '../duration.js';

/** What the summary counts, in the singular and the plural. */
export interface Noun {
  readonly one: string;
  readonly many: string;
}

/** Operations, for the operation mode. */
export const OPERATIONS: Noun = Object.freeze({ one: 'operation', many: 'operations' });

/** Resources, for the waiters. */
export const RESOURCES: Noun = Object.freeze({ one: 'resource', many: 'resources' });

const WORDS: ReadonlyArray<readonly [ResultOutcome, string]> = [
  ['succeeded', 'succeeded'],
  ['failed', 'failed'],
  ['error', 'could not be checked'],
  ['timeout', 'timed out'],
  ['aborted', 'interrupted'],
  ['cancelled', 'cancelled'],
];

/** `['2 succeeded', '1 timed out']`: how many ended each way, in a fixed order, the zeros left out. */
export function outcomeCounts(outcomes: readonly ResultOutcome[]): string[] {
  const counts = new Map<ResultOutcome, number>();
  for (const outcome of outcomes) counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  return WORDS.flatMap(([outcome, word]) => {
    const n = counts.get(outcome);
    return n ? [`${n} ${word}`] : [];
  });
}

/** `3 operations: 2 succeeded, 1 failed (12s)`: the last line of the terminal and plain views. */
export function summaryLine(outcomes: readonly ResultOutcome[], elapsedMs: number, noun: Noun): string {
  return `${outcomes.length} ${outcomes.length === 1 ? noun.one : noun.many}: ${outcomeCounts(outcomes).join(', ')} (${formatDuration(elapsedMs)})`;
}
