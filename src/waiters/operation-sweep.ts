import { GetOperationsCommand, type GetOperationsCommandOutput } from '@aws-sdk/client-lightsail';
import { onAbort } from '../engine/abort-fanout.js';
import { CANCELLED, type Clock } from '../engine/clock.js';
import type { Poller } from '../engine/poller.js';
import { withRequestTimeout } from '../engine/send-with-retries.js';
import type { ProbeContext } from '../engine/waiter-definition.js';
import { isSettled } from '../policy/operation-outcome.js';
import { classifyRequestError, isThrottling } from '../policy/request-error-kind.js';
import type { LightsailClientLike, Operation, SendOptions } from '../types.js';
import { getOperation } from './operation-definition.js';

/** With fewer operations pending than this, each is read with its own `GetOperation`. */
export const SWEEP_MIN_PENDING = 5;

/**
 * A sweep lists the pending operations every this many of the waits' `minDelayMs` (every 5 s by
 * default; every 50 ms with `scaledWaitOptions(100)`), or every `maxDelayMs` when that is
 * shorter. A listing wakes every wait whose operation it shows finished, so this bounds how late a
 * finish is seen.
 */
const LIST_EVERY_MIN_DELAYS = 5;

/** How often a sweep lists, in ms, for waits with these `minDelayMs` and `maxDelayMs`. */
export function listEveryMs(minDelayMs: number, maxDelayMs: number): number {
  return Math.min(LIST_EVERY_MIN_DELAYS * minDelayMs, maxDelayMs);
}

/** The share of the poller's pace, at most, that listing on the cadence takes (it lists less often when more pages need it). */
const LIST_SHARE = 0.5;

/** A sweep that lists none of the operations waited on (not visible yet, or far down the list) pauses sweeping this long, in ms. */
const PAUSE_AFTER_MISS_MS = 30_000;

/** The most pages one sweep reads: 10,000 operations at Lightsail's 200 a page. */
const MAX_PAGES = 50;

/** Sweeps failing in a row (5xx, no answer, the network; not throttling) before `GetOperation` alone is used. */
const FAILED_SWEEPS_BEFORE_OFF = 3;

/** The errors of failed listings, as thrown to the reads they left unanswered. */
const listingErrors = new WeakSet<object>();

/** True when `error` is a failed `GetOperations` listing's, not a `GetOperation`'s. */
export function isListingError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && listingErrors.has(error);
}

/** A client that also sends `GetOperations`: a `LightsailClient` does. */
interface ListingClient {
  send(command: GetOperationsCommand, options?: SendOptions): Promise<GetOperationsCommandOutput>;
}

/** How a sweep reads. */
export interface OperationSweepOptions {
  /** The poller every request of the sweep, and every single read, takes its turn at. */
  readonly poller: Poller;
  readonly clock: Clock;
  /** How long one page may go unanswered, in ms. */
  readonly requestTimeoutMs: number;
  /** How often to list, in ms (see {@link listEveryMs}); an observation this old still answers a read. */
  readonly everyMs: number;
  /** Stops every sweep: the whole wait ended. */
  readonly signal: AbortSignal;
  /**
   * Called when a page lists a waited-on operation as finished (succeeded or failed), so that its
   * wait can read it now rather than at its next turn. @default none
   */
  readonly onFinished?: (operationId: string) => void;
}

/** One pass over the pages of `GetOperations`, shared by every read that joins it. */
interface Sweep {
  readonly number: number;
  readonly controller: AbortController;
  /** The pending ids its pages listed. */
  readonly found: Set<string>;
  /** Settles when the pass ends; `error` is a transient failure the reads it left unanswered retry. */
  done: Promise<{ readonly error?: unknown }>;
  /** The waits' reads that wait on it; a sweep on the cadence runs on with none. */
  readers: number;
  readonly onCadence: boolean;
  pages: number;
  finished: boolean;
}

/** An operation as a page listed it, and which sweep saw it. */
interface Seen {
  readonly operation: Operation;
  readonly at: number;
  readonly sweep: number;
}

/**
 * Reads the states of many pending operations together: one `GetOperations` request lists up to
 * 200 operations, newest first, so that a look at 1,000 operations just created costs about 5
 * requests rather than 1,000. Sweeps come on a cadence of their own (see {@link listEveryMs}), and
 * each wakes the waits whose operations its pages list as finished. Each operation's wait still
 * keeps its own schedule too: when its turn comes, it takes what a page read at most one cadence
 * ago listed, or joins the sweep under way (the next one, when the one under way has listed it
 * already), or starts one. An operation no page
 * lists (not visible yet, or far down the account's list) is read with its own `GetOperation`, as
 * is every operation once fewer than {@link SWEEP_MIN_PENDING} are pending. A refused
 * `GetOperations` (no `lightsail:GetOperations` permission), an answer that cannot be read, or
 * {@link FAILED_SWEEPS_BEFORE_OFF} sweeps in a row failing turns sweeping off for the rest of the
 * wait.
 */
