import type { OperationResult } from '../policy/result-outcome.js';
import { hasErrorName, LightsailWaiterError } from './base.js';

/**
 * Thrown by `waitForOperations` when at least one operation did not succeed. `results` has one
 * entry per input, in input order, so a caller can always tell what happened to each operation.
 */
export class OperationsFailedError extends LightsailWaiterError {
  /** Always `'OperationsFailedError'`; {@link isOperationsFailedError} checks it. */
  override name = 'OperationsFailedError' as const;
  /** One result per input operation, in input order. */
  readonly results: readonly OperationResult[];

  constructor(results: readonly OperationResult[]) {
    const counts = new Map<string, number>();
    for (const r of results) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
    const summary = [...counts].map(([outcome, n]) => `${n} ${outcome}`).join(', ');
    const first = results.find((r) => r.outcome !== 'succeeded' && r.outcome !== 'cancelled' && r.error);
    super(
      `${results.length - (counts.get('succeeded') ?? 0)} of ${results.length} Lightsail operations did not succeed (${summary})` +
        (first?.error ? `; first: ${first.error.message}` : ''),
      undefined,
      first?.error ? { cause: first.error } : undefined,
    );
    this.results = results;
  }

  /** The results that did not succeed. */
  get failures(): readonly OperationResult[] {
    return this.results.filter((r) => r.outcome !== 'succeeded');
  }
}

/** True for an {@link OperationsFailedError}, even from another copy of the package. */
export function isOperationsFailedError(value: unknown): value is OperationsFailedError {
  // An `OperationsTimeoutError` (or `OperationsAbortError`) is one too, though its name is `TimeoutError` (or `AbortError`).
  return (
    hasErrorName(value, 'OperationsFailedError') ||
    ((hasErrorName(value, 'TimeoutError') || hasErrorName(value, 'AbortError')) && Array.isArray((value as { results?: unknown }).results))
  );
}
