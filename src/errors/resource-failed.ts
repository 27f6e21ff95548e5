import { hasErrorName, LightsailWaiterError } from './base.js';

/**
 * Thrown when a resource reaches a state it will not come back from for this wait: a disk in
 * `error`, a load balancer `failed`, a certificate `VALIDATION_TIMED_OUT`. Carries what was seen.
 */
export class ResourceFailedError extends LightsailWaiterError {
  /** Always `'ResourceFailedError'`; {@link isResourceFailedError} checks it. */
  override name = 'ResourceFailedError' as const;
  /** The waiter that gave up: `'disk-available'`. */
  readonly waiter: string;
  /** The resource waited on, by name. */
  readonly resourceName: string;
  /** The state that failed the wait, as Lightsail reported it. */
  readonly state: string | undefined;
  /** Why, in words: `'the disk is in state error'`. */
  readonly reason: string;
  /** The last `Get*` output, as the SDK returned it. */
  readonly output: unknown;

  constructor(init: { waiter: string; resourceName: string; subject: string; state: string | undefined; reason: string; output: unknown }) {
    super(`${init.subject} will not become what ${init.waiter} waits for: ${init.reason}`, undefined);
    this.waiter = init.waiter;
    this.resourceName = init.resourceName;
    this.state = init.state;
    this.reason = init.reason;
    this.output = init.output;
  }
}

/** True for a {@link ResourceFailedError}, even from another copy of the package. */
export function isResourceFailedError(value: unknown): value is ResourceFailedError {
  return hasErrorName(value, 'ResourceFailedError');
}
