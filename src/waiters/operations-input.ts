import { type OperationRef, toOperationRef } from '../engine/client-input.js';
import { describeValue } from '../engine/validate.js';
import type { Operation, OperationInput } from '../types.js';

/**
 * The operations `waitForOperations` accepts: an array of ids and/or `Operation` objects, or a
 * Lightsail response carrying `operations` (an array) or `operation` (one).
 */
export type OperationsInput =
  | readonly OperationInput[]
  | {
      /** The operations of a response such as `CreateInstances`, preferred to `operation` when both are present. */
      readonly operations?: readonly Operation[] | undefined;
    }
  | {
      /** The one operation of a response such as `CreateKeyPair` or `PeerVpc`. */
      readonly operation?: Operation | undefined;
    };

/** Checks the `operations` argument and lists one ref per input, in input order. */
export function toOperationRefs(input: OperationsInput): OperationRef[] {
  if (Array.isArray(input)) return input.map((item, i) => toOperationRef(item as OperationInput, `operations[${i}]`));
  if (typeof input === 'object' && input !== null) {
    const response = input as { operations?: unknown; operation?: unknown };
    if (Array.isArray(response.operations)) {
      return response.operations.map((item, i) => toOperationRef(item as OperationInput, `operations.operations[${i}]`));
    }
    if (response.operation !== undefined && response.operation !== null) {
      return [toOperationRef(response.operation as OperationInput, 'operations.operation')];
    }
  }
  throw new TypeError(
    `Expected \`operations\` to be an array of operation ids or Operation objects, or a Lightsail response with \`operations\` or \`operation\`, got ${describeValue(input)}`,
  );
}

/**
 * Merges refs to the same id, so each operation is polled once: an object beats a bare id (it may
 * spare a request), and a finished object beats a running one.
 */
export function uniqueRefs(refs: readonly OperationRef[]): Map<string, OperationRef> {
  const unique = new Map<string, OperationRef>();
  for (const ref of refs) {
    const known = unique.get(ref.id);
    if (known === undefined || known.operation === undefined || isNewer(ref.operation, known.operation)) unique.set(ref.id, ref);
  }
  return unique;
}

function isNewer(candidate: Operation | undefined, known: Operation): boolean {
  return candidate !== undefined && candidate.isTerminal === true && known.isTerminal !== true;
}
