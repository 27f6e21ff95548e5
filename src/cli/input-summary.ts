import { isOperationFailedError, isOperationRequestError, isResourceRequestError } from '../index.js';
import { deploymentReportDetails } from './render/deployment.js';
import { whatItIs } from './render/describe.js';
import { resultFields } from './render/json.js';
import { describeRow } from './render/report.js';
import { describeResourceRow } from './render/resource-describe.js';
import { instanceIpOf, resourceResultFields } from './render/resource-json.js';
import type { ResourceRow } from './render/resource-tracker.js';
import type { OperationRow } from './render/tracker.js';
import type { InputSummary } from './run-summary.js';
import { visible } from './terminal-text.js';

/** What describing an input needs: the masking of credentials and `--timeout` (to say how long a timed-out wait lasted). */
export interface DescribeContext {
  readonly redact: (text: string) => string;
  readonly timeoutMs: number;
}

/** One operation's ending, from its row; `elapsedMs` is its wait's duration. */
export function operationInputSummary(row: OperationRow, elapsedMs: number, context: DescribeContext): InputSummary {
  const outcome = row.result?.outcome ?? 'aborted';
  const error = row.result?.error;
  let problem: string | null = wordFor(outcome);
  if (outcome === 'failed') problem = (isOperationFailedError(error) ? error.errorCode : row.operation?.errorCode) ?? 'failed';
  if (outcome === 'error' && isOperationRequestError(error)) problem = error.errorName;
  return {
    id: row.operationId,
    label: whatItIs(row) || `operation ${row.operationId}`,
    outcome,
    state: row.operation?.status ?? null,
    problem: problem === null ? null : visible(context.redact(problem)),
    message: describeRow(row, context),
    details: [],
    publicIp: null,
    fields: resultFields(row, Math.round(elapsedMs), context.redact),
  };
}

/** One resource wait's ending, from its row; `elapsedMs` is its wait's duration. */
export function resourceInputSummary(row: ResourceRow, elapsedMs: number, context: DescribeContext): InputSummary {
  const outcome = row.result?.outcome ?? 'aborted';
  const error = row.result?.error;
  let problem: string | null = wordFor(outcome);
  if (outcome === 'failed') problem = row.state === undefined ? 'failed' : `failed in state ${row.state}`;
  if (outcome === 'error' && isResourceRequestError(error)) problem = error.errorName;
  const { logs: _, ...fields } = resourceResultFields(row, Math.round(elapsedMs), context.redact);
  return {
    id: row.target,
    label: row.subject,
    outcome,
    state: row.state ?? null,
    problem: problem === null ? null : visible(context.redact(problem)),
    message: describeResourceRow(row, context),
    details: deploymentReportDetails(row, context.redact),
    publicIp: instanceIpOf(row) ?? null,
    fields,
  };
}

/** The word for an outcome in a title; `null` for success. */
function wordFor(outcome: string): string | null {
  switch (outcome) {
    case 'succeeded':
      return null;
    case 'timeout':
      return 'timed out';
    case 'aborted':
      return 'interrupted';
    default:
      return outcome;
  }
}
