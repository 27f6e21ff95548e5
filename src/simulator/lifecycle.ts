/**
 * The lazy operation clock: an operation stores only the instants it changes status, and its
 * status is computed from the simulator's clock on each read. No timers, so ten thousand
 * operations cost a few hundred bytes each and injected (virtual) time just works.
 */

/** Every status a Lightsail operation can have. */
export type OperationStatusName = 'NotStarted' | 'Started' | 'Succeeded' | 'Completed' | 'Failed';

/** The statuses an operation can end in. */
export type FinalStatusName = 'Succeeded' | 'Completed' | 'Failed';

export const OPERATION_STATUSES: readonly OperationStatusName[] = ['NotStarted', 'Started', 'Succeeded', 'Completed', 'Failed'];
export const FINAL_STATUSES: readonly FinalStatusName[] = ['Succeeded', 'Completed', 'Failed'];

/** Error code given to an operation made to fail without one. */
export const DEFAULT_ERROR_CODE = 'OperationFailure';

/** One stored operation; times are epoch ms on the simulator's clock. Internal. */
export interface OperationRecord {
  readonly id: string;
  /** Creation order, to break ties between equal `createdAt`. */
  readonly seq: number;
  readonly operationType: string;
  readonly resourceName: string;
  readonly resourceType: string;
  readonly availabilityZone: string;
  readonly operationDetails: string;
  readonly createdAt: number;
  /** When the status becomes `Started` (equal to `createdAt` when it is created `Started`). */
  readonly startAt: number;
  /**
   * When `statusChangedAt` moves while the operation is still `Started` (at or after `startAt`; equal to
   * it when it does not move): real database and disk creates do (see `STATUS_REFRESH_MS`).
   */
  readonly refreshAt: number;
  /** When the status becomes `finalStatus` (may be `Infinity`). */
  readonly endAt: number;
  finalStatus: FinalStatusName;
  errorCode: string | undefined;
  errorDetails: string | undefined;
  /** `GetOperation` answers `NotFoundException` before this instant. */
  hiddenUntil: number;
}

/** The instants at which a new operation changes status. */
export interface Timing {
  readonly startAt: number;
  readonly endAt: number;
}

/**
 * Plans an operation's life: `NotStarted` for `notStartedMs`, then `Started` for `durationMs`,
 * then its final status. An operation created `Started` skips the first phase; one created
 * terminal has no phases. Durations are already scaled.
 */
export function planTiming(createdAt: number, initial: OperationStatusName, durationMs: number, notStartedMs: number): Timing {
  if (initial === 'NotStarted') {
    const startAt = createdAt + notStartedMs;
    return { startAt, endAt: startAt + durationMs };
  }
  if (initial === 'Started') return { startAt: createdAt, endAt: createdAt + durationMs };
  return { startAt: createdAt, endAt: createdAt };
}

/** The operation's status at `now`. */
export function statusAt(op: OperationRecord, now: number): OperationStatusName {
  if (now >= op.endAt) return op.finalStatus;
  return now >= op.startAt ? 'Started' : 'NotStarted';
}

/** The `statusChangedAt` seen at `now`: when the status began, or when a `Started` operation last changed. */
export function statusChangedAt(op: OperationRecord, now: number): number {
  if (now >= op.endAt) return op.endAt;
  if (now >= op.refreshAt) return op.refreshAt;
  return now >= op.startAt ? op.startAt : op.createdAt;
}

/** Whether the operation has reached its final status at `now`. */
export function isTerminalAt(op: OperationRecord, now: number): boolean {
  return now >= op.endAt;
}

/** Whether the operation ended (or will end) in success, as seen at `now`. */
export function hasSucceededAt(op: OperationRecord, now: number): boolean {
  return now >= op.endAt && op.finalStatus !== 'Failed';
}
