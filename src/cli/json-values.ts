import { LIMITS } from './limits.js';
import { UsageError } from './usage-error.js';

/**
 * Parses text holding one JSON value, or several objects/arrays one after the other (what
 * `{ aws lightsail a; aws lightsail b; } | lightsail-wait` produces). Throws a {@link UsageError}
 * when arrays and objects nest deeper than `maxDepth` (checked first, without recursion, so that
 * nothing after the parse can overflow the stack), and the `SyntaxError` of the first value that
 * does not parse.
 */
export function parseJsonValues(text: string, maxDepth: number = LIMITS.jsonDepth): unknown[] {
  const depth = jsonDepth(text, maxDepth);
  if (depth > maxDepth)
    throw new UsageError(`stdin JSON nests arrays and objects deeper than ${maxDepth} levels, the most lightsail-wait reads`);
  try {
    return [JSON.parse(text)];
  } catch (error) {
    const pieces = splitTopLevel(text);
    if (pieces === undefined || pieces.length < 2) throw error;
    return pieces.map((piece) => JSON.parse(piece) as unknown);
  }
}

/**
 * How deeply the arrays and objects of JSON text nest (brackets inside strings do not count),
 * scanning once; stops counting past `stopAbove`. Pure.
 */
export function jsonDepth(text: string, stopAbove = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > stopAbove) return deepest;
    } else if (c === '}' || c === ']') depth -= 1;
  }
  return deepest;
}

/** Cuts text into top-level `{…}` / `[…]` values; `undefined` when something else sits between them. */
function splitTopLevel(text: string): string[] | undefined {
  const pieces: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      if (depth === 0) return undefined;
      inString = true;
    } else if (c === '{' || c === '[') {
      if (depth === 0) start = i;
      depth += 1;
    } else if (c === '}' || c === ']') {
      depth -= 1;
      if (depth < 0) return undefined;
      if (depth === 0) pieces.push(text.slice(start, i + 1));
    } else if (depth === 0 && !/\s/.test(c)) {
      return undefined;
    }
  }
  return depth === 0 ? pieces : undefined;
}