export class OperationSweep {
  readonly #client: LightsailClientLike;
  readonly #options: OperationSweepOptions;
  readonly #pending: Set<string>;
  readonly #seen = new Map<string, Seen>();
  /** The sweep whose observation each operation's wait was last given. */
  readonly #served = new Map<string, number>();
  #current: Sweep | undefined;
  #sweeps = 0;
  #off = false;
  #failedSweeps = 0;
  #pausedUntil = Number.NEGATIVE_INFINITY;
  /** Clears the timer of the next sweep on the cadence. */
  #cadence: AbortController | undefined;

  constructor(client: LightsailClientLike, operationIds: Iterable<string>, options: OperationSweepOptions) {
    this.#client = client;
    this.#pending = new Set(operationIds);
    this.#options = options;
  }

  /** The operation's wait has settled: sweeps stop looking for it. */
  settled(operationId: string): void {
    this.#pending.delete(operationId);
    this.#seen.delete(operationId);
    this.#served.delete(operationId);
    if (this.#pending.size < SWEEP_MIN_PENDING) this.#cadence?.abort(CANCELLED);
    // None left to look for: a listing on the cadence still under way has no one to answer.
    if (this.#pending.size === 0) this.#current?.controller.abort(CANCELLED);
  }

  /** The probe of one operation's wait: its state now, from a page or from its own `GetOperation`. */
  async read(operationId: string, context: ProbeContext<Operation>): Promise<Operation> {
    for (;;) {
      const fresh = this.#fresh(operationId);
      if (fresh !== undefined) return fresh;
      const current = this.#current;
      if (current?.found.has(operationId) === true) {
        // The sweep under way has listed it already, so has nothing newer: the next sweep will,
        // at no cost when other reads want it too (a GetOperation each here, against the
        // simulator, took the default arm of bench/many from 726 requests to 1,045–1,327).
        await context.untimed(() => untilAborted(current.done, context.signal));
        continue;
      }
      if (current !== undefined || this.#shouldSweep()) {
        const listed = await context.untimed(() => this.#join(operationId, context.signal));
        if (listed !== undefined) return listed;
      }
      return this.#readOne(operationId, context);
    }
  }

  /** Whether a new sweep is worth its requests now. */
  #shouldSweep(): boolean {
    return !this.#off && this.#pending.size >= SWEEP_MIN_PENDING && this.#options.clock.now() >= this.#pausedUntil;
  }

  /** What a recent page listed, if this wait has not been given it yet. */
  #fresh(operationId: string): Operation | undefined {
    const seen = this.#seen.get(operationId);
    if (seen === undefined || seen.sweep <= (this.#served.get(operationId) ?? 0)) return undefined;
    if (this.#options.clock.now() - seen.at > this.#options.everyMs) return undefined;
    return this.#serve(operationId, seen);
  }

  #serve(operationId: string, seen: Seen): Operation {
    this.#served.set(operationId, seen.sweep);
    return seen.operation;
  }

  /**
   * Joins the sweep under way, or starts one, and takes what it listed: `undefined` when no page
   * listed the operation. Leaving early (`signal` aborts) stops the sweep if no one else waits on it.
   */
  async #join(operationId: string, signal: AbortSignal): Promise<Operation | undefined> {
    const sweep = this.#current ?? this.#start();
    sweep.readers += 1;
    try {
      const { error } = await untilAborted(sweep.done, signal);
      const seen = this.#seen.get(operationId);
      if (seen !== undefined && seen.sweep === sweep.number && seen.sweep > (this.#served.get(operationId) ?? 0)) {
        return this.#serve(operationId, seen);
      }
      if (error !== undefined) {
        if (typeof error === 'object' && error !== null && !signal.aborted) listingErrors.add(error);
        throw error;
      }
      return undefined;
    } finally {
      sweep.readers -= 1;
      if (sweep.readers === 0 && !sweep.finished && !sweep.onCadence) {
        // No one waits on it any more: stopped, and no later read joins it.
        sweep.controller.abort(CANCELLED);
        if (this.#current === sweep) this.#current = undefined;
      }
    }
  }

  #start(onCadence = false): Sweep {
    this.#sweeps += 1;
    const { signal } = this.#options;
    const controller = new AbortController();
    if (signal.aborted) controller.abort(signal.reason);
    const unsubscribe = onAbort(signal, () => controller.abort(signal.reason));
    const sweep: Sweep = {
      number: this.#sweeps,
      controller,
      found: new Set(),
      done: Promise.resolve({}),
      readers: 0,
      onCadence,
      pages: 0,
      finished: false,
    };
    sweep.done = this.#run(sweep).finally(() => {
      sweep.finished = true;
      unsubscribe();
      if (this.#current === sweep) this.#current = undefined;
      this.#scheduleNext(sweep.pages);
    });
    this.#current = sweep;
    return sweep;
  }

  /**
   * Lists again after {@link OperationSweepOptions.everyMs}, or later when the last sweep's `pages`
   * would take more than {@link LIST_SHARE} of the poller's pace; not once sweeping is off, the
   * whole wait has ended, or fewer than {@link SWEEP_MIN_PENDING} operations are pending.
   */
  #scheduleNext(pages: number): void {
    this.#cadence?.abort(CANCELLED);
    const { clock, everyMs, poller, signal } = this.#options;
    if (this.#off || signal.aborted || this.#pending.size < SWEEP_MIN_PENDING) return;
    const timer = new AbortController();
    this.#cadence = timer;
    const unsubscribe = onAbort(signal, () => timer.abort(CANCELLED));
    const delayMs = Math.max(everyMs, (1000 * Math.max(pages, 1)) / (LIST_SHARE * poller.currentRate));
    clock.sleep(delayMs, timer.signal).then(() => {
      unsubscribe();
      if (this.#current !== undefined) return;
      if (this.#shouldSweep()) this.#start(true);
      else this.#scheduleNext(0);
    }, unsubscribe);
  }

  /**
   * Reads pages until every pending operation was listed, the list ends (or a page token comes
   * back), or more pages would cost more requests than the operations still unlisted; a sweep
   * that lists none pauses sweeping. A transient failure ends the sweep with that error for the
   * reads it left unanswered to retry (each after its own backoff); after
   * {@link FAILED_SWEEPS_BEFORE_OFF} sweeps in a row failing other than by throttling, sweeping is off.
   */
  async #run(sweep: Sweep): Promise<{ readonly error?: unknown }> {
    const { clock } = this.#options;
    const tokens = new Set<string>();
    let pageToken: string | undefined;
    for (let pages = 1; pages <= MAX_PAGES; pages += 1) {
      let output: GetOperationsCommandOutput;
      try {
        const { signal } = sweep.controller;
        output = await this.#atTurn(
          () => this.#options.poller.acquire(signal),
          () => this.#page(pageToken, signal),
        );
      } catch (error) {
        if (sweep.controller.signal.aborted) return { error };
        // Throttling says nothing against GetOperations (and one page spares many requests).
        if (isThrottling(error)) return { error };
        if (classifyRequestError(error) !== 'transient' || ++this.#failedSweeps >= FAILED_SWEEPS_BEFORE_OFF) {
          this.#off = true;
          return {};
        }
        return { error };
      }
      this.#failedSweeps = 0;
      sweep.pages = pages;
      const operations: unknown = output?.operations;
      if (!Array.isArray(operations)) {
        this.#off = true;
        return {};
      }
      const at = clock.now();
      const finished: string[] = [];
      for (const operation of operations as Operation[]) {
        const id = operation?.id;
        if (typeof id !== 'string' || !this.#pending.has(id)) continue;
        sweep.found.add(id);
        this.#seen.set(id, { operation, at, sweep: sweep.number });
        if (isSettled(operation)) finished.push(id);
      }
      // Told once the page is recorded: a wait woken reads what the page listed.
      for (const id of finished) this.#options.onFinished?.(id);
      pageToken = output.nextPageToken;
      if (typeof pageToken !== 'string' || pageToken === '' || tokens.has(pageToken)) break;
      tokens.add(pageToken);
      // Another page only while it may cost less than reading the operations not listed yet one
      // by one (they may sit below another process's newer operations, or not be visible yet).
      let unlisted = 0;
      for (const id of this.#pending) if (!sweep.found.has(id)) unlisted += 1;
      if (unlisted <= pages) break;
    }
    if (sweep.found.size === 0) this.#pausedUntil = clock.now() + PAUSE_AFTER_MISS_MS;
    return {};
  }

  /** One request once `turn` (a turn at the shared poller) comes; the poller hears whether it was answered or throttled. */
  async #atTurn<T>(turn: () => Promise<void>, request: () => Promise<T>): Promise<T> {
    const { poller } = this.#options;
    await turn();
    try {
      const output = await request();
      poller.reportSuccess();
      return output;
    } catch (error) {
      if (isThrottling(error)) poller.reportThrottled();
      throw error;
    }
  }

  /** One page, bounded by the per-request timeout. */
  #page(pageToken: string | undefined, signal: AbortSignal): Promise<GetOperationsCommandOutput> {
    const { clock, requestTimeoutMs } = this.#options;
    const command = new GetOperationsCommand(pageToken === undefined ? {} : { pageToken });
    return withRequestTimeout(clock, signal, requestTimeoutMs, (attempt) =>
      (this.#client as unknown as ListingClient).send(command, { abortSignal: attempt.signal }),
    );
  }

  /** `GetOperation` for one operation, at its own turn (the probe's request timeout held while it waits). */
  #readOne(operationId: string, context: ProbeContext<Operation>): Promise<Operation> {
    const { poller } = this.#options;
    return this.#atTurn(
      () => context.untimed(() => poller.acquire(context.signal)),
      () => getOperation(this.#client, operationId, context.signal),
    );
  }
}

/** `promise`, or a rejection with `signal`'s reason if it aborts first. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const unsubscribe = onAbort(signal, () => reject(signal.reason));
    promise.then(
      (value) => {
        unsubscribe();
        resolve(value);
      },
      (error: unknown) => {
        unsubscribe();
        reject(error);
      },
    );
  });
}
