import { type GetOperationCommand, type GetOperationCommandOutput, GetOperationsCommand, type Operation } from '@aws-sdk/client-lightsail';
import { UnpacedPoller } from '../../src/engine/unpaced-poller.js';
import { type BackoffStrategy, exponentialBackoff, OperationsWaiter, Poller, waitForOperation } from '../../src/index.js';
import { type RequestLimiter, SlidingWindowLimiter, TokenBucketLimiter } from '../../src/simulator/rate-limit.js';
import type { LightsailClientLike } from '../../src/types.js';
import { mulberry32 } from '../prng.js';
import { VirtualTime } from '../virtual-time.js';

/** How the operations are waited on. */
export type AccountArm =
  | { readonly kind: 'uncapped' }
  | { readonly kind: 'fixed'; readonly requestsPerSecond: number; readonly processes?: 1 | 2 }
  | { readonly kind: 'adaptive'; readonly processes: 1 | 2; readonly useGetOperations?: boolean };

export interface AccountRun {
  readonly operations: number;
  /** The account's limit, requests per second in any sliding second (or the token bucket's refill a second, with `burst`). */
  readonly limit: number;
  /** The account's limit as a token bucket of this many tokens, as EC2 documents its own. @default undefined (a sliding 1 s window) */
  readonly burst?: number;
  readonly arm: AccountArm;
  /** `default`: the library's default schedule; `exponential`: exponentialBackoff 1–20 s. */
  readonly schedule: 'default' | 'exponential';
  readonly seed?: number;
  /** With two processes, how long after the first the second starts, in ms. @default 1700 */
  readonly secondProcessDelayMs?: number;
  /** How long each request takes to arrive, in ms (the limit counts it then, and it is answered at once). @default 0 */
  readonly requestLatencyMs?: number;
  /** Every operation's `operationType`, as the simulator's (`CreateInstance`) in the HTTP arms. @default none: untyped */
  readonly operationType?: string;
}

export interface AccountResult {
  readonly requests: number;
  readonly throttled: number;
  readonly failed: number;
  readonly p50LatencyS: number;
  readonly p95LatencyS: number;
  /** Per process: requests answered (not throttled) and p95 latency, to see that none starves. */
  readonly processes: ReadonlyArray<{ readonly answered: number; readonly p95LatencyS: number; readonly finalRate: number | undefined }>;
}

const START = Date.UTC(2025, 0, 6, 9);

/** The many-operations workload of bench/many: instance creates 20–60 s, starts/stops 10–40 s, bigger work 1–5 min. */
export function manyDurationMs(i: number): number {
  const r = ((i * 2654435761) % 1000) / 1000;
  if (i % 3 === 0) return 20_000 + r * 40_000;
  if (i % 3 === 1) return 10_000 + r * 30_000;
  return 60_000 + r * 240_000;
}

/**
 * An account answering `GetOperation` from each operation's finish time, and `GetOperations` with
 * every operation, newest first (the last created first), 200 a page, all behind one account-like
 * limit. `client(p)` is process `p`'s view of it, counting what that process had answered.
 */
class LimitedAccount {
  requests = 0;
  throttled = 0;
  readonly answered: number[] = [];
  readonly #limiter: RequestLimiter;
  readonly #finishAt: ReadonlyMap<string, number>;
  readonly #newestFirst: readonly string[];
  readonly #now: () => number;
  readonly #operationType: string | undefined;
  constructor(limit: number, burst: number | undefined, finishAt: ReadonlyMap<string, number>, now: () => number, operationType?: string) {
    this.#operationType = operationType;
    this.#limiter = burst === undefined ? new SlidingWindowLimiter(limit) : new TokenBucketLimiter(limit, burst);
    this.#finishAt = finishAt;
    this.#newestFirst = [...finishAt.keys()].reverse();
    this.#now = now;
  }
  client(process: number): LightsailClientLike {
    this.answered[process] = 0;
    return { send: (command: GetOperationCommand) => this.#send(process, command) as Promise<GetOperationCommandOutput> };
  }
  #operation(id: string): Operation {
    const done = this.#now() >= (this.#finishAt.get(id) as number);
    const operation: Operation = { id, status: done ? 'Succeeded' : 'Started', createdAt: new Date(START) };
    return this.#operationType === undefined
      ? operation
      : { ...operation, operationType: this.#operationType as Operation['operationType'] };
  }
  async #send(process: number, command: GetOperationCommand | GetOperationsCommand): Promise<object> {
    this.requests += 1;
    if (!this.#limiter.tryAcquire(this.#now())) {
      this.throttled += 1;
      throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } });
    }
    this.answered[process] = (this.answered[process] ?? 0) + 1;
    if (command instanceof GetOperationsCommand) {
      const start = Number(command.input.pageToken ?? 0);
      const page = this.#newestFirst.slice(start, start + PAGE_SIZE).map((id) => this.#operation(id));
      const more = start + PAGE_SIZE < this.#newestFirst.length;
      return { operations: page, ...(more ? { nextPageToken: String(start + PAGE_SIZE) } : {}), $metadata: {} };
    }
    return { operation: this.#operation(command.input.operationId ?? ''), $metadata: {} };
  }
}

