import type { Clock, Operation, OperationResult, OperationsWaiter } from '../../index.js';

/** What the CLI knows about one operation. */
export interface OperationRow {
  readonly operationId: string;
  /** The last observed operation: the one from the input, then each response. */
  readonly operation: Operation | undefined;
  /** How the wait ended, once it has. */
  readonly result: OperationResult | undefined;
  /** Milliseconds from the start of the wait to the end of this operation's wait, once it has ended. */
  readonly settledAfterMs: number | undefined;
}

/**
 * Follows an {@link OperationsWaiter}'s events and keeps one row per distinct operation, in input
 * order, for the renderers and the final report to read.
 */
export class Tracker {
  /** `clock.now()` when tracking began. */
  readonly startedAt: number;
  readonly #clock: Clock;
  readonly #rows = new Map<string, OperationRow>();

  constructor(waiter: OperationsWaiter, clock: Clock) {
    this.#clock = clock;
    this.startedAt = clock.now();
    for (const id of waiter.operationIds) {
      if (!this.#rows.has(id)) {
        this.#rows.set(id, { operationId: id, operation: waiter.operation(id), result: undefined, settledAfterMs: undefined });
      }
    }
    waiter.on('status', ({ operationId, operation }) => this.#update(operationId, { operation }));
    waiter.on('settled', (result) =>
      this.#update(result.operationId, {
        result,
        settledAfterMs: this.elapsedMs(),
        ...(result.operation === undefined ? {} : { operation: result.operation }),
      }),
    );
  }

  /** One row per distinct operation, in input order. */
  get rows(): readonly OperationRow[] {
    return [...this.#rows.values()];
  }

  /** The row of an operation. */
  row(operationId: string): OperationRow | undefined {
    return this.#rows.get(operationId);
  }

  /** The results of the operations that have settled, in input order. */
  get results(): readonly OperationResult[] {
    return this.rows.flatMap((row) => (row.result === undefined ? [] : [row.result]));
  }

  /** Milliseconds since tracking began, or until the row's operation settled. */
  elapsedMs(row?: OperationRow): number {
    return row?.settledAfterMs ?? this.#clock.now() - this.startedAt;
  }

  #update(operationId: string, change: Partial<OperationRow>): void {
    const row = this.#rows.get(operationId);
    if (row !== undefined) this.#rows.set(operationId, { ...row, ...change });
  }
}
