import type { ResultOutcome } from '../../index.js';
import type { Paint } from '../color.js';
import { formatElapsed } from '../duration.js';
import { escapeControls } from '../terminal-text.js';

/** One waited-on thing, for the standard-error report: how its wait ended and the line describing it. */
export interface ProblemLine {
  /** How the wait ended; `undefined` when it had not (an interruption). */
  readonly outcome: ResultOutcome | undefined;
  /** What to print about it. */
  readonly text: string;
  /** More lines to print under it, indented (a failed deployment's log tail). */
  readonly details?: readonly string[];
}

const PREFIX = 'lightsail-wait:';

/**
 * Writes the problems to standard error, in every output mode: one line per wait that did not
 * succeed (`cancelled` ones are left out: another wait's failure explains them). After an
 * interruption, where each `noun` (operation, resource) stood instead. Callers show outside
 * fields `visible`; control characters are escaped here too, so nothing raw reaches the terminal.
 */
export function writeProblems(
  lines: readonly ProblemLine[],
  elapsedMs: number,
  noun: string,
  context: { err: { write(text: string): unknown }; paint: Paint },
): void {
  const { err, paint } = context;
  const prefix = paint('red', PREFIX);
  const write = (lead: string, line: ProblemLine, indent: string): void => {
    err.write(`${lead}${escapeControls(line.text)}\n`);
    for (const detail of line.details ?? []) err.write(`${indent}${escapeControls(detail)}\n`);
  };
  if (lines.some((line) => line.outcome === undefined || line.outcome === 'aborted')) {
    err.write(`${prefix} interrupted after ${formatElapsed(elapsedMs)}; where each ${noun} stood:\n`);
    for (const line of lines) write('  ', line, '    ');
    return;
  }
  for (const line of lines) {
    if (line.outcome !== 'succeeded' && line.outcome !== 'cancelled') write(`${prefix} `, line, '  ');
  }
}
