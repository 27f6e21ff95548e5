/**
 * Everything the simulator holds: its configuration, the operations and the resources.
 */
import { randomUUID } from 'node:crypto';
import { type OperationRecord, planTiming } from './lifecycle.js';
import { OperationBook } from './operation-book.js';
import { FALLBACK_DURATION_MS, type SimulatorConfig } from './options.js';
import type { DiskRecord, InstanceRecord, StaticIpRecord } from './resources.js';

/** The account id in every ARN. */
export const ACCOUNT_ID = '123456789012';

/** An operation an action starts on one resource. */
export interface ActionOperation {
  readonly operationType: string;
  readonly resourceName: string;
  readonly resourceType: 'Instance' | 'StaticIp' | 'Disk';
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
  #addresses = 0;

  constructor(config: SimulatorConfig) {
    this.config = config;
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

  /** A new address in a documentation range, e.g. `203.0.113.7`; unique for the first 36,000 or so. */
  nextAddress(prefix: '198.51' | '203.0' | '172.26'): string {
    const n = this.#addresses++;
    const block = Math.floor(n / 254);
    const third = prefix === '198.51' ? 100 + (block % 156) : prefix === '203.0' ? 113 + (block % 143) : block % 256;
    return `${prefix}.${third}.${(n % 254) + 1}`;
  }
}
