import type { OperationResult, ResultOutcome } from '../../index.js';
import { formatDuration } from '../duration.js';

const WORDS: ReadonlyArray<readonly [ResultOutcome, string]> = [
  ['succeeded', 'succeeded'],
  ['failed', 'failed'],
  ['error', 'could not be checked'],
  ['timeout', 'timed out'],
  ['aborted', 'interrupted'],
  ['cancelled', 'cancelled'],
];

/** `3 operations: 2 succeeded, 1 failed (12s)`: the last line of the terminal and plain views. */
export function summaryLine(results: readonly OperationResult[], elapsedMs: number): string {
  const counts = new Map<ResultOutcome, number>();
  for (const r of results) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
  const parts = WORDS.flatMap(([outcome, word]) => {
    const n = counts.get(outcome);
    return n ? [`${n} ${word}`] : [];
  });
  const noun = results.length === 1 ? 'operation' : 'operations';
  return `${results.length} ${noun}: ${parts.join(', ')} (${formatDuration(elapsedMs)})`;
}
