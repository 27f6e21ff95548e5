import type { OperationRef } from '../engine/client-input.js';
import type { WaitOptions } from '../engine/wait-options.js';
import { Waiter } from '../engine/waiter.js';
import type { WaiterDefinition } from '../engine/waiter-definition.js';
import { OperationFailedError } from '../errors/operation-failed.js';
import { OperationRequestError } from '../errors/request.js';
import type { LightsailClientLike, Operation, OperationInput } from '../types.js';
import { operationWaiterDefinition } from './operation-definition.js';
import type { OperationStatusName, OperationWaiterEvents } from './operation-events.js';
import { isListingError } from './operation-sweep.js';

/**
 * Waits for one Lightsail operation and reports its progress as typed events
 * (`status`, `poll`, `retry`, `succeeded`, `failed`): the engine's {@link Waiter} running the
 * operation definition, with `operationId` and `operation` on every payload.
 *
 * Arguments are checked in the constructor, before any request. Nothing happens until
 * {@link OperationWaiter.wait} is called.
 */
export class OperationWaiter extends Waiter<LightsailClientLike, OperationRef, Operation, OperationWaiterEvents> {
  /** The id of the operation waited on. */
  readonly operationId: string;

  /**
   * @param definition @internal How the operation is read: `waitForOperations` passes one that
   * reads many operations together.
   */
  constructor(
    client: LightsailClientLike,
    operation: OperationInput,
    options?: WaitOptions,
    definition: WaiterDefinition<LightsailClientLike, OperationRef, Operation> = operationWaiterDefinition,
  ) {
    super(client, definition, operation, options);
    this.operationId = this.target;
    this.output = this.input.operation;
  }

  /** The last observed operation: the one given, then each `GetOperation` response. */
  get operation(): Operation | undefined {
    return this.output;
  }

  /** The last observed status, if any. */
  get status(): OperationStatusName | undefined {
    return this.output?.status;
  }

  /**
   * Starts waiting (once: later calls return the same promise). Resolves with the final operation
   * when it is `Succeeded` or `Completed`; rejects with an {@link OperationFailedError},
   * `WaiterTimeoutError`, `WaiterAbortError` or {@link OperationRequestError}.
   */
  override wait(): Promise<Operation> {
    return super.wait();
  }

  protected override eventFields(output: Operation | undefined): object {
    return { operationId: this.operationId, operation: output };
  }

  protected override failureError(output: Operation | undefined): Error {
    return new OperationFailedError(output as Operation);
  }

  protected override requestError(error: unknown, retriesExhausted: boolean): Error {
    const action = isListingError(error) ? 'GetOperations' : 'GetOperation';
    return new OperationRequestError(this.operationId, error, retriesExhausted, this.output, action);
  }

  protected override operationIdForErrors(): string {
    return this.operationId;
  }

  protected override operationForErrors(): Operation | undefined {
    return this.output;
  }
}

/**
 * Waits until a Lightsail operation has finished. Resolves with the final operation when its
 * status is `Succeeded` or `Completed`; rejects with a typed error otherwise. An operation object
 * that is already terminal settles at once, with no request.
 *
 * @example
 * ```ts
 * const { operations } = await client.send(new CreateInstancesCommand({ ... }));
 * await waitForOperation(client, operations[0], { timeoutMs: 600_000 });
 * ```
 */
export async function waitForOperation(client: LightsailClientLike, operation: OperationInput, options?: WaitOptions): Promise<Operation> {
  return new OperationWaiter(client, operation, options).wait();
}
