import type { OperationResult } from '../policy/result-outcome.js';
import { OperationsFailedError } from './operations-failed.js';

/**
 * Thrown by `waitForOperations` when the only operations that did not succeed timed out: a
 * timeout is a timeout, so its `name` is `'TimeoutError'` (as `WaiterTimeoutError`'s), and it is
 * still an `OperationsFailedError` with the per-operation `results`. `isWaiterTimeoutError` and
 * `isOperationsFailedError` are both true for it.
 */
export class OperationsTimeoutError extends OperationsFailedError {
  /** Always `'TimeoutError'`, so checks for a timeout by name work. */
  override name = 'TimeoutError' as unknown as 'OperationsFailedError';
  /** The timeout that ran out, in milliseconds. */
  readonly timeoutMs: number;

  constructor(results: readonly OperationResult[], timeoutMs: number) {
    super(results);
    this.timeoutMs = timeoutMs;
    const timedOut = results.filter((r) => r.outcome === 'timeout').length;
    this.message = `Timed out after ${timeoutMs} ms: ${timedOut} of ${results.length} Lightsail operations still not finished`;
  }
}
