import { isOperationFailedError, isOperationRequestError } from '../../index.js';
import { type Paint, painter, shouldColor } from '../color.js';
import { formatDuration } from '../duration.js';
import { commandSafe } from '../github/workflow-commands.js';
import type { CliIO } from '../io.js';
import { visible } from '../terminal-text.js';
import { lastStatus, nameOf } from './describe.js';
import { writeProblems } from './problems.js';
import type { OperationRow } from './tracker.js';

/** What the standard-error report needs. */
export interface ReportContext {
  /** Standard error. */
  readonly err: { write(text: string): unknown };
  /** Colors for `err`. */
  readonly paint: Paint;
  readonly redact: (text: string) => string;
  /** `--timeout`, to say how long a timed-out wait lasted. */
  readonly timeoutMs: number;
}

/**
 * The report's context for a command: standard error (under GitHub Actions with workflow commands
 * stopped around each write, since log lines and error details come from outside), its colors,
 * the redaction of credentials, and `--timeout`.
 */
export function reportContext(io: Pick<CliIO, 'stderr' | 'env'>, redact: (text: string) => string, timeoutMs: number): ReportContext {
  return { err: commandSafe(io.stderr, io.env), paint: painter(shouldColor(io.stderr, io.env)), redact, timeoutMs };
}

/**
 * Writes the problems to standard error, in every output mode: one line per operation that did not
 * succeed, naming the operation id and, for a failure, its `errorCode` and `errorDetails`. After an
 * interruption, where every operation stood instead.
 */
export function writeReport(rows: readonly OperationRow[], elapsedMs: number, context: ReportContext): void {
  const lines = rows.map((row) => ({ outcome: row.result?.outcome, text: describeRow(row, context) }));
  writeProblems(lines, elapsedMs, 'operation', context);
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
      const show = (field: string | undefined, none: string): string => (field === undefined ? none : visible(redact(field)));
      return `${who} failed: ${show(code, '(no errorCode)')}: ${show(details, '(no errorDetails)')}`;
    }
    case 'timeout':
      return `${who} timed out after ${formatDuration(timeoutMs)}; last status ${lastStatus(row)}`;
    case 'error':
      return `${who}: ${describeRequestError(error, redact)}`;
    case 'cancelled':
      return `${who}: cancelled; last status ${lastStatus(row)}`;
    default: {
      const seen = row.operation?.status;
      return `${who}: ${seen === undefined ? 'no status seen yet' : lastStatus(row)}, still running`;
    }
  }
}

/** Why a request failed, each outside part masked (before it is cut, so no secret is half shown) and made {@link visible}. */
function describeRequestError(error: Error | undefined, redact: (text: string) => string): string {
  const show = (text: string): string => visible(redact(text));
  if (!isOperationRequestError(error)) return error === undefined ? 'unknown error' : show(error.message);
  const cause = error.cause instanceof Error && error.cause.message ? `: ${show(error.cause.message)}` : '';
  return `GetOperation failed with ${show(error.errorName)}${cause}${error.retriesExhausted ? ' (retries exhausted)' : ''}`;
}
