import { isOperationRequestError } from '../../index.js';
import { visible } from '../terminal-text.js';
import type { OperationRow } from './tracker.js';

/**
 * `CreateInstance of web-1`, from whatever the operation says about itself; `''` when it says
 * nothing. Each field is the server's (or stdin's), so it is shown {@link visible}.
 */
export function whatItIs(row: OperationRow): string {
  const { operationType, resourceName } = row.operation ?? {};
  return [operationType, resourceName]
    .filter((field): field is string => typeof field === 'string' && field !== '')
    .map((field) => visible(field))
    .join(' of ');
}

/** `operation 1b2c… (CreateInstance of web-1)`: how messages name an operation. */
export function nameOf(row: OperationRow): string {
  const what = whatItIs(row);
  return `operation ${row.operationId}${what ? ` (${what})` : ''}`;
}

/** The last observed status, or `unknown` before the first response. */
export function lastStatus(row: OperationRow): string {
  const status = row.operation?.status;
  return status === undefined ? 'unknown' : visible(status);
}

/**
 * The status word a view shows: the Lightsail status while waiting and after a success or failure;
 * for the other endings, what happened (`timed out`, the AWS error's name, `interrupted`).
 */
export function statusWord(row: OperationRow): string {
  const result = row.result;
  switch (result?.outcome) {
    case 'timeout':
      return `${lastStatus(row)}, timed out`;
    case 'error':
      return isOperationRequestError(result.error) ? visible(result.error.errorName) : 'error';
    case 'aborted':
      return `${lastStatus(row)}, interrupted`;
    case 'cancelled':
      return `${lastStatus(row)}, cancelled`;
    default:
      return row.operation?.status === undefined ? 'waiting' : visible(row.operation.status);
  }
}
