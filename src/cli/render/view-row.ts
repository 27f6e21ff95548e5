import type { ResultOutcome } from '../../index.js';
import type { Paint, Style } from '../color.js';
import { formatElapsed } from '../duration.js';
import { visible } from '../terminal-text.js';

/** The most characters a live-view column shows: a row must fit a terminal line. */
export const MAX_COLUMN_CHARS = 80;

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

/**
 * One frame of the live view: a mark, then aligned columns, one line per row. Every column is cut
 * to {@link MAX_COLUMN_CHARS} and its control characters escaped (they come from the server), so
 * that a row can neither move the cursor nor spill over the next. Pure.
 */
export function viewFrame(rows: readonly ViewRow[], paint: Paint): string {
  const cells = rows.map((row) => ({
    row,
    name: visible(row.name, MAX_COLUMN_CHARS),
    kind: visible(row.kind, MAX_COLUMN_CHARS),
    status: visible(row.status, MAX_COLUMN_CHARS),
  }));
  // A loop rather than Math.max(...lengths): spreading thousands of rows would overflow the stack.
  const widths = { name: 0, kind: 0, status: 0 };
  for (const cell of cells) {
    widths.name = Math.max(widths.name, cell.name.length);
    widths.kind = Math.max(widths.kind, cell.kind.length);
    widths.status = Math.max(widths.status, cell.status.length);
  }
  return cells
    .map(({ row, name, kind, status }) => {
      const style = styleOf(row.outcome);
      return [
        paint(style, markOf(row.outcome)),
        name.padEnd(widths.name),
        kind.padEnd(widths.kind),
        paint(style, status.padEnd(widths.status)),
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
