/**
 * Everything the simulator holds: its configuration, the operations and the resources.
 */
import { randomUUID } from 'node:crypto';
import { AddressPool } from './addresses.js';
import type { CertificateRecord } from './certificates.js';
import { ContainerRules } from './container-rules.js';
import type { ContainerServiceRecord } from './container-services.js';
import type { DatabaseRecord } from './databases.js';
import type { DistributionRecord } from './distributions.js';
import { type OperationRecord, planTiming } from './lifecycle.js';
import type { LoadBalancerRecord } from './load-balancers.js';
import { OperationBook } from './operation-book.js';
import type { SimulatorConfig } from './options.js';
import { FALLBACK_DURATION_MS, type ResourceDurations } from './resource-durations.js';
import { ResourceRules } from './resource-rules.js';
import { type DiskRecord, dynamicIpAt, type InstanceRecord, type StaticIpRecord } from './resources.js';

/** The account id in every ARN. */
export const ACCOUNT_ID = '123456789012';

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

/** The simulator's state. Internal. */
export class SimulatorState {
  readonly config: SimulatorConfig;
  readonly book = new OperationBook();
  readonly instances = new Map<string, InstanceRecord>();
  readonly staticIps = new Map<string, StaticIpRecord>();
  readonly disks = new Map<string, DiskRecord>();
  readonly databases = new Map<string, DatabaseRecord>();
  readonly loadBalancers = new Map<string, LoadBalancerRecord>();
  readonly certificates = new Map<string, CertificateRecord>();
  readonly distributions = new Map<string, DistributionRecord>();
  readonly containerServices = new Map<string, ContainerServiceRecord>();
  readonly rules = new ResourceRules();
  readonly containerRules = new ContainerRules();
  readonly addresses: AddressPool;

  constructor(config: SimulatorConfig) {
    this.config = config;
    this.addresses = new AddressPool(config.instanceAddresses);
    for (const rule of config.failures) this.book.addFailureRule(rule, -Infinity);
    for (const [name, outcome] of Object.entries(config.certificateOutcomes)) this.rules.setCertificateOutcome(name, outcome);
    for (const name of config.unhealthyInstances) this.rules.setHealth(name, 'unhealthy', -Infinity);
    for (const rule of config.deploymentFailures) this.containerRules.addDeploymentFailure(rule);
    for (const [name, code] of Object.entries(config.containerServiceFailures)) this.containerRules.setServiceFailure(name, code);
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

  /** A support code as Lightsail shows them, `<account>/<resource id>`. */
  supportCode(): string {
    return `${ACCOUNT_ID}/${randomUUID().replace(/-/g, '')}`;
  }

  /** A simulated duration (ms) in clock ms, divided by `timeScale`. */
  scaled(ms: number): number {
    return ms / this.config.timeScale;
  }

  /** The simulated duration (ms, before `timeScale`) of an operation type. */
  durationOf(operationType: string): number {
    return this.config.durations[operationType] ?? FALLBACK_DURATION_MS;
  }

  /**
   * Creates an operation as Lightsail's own actions do: `Started` (as real responses show) with
   * the type's duration, or already `Succeeded`.
   */
  startOperation(spec: ActionOperation, now: number): OperationRecord {
    const duration = spec.instant ? 0 : this.scaled(this.durationOf(spec.operationType));
    const timing = planTiming(now, spec.instant ? 'Succeeded' : 'Started', duration, 0);
    return this.book.add({
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
