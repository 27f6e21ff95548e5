import type { LightsailClientLike, Operation, OperationInput } from '../types.js';
import { describeValue } from './validate.js';

/** An operation to wait on, checked: its id, and the object when the caller gave one. */
export interface OperationRef {
  /** The operation's id. */
  readonly id: string;
  /** The `Operation` object, when the caller gave one rather than an id. */
  readonly operation: Operation | undefined;
}

/**
 * What can be a Lightsail operation id: Lightsail's are UUIDs; anything printable without
 * whitespace, up to 128 characters, is let through, so that ids of a new format still work.
 */
const OPERATION_ID = /^[\x21-\x7e]{1,128}$/;

/** Checks the `operation` argument: an operation id, or an object with one. */
export function toOperationRef(input: OperationInput, name = 'operation'): OperationRef {
  if (typeof input === 'string') {
    if (!OPERATION_ID.test(input))
      throw new TypeError(
        `Expected \`${name}\` to be an operation id (1 to 128 printable characters, no whitespace), got ${describeValue(input)}`,
      );
    return { id: input, operation: undefined };
  }
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    const response = input as { id?: unknown; operations?: unknown; operation?: unknown };
    if (response.id === undefined && (Array.isArray(response.operations) || typeof response.operation === 'object')) {
      throw new TypeError(
        `Expected \`${name}\` to be one operation, got a Lightsail response (with \`${Array.isArray(response.operations) ? 'operations' : 'operation'}\`): pass the whole response to waitForOperations, or one of its operations here`,
      );
    }
    const id = (input as Operation).id;
    if (typeof id !== 'string' || !OPERATION_ID.test(id)) {
      throw new TypeError(
        `Expected \`${name}.id\` to be an operation id (1 to 128 printable characters, no whitespace), got ${describeValue(id)}`,
      );
    }
    return { id, operation: input };
  }
  throw new TypeError(`Expected \`${name}\` to be an operation id or a Lightsail Operation object, got ${describeValue(input)}`);
}

/** Checks that `client` has a `send` method, as a `LightsailClient` does. */
export function assertClient(client: unknown): asserts client is LightsailClientLike {
  if (typeof client !== 'object' || client === null || typeof (client as LightsailClientLike).send !== 'function') {
    throw new TypeError(`Expected \`client\` to be a LightsailClient (an object with a \`send\` method), got ${describeValue(client)}`);
  }
}
