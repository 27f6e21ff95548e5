import { TYPICAL_OPERATION_DURATIONS_MS } from '../src/index.js';
import { type Dist, logNormal, uniform } from './panel/distributions.js';
import { Sampler } from './prng.js';

/** The duration buckets of the report, by how long the operation runs after `createdAt`. */
export const BUCKETS = ['already done', '1–10 s', '10–60 s', '1–5 min', '5–30 min'] as const;
export type Bucket = (typeof BUCKETS)[number];

/** One operation of the workload, on the virtual timeline (epoch ms). */
export interface WorkloadOp {
  readonly id: string;
  /** `log-uniform`: durations log-uniform from 1 s to 30 min; `mix`: Lightsail's usual calls; or a panel workload's name. */
  readonly scenario: string;
  readonly operationType: string;
  /** `fresh`: the wait starts right after the create call; `late`: `createdAt` is minutes old. */
  readonly start: 'fresh' | 'late';
  readonly createdAt: number;
  /** When Lightsail marks it `Succeeded`; equals `createdAt` when the create call already returned it `Succeeded`. */
  readonly finishAt: number;
  /** Returned already `Succeeded` by the call that made it. */
  readonly terminal: boolean;
  readonly bucket: Bucket;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** Operations Lightsail returns already `Succeeded` (LIGHTSAIL-NOTES.md, "Operations"). */
export const TERMINAL_TYPES = [
  'AllocateStaticIp',
  'AttachStaticIp',
  'DetachStaticIp',
  'ReleaseStaticIp',
  'OpenInstancePublicPorts',
  'CloseInstancePublicPorts',
  'PutInstancePublicPorts',
  'RebootInstance',
  'DeleteInstance',
  'DeleteDisk',
  'CreateKeyPair',
  'DeleteKeyPair',
  'CreateDomainEntry',
  'DeleteDomainEntry',
];

/**
 * How long the running operations of the mix take, in seconds: a log-normal (median, σ of the log)
 * or a uniform range, from the notes' figures (instance create ~18–60 s, starts/stops tens of
 * seconds, load balancer and database work minutes). Weights are shares of the whole mix; the
 * other half is {@link TERMINAL_TYPES}.
 */
export const RUNNING_TYPES: ReadonlyArray<{ type: string; weight: number; dist: Dist }> = [
  { type: 'CreateInstance', weight: 0.16, dist: logNormal(35, 0.35) },
  { type: 'StartInstance', weight: 0.06, dist: logNormal(25, 0.45) },
  { type: 'StopInstance', weight: 0.06, dist: logNormal(20, 0.5) },
  { type: 'CreateDisk', weight: 0.03, dist: logNormal(12, 0.5) },
  { type: 'AttachDisk', weight: 0.02, dist: logNormal(10, 0.5) },
  { type: 'DetachDisk', weight: 0.01, dist: logNormal(10, 0.5) },
  { type: 'CreateInstanceSnapshot', weight: 0.03, dist: logNormal(120, 0.7) },
  { type: 'CreateDiskSnapshot', weight: 0.01, dist: logNormal(90, 0.7) },
  { type: 'CreateLoadBalancer', weight: 0.02, dist: logNormal(150, 0.5) },
  { type: 'AttachInstancesToLoadBalancer', weight: 0.03, dist: uniform(16, 68) },
  { type: 'DetachInstancesFromLoadBalancer', weight: 0.01, dist: logNormal(300, 0.3) },
  { type: 'CreateRelationalDatabase', weight: 0.02, dist: logNormal(600, 0.4) },
  { type: 'UpdateRelationalDatabase', weight: 0.01, dist: logNormal(300, 0.6) },
  { type: 'StartRelationalDatabase', weight: 0.01, dist: logNormal(240, 0.6) },
  { type: 'StopRelationalDatabase', weight: 0.01, dist: logNormal(240, 0.6) },
  { type: 'RebootRelationalDatabase', weight: 0.01, dist: logNormal(180, 0.5) },
];

/** Real operation types the waiter's duration table does not list: the log-uniform scenario uses them. */
export const UNLISTED_TYPES = [
  'CreateBucket',
  'CreateContainerService',
  'UpdateContainerService',
  'CreateDistribution',
  'UpdateDistribution',
  'CreateCertificate',
];

/** Share of running mix operations whose duration ignores their type (log-uniform 1 s–30 min). */
export const OUTLIER_SHARE = 0.1;
/** Share of waits that start late, `createdAt` 1–10 minutes old. */
export const LATE_SHARE = 0.25;
/** How long after `createdAt` a fresh wait starts: the create call's round trip. */
export const FRESH_AGE_MS = 300;

export function bucketOf(terminal: boolean, durationMs: number): Bucket {
  if (terminal) return 'already done';
  if (durationMs < 10 * SECOND) return '1–10 s';
  if (durationMs < MINUTE) return '10–60 s';
  if (durationMs < 5 * MINUTE) return '1–5 min';
  return '5–30 min';
}

/**
 * The workload: half the operations log-uniform from 1 s to 30 min, half the realistic mix; a
 * quarter of waits start late. Every wait starts at `waitStart`; the same seed gives the same list.
 */
export function makeWorkload(count: number, random: () => number, waitStart: number): WorkloadOp[] {
  for (const type of UNLISTED_TYPES) {
    if (type in TYPICAL_OPERATION_DURATIONS_MS) throw new Error(`workload: ${type} must not be in the duration table`);
  }
  const s = new Sampler(random);
  const ops: WorkloadOp[] = [];
  for (let i = 0; i < count; i++) {
    const scenario = i % 2 === 0 ? 'log-uniform' : 'mix';
    let operationType: string;
    let terminal = false;
    let durationMs: number;
    if (scenario === 'log-uniform') {
      operationType = UNLISTED_TYPES[Math.floor(s.random() * UNLISTED_TYPES.length)] as string;
      durationMs = s.logUniform(SECOND, 30 * MINUTE);
    } else if (s.random() < 0.5) {
      operationType = TERMINAL_TYPES[Math.floor(s.random() * TERMINAL_TYPES.length)] as string;
      terminal = true;
      durationMs = 0;
    } else {
      const kind = s.weighted(RUNNING_TYPES);
      operationType = kind.type;
      const typical = kind.dist.sample(s) * SECOND;
      durationMs = s.random() < OUTLIER_SHARE ? s.logUniform(SECOND, 30 * MINUTE) : typical;
      durationMs = Math.min(30 * MINUTE, Math.max(SECOND, durationMs));
    }
    const start = s.random() < LATE_SHARE ? 'late' : 'fresh';
    const ageMs = start === 'late' ? s.uniform(MINUTE, 10 * MINUTE) : FRESH_AGE_MS;
    const createdAt = Math.round(waitStart - ageMs);
    const finishAt = createdAt + Math.round(durationMs);
    ops.push({ id: `op-${i}`, scenario, operationType, start, createdAt, finishAt, terminal, bucket: bucketOf(terminal, durationMs) });
  }
  return ops;
}
