import type { Operation } from '../types.js';
import { hasErrorName, LightsailWaiterError } from './base.js';
import { describeSdkError } from './describe-sdk-error.js';

/**
 * Thrown when `GetOperation` fails in a way waiting will not fix (access denied, not
 * authenticated, bad input, an operation that does not exist), or keeps failing with a transient
 * error until the retries run out; `action` is `GetOperations` when the request that failed last
 * was a listing of many operations. The SDK exception is the `cause`; its name is `errorName`.
 */
export class OperationRequestError extends LightsailWaiterError {
  /** Always `'OperationRequestError'`; the SDK exception's own name is in `errorName`. */
  override name = 'OperationRequestError' as const;
  declare readonly operationId: string;
  /** The SDK exception's name, such as `AccessDeniedException` or `ThrottlingException`. */
  readonly errorName: string;
  /** The HTTP status of the failed response, when there was one. */
  readonly httpStatusCode: number | undefined;
  /** The AWS request id of the failed response, for support tickets. */
  readonly requestId: string | undefined;
  /** True when the error was transient and the retries ran out; false when it fails fast. */
  readonly retriesExhausted: boolean;
  /** The last observed operation, if any poll succeeded. */
  readonly operation: Operation | undefined;
  /** The Lightsail action that failed: `'GetOperation'`, or `'GetOperations'` for a listing. */
  readonly action: 'GetOperation' | 'GetOperations';

  constructor(
    operationId: string,
    cause: unknown,
    retriesExhausted: boolean,
    operation: Operation | undefined,
    action: 'GetOperation' | 'GetOperations' = 'GetOperation',
  ) {
    const details = describeSdkError(cause);
    super(
      `${action} for Lightsail operation ${operationId} failed with ${details.name}` +
        (details.message ? `: ${details.message}` : '') +
        (retriesExhausted ? ' (retries exhausted)' : ''),
      operationId,
      { cause },
    );
    this.errorName = details.name;
    this.httpStatusCode = details.httpStatusCode;
    this.requestId = details.requestId;
    this.retriesExhausted = retriesExhausted;
    this.operation = operation;
    this.action = action;
  }
}

/** True for an {@link OperationRequestError}, even from another copy of the package. */
export function isOperationRequestError(value: unknown): value is OperationRequestError {
  return hasErrorName(value, 'OperationRequestError');
}
