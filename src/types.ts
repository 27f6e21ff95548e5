import type { GetOperationCommand, GetOperationCommandOutput, Operation } from '@aws-sdk/client-lightsail';

export type { Operation };

/** Options a Lightsail client's `send` accepts; the waiter passes its abort signal through it. */
export interface SendOptions {
  /** Cancels the in-flight HTTP request. */
  abortSignal?: AbortSignal;
}

/**
 * Anything with the `send` of a `LightsailClient`: the real client, a wrapped one,
 * or a mock such as `aws-sdk-client-mock`.
 */
export interface LightsailClientLike {
  /** Sends `GetOperation`; the waiter passes `abortSignal` so that cancelling stops the request in flight. */
  send(command: GetOperationCommand, options?: SendOptions): Promise<GetOperationCommandOutput>;
}

/** An operation to wait on: its id, or the `Operation` object a Lightsail call returned. */
export type OperationInput = string | Operation;
