/**
 * `Simulator.createOperation`: an operation made directly, with no resource behind it.
 */

import { checkNumber, describeValue, isFiniteNonNegative, isNonNegative } from './checks.js';
import {
  DEFAULT_ERROR_CODE,
  FINAL_STATUSES,
  type FinalStatusName,
  OPERATION_STATUSES,
  type OperationStatusName,
  planTiming,
} from './lifecycle.js';
import type { NewOperation } from './operation-book.js';
import type { SimulatorState } from './state.js';

/** Describes an operation for `Simulator.createOperation`. Every field is optional. */
export interface OperationSpec {
  /** The operation's `operationType`. @default 'CreateInstance' */
  readonly operationType?: string;
  /** The operation's `resourceName`; `GetOperationsForResource` finds it under this name. @default 'simulated-resource' */
  readonly resourceName?: string;
  /** The operation's `resourceType`. @default 'Instance' */
  readonly resourceType?: string;
  /** The operation's `operationDetails`. @default '' */
  readonly operationDetails?: string;
  /** The region whose `GetOperation*` calls see it (a client signing for another region does not). @default the `region` option */
  readonly region?: string;
  /** The operation's `location.availabilityZone`. @default `${region}a` */
  readonly availabilityZone?: string;
  /** How long it stays `Started`, ms before `timeScale`; `Infinity` never finishes. @default the simulator's duration for `operationType` */
  readonly durationMs?: number;
  /**
   * Its status when created: `Started` is so for `durationMs` (what every real mutating call answers
   * that is not already finished: no response in the CLI examples shows `NotStarted`); `NotStarted` stays
   * so for `notStartedMs`, then is `Started` for `durationMs`; a final status is kept from the start.
   * @default 'Started'
   */
  readonly status?: OperationStatusName;
  /** The status it ends in; must equal `status` when that is final. @default 'Succeeded' */
  readonly finalStatus?: FinalStatusName;
  /** The `errorCode` when it ends `Failed`; only allowed then. @default 'OperationFailure' */
  readonly errorCode?: string;
  /** The `errorDetails` when it ends `Failed`; only allowed then. @default undefined */
  readonly errorDetails?: string;
  /** Its `createdAt`, epoch ms; a past instant makes it older (and maybe already finished). @default now() */
  readonly createdAt?: number;
  /** `GetOperation` answers `NotFoundException` for this long after `createdAt`, ms before `timeScale`. @default the `notFoundForMs` option */
  readonly notFoundForMs?: number;
}

function optionalString(name: string, value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string') throw new TypeError(`Expected \`${name}\` to be a string, got ${describeValue(value)}`);
  return value;
}

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) {
    throw new TypeError(`Expected \`${name}\` to be one of ${allowed.join(', ')}, got ${describeValue(value)}`);
  }
  return value as T;
}

/** Validates a spec and turns it into a new operation at `now`. */
export function specToOperation(spec: OperationSpec, state: SimulatorState, now: number): NewOperation {
  if (typeof spec !== 'object' || spec === null) throw new TypeError(`Expected the spec to be an object, got ${describeValue(spec)}`);
  const { config } = state;
  const operationType = optionalString('operationType', spec.operationType, 'CreateInstance');
  const status = oneOf('status', spec.status, OPERATION_STATUSES, 'Started');
  const initialFinal = status === 'NotStarted' || status === 'Started' ? undefined : status;
  const finalStatus = oneOf('finalStatus', spec.finalStatus, FINAL_STATUSES, initialFinal ?? 'Succeeded');
  if (initialFinal !== undefined && finalStatus !== initialFinal) {
    throw new RangeError(`Expected \`finalStatus\` to equal the final \`status\` ${initialFinal}, got ${describeValue(finalStatus)}`);
  }
  if (finalStatus !== 'Failed' && (spec.errorCode !== undefined || spec.errorDetails !== undefined)) {
    throw new RangeError('`errorCode` and `errorDetails` are only allowed for an operation that ends `Failed`');
  }
  const durationMs = checkNumber('durationMs', spec.durationMs ?? state.durationOf(operationType), 'a number >= 0 (ms)', isNonNegative);
  const createdAt = checkNumber('createdAt', spec.createdAt ?? now, 'a finite epoch ms', Number.isFinite);
  const notFoundForMs = checkNumber(
    'notFoundForMs',
    spec.notFoundForMs ?? config.notFoundForMs,
    'a finite number >= 0 (ms)',
    isFiniteNonNegative,
  );
  const failed = finalStatus === 'Failed';
  const timing = planTiming(createdAt, status, state.scaled(durationMs), state.scaled(config.notStartedMs));
  return {
    operationType,
    resourceName: optionalString('resourceName', spec.resourceName, 'simulated-resource'),
    resourceType: optionalString('resourceType', spec.resourceType, 'Instance'),
    availabilityZone: optionalString('availabilityZone', spec.availabilityZone, `${config.region}a`),
    operationDetails: optionalString('operationDetails', spec.operationDetails, ''),
    createdAt,
    ...timing,
    refreshAt: status === 'NotStarted' || status === 'Started' ? state.refreshAt(operationType, timing.startAt) : undefined,
    finalStatus,
    errorCode: failed ? optionalString('errorCode', spec.errorCode, DEFAULT_ERROR_CODE) : undefined,
    errorDetails: failed && spec.errorDetails !== undefined ? optionalString('errorDetails', spec.errorDetails, '') : undefined,
    hiddenUntil: createdAt + state.scaled(notFoundForMs),
  };
}
