/** Shows a received value in an error message: `` `-5` (number) ``. */
export function describeValue(value: unknown): string {
  if (value === null) return '`null`';
  if (value === undefined) return '`undefined`';
  if (typeof value === 'string') return `\`${JSON.stringify(value)}\` (string)`;
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'object') return Array.isArray(value) ? 'an array' : 'an object';
  return `\`${String(value)}\` (${typeof value})`;
}

/** The longest delay a timer can wait (about 24.8 days): a longer `setTimeout` fires at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Throws unless `value` is a finite number at least `min` (or above it, when `exclusive`), and at most `max`. */
export function assertNumber(
  name: string,
  value: unknown,
  min: number,
  exclusive = false,
  max = Number.POSITIVE_INFINITY,
): asserts value is number {
  const ok = typeof value === 'number' && Number.isFinite(value) && (exclusive ? value > min : value >= min) && value <= max;
  if (ok) return;
  const upTo = Number.isFinite(max) ? ` and <= ${max}` : '';
  const message = `Expected \`${name}\` to be a finite number ${exclusive ? '>' : '>='} ${min}${upTo}, got ${describeValue(value)}`;
  throw typeof value === 'number' ? new RangeError(message) : new TypeError(message);
}

/** Throws unless `value` is a whole number at least `min`, or `Infinity` when allowed. */
export function assertCount(name: string, value: unknown, min: number, allowInfinity = false): asserts value is number {
  if (allowInfinity && value === Number.POSITIVE_INFINITY) return;
  const ok = typeof value === 'number' && Number.isInteger(value) && value >= min;
  if (ok) return;
  const message = `Expected \`${name}\` to be a whole number >= ${min}${allowInfinity ? ' or Infinity' : ''}, got ${describeValue(value)}`;
  throw typeof value === 'number' ? new RangeError(message) : new TypeError(message);
}

/** Throws unless `value` is a function (or undefined when optional). */
export function assertFunction(name: string, value: unknown): void {
  if (typeof value !== 'function') throw new TypeError(`Expected \`${name}\` to be a function, got ${describeValue(value)}`);
}

/** Throws unless `value` is an `AbortSignal`-like object. */
export function assertSignal(name: string, value: unknown): asserts value is AbortSignal {
  const ok =
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AbortSignal).aborted === 'boolean' &&
    typeof (value as AbortSignal).addEventListener === 'function';
  if (!ok) throw new TypeError(`Expected \`${name}\` to be an AbortSignal, got ${describeValue(value)}`);
}
