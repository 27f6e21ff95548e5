import { isOperationRequestError } from '../../index.js';
import type { OperationRow } from './tracker.js';

/** `CreateInstance of web-1`, from whatever the operation says about itself; `''` when it says nothing. */
export function whatItIs(row: OperationRow): string {
  const { operationType, resourceName } = row.operation ?? {};
  return [operationType, resourceName].filter(Boolean).join(' of ');
}

/** `operation 1b2c… (CreateInstance of web-1)`: how messages name an operation. */
export function nameOf(row: OperationRow): string {
  const what = whatItIs(row);
  return `operation ${row.operationId}${what ? ` (${what})` : ''}`;
}

/** The last observed status, or `unknown` before the first response. */
export function lastStatus(row: OperationRow): string {
  return row.operation?.status ?? 'unknown';
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
      return isOperationRequestError(result.error) ? result.error.errorName : 'error';
    case 'aborted':
      return `${lastStatus(row)}, interrupted`;
    case 'cancelled':
      return `${lastStatus(row)}, cancelled`;
    default:
      return row.operation?.status ?? 'waiting';
  }
}
