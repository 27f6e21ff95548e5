import { type Clock, systemClock } from '../index.js';

// Characters JSON.stringify leaves as they are that a terminal (or a line-based reader) acts on:
// DEL, the C1 controls (U+009B is a one-byte CSI), the line and paragraph separators, and the
// bidirectional overrides and isolates. JSON.stringify already escapes C0 controls.
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * The version of the `--json` line schema (`schema/lightsail-wait.v1.schema.json`), written as
 * every line's `v`. It changes only when a field is removed or changes meaning; new fields and new
 * line types may appear within a version, so readers ignore what they do not know.
 */
export const JSON_SCHEMA_VERSION = 1;

/** The kinds of `--json` line, written as each line's `type`. */
export type JsonLineType = 'status' | 'retry' | 'rate' | 'result' | 'summary';

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

/** A rate as `--json` writes it: to a hundredth (`8.000000001` → `8`). Pure. */
export function hundredths(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * One line of the `--json` stream: `{"v":1,"type":…,"time":…}` followed by `fields`. `time` is
 * {@link isoTime} on `clock`.
 */
export function jsonRecordLine(type: JsonLineType, clock: Clock, fields: Readonly<Record<string, unknown>>): string {
  return jsonLine({ v: JSON_SCHEMA_VERSION, type, time: isoTime(clock), ...fields });
}

/**
 * Now, as ISO 8601 UTC with milliseconds (`2025-01-31T09:15:02.481Z`). The system clock counts
 * from the process start (`performance.now()`), so its time is read against
 * `performance.timeOrigin`; any other clock's `now()` is taken as milliseconds since the Unix
 * epoch, so a test's clock at 0 writes `1970-01-01T00:00:00.000Z`.
 */
export function isoTime(clock: Clock): string {
  const ms = clock === systemClock ? performance.timeOrigin + clock.now() : clock.now();
  return new Date(Math.round(ms)).toISOString();
}
