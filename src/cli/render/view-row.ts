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
  return viewLines(rows, paint).join('\n');
}

/**
 * The lines of {@link viewFrame}; with `maxWidth`, each line longer than that is cut to it, ending
 * in `…`, so that it takes one terminal line. Pure.
 */
export function viewLines(rows: readonly ViewRow[], paint: Paint, maxWidth = Number.POSITIVE_INFINITY): string[] {
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
  return cells.map(({ row, name, kind, status }) => {
    const style = styleOf(row.outcome);
    const parts: Part[] = [
      { sep: '', style, text: markOf(row.outcome) },
      { sep: '  ', style: undefined, text: name.padEnd(widths.name) },
      { sep: '  ', style: undefined, text: kind.padEnd(widths.kind) },
      { sep: '  ', style, text: status.padEnd(widths.status) },
      { sep: '  ', style: 'dim', text: formatElapsed(row.elapsedMs) },
    ];
    return fitParts(parts, maxWidth)
      .map(({ sep, style, text }) => sep + (style === undefined ? text : paint(style, text)))
      .join('');
  });
}

/** A piece of a line: the spaces before it, and its text with its style. */
interface Part {
  readonly sep: string;
  readonly style: Style | undefined;
  readonly text: string;
}

/** The parts, cut to `width` characters in all, ending in `…` when they were longer. */
function fitParts(parts: readonly Part[], width: number): readonly Part[] {
  let length = 0;
  for (const part of parts) length += part.sep.length + part.text.length;
  if (length <= width) return parts;
  const kept: Part[] = [];
  // One character is kept for the `…`.
  let room = width - 1;
  for (const part of parts) {
    const need = part.sep.length + part.text.length;
    if (need <= room) {
      kept.push(part);
      room -= need;
      continue;
    }
    const text = cut(part.text, room - part.sep.length).trimEnd();
    kept.push(text === '' ? { sep: '', style: undefined, text: '…' } : { ...part, text: `${text}…` });
    break;
  }
  return kept;
}

/** The first `max` characters of `text` (none when `max` < 1), never half a surrogate pair. */
function cut(text: string, max: number): string {
  if (max < 1) return '';
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

function markOf(outcome: ResultOutcome | undefined): string {
  if (outcome === undefined) return '…';
  return outcome === 'succeeded' ? '✔' : '✖';
}

function styleOf(outcome: ResultOutcome | undefined): Style {
  if (outcome === undefined) return 'cyan';
  return outcome === 'succeeded' ? 'green' : 'red';
}
