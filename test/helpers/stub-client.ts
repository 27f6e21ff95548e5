import type { GetOperationCommand, Operation } from '@aws-sdk/client-lightsail';
import type { LightsailClientLike, SendOptions } from '../../src/types.js';

/** One scripted answer: an operation to return, an error to throw, or a function of the call. */
export type Reply = Operation | Error | ((call: StubCall) => Promise<Operation> | Operation);

export interface StubCall {
  operationId: string | undefined;
  signal: AbortSignal | undefined;
}

/**
 * A client whose `send` answers `GetOperation` from a script, one reply a call; the last reply
 * repeats. Records every call with the signal it was given.
 */
export function stubClient(...replies: Reply[]): LightsailClientLike & { calls: StubCall[] } {
  const calls: StubCall[] = [];
  return {
    calls,
    async send(command: GetOperationCommand, options?: SendOptions) {
      const call = { operationId: command.input.operationId, signal: options?.abortSignal };
      calls.push(call);
      const reply = replies.length > 1 ? replies.shift() : replies[0];
      if (reply === undefined) throw new Error('stubClient: no reply scripted');
      if (reply instanceof Error) throw reply;
      const operation = typeof reply === 'function' ? await reply(call) : reply;
      return { operation, $metadata: { httpStatusCode: 200 } };
    },
  };
}

/** An operation with the given status (and fields). */
export function op(status: string, fields: Partial<Operation> = {}): Operation {
  const terminal = ['Succeeded', 'Completed', 'Failed'].includes(status);
  return {
    id: 'op-1',
    resourceName: 'web-1',
    operationType: 'CreateInstance',
    status: status as Operation['status'],
    isTerminal: terminal,
    ...fields,
  };
}

/** An error shaped like an SDK exception. */
export function sdkError(name: string, httpStatusCode = 400, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`${name} from the stub`), { name, $metadata: { httpStatusCode, requestId: 'req-1' }, ...extra });
}

/**
 * A client that answers each operation id from its own script (the last reply repeats) and
 * records the time of every call on the given clock.
 */
export function scriptedClient(
  scripts: Record<string, Reply[]>,
  now: () => number = () => 0,
): LightsailClientLike & { calls: Array<StubCall & { at: number }> } {
  const calls: Array<StubCall & { at: number }> = [];
  const queues = new Map(Object.entries(scripts).map(([id, replies]) => [id, [...replies]]));
  return {
    calls,
    async send(command: GetOperationCommand, options?: SendOptions) {
      const id = command.input.operationId ?? '';
      const call = { operationId: id, signal: options?.abortSignal, at: now() };
      calls.push(call);
      const queue = queues.get(id);
      if (queue === undefined)
        throw Object.assign(new Error(`no operation ${id}`), { name: 'NotFoundException', $metadata: { httpStatusCode: 400 } });
      const reply = queue.length > 1 ? queue.shift() : queue[0];
      if (reply === undefined) throw new Error('scriptedClient: no reply scripted');
      if (reply instanceof Error) throw reply;
      const operation = typeof reply === 'function' ? await reply(call) : reply;
      return { operation: { ...operation, id }, $metadata: { httpStatusCode: 200 } };
    },
  };
}