/** Operations a `GetOperations` page lists, as Lightsail's. */
const PAGE_SIZE = 200;

/** Two processes never start in the same millisecond: unless told, the second starts this long after the first. */
export const SECOND_PROCESS_DELAY_MS = 1700;

/** The `p` quantile of ascending `sorted` (nearest rank); NaN when empty. */
export const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;

/**
 * Many operations against one account's limit, in virtual time: the fast twin of bench/many's
 * real-time arms (same workload; no HTTP, no request latency). Deterministic for a seed.
 */
export async function runAccount(run: AccountRun): Promise<AccountResult> {
  const time = new VirtualTime(START, mulberry32(run.seed ?? 1));
  const ids = Array.from({ length: run.operations }, (_, i) => `op-${i}`);
  const finishAt = new Map(ids.map((id, i) => [id, START + manyDurationMs(i)]));
  const account = new LimitedAccount(run.limit, run.burst, finishAt, time.now, run.operationType);
  const latencyMs = run.requestLatencyMs ?? 0;
  const clientOf = (process: number): LightsailClientLike => {
    const client = account.client(process);
    if (latencyMs <= 0) return client;
    return {
      send: (command, options) => new Promise((resolve) => time.setTimeout(resolve, latencyMs)).then(() => client.send(command, options)),
    };
  };
  const clock = time.clock;
  const backoff: BackoffStrategy | undefined = run.schedule === 'exponential' ? exponentialBackoff : undefined;
  const wait = { clock, timeoutMs: 3_600_000, retries: 50, ...(backoff ? { backoff, minDelayMs: 1000, maxDelayMs: 20_000 } : {}) };
  const settledAt = new Map<string, number>();
  let failed = 0;
  let pending = ids.length;
  const done = (id: string, ok: boolean): void => {
    pending -= 1;
    if (ok) settledAt.set(id, time.now());
    else failed += 1;
  };
  const { arm } = run;
  const groups = arm.kind !== 'uncapped' && arm.processes === 2 ? [ids.slice(0, ids.length / 2), ids.slice(ids.length / 2)] : [ids];
  const pollers: Poller[] = [];
  time.install();
  try {
    if (arm.kind === 'uncapped') {
      const client = clientOf(0);
      for (const id of ids) {
        waitForOperation(client, id, { ...wait, poller: new UnpacedPoller({ clock }) }).then(
          () => done(id, true),
          () => done(id, false),
        );
      }
    } else {
      groups.forEach((group, i) => {
        const poller = new Poller(arm.kind === 'fixed' ? { clock, maxRequestsPerSecond: arm.requestsPerSecond } : { clock });
        pollers.push(poller);
        const client = clientOf(i);
        const useGetOperations = arm.kind === 'adaptive' ? (arm.useGetOperations ?? true) : false;
        const start = (): void => {
          const waiter = new OperationsWaiter(client, group, { ...wait, poller, useGetOperations });
          waiter.on('settled', (result) => done(result.operationId, result.outcome === 'succeeded'));
          waiter.wait().catch(() => {});
        };
        // Two processes never start in the same millisecond (and in virtual time, ties would
        // always favour the first): the second starts later, 1.7 s unless told.
        if (i === 0) start();
        else time.setTimeout(start, run.secondProcessDelayMs ?? SECOND_PROCESS_DELAY_MS);
      });
    }
    await time.runUntil(() => pending === 0);
  } finally {
    time.uninstall();
  }
  const latencyOf = (group: readonly string[]): number[] =>
    group
      .filter((id) => settledAt.has(id))
      .map((id) => ((settledAt.get(id) as number) - (finishAt.get(id) as number)) / 1000)
      .sort((a, b) => a - b);
  const all = latencyOf(ids);
  return {
    requests: account.requests,
    throttled: account.throttled,
    failed,
    p50LatencyS: percentile(all, 0.5),
    p95LatencyS: percentile(all, 0.95),
    processes: groups.map((group, i) => ({
      answered: account.answered[i] ?? 0,
      p95LatencyS: percentile(latencyOf(group), 0.95),
      finalRate: pollers[i]?.currentRate,
    })),
  };
}
