import { assertFunction, assertNumber, describeValue } from '../engine/validate.js';
import type { BackoffStrategy } from './backoff.js';
import { type BeliefPart, beliefCdf, typedBelief, untypedBelief } from './duration-belief.js';
import { PollPlan } from './poll-plan.js';

/**
 * Typical durations of Lightsail operations, `[shortestMs, longestMs]` measured from `createdAt`,
 * by `operationType`. From real responses (`statusChangedAt − createdAt`) and Lightsail's own
 * descriptions; types missing here (and operations Lightsail returns already `Succeeded`) use the
 * belief for an unknown duration. Estimates, not promises: {@link operationAwareBackoff} reads a
 * range as one σ either side of a log-normal's middle and keeps 30 % of its belief outside it, so
 * that an operation far off its range is still found.
 */
export const TYPICAL_OPERATION_DURATIONS_MS: Readonly<Record<string, readonly [number, number]>> = Object.freeze({
  CreateInstance: [15_000, 60_000],
  CreateInstancesFromSnapshot: [15_000, 90_000],
  StartInstance: [10_000, 60_000],
  StopInstance: [10_000, 60_000],
  CreateDisk: [5_000, 30_000],
  CreateDiskFromSnapshot: [5_000, 60_000],
  AttachDisk: [5_000, 30_000],
  DetachDisk: [5_000, 30_000],
  CreateInstanceSnapshot: [30_000, 600_000],
  CreateDiskSnapshot: [30_000, 600_000],
  CreateLoadBalancer: [60_000, 600_000],
  AttachInstancesToLoadBalancer: [15_000, 90_000],
  // Two real responses: 300.3 s and 301.5 s, the load balancer's 300 s deregistration delay.
  DetachInstancesFromLoadBalancer: [270_000, 360_000],
  CreateRelationalDatabase: [300_000, 1_800_000],
  CreateRelationalDatabaseSnapshot: [60_000, 900_000],
  UpdateRelationalDatabase: [60_000, 900_000],
  StartRelationalDatabase: [60_000, 900_000],
  StopRelationalDatabase: [60_000, 900_000],
  RebootRelationalDatabase: [60_000, 600_000],
});

/** How {@link createOperationAwareBackoff} builds its schedule. */
export interface OperationAwareBackoffOptions {
  /** Wall-clock time in epoch milliseconds, compared with the operation's `createdAt`. @default Date.now */
  readonly now?: () => number;
  /**
   * Typical `[shortestMs, longestMs]` durations by `operationType`; replaces the built-in table
   * (spread {@link TYPICAL_OPERATION_DURATIONS_MS} to extend it). @default TYPICAL_OPERATION_DURATIONS_MS
   */
  readonly typicalDurations?: Readonly<Record<string, readonly [number, number]>>;
  /**
   * How many milliseconds of detection latency one request is worth: the schedule minimizes the
   * expected latency plus this times the expected number of requests. Larger means fewer
   * requests. @default 1_000
   */
  readonly callCostMs?: number;
  /**
   * How many times faster than Lightsail the clock runs, for a simulator started with the same
   * `timeScale`: the schedule is computed in Lightsail's time (durations, ages, `callCostMs`,
   * `maxDelayMs`) and its delays divided by this. @default 1
   */
  readonly timeScale?: number;
}

/**
 * Relative jitter, up to this fraction later than planned (never earlier), so that waiters on
 * operations created together do not poll in step. Never earlier: a poll planned just after most
 * short operations end and moved before it misses them and waits for the next (panel "short":
 * ±10 % cost 3.4 where 0–5 % costs 2.6).
 */
const JITTER = 0.05;
/** Plans kept per strategy (one per belief and pair of delays): enough for every type of the table. */
const MAX_PLANS = 256;

/** Epoch ms of a `Date`, an ISO string, or epoch seconds/milliseconds; `undefined` if unreadable. */
function epochMs(value: unknown): number | undefined {
  let ms: number | undefined;
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'number') ms = value < 1e11 ? value * 1000 : value;
  else if (typeof value === 'string') ms = Date.parse(value);
  return ms !== undefined && Number.isFinite(ms) ? ms : undefined;
}

function assertDurations(table: unknown): asserts table is Readonly<Record<string, readonly [number, number]>> {
  if (typeof table !== 'object' || table === null || Array.isArray(table)) {
    throw new TypeError(`Expected \`typicalDurations\` to be an object, got ${describeValue(table)}`);
  }
  for (const [type, range] of Object.entries(table)) {
    if (!Array.isArray(range) || range.length !== 2) {
      throw new TypeError(`Expected \`typicalDurations.${type}\` to be [shortestMs, longestMs], got ${describeValue(range)}`);
    }
    assertNumber(`typicalDurations.${type}[0]`, range[0], 0, true);
    assertNumber(`typicalDurations.${type}[1]`, range[1], range[0] as number);
  }
}

