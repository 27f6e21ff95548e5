import type { Operation } from '../types.js';
import { hasErrorName, LightsailWaiterError } from './base.js';

/**
 * Thrown when the operation is still not finished when `timeoutMs` runs out. Its `name` is
 * `'TimeoutError'`, as with the AWS SDK's waiters and `AbortSignal.timeout()`.
 */
export class WaiterTimeoutError extends LightsailWaiterError {
  /** Always `'TimeoutError'`, to match the AWS SDK's waiters and `AbortSignal.timeout()`, so existing timeout checks by name keep working. */
  override name = 'TimeoutError' as const;
  /** The timeout that ran out, in milliseconds. */
  readonly timeoutMs: number;
  /** The last observed operation, if any poll succeeded. */
  readonly operation: Operation | undefined;
  /** How many `GetOperation` responses were received. */
  readonly attempts: number;

  /**
   * @param subject - what was waited for, in words; `waitForResource` names the resource here
   *   (its `operationId` is then undefined).
   */
  constructor(
    operationId: string | undefined,
    timeoutMs: number,
    operation: Operation | undefined,
    attempts: number,
    subject = `Lightsail operation ${operationId}`,
  ) {
    const last = operation?.status ? `; last seen ${operation.status}` : '';
    super(`Timed out after ${timeoutMs} ms waiting for ${subject}${last}`, operationId);
    this.timeoutMs = timeoutMs;
    this.operation = operation;
    this.attempts = attempts;
  }
}

/** True for a {@link WaiterTimeoutError}, even from another copy of the package. */
export function isWaiterTimeoutError(value: unknown): value is WaiterTimeoutError {
  return hasErrorName(value, 'TimeoutError');
}
