import { type Implementation, implementations } from './implementations.js';
import { hash32, mulberry32 } from './prng.js';
import { TimelineClient } from './stub-lightsail.js';
import { VirtualTime } from './virtual-time.js';
import { BUCKETS, type Bucket, makeWorkload, type WorkloadOp } from './workload.js';

/** The virtual instant every wait starts at. */
export const WAIT_START = Date.UTC(2025, 0, 6, 9, 0, 0);

export interface BenchOptions {
  readonly seed: number;
  readonly ops: number;
  /** Only these rows (by name); all by default. */
  readonly only?: readonly string[];
}

/** What one implementation did for one operation. */
export interface OpResult {
  readonly op: WorkloadOp;
  readonly calls: number;
  /** Seconds from `max(finishAt, wait start)` to the promise settling; `undefined` when it failed. */
  readonly latencyS: number | undefined;
}

/** Aggregates over a group of operations. */
export interface Stats {
  readonly ops: number;
  readonly meanCalls: number;
  readonly meanLatencyS: number;
  readonly p95LatencyS: number;
  /** Mean of `latency_s + calls × 1 s`. */
  readonly cost: number;
  readonly failures: number;
}

export interface ImplementationResult {
  readonly name: string;
  readonly kind: 'peer' | 'ours';
  readonly all: Stats;
  readonly buckets: Readonly<Record<Bucket, Stats>>;
  readonly byScenario: Readonly<Record<'log-uniform' | 'mix', Stats>>;
  readonly byStart: Readonly<Record<'fresh' | 'late', Stats>>;
  readonly results: readonly OpResult[];
}

export interface BenchResult {
  readonly options: BenchOptions;
  readonly workload: readonly WorkloadOp[];
  readonly rows: readonly ImplementationResult[];
}

/** Runs every wait of the workload at once on one virtual timeline; all start at {@link WAIT_START}. */
export async function runImplementation(impl: Implementation, workload: readonly WorkloadOp[], seed: number): Promise<OpResult[]> {
  const time = new VirtualTime(WAIT_START, mulberry32(seed ^ hash32(impl.name)));
  const client = new TimelineClient(workload, time.now);
  const settledAt = new Map<string, number | undefined>();
  time.install();
  try {
    for (const op of workload) {
      impl.wait(op, { client, time }).then(
        () => settledAt.set(op.id, time.now()),
        () => settledAt.set(op.id, undefined),
      );
    }
    await time.runUntil(() => settledAt.size === workload.length);
  } finally {
    time.uninstall();
  }
  return workload.map((op) => {
    const at = settledAt.get(op.id);
    return {
      op,
      calls: client.calls.get(op.id) ?? 0,
      latencyS: at === undefined ? undefined : Math.max(0, at - Math.max(op.finishAt, WAIT_START)) / 1000,
    };
  });
}

/** Mean calls, mean and p95 latency, combined cost of a group of results. */
export function summarize(results: readonly OpResult[]): Stats {
  const ok = results.filter((r) => r.latencyS !== undefined);
  const latencies = ok.map((r) => r.latencyS as number).sort((a, b) => a - b);
  const n = results.length;
  const mean = (values: readonly number[]): number => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
  const meanCalls = mean(results.map((r) => r.calls));
  const meanLatencyS = mean(latencies);
  const p95 = latencies.length === 0 ? 0 : (latencies[Math.min(latencies.length - 1, Math.ceil(0.95 * latencies.length) - 1)] as number);
  return { ops: n, meanCalls, meanLatencyS, p95LatencyS: p95, cost: meanLatencyS + meanCalls, failures: n - ok.length };
}

function groupBy<K extends string>(results: readonly OpResult[], keys: readonly K[], key: (r: OpResult) => K): Record<K, Stats> {
  const out = {} as Record<K, Stats>;
  for (const k of keys) out[k] = summarize(results.filter((r) => key(r) === k));
  return out;
}

/** The benchmark's core: the same seeded workload through every implementation, in virtual time. */
export async function runBenchmark(options: BenchOptions): Promise<BenchResult> {
  const workload = makeWorkload(options.ops, mulberry32(options.seed), WAIT_START);
  const rows: ImplementationResult[] = [];
  for (const impl of implementations()) {
    if (options.only !== undefined && !options.only.includes(impl.name)) continue;
    const results = await runImplementation(impl, workload, options.seed);
    rows.push({
      name: impl.name,
      kind: impl.kind,
      all: summarize(results),
      buckets: groupBy(results, BUCKETS, (r) => r.op.bucket),
      byScenario: groupBy(results, ['log-uniform', 'mix'] as const, (r) => r.op.scenario as 'log-uniform' | 'mix'),
      byStart: groupBy(results, ['fresh', 'late'] as const, (r) => r.op.start),
      results,
    });
  }
  return { options, workload, rows };
}
