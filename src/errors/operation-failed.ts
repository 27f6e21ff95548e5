import type { Operation } from '../types.js';
import { hasErrorName, LightsailWaiterError } from './base.js';

/**
 * Thrown when Lightsail reports the operation `Failed`, or terminal with a status that is not a
 * success. Carries Lightsail's own `errorCode` and `errorDetails`.
 */
export class OperationFailedError extends LightsailWaiterError {
  /** Always `'OperationFailedError'`; {@link isOperationFailedError} checks it. */
  override name = 'OperationFailedError' as const;
  declare readonly operationId: string;
  /** Lightsail's error code, such as `NoAvailableCapacity`, when it gave one. */
  readonly errorCode: string | undefined;
  /** Lightsail's explanation of the failure, when it gave one. */
  readonly errorDetails: string | undefined;
  /** The final status, usually `Failed`. */
  readonly status: string | undefined;
  /** The final operation as Lightsail returned it. */
  readonly operation: Operation;

  constructor(operation: Operation) {
    const id = operation.id ?? '(unknown id)';
    const what = [operation.operationType, operation.resourceName].filter(Boolean).join(' of ');
    const because = [operation.errorCode, operation.errorDetails].filter(Boolean).join(': ');
    super(
      `Lightsail operation ${id}${what ? ` (${what})` : ''} ended ${operation.status ?? 'without a status'}` +
        (because ? `: ${because}` : ' with no error code'),
      id,
    );
    this.errorCode = operation.errorCode;
    this.errorDetails = operation.errorDetails;
    this.status = operation.status;
    this.operation = operation;
  }
}

/** True for an {@link OperationFailedError}, even from another copy of the package. */
export function isOperationFailedError(value: unknown): value is OperationFailedError {
  return hasErrorName(value, 'OperationFailedError');
}
