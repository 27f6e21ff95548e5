import { isContainerDeploymentFailedError, isResourceFailedError, isResourceRequestError } from '../../index.js';
import { formatDuration } from '../duration.js';
import { visible } from '../terminal-text.js';
import type { ResourceRow, ResourceTracker } from './resource-tracker.js';
import { RESOURCES, summaryLine } from './summary.js';
import type { ViewRow } from './view-row.js';

// Lightsail's not-found, in its current and its older shape.
const NOT_FOUND = new Set(['NotFoundException', 'DoesNotExist']);

/** `running (198.51.100.7)`: a state with its detail, when there is one, each shown {@link visible}. */
export function withDetail(state: string, detail: string | undefined): string {
  return detail === undefined || detail === '' ? visible(state) : `${visible(state)} (${visible(detail)})`;
}

/** The last state seen, shown {@link visible}, or `fallback` before any. */
function stateOf(row: ResourceRow, fallback: string): string {
  return row.state === undefined ? fallback : visible(row.state);
}

/** The state the live view shows: the last one seen, or for the other endings what happened. */
export function stateWord(row: ResourceRow): string {
  const seen = row.state === undefined ? 'waiting' : withDetail(row.state, row.detail);
  const error = row.result?.error;
  switch (row.result?.outcome) {
    case 'timeout':
      return `${stateOf(row, 'unknown')}, timed out`;
    case 'error':
      return visible(isResourceRequestError(error) ? error.errorName : (error?.name ?? 'error'));
    case 'aborted':
      return `${stateOf(row, 'unknown')}, interrupted`;
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
  const last = row.state === undefined ? 'no state seen' : `last state ${visible(row.state)}`;
  const show = (text: string): string => visible(context.redact(text));
  const error = row.result?.error;
  switch (row.result?.outcome) {
    case 'succeeded':
      return `${who}: ${stateOf(row, 'done')}`;
    case 'failed': {
      const reason = failureReason(error) ?? error?.message ?? 'failed';
      return `${who} failed in state ${stateOf(row, 'unknown')}: ${show(reason)}`;
    }
    case 'timeout':
      return `${who} timed out after ${formatDuration(context.timeoutMs)}; ${last}`;
    case 'error': {
      const gone = isResourceRequestError(error) && NOT_FOUND.has(error.errorName);
      return `${who}${gone ? ' does not exist' : ''}: ${describeRequestError(row, error, show)}; ${last}`;
    }
    case 'aborted':
    case undefined:
      return `${who}: ${row.state === undefined ? 'no state seen yet' : withDetail(row.state, row.detail)}, still waiting`;
    case 'cancelled':
      return `${who}: cancelled; ${last}`;
  }
}

/** The reason a failure error gives: a resource's failure state, or a container deployment's. */
function failureReason(error: Error | undefined): string | undefined {
  if (isResourceFailedError(error) || isContainerDeploymentFailedError(error)) return error.reason;
  return undefined;
}

function describeRequestError(row: ResourceRow, error: Error | undefined, show: (text: string) => string): string {
  if (!isResourceRequestError(error)) return `${row.action} failed: ${error === undefined ? 'unknown error' : show(error.message)}`;
  const cause = error.cause instanceof Error && error.cause.message ? `: ${show(error.cause.message)}` : '';
  return `${error.action} failed with ${show(error.errorName)}${cause}${error.retriesExhausted ? ' (retries exhausted)' : ''}`;
}

/** `2 resources: 1 succeeded, 1 failed (12s)`: the last line of the terminal and plain views. */
export function resourceSummary(tracker: ResourceTracker): string {
  const outcomes = tracker.rows.flatMap((row) => (row.result === undefined ? [] : [row.result.outcome]));
  return summaryLine(outcomes, tracker.elapsedMs(), RESOURCES);
}
