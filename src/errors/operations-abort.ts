import type { OperationResult } from '../policy/result-outcome.js';
import { OperationsFailedError } from './operations-failed.js';

/**
 * Thrown by `waitForOperations` (and `waitForResource`, the plugin) when the caller's signal
 * aborted the wait and no operation had failed before it: an abort is an abort, so its `name` is
 * `'AbortError'` (as `WaiterAbortError`'s), and it is still an `OperationsFailedError` with the
 * per-operation `results`. `isWaiterAbortError` and `isOperationsFailedError` are both true for it.
 */
export class OperationsAbortError extends OperationsFailedError {
  /** Always `'AbortError'`, so checks for an abort by name work. */
  override name = 'AbortError' as unknown as 'OperationsFailedError';
  /** The signal's `reason`: what the caller aborted with. */
  readonly reason: unknown;

  constructor(results: readonly OperationResult[], reason: unknown) {
    super(results);
    this.reason = reason;
    const aborted = results.filter((r) => r.outcome === 'aborted').length;
    this.message = `Aborted: ${aborted} of ${results.length} Lightsail operations still not finished`;
  }
}
