/**
 * Operation durations that vary like real ones (the `varyDurations` option): each operation type has
 * a log-normal distribution, its median and spread taken from public figures where there are any.
 * Draws are deterministic: the n-th duration drawn in a region depends only on the `seed`, the region
 * and n. Sources are cited as in `resource-durations.ts` ("CLI example" = a real response printed in
 * github.com/aws/aws-cli awscli/examples/lightsail/, `statusChangedAt − createdAt` of a finished
 * operation).
 */

/** A log-normal duration: half the draws below `medianMs`; `sigma` is the standard deviation of its logarithm. */
export interface DurationDistribution {
  /** The median, ms before `timeScale`. */
  readonly medianMs: number;
  /** The spread: about two draws in three fall within `medianMs · e^±sigma`. */
  readonly sigma: number;
}

/**
 * Where no figure gives a spread, this sigma (one draw in three off by more than ±30 %) is the
 * simulator's assumption.
 */
const ASSUMED_SIGMA = 0.3;

/** The distributions of the operation types the simulator's actions start `Started`. */
export const DURATION_DISTRIBUTIONS: Readonly<Record<string, DurationDistribution>> = Object.freeze({
  // CLI examples get-operation.rst and get-operations.rst: one CreateInstance took 17.9 s. One figure: assumed spread.
  CreateInstance: { medianMs: 17_900, sigma: ASSUMED_SIGMA },
  // No public measurement: the exact defaults of DEFAULT_DURATIONS_MS, with the assumed spread.
  StartInstance: { medianMs: 20_000, sigma: ASSUMED_SIGMA },
  StopInstance: { medianMs: 15_000, sigma: ASSUMED_SIGMA },
  CreateDisk: { medianMs: 10_000, sigma: ASSUMED_SIGMA },
  AttachDisk: { medianMs: 8_000, sigma: ASSUMED_SIGMA },
  DetachDisk: { medianMs: 8_000, sigma: ASSUMED_SIGMA },
  // Dev guide amazon-lightsail-creating-a-database.md: "Within minutes, your Lightsail database is ready"; no
  // measurement of the operation: 10 min with a wider assumed spread (±50 % at one sigma).
  CreateRelationalDatabase: { medianMs: 600_000, sigma: 0.5 },
  DeleteRelationalDatabase: { medianMs: 120_000, sigma: 0.5 },
  CreateRelationalDatabaseSnapshot: { medianMs: 120_000, sigma: 0.5 },
  // No public measurement (an ALB is answered while still provisioning, hashicorp/terraform#10386): 1 min.
  CreateLoadBalancer: { medianMs: 60_000, sigma: ASSUMED_SIGMA },
  // CLI example get-operations-for-resource.rst: 15.7 s and 67.5 s. Median: their geometric mean (32.6 s);
  // sigma: half the distance of their logarithms (ln(67.5 / 15.7) / 2 = 0.73), so both sit at one sigma.
  AttachInstancesToLoadBalancer: { medianMs: 32_600, sigma: 0.73 },
  // CLI examples get-operations.rst and get-operations-for-resource.rst: 300.3 s and 301.5 s, the ELB
  // deregistration delay (300 s) plus about a second: median 300.9 s, sigma 0.003 (±1 s).
  DetachInstancesFromLoadBalancer: { medianMs: 300_900, sigma: 0.003 },
  // No public measurement of the operation (the distribution's status is what takes minutes).
  CreateDistribution: { medianMs: 20_000, sigma: ASSUMED_SIGMA },
  UpdateDistribution: { medianMs: 20_000, sigma: ASSUMED_SIGMA },
});

/** Any other type (a `createOperation` of a type no action starts): 10 s, a wide assumed spread. */
export const FALLBACK_DISTRIBUTION: DurationDistribution = Object.freeze({ medianMs: 10_000, sigma: 0.5 });

/**
 * How long after `createdAt` a `Started` operation's `statusChangedAt` moves while it is still
 * `Started` (with `varyDurations`). Real responses: CLI example create-relational-database.rst answers
 * `Started` with `statusChangedAt` 1.393 s after `createdAt`; create-disk.rst 0.228 s. Every other
 * `Started` answer in the CLI examples has `statusChangedAt` equal to `createdAt`.
 */
export const STATUS_REFRESH_MS: Readonly<Record<string, number>> = Object.freeze({
  CreateRelationalDatabase: 1_393,
  CreateDisk: 228,
});

/** FNV-1a over the text, then murmur3's finalizer: 32 well-mixed bits. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A number in (0, 1) determined by the text. */
const unit = (text: string): number => (hash32(text) + 0.5) / 2 ** 32;

/**
 * The duration (ms before `timeScale`) drawn for `key` (seed, region and draw number): the median times
 * e^(sigma·z), z standard normal (Box–Muller) cut at ±3 so that no draw is absurd.
 */
export function drawDuration(distribution: DurationDistribution, key: string): number {
  const z = Math.sqrt(-2 * Math.log(unit(`${key}:u`))) * Math.cos(2 * Math.PI * unit(`${key}:v`));
  const clamped = Math.max(-3, Math.min(3, z));
  return Math.round(distribution.medianMs * Math.exp(distribution.sigma * clamped));
}
