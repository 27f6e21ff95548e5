import { isResourceFailedError, isResourceRequestError } from '../../index.js';
import { formatDuration } from '../duration.js';
import type { ResourceRow, ResourceTracker } from './resource-tracker.js';
import { RESOURCES, summaryLine } from './summary.js';
import type { ViewRow } from './view-row.js';

// Lightsail's not-found, in its current and its older shape.
const NOT_FOUND = new Set(['NotFoundException', 'DoesNotExist']);

/** `running (198.51.100.7)`: a state with its detail, when there is one. */
export function withDetail(state: string, detail: string | undefined): string {
  return detail === undefined || detail === '' ? state : `${state} (${detail})`;
}

/** The state the live view shows: the last one seen, or for the other endings what happened. */
export function stateWord(row: ResourceRow): string {
  const seen = row.state === undefined ? 'waiting' : withDetail(row.state, row.detail);
  const error = row.result?.error;
  switch (row.result?.outcome) {
    case 'timeout':
      return `${row.state ?? 'unknown'}, timed out`;
    case 'error':
      return isResourceRequestError(error) ? error.errorName : (error?.name ?? 'error');
    case 'aborted':
      return `${row.state ?? 'unknown'}, interrupted`;
    default:
      return seen;
  }
}

/** A resource wait as a live-view row: name, waiter, state, elapsed. */
export function resourceViewRow(row: ResourceRow, elapsedMs: number): ViewRow {
  return { name: row.target, kind: row.waiter, status: stateWord(row), outcome: row.result?.outcome, elapsedMs };
}

/**
 * One line saying how a resource wait ended, for standard error: the resource, the waiter, the
 * last state and the reason or the AWS error.
 * `disk disk-1 (disk-available) failed in state error: the disk is in state error`.
 */
export function describeResourceRow(row: ResourceRow, context: { redact: (text: string) => string; timeoutMs: number }): string {
  const who = `${row.subject} (${row.waiter})`;
  const last = row.state === undefined ? 'no state seen' : `last state ${row.state}`;
  const error = row.result?.error;
  switch (row.result?.outcome) {
    case 'succeeded':
      return `${who}: ${row.state ?? 'done'}`;
    case 'failed': {
      const reason = isResourceFailedError(error) ? error.reason : (error?.message ?? 'failed');
      return context.redact(`${who} failed in state ${row.state ?? 'unknown'}: ${reason}`);
    }
    case 'timeout':
      return `${who} timed out after ${formatDuration(context.timeoutMs)}; ${last}`;
    case 'error': {
      const gone = isResourceRequestError(error) && NOT_FOUND.has(error.errorName);
      return context.redact(`${who}${gone ? ' does not exist' : ''}: ${describeRequestError(row, error)}; ${last}`);
    }
    case 'aborted':
    case undefined:
      return `${who}: ${row.state === undefined ? 'no state seen yet' : withDetail(row.state, row.detail)}, still waiting`;
    case 'cancelled':
      return `${who}: cancelled; ${last}`;
  }
}

function describeRequestError(row: ResourceRow, error: Error | undefined): string {
  if (!isResourceRequestError(error)) return `${row.action} failed: ${error?.message ?? 'unknown error'}`;
  const cause = error.cause instanceof Error && error.cause.message ? `: ${error.cause.message}` : '';
  return `${error.action} failed with ${error.errorName}${cause}${error.retriesExhausted ? ' (retries exhausted)' : ''}`;
}

/** `2 resources: 1 succeeded, 1 failed (12s)`: the last line of the terminal and plain views. */
export function resourceSummary(tracker: ResourceTracker): string {
  const outcomes = tracker.rows.flatMap((row) => (row.result === undefined ? [] : [row.result.outcome]));
  return summaryLine(outcomes, tracker.elapsedMs(), RESOURCES);
}
