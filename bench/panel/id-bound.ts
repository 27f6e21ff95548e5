import { optimalFor } from './optimal.js';
import type { PanelWorkloadResult } from './run.js';

/**
 * What no waiter given only an operation's id can do, by the dynamic program. Before its first
 * poll such a waiter knows nothing of the operation (not its age, not its type), so its first
 * poll comes at the same time on every workload; after it, it knows what the object would have
 * told. So for each first-poll time, the DP optimum after that poll is the floor for any schedule
 * (ours or another) that polls first then.
 */

/** First-poll times tried, seconds after the wait starts: every 50 ms (the DP's grid) up to a minute. */
const LAST_TRIED_S = 60;
const FIRST_POLLS_S = Array.from({ length: LAST_TRIED_S * 20 + 1 }, (_, i) => i * 0.05);
const LAMBDAS = Array.from({ length: 1001 }, (_, i) => i / 1000);

/**
 * The expected cost on a workload, exactly (no sampling), of the best schedule that polls first
 * `d` seconds after the wait starts. An operation returned already done costs that call and `d`.
 */
export function floorWithFirstPollAfter(result: PanelWorkloadResult, d: number): number {
  // Per distinct (distribution, age): the panel's workloads repeat a few of them many times.
  const cache = new Map<unknown, Map<number, number>>();
  let sum = 0;
  for (const op of result.ops) {
    if (op.kind.terminal) {
      sum += 1 + d;
      continue;
    }
    let byAge = cache.get(op.kind.dist);
    if (byAge === undefined) {
      byAge = new Map();
      cache.set(op.kind.dist, byAge);
    }
    let cost = byAge.get(op.ageS);
    if (cost === undefined) {
      cost = optimalFor(op.kind.dist).costWithFirstPollAt(op.ageS, op.ageS + d);
      byAge.set(op.ageS, cost);
    }
    sum += cost;
  }
  return sum / result.ops.length;
}

/**
 * Less than any schedule with a first poll later than `afterS` costs: that call, and the latency
 * up to `afterS` of every operation done by then.
 */
function floorWithFirstPollLaterThan(result: PanelWorkloadResult, afterS: number): number {
  let sum = 0;
  for (const op of result.ops) sum += 1 + (op.kind.terminal ? afterS : optimalFor(op.kind.dist).latencyUntil(op.ageS, op.ageS + afterS));
  return sum / result.ops.length;
}

/** Why no schedule given only the id reaches two targets at once. */
export interface IdOnlyCertificate {
  /** The weight on the first workload: λ × first + (1 − λ) × second. */
  readonly lambda: number;
  /** The least that mix costs, over every first-poll time (and so over any random choice of one), to 50 ms. */
  readonly floor: number;
  /** What the mix of the two targets comes to: below `floor`. */
  readonly target: number;
}

/**
 * Whether any schedule given only the id, its first poll at a fixed or random time, can be at or
 * below `targets[0]` on `a` and `targets[1]` on `b` (expected costs). By LP duality, some random
 * first poll reaches both iff for every weight λ some first-poll time has
 * λ(a − target₀) + (1 − λ)(b − target₁) ≤ 0; returns the λ that fails by the most, or
 * `undefined` when every λ is met (then the bound proves nothing).
 */
export function idOnlyCertificate(
  a: PanelWorkloadResult,
  b: PanelWorkloadResult,
  targets: readonly [number, number],
): IdOnlyCertificate | undefined {
  const costs = FIRST_POLLS_S.map((d) => [floorWithFirstPollAfter(a, d), floorWithFirstPollAfter(b, d)] as const);
  costs.push([floorWithFirstPollLaterThan(a, LAST_TRIED_S), floorWithFirstPollLaterThan(b, LAST_TRIED_S)]);
  let best: IdOnlyCertificate | undefined;
  for (const lambda of LAMBDAS) {
    const mix = (x: number, y: number): number => lambda * x + (1 - lambda) * y;
    const floor = Math.min(...costs.map(([x, y]) => mix(x, y)));
    const target = mix(targets[0], targets[1]);
    if (floor > target && (best === undefined || floor - target > best.floor - best.target)) best = { lambda, floor, target };
  }
  return best;
}
