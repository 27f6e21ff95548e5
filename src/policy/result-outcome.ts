import { isWaiterAbortError } from '../errors/abort.js';
import { isOperationFailedError } from '../errors/operation-failed.js';
import { isWaiterTimeoutError } from '../errors/timeout.js';
import type { Operation } from '../types.js';

/**
 * How one operation's wait ended: `succeeded`; `failed` (Lightsail says so: see `errorCode`);
 * `timeout`; `aborted` (the caller's signal); `cancelled` (`failFast` stopped it after another
 * failed); `error` (`GetOperation` failed in a way waiting will not fix, such as access denied).
 */
export type ResultOutcome = 'succeeded' | 'failed' | 'timeout' | 'aborted' | 'cancelled' | 'error';

/** What happened to one operation of a `waitForOperations` call. */
export interface OperationResult {
  /** The operation's id; an id given twice gets two identical results. */
  readonly operationId: string;
  /** How the operation's wait ended. */
  readonly outcome: ResultOutcome;
  /** The final (or last observed) operation, where known. */
  readonly operation: Operation | undefined;
  /** The error, for every outcome but `succeeded`. */
  readonly error: Error | undefined;
}

/** The result of an operation whose wait succeeded, frozen. */
export function succeededResult(operationId: string, operation: Operation): OperationResult {
  return Object.freeze({ operationId, outcome: 'succeeded', operation, error: undefined });
}

/** Marks the abort that `failFast` sends to the operations still running. */
export const FAIL_FAST = Symbol('lightsail-waiter.failFast');

/** Sorts an error of one wait into an outcome. */
export function outcomeOfError(error: unknown): ResultOutcome {
  if (isOperationFailedError(error)) return 'failed';
  if (isWaiterTimeoutError(error)) return 'timeout';
  if (isWaiterAbortError(error)) return (error as Error).cause === FAIL_FAST ? 'cancelled' : 'aborted';
  return 'error';
}
