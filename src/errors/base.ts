const BRAND = Symbol.for('lightsail-waiter.error');

/** Options every lightsail-waiter error accepts. */
export interface LightsailWaiterErrorOptions {
  /** The error that caused this one, such as the SDK exception. */
  cause?: unknown;
}

/**
 * The base class of every error lightsail-waiter throws (other than `TypeError`/`RangeError`
 * for bad arguments). Check with {@link isLightsailWaiterError}, which also works across realms
 * and duplicate installs.
 */
export class LightsailWaiterError extends Error {
  /**
   * `'LightsailWaiterError'` here; each subclass narrows it to its own name, which the `isXError()`
   * guards compare (with a brand) instead of trusting `instanceof`.
   */
  override name: string = 'LightsailWaiterError';
  /** The id of the operation the error is about, when there is one. */
  readonly operationId: string | undefined;

  constructor(message: string, operationId: string | undefined, options?: LightsailWaiterErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.operationId = operationId;
  }
}

// The brand lives on the prototype: set once, not per error (thousands of waits can time out at once).
Object.defineProperty(LightsailWaiterError.prototype, BRAND, { value: true });

/** Reads a brand-named field from an error of this library without trusting `instanceof`. */
export function hasErrorName(value: unknown, name?: string): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if ((value as Record<symbol, unknown>)[BRAND] !== true) return false;
  return name === undefined || (value as { name?: unknown }).name === name;
}

/** True for any error thrown by lightsail-waiter, even from another copy of the package. */
export function isLightsailWaiterError(value: unknown): value is LightsailWaiterError {
  return hasErrorName(value);
}
