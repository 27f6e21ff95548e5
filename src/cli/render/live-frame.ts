import type { Paint } from '../color.js';
import { outcomeCounts } from './summary.js';
import { type ViewRow, viewLines } from './view-row.js';

/** The terminal a frame is drawn for: `rows` and `columns` as on `process.stdout`. */
export interface TerminalSize {
  /** Lines on the screen. @default 24 (as log-update assumes) */
  readonly rows?: number | undefined;
  /** Characters per line. @default 80 (as log-update assumes) */
  readonly columns?: number | undefined;
}

/** A frame of the live view, as it fits a terminal. */
export interface LiveFrame {
  /** The lines to draw, joined by `\n`. */
  readonly text: string;
  /** True when rows were left out or lines cut: the frame is not the complete list. */
  readonly partial: boolean;
}

/**
 * One frame of the live view, fitted to the terminal: every row when they all fit; otherwise a
 * header with the count (`3/25 done: 2 succeeded, 1 timed out`, in the summary line's words), as
 * many rows as fit, failed ones first, then those still waiting, then succeeded ones (shown in
 * input order), and a last line for the rest (`+18 more: 17 succeeded, 1 waiting`). Every line is
 * cut to the terminal's width, so that none wraps. log-update keeps one line under the frame, so a
 * frame has `rows - 1` lines at most. A `footer` (the pace of requests, once it has moved) takes
 * the last of them, dimmed. Pure.
 */
export function liveFrame(rows: readonly ViewRow[], size: TerminalSize, paint: Paint, footer?: string): LiveFrame {
  const width = Math.max(1, size.columns ?? 80);
  if (footer === undefined) return fitRows(rows, Math.max(1, (size.rows ?? 24) - 1), width, paint);
  const above = fitRows(rows, Math.max(1, (size.rows ?? 24) - 2), width, paint);
  return { text: `${above.text}\n${paint('dim', cutLine(footer, width))}`, partial: above.partial };
}

/** The rows fitted to `height` lines of `width` characters. */
function fitRows(rows: readonly ViewRow[], height: number, width: number, paint: Paint): LiveFrame {
  if (rows.length <= height) {
    const lines = viewLines(rows, paint, width);
    const full = viewLines(rows, paint);
    return { text: lines.join('\n'), partial: lines.some((line, i) => line !== full[i]) };
  }
  const ended = rows.filter((row) => row.outcome !== undefined);
  const header = paint('bold', cutLine(`${ended.length}/${rows.length} done${describe(ended)}`, width));
  if (height < 2) return { text: header, partial: true };
  const shown = pick(rows, height - 2);
  const more = paint('dim', cutLine(`+${rows.length - shown.size} more${describe(rows.filter((_, i) => !shown.has(i)))}`, width));
  const lines = viewLines(
    rows.filter((_, i) => shown.has(i)),
    paint,
    width,
  );
  return { text: [header, ...lines, more].join('\n'), partial: true };
}

/** The indices of up to `count` rows to show: failed first, then waiting, then succeeded; each in input order. */
function pick(rows: readonly ViewRow[], count: number): Set<number> {
  const byRank: number[][] = [[], [], []];
  for (const [i, row] of rows.entries()) byRank[rankOf(row)]?.push(i);
  const shown = new Set<number>();
  for (const indices of byRank) {
    for (const i of indices) {
      if (shown.size >= count) return shown;
      shown.add(i);
    }
  }
  return shown;
}

function rankOf(row: ViewRow): number {
  if (row.outcome === undefined) return 1;
  return row.outcome === 'succeeded' ? 2 : 0;
}

/** `: 2 succeeded, 1 timed out, 3 waiting`, leaving out the zeros; `''` when all are. */
function describe(rows: readonly ViewRow[]): string {
  const parts = outcomeCounts(rows.flatMap((row) => (row.outcome === undefined ? [] : [row.outcome])));
  const waiting = rows.filter((row) => row.outcome === undefined).length;
  if (waiting) parts.push(`${waiting} waiting`);
  return parts.length === 0 ? '' : `: ${parts.join(', ')}`;
}

/** A line of our own cut to `width` characters, ending in `…` when longer. */
function cutLine(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}
