import { GetOperationCommand } from '@aws-sdk/client-lightsail';
import { type OperationRef, toOperationRef } from '../engine/client-input.js';
import { defineWaiter, type ProbeContext, type WaiterDefinition } from '../engine/waiter-definition.js';
import { operationOutcome } from '../policy/operation-outcome.js';
import type { LightsailClientLike, Operation } from '../types.js';

/** A malformed `GetOperation` answer: retried like a server fault, since the next answer may be right. */
function badResponse(message: string): Error {
  return Object.assign(new Error(message), { name: 'ServiceException' });
}

/**
 * `GetOperation` for one id, checked: an answer without the operation, or with another one, is
 * retried like a server fault.
 */
export async function getOperation(client: LightsailClientLike, id: string, signal: AbortSignal): Promise<Operation> {
  const output = await client.send(new GetOperationCommand({ operationId: id }), { abortSignal: signal });
  const operation = output?.operation;
  if (operation === undefined || operation === null) throw badResponse('GetOperation returned no operation');
  if (operation.id !== undefined && operation.id !== id) {
    throw badResponse(`GetOperation for ${id} returned operation ${String(operation.id).slice(0, 80)}`);
  }
  return operation;
}

/**
 * Waiting on one Lightsail operation, as a definition on the engine: `GetOperation` until the
 * status is `Succeeded` or `Completed` (success), or `Failed` or otherwise terminal (failure).
 */
export const operationWaiterDefinition = defineWaiter<LightsailClientLike, OperationRef, Operation>({
  name: 'operation',
  action: 'GetOperation',
  input: (value) => toOperationRef(value as string | Operation),
  target: (ref) => ref.id,
  describe: (ref) => `Lightsail operation ${ref.id}`,
  probe: (client, ref, { signal }) => getOperation(client, ref.id, signal),
  acceptors: [
    { state: 'success', matches: (operation) => operationOutcome(operation) === 'succeeded' },
    {
      state: 'failure',
      matches: (operation) => operationOutcome(operation) === 'failed',
      reason: (operation) => `ended ${operation.status}`,
    },
  ],
  state: (operation) => operation.status,
});

/**
 * The operation definition with another way to read the operation (`waitForOperations` reads many
 * together): everything else, acceptors and all, is the same.
 */
export function operationDefinitionReadBy(
  read: (operationId: string, context: ProbeContext<Operation>) => Promise<Operation>,
): WaiterDefinition<LightsailClientLike, OperationRef, Operation> {
  return { ...operationWaiterDefinition, probe: (_client, ref, context) => read(ref.id, context) };
}
