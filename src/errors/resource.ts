import { hasErrorName, LightsailWaiterError } from './base.js';
import { describeSdkError } from './describe-sdk-error.js';

/** What else a {@link ResourceRequestError} knows. */
export interface ResourceRequestErrorContext {
  /** The Lightsail action that failed: `'GetInstance'`. @default 'GetOperationsForResource' */
  readonly action?: string;
  /** The waiter that sent it, if any. */
  readonly waiter?: string;
  /** The last output of the waiter's probe, if any. */
  readonly output?: unknown;
}

/**
 * Thrown when a request about a resource fails in a way waiting will not fix: the resource does
 * not exist (`errorName` `NotFoundException`, after the not-found grace window), access is denied,
 * or a transient error outlasted the retries. The SDK exception is the `cause`.
 */
export class ResourceRequestError extends LightsailWaiterError {
  /** Always `'ResourceRequestError'`; the SDK exception's own name is in `errorName`. */
  override name = 'ResourceRequestError' as const;
  /** The resource the request was about. */
  readonly resourceName: string;
  /** The SDK exception's name, such as `NotFoundException` (or `DoesNotExist`, its older shape). */
  readonly errorName: string;
  /** The Lightsail action that failed: `'GetInstance'`, `'GetOperationsForResource'`. */
  readonly action: string;
  /** The waiter that sent the request, if any. */
  readonly waiter: string | undefined;
  /** The HTTP status of the failed response, when there was one. */
  readonly httpStatusCode: number | undefined;
  /** The AWS request id of the failed response, for support tickets. */
  readonly requestId: string | undefined;
  /** True when the error was transient and the retries ran out. */
  readonly retriesExhausted: boolean;
  /** The last output of the waiter's probe, if any. */
  readonly output: unknown;

  constructor(resourceName: string, cause: unknown, retriesExhausted: boolean, context: ResourceRequestErrorContext = {}) {
    const details = describeSdkError(cause);
    const action = context.action ?? 'GetOperationsForResource';
    const what = details.notFound
      ? `Lightsail resource ${resourceName} does not exist`
      : `${action} for Lightsail resource ${resourceName} failed with ${details.name}`;
    super(`${what}${details.message ? `: ${details.message}` : ''}${retriesExhausted ? ' (retries exhausted)' : ''}`, undefined, {
      cause,
    });
    this.resourceName = resourceName;
    this.errorName = details.name;
    this.action = action;
    this.waiter = context.waiter;
    this.httpStatusCode = details.httpStatusCode;
    this.requestId = details.requestId;
    this.retriesExhausted = retriesExhausted;
    this.output = context.output;
  }
}

/** True for a {@link ResourceRequestError}, even from another copy of the package. */
export function isResourceRequestError(value: unknown): value is ResourceRequestError {
  return hasErrorName(value, 'ResourceRequestError');
}
