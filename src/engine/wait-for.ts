import type { WaitOptions } from './wait-options.js';
import { Waiter } from './waiter.js';
import type { WaiterDefinition } from './waiter-definition.js';

/**
 * Runs a waiter definition once and resolves with its last output when an acceptor says success;
 * rejects with a typed error otherwise. `new Waiter(...)` does the same with events.
 *
 * @example
 * ```ts
 * const { instance } = await waitFor(client, instanceRunning, 'web-1', { timeoutMs: 600_000 });
 * ```
 */
export async function waitFor<TClient, TInput, TOutput>(
  client: TClient,
  definition: WaiterDefinition<TClient, TInput, TOutput>,
  input: TInput | string,
  options?: WaitOptions,
): Promise<TOutput> {
  return new Waiter(client, definition, input, options).wait();
}

/** A waiter definition as a function: `waitForInstanceRunning(client, 'web-1', options)`. */
export type BoundWaiter<TClient, TInput, TOutput> = (client: TClient, input: TInput | string, options?: WaitOptions) => Promise<TOutput>;

/** Makes the promise-returning function of a waiter definition. */
export function bindWaiter<TClient, TInput, TOutput>(
  definition: WaiterDefinition<TClient, TInput, TOutput>,
): BoundWaiter<TClient, TInput, TOutput> {
  return async (client, input, options) => waitFor(client, definition, input, options);
}
