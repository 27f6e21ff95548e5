/**
 * Reading `--json` output in tests: every line is checked for the envelope that schema v1 gives
 * it (`v: 1`, `type`, `time` in ISO 8601 UTC) and handed back without `v` and `time`, so that a
 * test compares what it is about. test/cli/json-schema.test.ts checks the lines against the
 * schema file itself.
 */
import { expect } from 'vitest';

/** One parsed line, without `v` and `time`. */
export type JsonRecord = Record<string, unknown> & { type: string };

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Every line of `text`, parsed, its envelope checked, without `v` and `time`. */
export function jsonRecords(text: string): JsonRecord[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const { v, time, ...record } = JSON.parse(line) as Record<string, unknown>;
      expect(v).toBe(1);
      expect(time).toMatch(ISO_UTC);
      expect(record.type).toEqual(expect.any(String));
      return record as JsonRecord;
    });
}

/** The lines before the summary, once the last line has been checked to be the one summary. */
export function progressRecords(text: string): JsonRecord[] {
  const records = jsonRecords(text);
  expect(records.at(-1)?.type).toBe('summary');
  expect(records.filter((record) => record.type === 'summary')).toHaveLength(1);
  return records.slice(0, -1);
}

/** The summary: the last line, checked to be the only one. */
export function summaryRecord(text: string): JsonRecord {
  const records = jsonRecords(text);
  expect(records.filter((record) => record.type === 'summary')).toHaveLength(1);
  return records.at(-1) as JsonRecord;
}
