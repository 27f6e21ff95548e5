/**
 * What the simulator holds for one region: its configuration, the operations and the resources.
 */
import { randomUUID } from 'node:crypto';
import type { AddressPool } from './addresses.js';
import type { CertificateRecord } from './certificates.js';
import type { ContainerRules } from './container-rules.js';
import type { ContainerServiceRecord } from './container-services.js';
import type { DatabaseRecord } from './databases.js';
import type { DistributionRecord } from './distributions.js';
import { DURATION_DISTRIBUTIONS, drawDuration, FALLBACK_DISTRIBUTION, STATUS_REFRESH_MS } from './duration-model.js';
import { type OperationRecord, planTiming } from './lifecycle.js';
import type { LoadBalancerRecord } from './load-balancers.js';
import { type FailureRuleSet, OperationBook } from './operation-book.js';
import type { SimulatorConfig } from './options.js';
import { DEFAULT_DURATIONS_MS, FALLBACK_DURATION_MS, type ResourceDurations } from './resource-durations.js';
import type { ResourceRules } from './resource-rules.js';
import { type DiskRecord, dynamicIpAt, type InstanceRecord, type StaticIpRecord } from './resources.js';

/** The account id in every ARN. */
export const ACCOUNT_ID = '123456789012';

/** A random EC2-style resource id, `<prefix>-` and 17 hex digits (`i-0123…`, `vol-0123…`). */
export function ec2StyleId(prefix: 'i' | 'vol'): string {
  return `${prefix}-${randomUUID().replace(/-/g, '').slice(0, 17)}`;
}

/** The `resourceType` of the operations the simulator's actions start. */
export type ResourceTypeName =
  | 'Instance'
  | 'StaticIp'
  | 'Disk'
  | 'RelationalDatabase'
  | 'RelationalDatabaseSnapshot'
  | 'LoadBalancer'
  | 'LoadBalancerTlsCertificate'
  | 'Certificate'
  | 'Distribution';

/** An operation an action starts on one resource. */
export interface ActionOperation {
  readonly operationType: string;
  readonly resourceName: string;
  readonly resourceType: ResourceTypeName;
  readonly availabilityZone: string;
  /** Usually the other resource involved, or `''`. */
  readonly operationDetails: string;
  /** `true` for operations Lightsail answers already `Succeeded`; `false` for `Started` ones that take `durations[operationType]`. */
  readonly instant: boolean;
}

/** The rules every region shares: the simulator's methods and options apply to all of them. Internal. */
export interface SharedRules {
  readonly failures: FailureRuleSet;
  readonly rules: ResourceRules;
  readonly containerRules: ContainerRules;
}

/** The state of one region of the simulated account: its configuration, operations and resources. Internal. */
export class SimulatorState {
  readonly config: SimulatorConfig;
  readonly book: OperationBook;
  readonly instances = new Map<string, InstanceRecord>();
  readonly staticIps = new Map<string, StaticIpRecord>();
  readonly disks = new Map<string, DiskRecord>();
  readonly databases = new Map<string, DatabaseRecord>();
  readonly loadBalancers = new Map<string, LoadBalancerRecord>();
  readonly certificates = new Map<string, CertificateRecord>();
  readonly distributions = new Map<string, DistributionRecord>();
  readonly containerServices = new Map<string, ContainerServiceRecord>();
  readonly rules: ResourceRules;
  readonly containerRules: ContainerRules;
  readonly addresses: AddressPool;
  /** How many durations `varyDurations` has drawn in this region. */
  #draws = 0;

  /** `config.region` is this state's region; `addresses` may be shared so that no two regions hand out the same one. */
  constructor(config: SimulatorConfig, shared: SharedRules, addresses: AddressPool) {
    this.config = config;
    this.book = new OperationBook(shared.failures);
    this.rules = shared.rules;
    this.containerRules = shared.containerRules;
    this.addresses = addresses;
  }

  /** A resource phase duration (ms, before `timeScale`) in clock ms. */
  phase(name: keyof ResourceDurations): number {
    return this.scaled(this.config.resourceDurations[name]);
  }

  /** The instance's public address at `now`: its static IP's, or its dynamic one once assigned. */
  publicAddressOf(instance: InstanceRecord, now: number): string | undefined {
    const staticIp = instance.staticIpName === undefined ? undefined : this.staticIps.get(instance.staticIpName);
    return staticIp?.ipAddress ?? dynamicIpAt(instance, now, this.phase('publicIpDelayMs'));
  }

  /**
   * A support code as Lightsail shows them, `<account>/<resource id>`: the id is an EC2-style one
   * for instances (`i-…`) and disks (`vol-…`), the address for a static IP (get-instance.rst,
   * get-disk.rst, get-static-ip.rst); random hex by default.
   */
  supportCode(resourceId = randomUUID().replace(/-/g, '')): string {
    return `${ACCOUNT_ID}/${resourceId}`;
  }

  /** A simulated duration (ms) in clock ms, divided by `timeScale`. */
  scaled(ms: number): number {
    return ms / this.config.timeScale;
  }

  /**
   * The simulated duration (ms, before `timeScale`) of the next operation of a type: the `durations`
   * option's; else, with `varyDurations`, a draw from the type's distribution; else the exact default.
   */
  durationOf(operationType: string): number {
    const exact = this.config.durations[operationType];
    if (exact !== undefined) return exact;
    if (!this.config.varyDurations) return DEFAULT_DURATIONS_MS[operationType] ?? FALLBACK_DURATION_MS;
    const distribution = DURATION_DISTRIBUTIONS[operationType] ?? FALLBACK_DISTRIBUTION;
    this.#draws += 1;
    return drawDuration(distribution, `${this.config.seed}:${this.config.region}:${this.#draws}`);
  }

  /** When `statusChangedAt` of an operation `Started` at `startAt` moves while still `Started` (`varyDurations` only). */
  refreshAt(operationType: string, startAt: number): number | undefined {
    const lag = this.config.varyDurations ? STATUS_REFRESH_MS[operationType] : undefined;
    return lag === undefined ? undefined : startAt + this.scaled(lag);
  }

  /**
   * Creates an operation as Lightsail's own actions do: `Started` (as real responses show) with
   * the type's duration, or already `Succeeded`.
   */
  startOperation(spec: ActionOperation, now: number): OperationRecord {
    const duration = spec.instant ? 0 : this.scaled(this.durationOf(spec.operationType));
    const timing = planTiming(now, spec.instant ? 'Succeeded' : 'Started', duration, 0);
    return this.book.add({
      refreshAt: spec.instant ? undefined : this.refreshAt(spec.operationType, timing.startAt),
      operationType: spec.operationType,
      resourceName: spec.resourceName,
      resourceType: spec.resourceType,
      availabilityZone: spec.availabilityZone,
      operationDetails: spec.operationDetails,
      createdAt: now,
      ...timing,
      finalStatus: 'Succeeded',
      hiddenUntil: now + this.scaled(this.config.notFoundForMs),
    });
  }

  /** A new ARN for a resource type. */
  arn(resourceType: string): string {
    return `arn:aws:lightsail:${this.config.region}:${ACCOUNT_ID}:${resourceType}/${randomUUID()}`;
  }
}
