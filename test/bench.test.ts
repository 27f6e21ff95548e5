import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ROW, implementations } from '../bench/implementations.js';
import { type ArmRow, checkArms } from '../bench/many/report.js';
import { checkSweeps, formatSweeps, SWEEP_OFFSETS_MS, type SweepResult } from '../bench/many/sweep.js';
import { logNormal, uniform } from '../bench/panel/distributions.js';
import { OptimalSchedule } from '../bench/panel/dp.js';
import { floorWithFirstPollAfter, idOnlyCertificate } from '../bench/panel/id-bound.js';
import { checkPanel, formatPanel } from '../bench/panel/report.js';
import { type PanelWorkloadResult, runPanel } from '../bench/panel/run.js';
import { PANEL } from '../bench/panel/workloads.js';
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
    expect(result.rows.filter((row) => row.kind === 'peer')).toHaveLength(5);
  });

  it('has every duration bucket in every row, and an outcome for every operation', () => {
    for (const row of result.rows) {
      expect(Object.keys(row.buckets)).toEqual([...BUCKETS]);
      expect(row.results).toHaveLength(20);
      expect(row.all.ops).toBe(20);
      expect(row.all.failures).toBe(0);
    }
  });

  it('spends no call on an operation handed over already done in our rows given the object, and at least one in every other row', () => {
    const done = result.workload.filter((op) => op.terminal);
    expect(done.length).toBeGreaterThan(0);
    for (const row of result.rows) {
      const calls = row.results.filter((r) => r.op.terminal).map((r) => r.calls);
      if (row.kind === 'ours' && !row.name.includes('given the id')) expect(calls.every((n) => n === 0)).toBe(true);
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

describe('the dynamic program that gives the floor', () => {
  it('matches a brute-force search over two polls for operations of 2–5 s, and costs what it plans', () => {
    const dist = uniform(2, 5);
    const dp = new OptimalSchedule(dist);
    const { polls, expectedCost } = dp.plan(0.3);
    let best = Number.POSITIVE_INFINITY;
    for (let a = 2; a <= 5; a += 0.01) for (let b = a + 0.01; b <= 5.01; b += 0.01) best = Math.min(best, dp.costOf([a, b, 5.01], 0.3));
    expect(expectedCost).toBeCloseTo(best, 2);
    expect(dp.costOf(polls, 0.3)).toBeCloseTo(expectedCost, 6);
  });

  it('never costs more than a fixed poll on the same distribution', () => {
    const dist = logNormal(40, 1.2);
    const dp = new OptimalSchedule(dist);
    const fixed = Array.from({ length: 200 }, (_, i) => 0.3 + 15 * i);
    expect(dp.plan(0.3).expectedCost).toBeLessThanOrEqual(dp.costOf(fixed, 0.3));
  });
});

describe('the bound on a waiter given only the id', () => {
  it('never plans below the optimum, whatever the first poll, and reaches it at the best one', () => {
    const dp = new OptimalSchedule(uniform(2, 5));
    const { polls, expectedCost } = dp.plan(0.3);
    const firstPolls = Array.from({ length: 200 }, (_, i) => 0.3 + i * 0.05);
    const costs = firstPolls.map((first) => dp.costWithFirstPollAt(0.3, first));
    for (const cost of costs) expect(cost).toBeGreaterThanOrEqual(expectedCost - 1e-9);
    expect(Math.min(...costs)).toBeCloseTo(expectedCost, 6);
    expect(dp.costWithFirstPollAt(0.3, polls[0] as number)).toBeCloseTo(expectedCost, 6);
    // Polling at once, before any 2–5 s operation can be done, costs one call more.
    expect(dp.costWithFirstPollAt(0.3, 0.3)).toBeCloseTo(expectedCost + 1, 6);
    expect(() => dp.costWithFirstPollAt(0.3, 0.2)).toThrow(RangeError);
  });

  it('proves short and late cannot both be won given only the id, and says so only when it holds', async () => {
    const [short, late] = await runPanel({ seed: 3, ops: 4, ablations: false, only: ['short: all 2–5 s, untyped', 'late:'] });
    if (short === undefined || late === undefined) throw new Error('panel: short or late missing');
    expect(floorWithFirstPollAfter(short, 0)).toBeCloseTo(new OptimalSchedule(uniform(2, 5)).plan(0.3).expectedCost + 1, 6);
    // The best peers of the panel: Terraform's 5 s first poll on short, a fixed 15 s on late.
    const certificate = idOnlyCertificate(short, late, [2.8, 4.35]);
    expect(certificate?.floor).toBeGreaterThan(certificate?.target ?? Number.POSITIVE_INFINITY);
    expect(certificate?.lambda).toBeGreaterThan(0);
    expect(certificate?.lambda).toBeLessThan(1);
    // Easier targets, met by polling at once (3.17 on short, 4.25 on late): no certificate.
    expect(idOnlyCertificate(short, late, [3.2, 4.3])).toBeUndefined();
  });
});

describe('the panel on a tiny workload', () => {
  let panel: PanelWorkloadResult[];
  beforeAll(async () => {
    panel = await runPanel({ seed: 3, ops: 12, ablations: false });
  });

  it('runs every workload through the peers, the DP optimum and ours both ways, and every wait settles', () => {
    expect(panel.map((r) => r.workload.name)).toEqual(PANEL.map((w) => w.name));
    for (const result of panel) {
      expect(result.rows.map((r) => r.name)).toContain('DP optimum (floor)');
      expect(result.rows.filter((r) => r.kind === 'peer')).toHaveLength(5);
      for (const row of result.rows) expect(row.stats.failures).toBe(0);
    }
  });

  it('prints the summary, every row, and one check per workload, misses included', () => {
    const text = formatPanel(panel, 12);
    expect(text).toContain('**Targets (issue #15):**');
    const { lines } = checkPanel(panel);
    expect(lines).toHaveLength(PANEL.length);
    for (const line of lines) expect(line).toMatch(/^- (Met|\*\*Not met\*\*), /);
  });
});

describe('the sweep of two processes over start offsets', () => {
  const run = (p95LatencyS: number, throttled: number, answered: [number, number], own: [number, number] = [p95LatencyS, p95LatencyS]) => ({
    requests: 1000,
    throttled,
    failed: 0,
    p50LatencyS: p95LatencyS / 2,
    p95LatencyS,
    processes: answered.map((n, i) => ({ answered: n, p95LatencyS: own[i] as number, finalRate: 1 })),
  });
  const sweep = (worst: ReturnType<typeof run>): SweepResult => ({
    limit: 20,
    operations: 1000,
    uncappedP95S: 100,
    runs: SWEEP_OFFSETS_MS.map((offsetMs, i) => ({ offsetMs, result: i === 3 ? worst : run(60, 5, [500, 500]) })),
  });

  it('is met only when every offset meets every target, each process on its own too', () => {
    expect(checkSweeps([sweep(run(60, 5, [500, 500]))]).ok).toBe(true);
    for (const worst of [run(70, 5, [500, 500]), run(60, 30, [500, 500]), run(60, 5, [500, 500], [40, 66])]) {
      const { ok, lines, casesMet } = checkSweeps([sweep(worst)]);
      expect(ok).toBe(false);
      expect(casesMet).toBe(0);
      expect(lines[0]).toMatch(/^- \*\*Not met\*\* at 11 of 12 start offsets/);
    }
  });

  it('judges starving by the own p95 of each process, not by its share of the answers', () => {
    // One GetOperations page serves all of a process's operations: fewer requests is no starving.
    const { ok, lines, casesMet } = checkSweeps([sweep(run(60, 5, [200, 800], [60, 58]))]);
    expect(casesMet).toBe(1);
    expect(ok).toBe(true);
    expect(lines[0]).toContain('the smaller process sent at least 20 % of the answered requests');
  });

  it('prints every offset, the median and the worst, and the slower process when it misses alone', () => {
    const text = formatSweeps([sweep(run(150, 5, [300, 700], [150, 90]))]);
    const row = text.split('\n').find((line) => line.startsWith('| 20/s')) ?? '';
    expect(row.split('|').length - 2).toBe(SWEEP_OFFSETS_MS.length + 5);
    expect(row).toContain('| 1.50 (one 1.50) |');
    expect(row).toMatch(/\| 0\.60 \| 1\.50 \| 0\.5 % \| 11 of 12 \|$/);
  });
});

describe('the rate-cap arms against the targets', () => {
  const arm = (label: string, p95LatencyS: number, own: number[] = [p95LatencyS], throttled = 0): ArmRow => ({
    group: '5/s, 1000 operations',
    real: false,
    label,
    requests: 1000,
    throttled,
    failed: 0,
    p50LatencyS: p95LatencyS / 2,
    p95LatencyS,
    processes: own.map((p95) => ({ answered: 100, p95LatencyS: p95, finalRate: 1 })),
  });
  const uncapped = arm('uncapped', 200);

  it('names each miss, and says when even a pace told the limit misses the p95 target', () => {
    const rows = [uncapped, arm('told the limit: fixed 5/s', 140), arm('adaptive, one', 150), arm('adaptive, two', 100, [60, 140], 30)];
    const { ok, lines } = checkArms(rows);
    expect(ok).toBe(false);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^- \*\*Not met\*\* \(p95 0\.750 × uncapped; told the limit, a pace gets 0\.700 ×\), /);
    expect(lines[1]).toMatch(/^- \*\*Not met\*\* \(3\.0 % throttled, a process's own p95 0\.700 × uncapped\), /);
    expect(lines[1]).toContain('own p95 60.0 / 140.0 s');
  });

  it('is met when the whole and each process meet the targets', () => {
    const { ok, lines } = checkArms([uncapped, arm('told the limit: fixed 5/s', 120), arm('adaptive, two', 100, [100, 90], 20)]);
    expect(ok).toBe(true);
    expect(lines).toEqual([expect.stringMatching(/^- Met, virtual time, 5\/s, 1000 operations, adaptive, two: /)]);
  });
  it('counts the default’s arms apart from those with one GetOperation each', () => {
    const rows = [
      uncapped,
      arm('adaptive (the default: GetOperations)', 20),
      arm('adaptive, two processes', 30, [30, 20]),
      arm('adaptive, one GetOperation each (useGetOperations: false)', 150),
      arm('adaptive, two processes, one GetOperation each', 100),
    ];
    expect(checkArms(rows).tally).toEqual({ byDefault: { met: 2, checked: 2 }, oneEach: { met: 1, checked: 2 } });
  });
});
