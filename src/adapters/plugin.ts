import { assertClient } from '../engine/client-input.js';
import { linkSignals } from '../engine/linked-signal.js';
import { assertFunction } from '../engine/validate.js';
import { OperationsFailedError } from '../errors/operations-failed.js';
import { operationOutcome } from '../policy/operation-outcome.js';
import type { LightsailClientLike, Operation } from '../types.js';
import { resolveWaitManyOptions, type WaitManyOptions, waitForOperations } from '../waiters/operations.js';

/** Options of {@link waitForOperationsPlugin}: every {@link WaitManyOptions} field, plus these. */
export interface WaitForOperationsPluginOptions extends WaitManyOptions {
  /**
   * The client to poll `GetOperation` with, usually the very client the plugin is added to.
   * Required: SDK middleware is not handed the client that runs it.
   */
  readonly client: LightsailClientLike;
  /**
   * Which commands wait, by name (`'CreateInstancesCommand'`). Read-only `Get*` commands never
   * wait, whatever this says. @default every command
   */
  readonly filter?: (commandName: string) => boolean;
}

/** The part of an SDK middleware stack the plugin uses; a client's `middlewareStack` fits. */
export interface MiddlewareStackLike {
  /** Adds a middleware at a step; the plugin uses `initialize` with `override` so applying it twice replaces it. */
  add(middleware: unknown, options: { step: 'initialize'; name: string; override?: boolean }): void;
}

/** A client with an SDK middleware stack, as every AWS SDK v3 client has. */
export interface MiddlewareStackHolder {
  /** The client's middleware stack, where {@link withOperationWaiting} adds the plugin. */
  readonly middlewareStack: MiddlewareStackLike;
}

/** A plugin for `client.middlewareStack.use(...)`. */
export interface WaitForOperationsPlugin {
  /** Adds the waiting middleware, named {@link WAIT_FOR_OPERATIONS_MIDDLEWARE}, at the `initialize` step. */
  applyToStack(stack: MiddlewareStackLike): void;
}

type Output = { operation?: Operation; operations?: Operation[] };
type Next = (args: unknown) => Promise<{ output: Output; response: unknown }>;
type Context = { commandName?: string; __smithy_context?: { abortSignal?: AbortSignal } };

/** The middleware's name in the stack. */
export const WAIT_FOR_OPERATIONS_MIDDLEWARE = 'lightsailWaiterWaitForOperations';

/**
 * An SDK plugin that makes Lightsail write calls return when their work is done: after a command
 * whose output carries a running `operation` or `operations`, it waits for them and returns the
 * output with the operations in their final state. A failure throws `OperationFailedError` (one
 * `operation`) or `OperationsFailedError` (an `operations` array), as the library does. The
 * `abortSignal` given to `client.send` cancels the wait too. `Get*` commands never wait.
 *
 * @example
 * ```ts
 * const client = new LightsailClient({});
 * client.middlewareStack.use(waitForOperationsPlugin({ client, timeoutMs: 600_000 }));
 * await client.send(new CreateInstancesCommand({ ... })); // returns once the instances are created
 * ```
 */
export function waitForOperationsPlugin(options: WaitForOperationsPluginOptions): WaitForOperationsPlugin {
  if (typeof options !== 'object' || options === null) throw new TypeError('Expected `options` to be an object with a `client`');
  const { client, filter = () => true, ...waitOptions } = options;
  assertClient(client);
  assertFunction('filter', filter);
  // Checked now, not after the write call the plugin waits behind has gone out.
  resolveWaitManyOptions(waitOptions);
  const middleware = (next: Next, context: Context) => async (args: unknown) => {
    const result = await next(args);
    const name = context.commandName ?? '';
    const output = result.output;
    if (/^Get[A-Z]/.test(name) || !filter(name) || typeof output !== 'object' || output === null) return result;
    const single = Array.isArray(output.operations) ? undefined : output.operation;
    const operations = Array.isArray(output.operations) ? output.operations : single ? [single] : [];
    if (operations.every((operation) => operationOutcome(operation) === 'succeeded')) return result;
    const linked = linkSignals(waitOptions.signal, context.__smithy_context?.abortSignal);
    try {
      const finals = await waitForOperations(client, operations, { ...waitOptions, signal: linked.signal });
      return { ...result, output: single ? { ...output, operation: finals[0] } : { ...output, operations: finals } };
    } catch (error) {
      // One operation: throw its own error, as waitForOperation does.
      if (single && error instanceof OperationsFailedError && error.results[0]?.error) throw error.results[0].error;
      throw error;
    } finally {
      linked.dispose();
    }
  };
  return {
    applyToStack(stack) {
      stack.add(middleware, { step: 'initialize', name: WAIT_FOR_OPERATIONS_MIDDLEWARE, override: true });
    },
  };
}

/**
 * Adds {@link waitForOperationsPlugin} to a client and returns the same client: its Lightsail write
 * calls then return once their operations have finished. One call instead of
 * `client.middlewareStack.use(waitForOperationsPlugin({ client }))`.
 *
 * @example
 * ```ts
 * const client = withOperationWaiting(new LightsailClient({}), { timeoutMs: 600_000 });
 * await client.send(new CreateInstancesCommand({ ... })); // returns once the instances are created
 * ```
 */
export function withOperationWaiting<C extends LightsailClientLike & MiddlewareStackHolder>(
  client: C,
  options: Omit<WaitForOperationsPluginOptions, 'client'> = {},
): C {
  assertClient(client);
  const stack = (client as { middlewareStack?: unknown }).middlewareStack;
  if (typeof stack !== 'object' || stack === null || typeof (stack as MiddlewareStackLike).add !== 'function') {
    throw new TypeError('Expected `client` to have a `middlewareStack`, as an AWS SDK v3 client has');
  }
  waitForOperationsPlugin({ ...options, client }).applyToStack(client.middlewareStack);
  return client;
}
