/**
 * The AWS JSON 1.1 wire shapes the simulator sends: operations with epoch-second timestamps,
 * error bodies, and the conversion to the SDK's own `Operation` type.
 */
import type { Operation } from '@aws-sdk/client-lightsail';
import { MODELED_ERRORS, type NotFoundShape, type SimulatorApiError } from './api-error.js';
import { isTerminalAt, type OperationRecord, type OperationStatusName, statusAt, statusChangedAt } from './lifecycle.js';

/** The `x-amz-target` prefix of every Lightsail action. */
export const TARGET_PREFIX = 'Lightsail_20161128.';

/** The content type of every answer. */
export const CONTENT_TYPE = 'application/x-amz-json-1.1';

/** Where a resource lives, as Lightsail sends it. */
export interface LocationJson {
  /** The zone, such as `us-east-1a`; `all` for a regional resource such as a static IP. */
  readonly availabilityZone: string;
  /** The simulator's `region` option, such as `us-east-1`. */
  readonly regionName: string;
}

/** An operation exactly as the simulator sends it: timestamps are epoch **seconds** with a ms fraction. */
export interface OperationJson {
  /** The operation id, what `GetOperation` takes as `operationId`. */
  readonly id: string;
  /** The name of the resource the operation acts on. */
  readonly resourceName: string;
  /** The kind of that resource: `Instance`, `Disk`, `StaticIp`, or what an `OperationSpec` set. */
  readonly resourceType: string;
  /** Epoch seconds. */
  readonly createdAt: number;
  /** Where the resource lives. */
  readonly location: LocationJson;
  /** True once the operation has reached its final status, `Failed` included. */
  readonly isTerminal: boolean;
  /**
   * Free text naming the other party of the action (the instance a disk attaches to, say). Left out
   * when empty, as in the real responses of the CLI examples (create-relational-database.rst,
   * create-instances.rst, delete-disk.rst: no `operationDetails` member), except for the operation
   * types in `KEEPS_EMPTY_DETAILS`, whose examples print `"operationDetails": ""`.
   */
  readonly operationDetails?: string;
  /** The action, such as `CreateInstance` or `AttachDisk`. */
  readonly operationType: string;
  /** The status when this object was made, computed from the simulator's clock. */
  readonly status: OperationStatusName;
  /** Epoch seconds. */
  readonly statusChangedAt: number;
  /** Only when `status` is `Failed`. */
  readonly errorCode?: string;
  /** Only when `status` is `Failed`. */
  readonly errorDetails?: string;
}

/**
 * The operation types whose empty `operationDetails` Lightsail sends as `""` instead of leaving it
 * out: reboot-instance.rst and reboot-relational-database.rst print `"operationDetails": ""`, while
 * the other examples with nothing to say (create-instances.rst, start-instance.rst, delete-disk.rst, …)
 * have no such member.
 */
const KEEPS_EMPTY_DETAILS: ReadonlySet<string> = new Set(['RebootInstance', 'RebootRelationalDatabase']);

/** Epoch ms to the epoch seconds Lightsail sends, keeping whole milliseconds. */
export function epochSeconds(ms: number): number {
  return Math.round(ms) / 1000;
}

/** Serializes an operation as seen at `now`. */
export function toOperationJson(op: OperationRecord, now: number, regionName: string): OperationJson {
  const status = statusAt(op, now);
  const json: OperationJson = {
    id: op.id,
    resourceName: op.resourceName,
    resourceType: op.resourceType,
    createdAt: epochSeconds(op.createdAt),
    location: { availabilityZone: op.availabilityZone, regionName },
    isTerminal: isTerminalAt(op, now),
    ...(op.operationDetails === '' && !KEEPS_EMPTY_DETAILS.has(op.operationType) ? {} : { operationDetails: op.operationDetails }),
    operationType: op.operationType,
    status,
    statusChangedAt: epochSeconds(statusChangedAt(op, now)),
  };
  if (status !== 'Failed') return json;
  return {
    ...json,
    ...(op.errorCode === undefined ? {} : { errorCode: op.errorCode }),
    ...(op.errorDetails === undefined ? {} : { errorDetails: op.errorDetails }),
  };
}

/**
 * Converts an operation in wire shape (from `Simulator.createOperation` or `Simulator.operation`)
 * to the SDK's `Operation`, with `Date` timestamps, as `LightsailClient` would return it.
 * Handy to feed mocks such as `aws-sdk-client-mock`.
 */
export function toSdkOperation(json: OperationJson): Operation {
  return {
    id: json.id,
    resourceName: json.resourceName,
    resourceType: json.resourceType as Operation['resourceType'],
    createdAt: new Date(Math.round(json.createdAt * 1000)),
    location: {
      availabilityZone: json.location.availabilityZone,
      regionName: json.location.regionName as NonNullable<Operation['location']>['regionName'],
    },
    isTerminal: json.isTerminal,
    ...(json.operationDetails === undefined ? {} : { operationDetails: json.operationDetails }),
    operationType: json.operationType as Operation['operationType'],
    status: json.status,
    statusChangedAt: new Date(Math.round(json.statusChangedAt * 1000)),
    ...(json.errorCode === undefined ? {} : { errorCode: json.errorCode }),
    ...(json.errorDetails === undefined ? {} : { errorDetails: json.errorDetails }),
  };
}

/**
 * The JSON body of an error answer to `action`. Modelled exceptions carry the model's members
 * (`code`, `docs`, `message`, `tip`); others (`ThrottlingException`: `{"__type":"ThrottlingException",
 * "message":"Rate exceeded"}`) only `__type` and `message`. A `code-only` not-found body leaves `__type`
 * out.
 */
export function errorBody(error: SimulatorApiError, action: string, notFoundShape: NotFoundShape): string {
  const modeled = MODELED_ERRORS[error.type] !== undefined;
  const docs = modeled && action !== '' ? `https://docs.aws.amazon.com/lightsail/2016-11-28/api-reference/API_${action}.html` : undefined;
  return JSON.stringify({
    ...(notFoundShape === 'code-only' && error.type === 'NotFoundException' ? {} : { __type: error.type }),
    ...(error.code === undefined ? {} : { code: error.code }),
    ...(docs === undefined ? {} : { docs }),
    message: error.message,
    ...(modeled && error.tip !== undefined ? { tip: error.tip } : {}),
  });
}
