import type { Operation } from '../types.js';

/** Where an observed operation stands: done well, done badly, or still running. */
export type OperationOutcome = 'succeeded' | 'failed' | 'pending';

const SUCCESS_STATUSES: ReadonlySet<string> = new Set(['Succeeded', 'Completed']);

/**
 * Maps a Lightsail operation to an outcome.
 *
 * `Succeeded` and `Completed` succeed (AWS documents no difference between them); `Failed` fails;
 * an operation Lightsail marks `isTerminal` with any other status fails too, since it will never
 * succeed. Everything else, including status strings this library has never seen, is pending.
 */
export function operationOutcome(operation: Operation): OperationOutcome {
  const status = operation.status as string | undefined;
  if (status !== undefined && SUCCESS_STATUSES.has(status)) return 'succeeded';
  if (status === 'Failed' || operation.isTerminal === true) return 'failed';
  return 'pending';
}

/** True when the operation has finished, well or badly. */
export function isSettled(operation: Operation): boolean {
  return operationOutcome(operation) !== 'pending';
}
