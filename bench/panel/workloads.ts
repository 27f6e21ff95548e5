import { DEFAULT_DURATIONS_MS as OPS, DEFAULT_RESOURCE_DURATIONS_MS as RES } from '../../src/simulator/index.js';
import type { Sampler } from '../prng.js';
import { LATE_SHARE, OUTLIER_SHARE, RUNNING_TYPES, TERMINAL_TYPES } from '../workload.js';
import { type Dist, logNormal, logUniform, mixture, uniform } from './distributions.js';

/** One kind of operation in a workload: what the waiter is told about it, and how long it really takes. */
export interface OpClass {
  readonly weight: number;
  /** Seconds from `createdAt` to `Succeeded`. */
  readonly dist: Dist;
  /** The `operationType` the operation shows; absent: a real type the duration table does not list. */
  readonly operationType?: string;
  /** Waited on by a resource waiter (a key of `RESOURCE_WAITERS`), by name, rather than as an operation. */
  readonly resourceWaiter?: string;
  /** Returned already `Succeeded` by the call that made it. */
  readonly terminal?: boolean;
}

/** A panel workload: operation kinds, and how old each operation is when the wait starts. */
export interface PanelWorkload {
  readonly name: string;
  /** A short name, for table headers. */
  readonly key: string;
  /** The durations, all kinds together, have one mode: the 1.25 × DP target applies. */
  readonly unimodal: boolean;
  readonly classes: readonly OpClass[];
  /** Seconds between `createdAt` and the start of the wait. */
  readonly age: (s: Sampler) => number;
  /** Where the durations come from. */
  readonly source: string;
  /**
   * This many times the panel's operation count: for a cheap workload whose cost turns on a small
   * share of its operations (the late one: 18 % still running), so that its mean is as steady as
   * the others'. @default 1
   */
  readonly opsFactor?: number;
}

/** A fresh wait starts right after the create call: its round trip. */
const FRESH_S = 0.3;
const fresh = (): number => FRESH_S;
const s = (ms: number): number => ms / 1000;

/**
 * A log-normal around a simulator default, which cites its public source in
 * src/simulator/resource-durations.ts. Where that source gives one figure or none, σ is 0.5
 * (a factor 1.65 either way for two thirds of operations): the spread is this bench's assumption.
 */
const cited = (ms: number, sigma = 0.5): Dist => logNormal(s(ms), sigma);

/** Operation types with their cited durations (the simulator's defaults, and the two CLI examples with several figures). */
const CITED_OPERATIONS: readonly OpClass[] = [
  { weight: 1, operationType: 'CreateInstance', dist: cited(OPS.CreateInstance as number) },
  { weight: 1, operationType: 'StartInstance', dist: cited(OPS.StartInstance as number) },
  { weight: 1, operationType: 'StopInstance', dist: cited(OPS.StopInstance as number) },
  { weight: 1, operationType: 'CreateDisk', dist: cited(OPS.CreateDisk as number) },
  { weight: 1, operationType: 'AttachDisk', dist: cited(OPS.AttachDisk as number) },
  { weight: 1, operationType: 'DetachDisk', dist: cited(OPS.DetachDisk as number) },
  { weight: 1, operationType: 'CreateRelationalDatabase', dist: cited(OPS.CreateRelationalDatabase as number) },
  { weight: 1, operationType: 'CreateRelationalDatabaseSnapshot', dist: cited(OPS.CreateRelationalDatabaseSnapshot as number) },
  { weight: 1, operationType: 'CreateLoadBalancer', dist: cited(OPS.CreateLoadBalancer as number) },
  // get-operations-for-resource.rst: 15.7 s and 67.5 s.
  { weight: 1, operationType: 'AttachInstancesToLoadBalancer', dist: uniform(15.7, 67.5) },
  // get-operations.rst and get-operations-for-resource.rst: 300.3 s and 301.5 s (the 300 s deregistration delay).
  { weight: 1, operationType: 'DetachInstancesFromLoadBalancer', dist: logNormal(300.9, 0.05) },
  { weight: 1, operationType: 'CreateDistribution', dist: cited(OPS.CreateDistribution as number) },
];

