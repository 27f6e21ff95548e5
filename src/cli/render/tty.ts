import { createLogUpdate } from 'log-update';
import type { Paint, Style } from '../color.js';
import { formatElapsed } from '../duration.js';
import { statusWord } from './describe.js';
import type { RenderContext, Renderer } from './renderer.js';
import { summaryLine } from './summary.js';
import type { OperationRow } from './tracker.js';

/** How often the live view redraws to move the elapsed times on, in milliseconds. */
export const TICK_MS = 1_000;

/**
 * The live view for a terminal: one line per operation (resource name, operation type, status,
 * elapsed), redrawn in place by log-update on every change and every second; then a summary line.
 */
export function createTtyRenderer(context: RenderContext): Renderer {
  const { waiter, tracker, out, paint, clock } = context;
  // showCursor: hiding it would make log-update write to process.stderr and hook process signals.
  const log = createLogUpdate(out, { showCursor: true });
  const draw = (): void => log(ttyFrame(tracker.rows, (row) => tracker.elapsedMs(row), paint));
  const ticker = new AbortController();
  const tick = async (): Promise<void> => {
    for (;;) {
      await clock.sleep(TICK_MS, ticker.signal);
      draw();
    }
  };
  tick().catch(() => {});
  waiter.on('status', draw);
  waiter.on('settled', draw);
  draw();
  return {
    finish() {
      ticker.abort();
      waiter.off('status', draw);
      waiter.off('settled', draw);
      draw();
      log.done();
      out.write(`${summaryLine(tracker.results, tracker.elapsedMs())}\n`);
    },
  };
}

/** One frame of the live view: aligned columns, one line per operation. Pure. */
export function ttyFrame(rows: readonly OperationRow[], elapsedMs: (row: OperationRow) => number, paint: Paint): string {
  const cells = rows.map((row) => [
    row.operation?.resourceName ?? row.operationId,
    row.operation?.operationType ?? '',
    statusWord(row),
    formatElapsed(elapsedMs(row)),
  ]);
  const widths = [0, 1, 2].map((i) => Math.max(...cells.map((c) => (c[i] as string).length)));
  return rows
    .map((row, r) => {
      const [name, type, status, elapsed] = cells[r] as [string, string, string, string];
      const style = styleOf(row);
      return [
        paint(style, markOf(row)),
        name.padEnd(widths[0] as number),
        type.padEnd(widths[1] as number),
        paint(style, status.padEnd(widths[2] as number)),
        paint('dim', elapsed),
      ].join('  ');
    })
    .join('\n');
}

function markOf(row: OperationRow): string {
  if (row.result === undefined) return '…';
  return row.result.outcome === 'succeeded' ? '✔' : '✖';
}

function styleOf(row: OperationRow): Style {
  if (row.result === undefined) return 'cyan';
  return row.result.outcome === 'succeeded' ? 'green' : 'red';
}
