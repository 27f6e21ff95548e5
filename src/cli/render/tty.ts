import { type Operation, operationOutcome, type ResultOutcome } from '../../index.js';
import type { Paint } from '../color.js';
import { statusWord } from './describe.js';
import { createLiveView } from './live-view.js';
import type { RenderContext, Renderer } from './renderer.js';
import { OPERATIONS, summaryLine } from './summary.js';
import type { OperationRow } from './tracker.js';
import { type ViewRow, viewFrame } from './view-row.js';

export { TICK_MS } from './live-view.js';

/**
 * The live view of operations: one line per operation (resource name, operation type, status,
 * elapsed), as many as fit the terminal, redrawn on every change and every second; then every
 * line, and a summary line.
 */
export function createTtyRenderer(context: RenderContext): Renderer {
  const { waiter, tracker } = context;
  return createLiveView(
    {
      rows: () => tracker.rows.map((row) => operationViewRow(row, tracker.elapsedMs(row))),
      summary: () =>
        summaryLine(
          tracker.results.map((r) => r.outcome),
          tracker.elapsedMs(),
          OPERATIONS,
        ),
      subscribe: (redraw) => {
        waiter.on('status', redraw);
        waiter.on('settled', redraw);
        return () => {
          waiter.off('status', redraw);
          waiter.off('settled', redraw);
        };
      },
    },
    context,
  );
}

/** One frame of the operations' live view: aligned columns, one line per operation. Pure. */
export function ttyFrame(rows: readonly OperationRow[], elapsedMs: (row: OperationRow) => number, paint: Paint): string {
  return viewFrame(
    rows.map((row) => operationViewRow(row, elapsedMs(row))),
    paint,
  );
}

/**
 * An operation as a live-view row. An operation whose last status is final (`Succeeded`,
 * `Failed`) shows as finished at once: its waiter settles a moment after that status arrives.
 */
export function operationViewRow(row: OperationRow, elapsedMs: number): ViewRow {
  return {
    name: row.operation?.resourceName ?? row.operationId,
    kind: row.operation?.operationType ?? '',
    status: statusWord(row),
    outcome: row.result?.outcome ?? finalOutcome(row.operation),
    elapsedMs,
  };
}

function finalOutcome(operation: Operation | undefined): ResultOutcome | undefined {
  const outcome = operation === undefined ? 'pending' : operationOutcome(operation);
  return outcome === 'pending' ? undefined : outcome;
}
