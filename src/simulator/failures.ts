/**
 * Failure rules: which operations end `Failed`, and with what error.
 */

import { describeValue } from './checks.js';
import type { OperationRecord } from './lifecycle.js';

/** Selects operations; every given field must match. At least one field is required. */
export interface OperationMatch {
  /** Operations of this type, e.g. `'CreateInstance'`. */
  readonly operationType?: string;
  /** The operation with this id. */
  readonly operationId?: string;
  /** Operations on the resource with this name. */
  readonly resourceName?: string;
}

/** How a matched operation fails. */
export interface OperationFailure {
  /** The operation's `errorCode`, e.g. `'InsufficientCapacity'`. */
  readonly errorCode: string;
  /** The operation's `errorDetails`. @default undefined (left out of the answer) */
  readonly errorDetails?: string;
}

/** A validated match and failure. Internal. */
export interface FailureRule {
  readonly match: OperationMatch;
  readonly failure: OperationFailure;
}

function optionalString(name: string, value: unknown): void {
  if (value !== undefined && (typeof value !== 'string' || value === '')) {
    throw new TypeError(`Expected \`${name}\` to be a non-empty string, got ${describeValue(value)}`);
  }
}

/** Validates the arguments of `Simulator.failOperations`. */
export function toFailureRule(match: OperationMatch, failure: OperationFailure): FailureRule {
  if (typeof match !== 'object' || match === null) throw new TypeError(`Expected \`match\` to be an object, got ${describeValue(match)}`);
  optionalString('match.operationType', match.operationType);
  optionalString('match.operationId', match.operationId);
  optionalString('match.resourceName', match.resourceName);
  if (match.operationType === undefined && match.operationId === undefined && match.resourceName === undefined) {
    throw new TypeError('Expected `match` to name an `operationType`, `operationId` or `resourceName`');
  }
  if (typeof failure !== 'object' || failure === null)
    throw new TypeError(`Expected \`failure\` to be an object, got ${describeValue(failure)}`);
  if (typeof failure.errorCode !== 'string' || failure.errorCode === '') {
    throw new TypeError(`Expected \`failure.errorCode\` to be a non-empty string, got ${describeValue(failure.errorCode)}`);
  }
  if (failure.errorDetails !== undefined && typeof failure.errorDetails !== 'string') {
    throw new TypeError(`Expected \`failure.errorDetails\` to be a string, got ${describeValue(failure.errorDetails)}`);
  }
  return Object.freeze({ match: Object.freeze({ ...match }), failure: Object.freeze({ ...failure }) });
}

/** Whether the rule selects the operation. */
export function ruleMatches(rule: FailureRule, op: OperationRecord): boolean {
  const { operationType, operationId, resourceName } = rule.match;
  return (
    (operationType === undefined || operationType === op.operationType) &&
    (operationId === undefined || operationId === op.id) &&
    (resourceName === undefined || resourceName === op.resourceName)
  );
}

/** Makes the operation end `Failed` with the rule's error. */
export function applyRule(rule: FailureRule, op: OperationRecord): void {
  op.finalStatus = 'Failed';
  op.errorCode = rule.failure.errorCode;
  op.errorDetails = rule.failure.errorDetails;
}
