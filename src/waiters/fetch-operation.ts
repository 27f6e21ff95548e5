import { GetOperationCommand } from '@aws-sdk/client-lightsail';
import type { Poller } from '../engine/poller.js';
import { type RetryingRequest, sendWithRetries } from '../engine/send-with-retries.js';
import type { ResolvedWaitOptions } from '../engine/wait-options.js';
import type { WaitScope } from '../engine/wait-scope.js';
import { OperationRequestError } from '../errors/request.js';
import type { LightsailClientLike, Operation } from '../types.js';

/** Everything one `GetOperation` call with retries needs: the retry context, and what to ask for. */
export type FetchContext = Omit<RetryingRequest<Operation>, 'call' | 'retryNotFound' | 'giveUp'> & {
  readonly client: LightsailClientLike;
  readonly operationId: string;
};

/**
 * Calls `GetOperation` once, retrying transient failures (and `NotFoundException` within the
 * grace window); fails fast, as an {@link OperationRequestError}, on errors waiting will not fix.
 */
export function fetchOperation(context: FetchContext): Promise<Operation> {
  const { client, operationId, options, scope } = context;
  const command = new GetOperationCommand({ operationId });
  return sendWithRetries({
    ...context,
    call: async () => {
      const output = await client.send(command, { abortSignal: scope.signal });
      if (output?.operation === undefined || output.operation === null) {
        throw Object.assign(new Error('GetOperation returned no operation'), { name: 'ServiceException' });
      }
      return output.operation;
    },
    retryNotFound: () => options.clock.now() - context.startedAt < options.notFoundGraceMs,
    giveUp: (error, exhausted) => new OperationRequestError(operationId, error, exhausted, context.lastOperation()),
  });
}
