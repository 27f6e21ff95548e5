import {
  isResourceFailedError,
  isResourceRequestError,
  isWaiterTimeoutError,
  type WaiterDefinition,
  type WaitOptions,
  waitFor,
} from '../../src/index.js';
import type { SendOptions } from '../../src/types.js';
import { FakeClock } from './fake-clock.js';

/** One command the stub received. */
export interface SentCommand {
  /** `command.constructor.name`: `'GetInstanceCommand'`. */
  readonly name: string;
  /** `command.input`. */
  readonly input: unknown;
  /** The `abortSignal` the waiter passed. */
  readonly signal: AbortSignal | undefined;
}

/** One scripted answer: an output to return, an error to throw, or a function of the call. */
export type SenderReply = Error | ((call: SentCommand) => unknown) | Record<string, unknown> | undefined;

/**
 * A client whose `send` answers any command from a script, one reply a call (the last repeats),
 * recording each command's class name and input. Its `send` returns `Promise<never>`, so the stub
 * fits every `SendClient` type.
 */
export function stubSender(...replies: SenderReply[]) {
  const calls: SentCommand[] = [];
  return {
    calls,
    /** The names of the commands sent, in order. */
    names: () => calls.map((c) => c.name),
    async send(command: object, options?: SendOptions): Promise<never> {
      const call: SentCommand = {
        name: command.constructor.name,
        input: (command as { input?: unknown }).input,
        signal: options?.abortSignal,
      };
      calls.push(call);
      if (replies.length === 0) throw new Error('stubSender: no reply scripted');
      const reply = replies.length > 1 ? replies.shift() : replies[0];
      if (reply instanceof Error) throw reply;
      const output = typeof reply === 'function' ? await reply(call) : reply;
      return output as never;
    },
  };
}

/** A client whose `send` must never be called: for checks that happen before any request. */
export const noSend = {
  send(): Promise<never> {
    throw new Error('send must not be called');
  },
};

/** An error shaped like an SDK exception, with `$metadata`. */
export function awsError(name: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`${name} from the stub`), { name, $metadata: { httpStatusCode: 400, requestId: 'req-1' }, ...extra });
}

/**
 * What a waiter makes of one answer repeated forever, in words: `'success'`, `'failure: <reason>'`,
 * `'wait'` (timed out still waiting) or `'not found'`. Runs the real engine on a fake clock.
 */
export async function outcomeOf<TClient, TInput, TOutput>(
  definition: WaiterDefinition<TClient, TInput, TOutput>,
  input: TInput | string,
  reply: SenderReply,
  options: WaitOptions = {},
): Promise<string> {
  const clock = new FakeClock();
  const client = stubSender(reply) as unknown as TClient;
  const { error } = await clock.run(waitFor(client, definition, input, { clock, timeoutMs: 10_000, notFoundGraceMs: 0, ...options }));
  if (clock.pendingTimers !== 0) throw new Error(`outcomeOf: ${clock.pendingTimers} timers left`);
  if (error === undefined) return 'success';
  if (isResourceFailedError(error)) return `failure: ${error.reason}`;
  if (isWaiterTimeoutError(error)) return 'wait';
  if (isResourceRequestError(error) && error.errorName === 'NotFoundException') return 'not found';
  throw error;
}