/** Resource waits, from the create call's return to the state waited for, from the same cited figures. */
const CITED_RESOURCES: readonly OpClass[] = [
  { weight: 1, resourceWaiter: 'instance-running', dist: cited((OPS.CreateInstance as number) + RES.publicIpDelayMs) },
  { weight: 1, resourceWaiter: 'instance-stopped', dist: cited(OPS.StopInstance as number) },
  { weight: 1, resourceWaiter: 'disk-available', dist: cited(OPS.CreateDisk as number) },
  { weight: 1, resourceWaiter: 'database-available', dist: cited((OPS.CreateRelationalDatabase as number) + RES.databaseBackupMs, 0.4) },
  { weight: 1, resourceWaiter: 'load-balancer-active', dist: cited((OPS.CreateLoadBalancer as number) + RES.loadBalancerActiveMs) },
  // The attach (15.7–67.5 s, above), then one health-check interval.
  {
    weight: 1,
    resourceWaiter: 'load-balancer-instances-healthy',
    dist: uniform(15.7 + s(RES.healthCheckMs), 67.5 + s(RES.healthCheckMs)),
  },
  { weight: 1, resourceWaiter: 'load-balancer-certificate-issued', dist: cited(RES.lbCertificateValidationMs) },
  { weight: 1, resourceWaiter: 'certificate-issued', dist: cited(RES.certificateFirstDomainMs) },
  { weight: 1, resourceWaiter: 'distribution-deployed', dist: cited(RES.distributionDeployMs) },
  { weight: 1, resourceWaiter: 'container-service-ready', dist: cited(RES.containerServiceCreateMs) },
  {
    weight: 1,
    resourceWaiter: 'container-service-deployment-active',
    dist: cited(RES.containerDeploymentCreateMs + RES.containerHealthCheckMs + RES.containerActivationMs, 0.3),
  },
];

const generatorLate = (x: Sampler): number => (x.random() < LATE_SHARE ? x.uniform(60, 600) : FRESH_S);
const untyped = (dist: Dist): OpClass[] => [{ weight: 1, dist }];

/** The panel: the five workloads (one in two forms), the old generator's two halves, and the cited figures. */
export const PANEL: readonly PanelWorkload[] = [
  { name: 'short: all 2–5 s, untyped', key: 'short', unimodal: true, classes: untyped(uniform(2, 5)), age: fresh, source: 'issue #15' },
  {
    name: 'short: all 2–5 s, typed AttachDisk',
    key: 'short, typed',
    unimodal: true,
    classes: [{ weight: 1, operationType: 'AttachDisk', dist: uniform(2, 5) }],
    age: fresh,
    source: 'issue #15 (the type table is wrong for these)',
  },
  {
    name: 'wide: log-normal 40 s σ 1.2, typed CreateInstance',
    key: 'wide',
    unimodal: true,
    classes: [{ weight: 1, operationType: 'CreateInstance', dist: logNormal(40, 1.2) }],
    age: fresh,
    source: 'issue #15',
  },
  {
    name: 'flat: uniform 5–600 s, untyped',
    key: 'flat',
    unimodal: true,
    classes: untyped(uniform(5, 600)),
    age: fresh,
    source: 'issue #15',
  },
  {
    name: 'late: 2 min old, log-normal 40 s σ 1.2, typed CreateInstance',
    key: 'late',
    unimodal: true,
    classes: [{ weight: 1, operationType: 'CreateInstance', dist: logNormal(40, 1.2) }],
    age: () => 120,
    source: 'issue #15',
    opsFactor: 4,
  },
  {
    name: 'bimodal: half ~3 s, half ~10 min, untyped',
    key: 'bimodal',
    unimodal: false,
    classes: untyped(
      mixture([
        [0.5, logNormal(3, 0.3)],
        [0.5, logNormal(600, 0.1)],
      ]),
    ),
    age: fresh,
    source: 'issue #15',
  },
  {
    name: 'generator: log-uniform 1 s–30 min, untyped, ¼ late',
    key: 'gen. log-uniform',
    unimodal: true,
    classes: untyped(logUniform(1, 1800)),
    age: generatorLate,
    source: 'bench/workload.ts',
  },
  {
    name: 'generator: realistic mix, ¼ late',
    key: 'gen. mix',
    unimodal: false,
    classes: [
      // The other half of the mix is returned already `Succeeded` (its duration is never used).
      { weight: 0.5, terminal: true, dist: uniform(1, 2), operationType: TERMINAL_TYPES[0] as string },
      ...RUNNING_TYPES.map(({ type, weight, dist }) => ({
        weight,
        operationType: type,
        dist: mixture([
          [1 - OUTLIER_SHARE, dist],
          [OUTLIER_SHARE, logUniform(1, 1800)],
        ]),
      })),
    ],
    age: generatorLate,
    source: 'bench/workload.ts',
  },
  {
    name: 'cited: operations by type',
    key: 'cited ops',
    // Each kind has one mode, but together they span seconds to minutes: checked per kind, not as one.
    unimodal: false,
    classes: CITED_OPERATIONS,
    age: fresh,
    source: 'src/simulator/resource-durations.ts',
  },
  {
    name: 'cited: resource waiters',
    key: 'cited resources',
    // Each kind has one mode, but together they span seconds to minutes: checked per kind, not as one.
    unimodal: false,
    classes: CITED_RESOURCES,
    age: fresh,
    source: 'src/simulator/resource-durations.ts',
  },
];
