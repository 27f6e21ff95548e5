// Characters JSON.stringify leaves as they are that a terminal (or a line-based reader) acts on:
// DEL, the C1 controls (U+009B is a one-byte CSI), the line and paragraph separators, and the
// bidirectional overrides and isolates. JSON.stringify already escapes C0 controls.
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * One line of `--json`: `JSON.stringify(value)` with the characters above written as `\u` escapes
 * too. The values are exact (a JSON parser reads back the same strings); only their spelling
 * changes, so the line is safe to show on a terminal. These characters can only occur inside
 * strings, where a `\u` escape means the same character. Pure.
 */
export function jsonLine(value: unknown): string {
  const text = JSON.stringify(value) ?? 'null';
  return `${text.replace(RAW_IN_JSON, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
