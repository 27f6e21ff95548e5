import type { Writable } from 'node:stream';
import { isOperationFailedError, isOperationRequestError } from '../../index.js';
import type { Paint } from '../color.js';
import { formatDuration, formatElapsed } from '../duration.js';
import { lastStatus, nameOf } from './describe.js';
import type { OperationRow } from './tracker.js';

/** What the standard-error report needs. */
export interface ReportContext {
  /** Standard error. */
  readonly err: Writable;
  /** Colors for `err`. */
  readonly paint: Paint;
  readonly redact: (text: string) => string;
  /** `--timeout`, to say how long a timed-out wait lasted. */
  readonly timeoutMs: number;
}

const PREFIX = 'lightsail-wait:';

/**
 * Writes the problems to standard error, in every output mode: one line per operation that did not
 * succeed, naming the operation id and, for a failure, its `errorCode` and `errorDetails`. After an
 * interruption, where every operation stood instead.
 */
export function writeReport(rows: readonly OperationRow[], elapsedMs: number, context: ReportContext): void {
  const { err, paint } = context;
  const prefix = paint('red', PREFIX);
  if (rows.some((row) => row.result === undefined || row.result.outcome === 'aborted')) {
    err.write(`${prefix} interrupted after ${formatElapsed(elapsedMs)}; where each operation stood:\n`);
    for (const row of rows) err.write(`  ${describeRow(row, context)}\n`);
    return;
  }
  for (const row of rows) {
    const outcome = row.result?.outcome;
    if (outcome !== 'succeeded' && outcome !== 'cancelled') err.write(`${prefix} ${describeRow(row, context)}\n`);
  }
}

/** One line saying how an operation's wait ended. */
export function describeRow(row: OperationRow, context: Pick<ReportContext, 'redact' | 'timeoutMs'>): string {
  const { redact, timeoutMs } = context;
  const who = nameOf(row);
  const result = row.result;
  const error = result?.error;
  switch (result?.outcome) {
    case 'succeeded':
      return `${who}: ${lastStatus(row)}`;
    case 'failed': {
      const code = isOperationFailedError(error) ? error.errorCode : row.operation?.errorCode;
      const details = isOperationFailedError(error) ? error.errorDetails : row.operation?.errorDetails;
      return `${who} failed: ${code ?? '(no errorCode)'}: ${details ?? '(no errorDetails)'}`;
    }
    case 'timeout':
      return `${who} timed out after ${formatDuration(timeoutMs)}; last status ${lastStatus(row)}`;
    case 'error':
      return redact(`${who}: ${describeRequestError(error)}`);
    case 'cancelled':
      return `${who}: cancelled; last status ${lastStatus(row)}`;
    default: {
      const seen = row.operation?.status;
      return `${who}: ${seen === undefined ? 'no status seen yet' : seen}, still running`;
    }
  }
}

function describeRequestError(error: Error | undefined): string {
  if (!isOperationRequestError(error)) return error?.message ?? 'unknown error';
  const cause = error.cause instanceof Error && error.cause.message ? `: ${error.cause.message}` : '';
  return `GetOperation failed with ${error.errorName}${cause}${error.retriesExhausted ? ' (retries exhausted)' : ''}`;
}
