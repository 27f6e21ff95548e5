import type { ResultOutcome } from '../../index.js';
import type { Paint, Style } from '../color.js';
import { formatElapsed } from '../duration.js';

/**
 * One line of the live view, whatever is waited on: an operation (resource name, operation type,
 * status) or a resource (name, waiter, state).
 */
export interface ViewRow {
  /** The first column: what is waited on. */
  readonly name: string;
  /** The second column: what kind of wait (operation type, waiter name). */
  readonly kind: string;
  /** The third column: the status or state word. */
  readonly status: string;
  /** How the wait ended; `undefined` while it runs. */
  readonly outcome: ResultOutcome | undefined;
  /** Milliseconds since the start, or until the wait ended. */
  readonly elapsedMs: number;
}

/** One frame of the live view: a mark, then aligned columns, one line per row. Pure. */
export function viewFrame(rows: readonly ViewRow[], paint: Paint): string {
  const widths = (['name', 'kind', 'status'] as const).map((key) => Math.max(...rows.map((row) => row[key].length)));
  return rows
    .map((row) => {
      const style = styleOf(row.outcome);
      return [
        paint(style, markOf(row.outcome)),
        row.name.padEnd(widths[0] as number),
        row.kind.padEnd(widths[1] as number),
        paint(style, row.status.padEnd(widths[2] as number)),
        paint('dim', formatElapsed(row.elapsedMs)),
      ].join('  ');
    })
    .join('\n');
}

function markOf(outcome: ResultOutcome | undefined): string {
  if (outcome === undefined) return '…';
  return outcome === 'succeeded' ? '✔' : '✖';
}

function styleOf(outcome: ResultOutcome | undefined): Style {
  if (outcome === undefined) return 'cyan';
  return outcome === 'succeeded' ? 'green' : 'red';
}
