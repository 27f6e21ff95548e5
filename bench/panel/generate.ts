import { hash32, mulberry32, Sampler } from '../prng.js';
import { bucketOf, UNLISTED_TYPES, type WorkloadOp } from '../workload.js';
import { quantile } from './distributions.js';
import type { OpClass, PanelWorkload } from './workloads.js';

/** One operation of a panel workload, with the kind it was drawn from. */
export interface PanelOp extends WorkloadOp {
  readonly kind: OpClass;
  /** Seconds between `createdAt` and the start of the wait. */
  readonly ageS: number;
}

/**
 * `count` operations of a workload, every wait starting at `waitStart`. Stratified: each kind gets
 * its share of the count, and its durations are its quantiles at evenly spaced (jittered) levels,
 * so that the means have little sampling noise. The same seed gives the same list.
 */
export function makePanelOps(workload: PanelWorkload, count: number, seed: number, waitStart: number): PanelOp[] {
  const s = new Sampler(mulberry32(seed ^ hash32(workload.name)));
  const total = workload.classes.reduce((sum, c) => sum + c.weight, 0);
  const ops: PanelOp[] = [];
  for (const kind of workload.classes) {
    const n = Math.max(1, Math.round((count * kind.weight) / total));
    const levels = Array.from({ length: n }, (_, k) => (k + s.random()) / n);
    for (const u of levels) {
      const i = ops.length;
      const ageS = workload.age(s);
      const durationS = kind.terminal ? 0 : quantile(kind.dist, u);
      const createdAt = Math.round(waitStart - ageS * 1000);
      const operationType = kind.operationType ?? (UNLISTED_TYPES[i % UNLISTED_TYPES.length] as string);
      ops.push({
        id: `op-${i}`,
        scenario: workload.name,
        operationType,
        start: ageS < 1 ? 'fresh' : 'late',
        createdAt,
        finishAt: createdAt + Math.round(durationS * 1000),
        terminal: kind.terminal === true,
        bucket: bucketOf(kind.terminal === true, durationS * 1000),
        kind,
        ageS,
      });
    }
  }
  return ops;
}
