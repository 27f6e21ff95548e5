import { GetOperationCommand } from '@aws-sdk/client-lightsail';
import { type OperationRef, toOperationRef } from '../engine/client-input.js';
import { defineWaiter } from '../engine/waiter-definition.js';
import { operationOutcome } from '../policy/operation-outcome.js';
import type { LightsailClientLike, Operation } from '../types.js';

/** A malformed `GetOperation` answer: retried like a server fault, since the next answer may be right. */
function badResponse(message: string): Error {
  return Object.assign(new Error(message), { name: 'ServiceException' });
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
  probe: async (client, ref, { signal }) => {
    const output = await client.send(new GetOperationCommand({ operationId: ref.id }), { abortSignal: signal });
    const operation = output?.operation;
    if (operation === undefined || operation === null) throw badResponse('GetOperation returned no operation');
    if (operation.id !== undefined && operation.id !== ref.id) {
      throw badResponse(`GetOperation for ${ref.id} returned operation ${String(operation.id).slice(0, 80)}`);
    }
    return operation;
  },
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
