/**
 * Parses text holding one JSON value, or several objects/arrays one after the other (what
 * `{ aws lightsail a; aws lightsail b; } | lightsail-wait` produces). Throws the `SyntaxError` of
 * the first value that does not parse.
 */
export function parseJsonValues(text: string): unknown[] {
  try {
    return [JSON.parse(text)];
  } catch (error) {
    const pieces = splitTopLevel(text);
    if (pieces === undefined || pieces.length < 2) throw error;
    return pieces.map((piece) => JSON.parse(piece) as unknown);
  }
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
