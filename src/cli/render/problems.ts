import type { Writable } from 'node:stream';
import type { ResultOutcome } from '../../index.js';
import type { Paint } from '../color.js';
import { formatElapsed } from '../duration.js';

/** One waited-on thing, for the standard-error report: how its wait ended and the line describing it. */
export interface ProblemLine {
  /** How the wait ended; `undefined` when it had not (an interruption). */
  readonly outcome: ResultOutcome | undefined;
  /** What to print about it. */
  readonly text: string;
}

const PREFIX = 'lightsail-wait:';

/**
 * Writes the problems to standard error, in every output mode: one line per wait that did not
 * succeed (`cancelled` ones are left out: another wait's failure explains them). After an
 * interruption, where each `noun` (operation, resource) stood instead.
 */
export function writeProblems(
  lines: readonly ProblemLine[],
  elapsedMs: number,
  noun: string,
  context: { err: Writable; paint: Paint },
): void {
  const { err, paint } = context;
  const prefix = paint('red', PREFIX);
  if (lines.some((line) => line.outcome === undefined || line.outcome === 'aborted')) {
    err.write(`${prefix} interrupted after ${formatElapsed(elapsedMs)}; where each ${noun} stood:\n`);
    for (const line of lines) err.write(`  ${line.text}\n`);
    return;
  }
  for (const line of lines) {
    if (line.outcome !== 'succeeded' && line.outcome !== 'cancelled') err.write(`${prefix} ${line.text}\n`);
  }
}
