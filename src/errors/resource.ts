import { hasErrorName, LightsailWaiterError } from './base.js';

/**
 * Thrown by `waitForResource` when listing the resource's operations fails in a way waiting will
 * not fix: the resource does not exist (`errorName` `NotFoundException`), access is denied, or a
 * transient error outlasted the retries. The SDK exception is the `cause`.
 */
export class ResourceRequestError extends LightsailWaiterError {
  /** Always `'ResourceRequestError'`; the SDK exception's own name is in `errorName`. */
  override name = 'ResourceRequestError' as const;
  /** The resource whose operations were listed. */
  readonly resourceName: string;
  /** The SDK exception's name, such as `NotFoundException`. */
  readonly errorName: string;
  /** True when the error was transient and the retries ran out. */
  readonly retriesExhausted: boolean;

  constructor(resourceName: string, cause: unknown, retriesExhausted: boolean) {
    const e = (typeof cause === 'object' && cause !== null ? cause : {}) as { name?: unknown; message?: unknown };
    const errorName = typeof e.name === 'string' ? e.name : 'Error';
    const what =
      errorName === 'NotFoundException'
        ? `Lightsail resource ${resourceName} does not exist`
        : `Listing the operations of Lightsail resource ${resourceName} failed with ${errorName}`;
    super(
      `${what}${typeof e.message === 'string' && e.message ? `: ${e.message}` : ''}${retriesExhausted ? ' (retries exhausted)' : ''}`,
      undefined,
      {
        cause,
      },
    );
    this.resourceName = resourceName;
    this.errorName = errorName;
    this.retriesExhausted = retriesExhausted;
  }
}

/** True for a {@link ResourceRequestError}, even from another copy of the package. */
export function isResourceRequestError(value: unknown): value is ResourceRequestError {
  return hasErrorName(value, 'ResourceRequestError');
}
