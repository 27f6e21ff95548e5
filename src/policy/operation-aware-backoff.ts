import { assertFunction, assertNumber, describeValue } from '../engine/validate.js';
import type { BackoffStrategy } from './backoff.js';

/**
 * Typical durations of Lightsail operations, `[shortestMs, longestMs]` measured from `createdAt`,
 * by `operationType`. From real responses (`statusChangedAt − createdAt`) and Lightsail's own
 * descriptions; types missing here (and operations Lightsail returns already `Succeeded`) use a
 * generic prior. Estimates, not promises: {@link operationAwareBackoff} keeps a tenth of its
 * belief on "any duration" so that an operation far off its range is still found.
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
  DetachInstancesFromLoadBalancer: [60_000, 600_000],
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
   * How many milliseconds of detection latency one `GetOperation` call is worth: the schedule polls
   * once the latency expected since the last poll reaches this. Larger means fewer calls. @default 1_000
   */
  readonly callCostMs?: number;
  /**
   * How many times faster than Lightsail the clock runs, for a simulator started with the same
   * `timeScale`: the schedule is computed in Lightsail's time (durations, ages, `callCostMs`,
   * `maxDelayMs`) and its delays divided by this. @default 1
   */
  readonly timeScale?: number;
}

/** A log-uniform belief over an operation's duration, in seconds; `lo === hi` is a point. */
interface Part {
  readonly weight: number;
  readonly lo: number;
  readonly hi: number;
}

/** Any duration from 1 s to 2 h, equally likely on a log scale: the belief when nothing is known. */
const ANY_DURATION: Part = { weight: 1, lo: 1, hi: 7200 };
const TYPED_WEIGHT = 0.9;
/** Relative jitter, ± this fraction, so that waiters on operations created together do not poll in step. */
const JITTER = 0.1;

/** The belief for a known typical range: mostly that range, a tenth on any duration. */
function typedPrior([lo, hi]: readonly [number, number]): readonly Part[] {
  return [
    { weight: TYPED_WEIGHT, lo: lo / 1000, hi: hi / 1000 },
    { ...ANY_DURATION, weight: 1 - TYPED_WEIGHT },
  ];
}

/** P(duration ≤ t). */
function cdf(parts: readonly Part[], t: number): number {
  let sum = 0;
  for (const { weight, lo, hi } of parts) {
    if (t >= hi) sum += weight;
    else if (t > lo) sum += (weight * Math.log(t / lo)) / Math.log(hi / lo);
  }
  return sum;
}

/** ∫₀ᵗ P(duration ≤ s) ds, in closed form. */
function cdfIntegral(parts: readonly Part[], t: number): number {
  let sum = 0;
  for (const { weight, lo, hi } of parts) {
    if (t <= lo) continue;
    const u = Math.min(t, hi);
    const inside = hi === lo ? 0 : (u * Math.log(u / lo) - u + lo) / Math.log(hi / lo);
    sum += weight * (inside + Math.max(0, t - hi));
  }
  return sum;
}

/**
 * The age (s) of the next poll: the first instant after `seen` (the age at which the operation was
 * last seen running) at which the expected detection latency, E[(τ − duration)⁺ | duration > seen],
 * reaches `budget` (the cost of a call, s). Never later than `seen + limit`.
 */
function nextPollAge(parts: readonly Part[], seen: number, budget: number, limit: number): number {
  const seenCdf = cdf(parts, seen);
  const alive = 1 - seenCdf;
  const base = cdfIntegral(parts, seen);
  const waste = (t: number): number => (cdfIntegral(parts, t) - base - (t - seen) * seenCdf) / alive;
  let hi = seen + limit;
  if (alive <= 1e-9 || waste(hi) <= budget) return hi;
  let lo = seen;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (waste(mid) < budget) lo = mid;
    else hi = mid;
  }
  return hi;
}

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
  const priors = new Map<string, readonly Part[]>();
  for (const [type, range] of Object.entries(table)) priors.set(type, typedPrior(range));
  return ({ attempt, minDelayMs, maxDelayMs, elapsedMs, operation, random, typicalDurationMs }) => {
    const parts = priors.get(operation?.operationType ?? '') ?? (typicalDurationMs ? typedPrior(typicalDurationMs) : [ANY_DURATION]);
    const createdAt = epochMs(operation?.createdAt);
    // Without createdAt, assume the operation was created when the wait started.
    // Everything below is in Lightsail's time: the clock's milliseconds times `timeScale`.
    const ageMs = scale * (createdAt === undefined ? Math.max(0, elapsedMs) : Math.max(0, now() - createdAt));
    // A poll has just seen the operation running. An object handed over was seen when its status
    // last changed, maybe long ago: a stale one is polled at once.
    let seenMs = ageMs;
    if (attempt === 0) {
      const changedAt = createdAt === undefined ? undefined : epochMs(operation?.statusChangedAt);
      seenMs = changedAt === undefined || createdAt === undefined ? 0 : Math.min(ageMs, scale * Math.max(0, changedAt - createdAt));
    }
    const next = nextPollAge(parts, seenMs / 1000, callCostMs / 1000, (ageMs - seenMs + maxDelayMs * scale) / 1000);
    const wanted = ((next * 1000 - ageMs) / scale) * (1 + JITTER * (2 * random() - 1));
    return Math.round(Math.min(maxDelayMs, Math.max(attempt === 0 ? 0 : minDelayMs, wanted)));
  };
}

/**
 * The default schedule: polls when the detection latency expected since the last look reaches the
 * cost of one call (1 s), given what the operation tells: its age (`createdAt`) and the typical
 * duration of its `operationType` ({@link TYPICAL_OPERATION_DURATIONS_MS}), or for a resource
 * waiter the typical range its definition gives (`typicalDurationMs`); otherwise any duration from
 * 1 s to 2 h, log-uniform. Early polls cluster where the operation usually
 * finishes and thin out after (spacing grows like √age); an operation handed over long after its
 * creation is polled at once. Jitter ±10 %, clamped to `[minDelayMs, maxDelayMs]` (attempt 0 may
 * be 0). Age comes from `Date.now()` and `createdAt`; without `createdAt`, from `elapsedMs`.
 */
export const operationAwareBackoff: BackoffStrategy = createOperationAwareBackoff();
