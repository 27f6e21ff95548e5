import {
  isContainerDeploymentFailedError,
  isResourceFailedError,
  isWaiterAbortError,
  isWaiterTimeoutError,
  type ResultOutcome,
} from '../index.js';

/**
 * Sorts the error a resource wait rejected with into the outcome words the exit code reads:
 * a failure state (`ResourceFailedError`, or a container deployment's
 * `ContainerDeploymentFailedError`) is `failed`, a timeout `timeout`, an abort `aborted`;
 * anything else, a `ResourceRequestError` above all (not found after the grace window, access
 * denied, retries exhausted), is `error`. Pure.
 */
export function resourceOutcome(error: unknown): ResultOutcome {
  if (isResourceFailedError(error) || isContainerDeploymentFailedError(error)) return 'failed';
  if (isWaiterTimeoutError(error)) return 'timeout';
  if (isWaiterAbortError(error)) return 'aborted';
  return 'error';
}
