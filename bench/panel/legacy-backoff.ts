import type { Operation } from '@aws-sdk/client-lightsail';
import type { BackoffStrategy } from '../../src/index.js';

/**
 * The default schedule before issue #15 (git history: src/policy/operation-aware-backoff.ts), kept
 * for comparison: poll when the latency expected since the last look reaches one call, under a
 * belief log-uniform over 1 s–2 h, or 90 % log-uniform over the type's range. With its own table.
 */
const OLD_TABLE: Readonly<Record<string, readonly [number, number]>> = {
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
};

type Part = { weight: number; lo: number; hi: number };
const ANY: Part = { weight: 1, lo: 1, hi: 7200 };

function cdf(parts: readonly Part[], t: number): number {
  let sum = 0;
  for (const { weight, lo, hi } of parts) {
    if (t >= hi) sum += weight;
    else if (t > lo) sum += (weight * Math.log(t / lo)) / Math.log(hi / lo);
  }
  return sum;
}

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

const ms = (value: Operation['createdAt']): number | undefined => (value instanceof Date ? value.getTime() : undefined);

/** The old default, reading `Date.now` (virtual during a bench run). */
export const legacyBackoff: BackoffStrategy = ({ attempt, minDelayMs, maxDelayMs, elapsedMs, operation, random, typicalDurationMs }) => {
  const range = OLD_TABLE[operation?.operationType ?? ''] ?? typicalDurationMs;
  const parts: Part[] = range
    ? [
        { weight: 0.9, lo: range[0] / 1000, hi: range[1] / 1000 },
        { ...ANY, weight: 0.1 },
      ]
    : [ANY];
  const createdAt = ms(operation?.createdAt);
  const ageMs = createdAt === undefined ? Math.max(0, elapsedMs) : Math.max(0, Date.now() - createdAt);
  let seenMs = ageMs;
  if (attempt === 0) {
    const changedAt = ms(operation?.statusChangedAt);
    seenMs = changedAt === undefined || createdAt === undefined ? 0 : Math.min(ageMs, Math.max(0, changedAt - createdAt));
  }
  const next = nextPollAge(parts, seenMs / 1000, 1, (ageMs - seenMs + maxDelayMs) / 1000);
  const wanted = (next * 1000 - ageMs) * (1 + 0.1 * (2 * random() - 1));
  return Math.round(Math.min(maxDelayMs, Math.max(attempt === 0 ? 0 : minDelayMs, wanted)));
};
