/**
 * Validation helpers shared by the options and the `Simulator` methods: they throw `TypeError` or
 * `RangeError` naming the option and showing the value received.
 */

/** Describes a received value for error messages: `` `-5` (number) ``. */
export function describeValue(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return `\`${text}\` (${value === null ? 'null' : typeof value})`;
}

/** Throws a `RangeError`/`TypeError` unless `value` is a number accepted by `test`. */
export function checkNumber(name: string, value: unknown, expected: string, test: (n: number) => boolean): number {
  if (typeof value !== 'number') throw new TypeError(`Expected \`${name}\` to be ${expected}, got ${describeValue(value)}`);
  if (Number.isNaN(value) || !test(value)) throw new RangeError(`Expected \`${name}\` to be ${expected}, got ${describeValue(value)}`);
  return value;
}

/** Throws a `TypeError` unless `value` is a string matching `pattern`. */
export function checkString(name: string, value: unknown, pattern: RegExp, expected: string): string {
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw new TypeError(`Expected \`${name}\` to be ${expected}, got ${describeValue(value)}`);
  }
  return value;
}

/** Throws a `TypeError` unless `value` is one of `allowed`. */
export function checkOneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) {
    throw new TypeError(`Expected \`${name}\` to be one of ${allowed.join(', ')}, got ${describeValue(value)}`);
  }
  return value as T;
}

export const isNonNegative = (n: number): boolean => n >= 0;
export const isFiniteNonNegative = (n: number): boolean => Number.isFinite(n) && n >= 0;