/**
 * Makes an {@link operationAwareBackoff} with its own wall clock, duration table, call cost or time scale.
 * Throws `TypeError`/`RangeError` naming a bad option.
 */
export function createOperationAwareBackoff(options: OperationAwareBackoffOptions = {}): BackoffStrategy {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`Expected \`options\` to be an object, got ${describeValue(options)}`);
  }
  // Read Date.now at each call, so fake timers installed after import are seen.
  const now = options.now ?? (() => Date.now());
  const table = options.typicalDurations ?? TYPICAL_OPERATION_DURATIONS_MS;
  const callCostMs = options.callCostMs ?? 1000;
  const scale = options.timeScale ?? 1;
  assertNumber('timeScale', scale, 0, true);
  assertFunction('now', now);
  assertDurations(table);
  assertNumber('callCostMs', callCostMs, 0, true);
  return beliefBackoff((range) => (range === undefined ? untypedBelief() : typedBelief(range[0] / 1000, range[1] / 1000)), {
    now,
    table,
    callCostMs,
    scale,
    jitter: JITTER,
  });
}

/**
 * The strategy for any belief: `beliefFor(range)` gives the belief for a typical range in ms (or
 * none known). Internal: `createOperationAwareBackoff` with the default beliefs, and the
 * benchmark's variants of them.
 */
export function beliefBackoff(
  beliefFor: (range: readonly [number, number] | undefined) => readonly BeliefPart[],
  options: {
    readonly now: () => number;
    readonly table: Readonly<Record<string, readonly [number, number]>>;
    readonly callCostMs: number;
    readonly scale: number;
    /** Delays are stretched by a random factor in [1, 1 + jitter). */
    readonly jitter: number;
  },
): BackoffStrategy {
  const { now, table, callCostMs, scale, jitter } = options;
  const plans = new Map<string, PollPlan>();
  const planFor = (range: readonly [number, number] | undefined, minS: number, maxS: number): PollPlan => {
    const key = `${range?.join('-') ?? 'any'}:${minS}:${maxS}`;
    let plan = plans.get(key);
    if (plan === undefined) {
      if (plans.size >= MAX_PLANS) plans.clear();
      plan = new PollPlan(beliefCdf(beliefFor(range)), callCostMs / 1000, minS, maxS);
      plans.set(key, plan);
    }
    return plan;
  };
  return ({ attempt, minDelayMs, maxDelayMs, elapsedMs, operation, random, typicalDurationMs }) => {
    const range = table[operation?.operationType ?? ''] ?? typicalDurationMs;
    const createdAt = epochMs(operation?.createdAt);
    // Everything below is in Lightsail's time: the clock's milliseconds times `timeScale`.
    // Without createdAt, the wait's origin is its start.
    const ageMs = scale * (createdAt === undefined ? Math.max(0, elapsedMs) : Math.max(0, now() - createdAt));
    // A poll has just seen the operation running. An object handed over was seen when its status
    // last changed, maybe long ago: a stale one is polled at once.
    let seenMs = ageMs;
    if (attempt === 0) {
      const changedAt = createdAt === undefined ? undefined : epochMs(operation?.statusChangedAt);
      seenMs = changedAt === undefined || createdAt === undefined ? 0 : Math.min(ageMs, scale * Math.max(0, changedAt - createdAt));
    }
    const plan = planFor(range, (minDelayMs * scale) / 1000, (maxDelayMs * scale) / 1000);
    const next = plan.next(ageMs / 1000, seenMs / 1000, attempt === 0);
    const wanted = ((next * 1000 - ageMs) / scale) * (1 + jitter * random());
    return Math.round(Math.min(maxDelayMs, Math.max(attempt === 0 ? 0 : minDelayMs, wanted)));
  };
}

/**
 * The default schedule: the poll times that minimize the expected detection latency plus one
 * second per request (Bayes-optimal, by dynamic programming), given a belief about how long the
 * wait lasts and what the operation tells: its age (`createdAt`) and the typical duration of its
 * `operationType` ({@link TYPICAL_OPERATION_DURATIONS_MS}), or for a resource waiter the typical
 * range its definition gives (`typicalDurationMs`). Unknown durations: a poll near 5 s, then
 * about every 25 s. Known ones: polls cluster where the operation usually finishes, and go on
 * about as often after. An operation handed over long after its creation is polled at once.
 * Jitter 0–5 % later, clamped to `[minDelayMs, maxDelayMs]` (attempt 0 may be 0). Age comes from
 * `Date.now()` and `createdAt`; without `createdAt`, from `elapsedMs`. `npm run bench` measures
 * it against the SDK's waiter, Terraform's schedule and fixed polls on a panel of workloads.
 */
export const operationAwareBackoff: BackoffStrategy = createOperationAwareBackoff();
