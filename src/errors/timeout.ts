import type { Operation } from '../types.js';
import { hasErrorName, LightsailWaiterError } from './base.js';
import type { WaitContext } from './wait-context.js';

/**
 * Thrown when the operation is still not finished when `timeoutMs` runs out. Its `name` is
 * `'TimeoutError'`, as with the AWS SDK's waiters and `AbortSignal.timeout()`.
 */
export class WaiterTimeoutError extends LightsailWaiterError {
  /** Always `'TimeoutError'`, to match the AWS SDK's waiters and `AbortSignal.timeout()`, so existing timeout checks by name keep working. */
  override name = 'TimeoutError' as const;
  /** The timeout that ran out, in milliseconds. */
  readonly timeoutMs: number;
  /** The last observed operation, if any poll succeeded. */
  readonly operation: Operation | undefined;
  /** How many probe (`GetOperation`, `Get*`) responses were received. */
  readonly attempts: number;
  /** The waiter's name: `'operation'`, `'instance-running'`. */
  readonly waiter: string;
  /** What was waited on: the operation id or the resource name. */
  readonly target: string | undefined;
  /** The last state seen, if any: `'Started'`, `'pending'`. */
  readonly state: string | undefined;
  /** The last probe output seen, if any (for operations, `{ operation }` is in `operation`). */
  readonly output: unknown;

  /**
   * @param subject - what was waited for, in words; `waitForResource` names the resource here
   *   (its `operationId` is then undefined).
   */
  constructor(
    operationId: string | undefined,
    timeoutMs: number,
    operation: Operation | undefined,
    attempts: number,
    subject = `Lightsail operation ${operationId}`,
    context: WaitContext = {},
  ) {
    const state = context.state ?? operation?.status;
    const last = state ? `; last seen ${state}` : '';
    const failing =
      context.lastError === undefined
        ? ''
        : context.failingForMs !== undefined && context.failingForMs >= 1000
          ? `; every request in the last ${Math.round(context.failingForMs / 1000)} s failed: ${errorText(context.lastError)}`
          : `; the last request failed: ${errorText(context.lastError)}`;
    super(
      `Timed out after ${timeoutMs} ms waiting for ${subject}${last}${failing}`,
      operationId,
      context.lastError === undefined ? undefined : { cause: context.lastError },
    );
    this.timeoutMs = timeoutMs;
    this.operation = operation;
    this.attempts = attempts;
    this.waiter = context.waiter ?? 'operation';
    this.target = context.target ?? operationId;
    this.state = state;
    this.output = context.output;
  }
}

/** True for a {@link WaiterTimeoutError}, even from another copy of the package. */
export function isWaiterTimeoutError(value: unknown): value is WaiterTimeoutError {
  return hasErrorName(value, 'TimeoutError');
}

function errorText(error: unknown): string {
  const e = error as { name?: unknown; message?: unknown; code?: unknown } | null;
  const name = e?.name === 'Error' && typeof e.code === 'string' ? e.code : typeof e?.name === 'string' ? e.name : 'Error';
  return typeof e?.message === 'string' && e.message !== '' ? `${name}: ${e.message}` : name;
}
