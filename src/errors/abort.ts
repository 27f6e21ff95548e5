import type { Operation } from '../types.js';
import { hasErrorName, LightsailWaiterError } from './base.js';
import type { WaitContext } from './wait-context.js';

/**
 * Thrown when the caller's `AbortSignal` aborts the wait. Its `name` is `'AbortError'`, and its
 * `cause` is the signal's `reason`.
 */
export class WaiterAbortError extends LightsailWaiterError {
  /** Always `'AbortError'`, as with the AWS SDK's waiters and an aborted `fetch`, so checks for an abort by name still work. */
  override name = 'AbortError' as const;
  /** The last observed operation, if any poll succeeded. */
  readonly operation: Operation | undefined;
  /** The waiter's name: `'operation'`, `'instance-running'`. */
  readonly waiter: string;
  /** What was waited on: the operation id or the resource name. */
  readonly target: string | undefined;
  /** The last state seen, if any. */
  readonly state: string | undefined;
  /** The last probe output seen, if any. */
  readonly output: unknown;

  /**
   * @param subject - what was waited for, in words; `waitForResource` names the resource here
   *   (its `operationId` is then undefined).
   */
  constructor(
    operationId: string | undefined,
    reason: unknown,
    operation: Operation | undefined,
    subject = `Lightsail operation ${operationId}`,
    context: WaitContext = {},
  ) {
    const why = reason instanceof Error && reason.message ? `: ${reason.message}` : '';
    super(`Stopped waiting for ${subject}: aborted${why}`, operationId, { cause: reason });
    this.operation = operation;
    this.waiter = context.waiter ?? 'operation';
    this.target = context.target ?? operationId;
    this.state = context.state ?? operation?.status;
    this.output = context.output;
  }
}

/** True for a {@link WaiterAbortError}, even from another copy of the package. */
export function isWaiterAbortError(value: unknown): value is WaiterAbortError {
  return hasErrorName(value, 'AbortError');
}
