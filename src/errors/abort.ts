import type { Operation } from '../types.js';
import { hasErrorName, LightsailWaiterError } from './base.js';

/**
 * Thrown when the caller's `AbortSignal` aborts the wait. Its `name` is `'AbortError'`, and its
 * `cause` is the signal's `reason`.
 */
export class WaiterAbortError extends LightsailWaiterError {
  /** Always `'AbortError'`, as with the AWS SDK's waiters and an aborted `fetch`, so checks for an abort by name still work. */
  override name = 'AbortError' as const;
  /** The last observed operation, if any poll succeeded. */
  readonly operation: Operation | undefined;

  /**
   * @param subject - what was waited for, in words; `waitForResource` names the resource here
   *   (its `operationId` is then undefined).
   */
  constructor(
    operationId: string | undefined,
    reason: unknown,
    operation: Operation | undefined,
    subject = `Lightsail operation ${operationId}`,
  ) {
    const why = reason instanceof Error && reason.message ? `: ${reason.message}` : '';
    super(`Stopped waiting for ${subject}: aborted${why}`, operationId, { cause: reason });
    this.operation = operation;
  }
}

/** True for a {@link WaiterAbortError}, even from another copy of the package. */
export function isWaiterAbortError(value: unknown): value is WaiterAbortError {
  return hasErrorName(value, 'AbortError');
}
