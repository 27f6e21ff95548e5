import type { GetOperationCommand, GetOperationCommandOutput } from '@aws-sdk/client-lightsail';
import { type BackoffStrategy, exponentialBackoff, OperationsWaiter, Poller, waitForOperation } from '../../src/index.js';
import { type RequestLimiter, SlidingWindowLimiter, TokenBucketLimiter } from '../../src/simulator/rate-limit.js';
import type { LightsailClientLike } from '../../src/types.js';
import { mulberry32 } from '../prng.js';
import { VirtualTime } from '../virtual-time.js';

/** How the operations are waited on. */
export type AccountArm =
  | { readonly kind: 'uncapped' }
  | { readonly kind: 'fixed'; readonly requestsPerSecond: number; readonly processes?: 1 | 2 }
  | { readonly kind: 'adaptive'; readonly processes: 1 | 2 };

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

/** A client answering `GetOperation` from each operation's finish time, behind an account-like limit. */
class LimitedClient implements LightsailClientLike {
  requests = 0;
  throttled = 0;
  readonly answered = new Map<string, number>();
  readonly #limiter: RequestLimiter;
  readonly #finishAt: ReadonlyMap<string, number>;
  readonly #now: () => number;
  constructor(limit: number, burst: number | undefined, finishAt: ReadonlyMap<string, number>, now: () => number) {
    this.#limiter = burst === undefined ? new SlidingWindowLimiter(limit) : new TokenBucketLimiter(limit, burst);
    this.#finishAt = finishAt;
    this.#now = now;
  }
  async send(command: GetOperationCommand): Promise<GetOperationCommandOutput> {
    const id = command.input.operationId ?? '';
    this.requests += 1;
    if (!this.#limiter.tryAcquire(this.#now())) {
      this.throttled += 1;
      throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } });
    }
    this.answered.set(id, (this.answered.get(id) ?? 0) + 1);
    const done = this.#now() >= (this.#finishAt.get(id) as number);
    return { operation: { id, status: done ? 'Succeeded' : 'Started', createdAt: new Date(START) }, $metadata: {} };
  }
}

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
  const client = new LimitedClient(run.limit, run.burst, finishAt, time.now);
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
      for (const id of ids) {
        waitForOperation(client, id, { ...wait, poller: new Poller({ clock, maxRequestsPerSecond: 1e6 }) }).then(
          () => done(id, true),
          () => done(id, false),
        );
      }
    } else {
      groups.forEach((group, i) => {
        const poller = new Poller(arm.kind === 'fixed' ? { clock, maxRequestsPerSecond: arm.requestsPerSecond } : { clock });
        pollers.push(poller);
        const start = (): void => {
          const waiter = new OperationsWaiter(client, group, { ...wait, poller });
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
    requests: client.requests,
    throttled: client.throttled,
    failed,
    p50LatencyS: percentile(all, 0.5),
    p95LatencyS: percentile(all, 0.95),
    processes: groups.map((group, i) => ({
      answered: group.reduce((sum, id) => sum + (client.answered.get(id) ?? 0), 0),
      p95LatencyS: percentile(latencyOf(group), 0.95),
      finalRate: pollers[i]?.currentRate,
    })),
  };
}
