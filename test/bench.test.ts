import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ROW, implementations } from '../bench/implementations.js';
import { formatReport } from '../bench/report.js';
import { type BenchResult, runBenchmark } from '../bench/run.js';
import { BUCKETS } from '../bench/workload.js';

// Structure only: the benchmark's numbers are its own business, not the test suite's.
const globals = { setTimeout: globalThis.setTimeout, clearTimeout: globalThis.clearTimeout, now: Date.now, random: Math.random };

describe('the benchmark on a tiny workload', () => {
  let result: BenchResult;
  const names = implementations().map((impl) => impl.name);
  beforeAll(async () => {
    result = await runBenchmark({ seed: 7, ops: 20 });
  });

  it('has a row for every implementation, peers and ours, in order', () => {
    expect(result.rows.map((row) => row.name)).toEqual(names);
    expect(names).toContain(DEFAULT_ROW);
    expect(result.rows.filter((row) => row.kind === 'peer')).toHaveLength(4);
  });

  it('has every duration bucket in every row, and an outcome for every operation', () => {
    for (const row of result.rows) {
      expect(Object.keys(row.buckets)).toEqual([...BUCKETS]);
      expect(row.results).toHaveLength(20);
      expect(row.all.ops).toBe(20);
      expect(row.all.failures).toBe(0);
    }
  });

  it('spends no call on an operation handed over already done in any of our rows, and at least one in every peer', () => {
    const done = result.workload.filter((op) => op.terminal);
    expect(done.length).toBeGreaterThan(0);
    for (const row of result.rows) {
      const calls = row.results.filter((r) => r.op.terminal).map((r) => r.calls);
      if (row.kind === 'ours') expect(calls.every((n) => n === 0)).toBe(true);
      else expect(calls.every((n) => n >= 1)).toBe(true);
    }
  });

  it('gives the same results for the same seed', async () => {
    const again = await runBenchmark({ seed: 7, ops: 20 });
    expect(again.rows.map((row) => row.results.map((r) => [r.calls, r.latencyS]))).toEqual(
      result.rows.map((row) => row.results.map((r) => [r.calls, r.latencyS])),
    );
  });

  it('prints a markdown report naming every implementation and bucket', () => {
    const report = formatReport(result, 'not measured in tests');
    for (const name of names) expect(report).toContain(`| ${name}`);
    for (const bucket of BUCKETS) expect(report).toContain(bucket);
    expect(report).toContain('**Targets:**');
  });

  it('puts back the real setTimeout, clearTimeout, Date.now and Math.random it replaced during the runs', () => {
    expect({ setTimeout: globalThis.setTimeout, clearTimeout: globalThis.clearTimeout, now: Date.now, random: Math.random }).toEqual(
      globals,
    );
  });
});
