import { EventEmitter } from 'eventemitter3';
import type { Clock, ResultOutcome, Waiter, WaiterRetryEvent, WaiterStatusEvent } from '../../index.js';
import { resourceOutcome } from '../resource-outcome.js';
import { subjectOf } from './deployment.js';

/** A waiter as the CLI runs it. */
export type CliWaiter = Waiter<never, unknown, unknown>;

/** What the CLI knows about one resource wait. */
export interface ResourceRow {
  /** The waiter's name: `instance-running`. */
  readonly waiter: string;
  /** What is waited on, as the waiter names it: `web-1`, `web-1:22`. */
  readonly target: string;
  /** The thing in words, for lines and messages: `instance web-1`. */
  readonly subject: string;
  /** The Lightsail action the waiter polls: `GetInstance`. */
  readonly action: string;
  /** The last state seen, if any. */
  readonly state: string | undefined;
  /** More about the last state, if the waiter tells it: the public IP, each instance's health. */
  readonly detail: string | undefined;
  /** How the wait ended, once it has; `error` is what it rejected with. */
  readonly result: { readonly outcome: ResultOutcome; readonly error: Error | undefined } | undefined;
  /** Milliseconds from the start to the end of this wait, once it has ended. */
  readonly settledAfterMs: number | undefined;
  /** The last probe output seen, if any (a deployment's version and states, for `--json`). */
  readonly output: unknown;
}

/** The tracker's events: each after the row has been updated. */
export interface ResourceTrackerEvents {
  status: [row: ResourceRow, event: WaiterStatusEvent<unknown>];
  retry: [row: ResourceRow, event: WaiterRetryEvent];
  settled: [row: ResourceRow];
}

/**
 * Follows the events of several waiters, one per resource, and keeps one row each, in command-line
 * order, for the renderers and the report; re-emits the changes so that a view listens in one place.
 */
export class ResourceTracker extends EventEmitter<ResourceTrackerEvents> {
  /** `clock.now()` when tracking began. */
  readonly startedAt: number;
  readonly #clock: Clock;
  readonly #rows: ResourceRow[];

  constructor(waiters: readonly CliWaiter[], clock: Clock) {
    super();
    this.#clock = clock;
    this.startedAt = clock.now();
    this.#rows = waiters.map((waiter) => ({
      waiter: waiter.definition.name,
      target: waiter.target,
      subject: subjectOf(waiter, undefined),
      action: waiter.definition.action ?? 'the request',
      state: undefined,
      detail: undefined,
      result: undefined,
      settledAfterMs: undefined,
      output: undefined,
    }));
    waiters.forEach((waiter, i) => {
      waiter.on('status', (e) =>
        this.emit(
          'status',
          this.#update(i, { state: e.current, detail: e.detail, output: e.output, subject: subjectOf(waiter, e.output) }),
          e,
        ),
      );
      waiter.on('retry', (e) => this.emit('retry', this.#rows[i] as ResourceRow, e));
      waiter.on('succeeded', (e) => {
        if ((e as { error?: unknown }).error !== undefined) this.#gone(i, waiter);
        this.#settle(i, 'succeeded', undefined, e.output);
      });
      waiter.on('failed', (e) => this.#settle(i, resourceOutcome(e.error), e.error, e.output));
    });
  }

  /** One row per resource, in command-line order. */
  get rows(): readonly ResourceRow[] {
    return [...this.#rows];
  }

  /** Milliseconds since tracking began, or until the row's wait ended. */
  elapsedMs(row?: ResourceRow): number {
    return row?.settledAfterMs ?? this.#clock.now() - this.startedAt;
  }

  /**
   * A `*-deleted` wait succeeds on not-found, which no `status` event reports: show the state the
   * definition gives to "no output" (`deleted`), as a last status change.
   */
  #gone(i: number, waiter: CliWaiter): void {
    let current: string | undefined;
    try {
      current = waiter.definition.state(undefined);
    } catch {
      current = undefined;
    }
    const row = this.#rows[i] as ResourceRow;
    current ??= 'gone';
    if (current === row.state) return;
    const event = { waiter: row.waiter, target: row.target, previous: row.state, current, detail: undefined, output: undefined };
    this.emit('status', this.#update(i, { state: current, detail: undefined }), Object.freeze(event));
  }

  #settle(i: number, outcome: ResultOutcome, error: Error | undefined, output: unknown): void {
    const change: Partial<ResourceRow> = { result: { outcome, error }, settledAfterMs: this.elapsedMs() };
    this.emit('settled', this.#update(i, output === undefined ? change : { ...change, output }));
  }

  #update(i: number, change: Partial<ResourceRow>): ResourceRow {
    const row = { ...(this.#rows[i] as ResourceRow), ...change };
    this.#rows[i] = row;
    return row;
  }
}
