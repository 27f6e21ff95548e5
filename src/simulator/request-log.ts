/**
 * The log of requests the simulator answered, for assertions in tests and counts in benchmarks,
 * bounded to the latest `requestLogLimit` entries so that a long run does not grow without end.
 */

import type { ActionInput } from './actions/index.js';
import type { FaultKind } from './faults.js';

/** One answered request. */
export interface RequestLogEntry {
  /** When the request arrived, epoch ms on the simulator's clock (`now`). */
  readonly time: number;
  /** The action named by `x-amz-target` (`'GetOperation'`), or `''` when none was named. */
  readonly action: string;
  /** The request's `operationId` member, if any. */
  readonly operationId?: string;
  /** The resource the request names (`resourceName`, `instanceName`, `staticIpName`, `diskName`, `relationalDatabaseName`, `loadBalancerName`, `certificateName`, `distributionName`, `serviceName` or the first of `instanceNames`), if any. */
  readonly resourceName?: string;
  /** The HTTP status answered; `0` when the connection was reset or closed without an answer. */
  readonly status: number;
  /** The exception name (`__type`) answered, or `'reset'`; absent on success. */
  readonly error?: string;
  /** The injected fault that hit this request, if any. */
  readonly fault?: FaultKind;
  /** `'after'` when that fault struck after the action ran (its work done, its answer lost). */
  readonly faultPhase?: 'after';
}

/** The latest `limit` entries; pushing costs O(1) amortized, reading at most O(limit). Internal. */
export class RequestLog {
  readonly #limit: number;
  #entries: RequestLogEntry[] = [];

  constructor(limit: number) {
    this.#limit = limit;
  }

  push(entry: RequestLogEntry): void {
    if (this.#limit === 0) return;
    this.#entries.push(entry);
    // Trim in batches: at most 2 × limit entries are held between trims.
    if (this.#entries.length >= 2 * this.#limit) this.#entries = this.#entries.slice(-this.#limit);
  }

  /** The latest entries, oldest first. */
  entries(): readonly RequestLogEntry[] {
    return this.#entries.length > this.#limit ? this.#entries.slice(-this.#limit) : this.#entries;
  }

  clear(): void {
    this.#entries = [];
  }
}

const NAME_MEMBERS = [
  'resourceName',
  'instanceName',
  'staticIpName',
  'diskName',
  'relationalDatabaseName',
  'loadBalancerName',
  'certificateName',
  'distributionName',
  'serviceName',
] as const;

/** The `operationId` and `resourceName` of a request body, for its log entry. */
export function describeInput(input: ActionInput | undefined): { operationId?: string; resourceName?: string } {
  if (input === undefined) return {};
  const { operationId, instanceNames } = input;
  let resourceName: unknown = NAME_MEMBERS.map((member) => input[member]).find((value) => typeof value === 'string');
  if (resourceName === undefined && Array.isArray(instanceNames)) resourceName = instanceNames[0];
  return {
    ...(typeof operationId === 'string' ? { operationId } : {}),
    ...(typeof resourceName === 'string' ? { resourceName } : {}),
  };
}
