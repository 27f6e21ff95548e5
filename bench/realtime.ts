import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { GetOperationCommand, LightsailClient } from '@aws-sdk/client-lightsail';
import { Poller } from '../src/engine/poller.js';
import { DEFAULT_WAIT_OPTIONS } from '../src/engine/wait-options.js';
import { createOperationAwareBackoff } from '../src/index.js';
import { type Simulator, startSimulator, toSdkOperation } from '../src/simulator/index.js';
import type { LightsailClientLike } from '../src/types.js';
import { OperationWaiter } from '../src/waiters/operation.js';
import { mulberry32 } from './prng.js';
import { makeWorkload } from './workload.js';

/** CPU and memory of our waiter polling the simulator for real. */
export interface RealtimeResult {
  readonly waiters: number;
  readonly timeScale: number;
  readonly polls: number;
  readonly wallMs: number;
  /** Whole-process user + system CPU per poll of our waiters, µs. */
  readonly cpuUsPerPoll: number;
  /** The same for bare `client.send(GetOperationCommand)` calls at the same concurrency, µs. */
  readonly cpuUsPerBareCall: number;
  /** CPU per poll of our waiter with an in-memory client (no HTTP, no SDK), µs. */
  readonly cpuUsPerStubPoll: number;
  /** Heap held per waiter between polls, after a full GC (bytes); `undefined` without GC access. */
  readonly heapPerWaitingWaiterBytes: number | undefined;
  /** The default strategy alone, µs per call. */
  readonly strategyUsPerCall: number;
}

function gcFunction(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

/** Times the default strategy alone over varied contexts, µs per call. */
function timeStrategy(calls: number): number {
  const now = 1_700_000_600_000;
  const strategy = createOperationAwareBackoff({ now: () => now });
  const types = ['CreateInstance', 'CreateRelationalDatabase', 'SomethingUnknown'] as const;
  let sink = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) {
    const operation = {
      id: 'op',
      operationType: types[i % 3] as never,
      createdAt: new Date(now - (i % 600) * 1000),
      status: 'Started' as const,
    };
    sink += strategy({ attempt: 1 + (i % 20), minDelayMs: 1000, maxDelayMs: 30_000, elapsedMs: 0, random: () => 0.5, operation });
  }
  if (!Number.isFinite(sink)) throw new Error('strategy returned a non-finite delay');
  return Number(process.hrtime.bigint() - start) / 1000 / calls;
}

/**
 * CPU per poll of our waiter alone: `waiters` waiters on a client that answers at once, in
 * memory, `Started` for `polls − 1` calls and then `Succeeded`, 1 ms between polls (real timers).
 */
async function waiterOverhead(waiters: number, polls: number): Promise<number> {
  const seen = new Map<string, number>();
  const client: LightsailClientLike = {
    async send(command) {
      const id = command.input.operationId ?? '';
      const n = (seen.get(id) ?? 0) + 1;
      seen.set(id, n);
      return { operation: { id, status: n >= polls ? 'Succeeded' : 'Started' }, $metadata: {} };
    },
  };
  const poller = new Poller({ maxRequestsPerSecond: 1e6 });
  const cpu0 = process.cpuUsage();
  await Promise.all(
    Array.from({ length: waiters }, (_, i) => new OperationWaiter(client, `op-${i}`, { poller, backoff: () => 1, minDelayMs: 1 }).wait()),
  );
  const cpu = process.cpuUsage(cpu0);
  return (cpu.user + cpu.system) / (waiters * polls);
}

/** CPU per call of `calls` bare GetOperation sends, `concurrency` at a time. */
async function bareCalls(client: LightsailClient, operationId: string, calls: number, concurrency: number): Promise<number> {
  let left = calls;
  const cpu0 = process.cpuUsage();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left-- > 0) await client.send(new GetOperationCommand({ operationId }));
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  return (cpu.user + cpu.system) / calls;
}

/** Heap held per waiter sleeping between polls: `count` waiters by id on operations that never finish. */
async function heapPerWaitingWaiter(
  sim: Simulator,
  client: LightsailClient,
  count: number,
  gc: (() => void) | undefined,
): Promise<number | undefined> {
  if (gc === undefined) return undefined;
  const ids = Array.from({ length: count }, () => sim.createOperation({ status: 'Started', durationMs: Number.POSITIVE_INFINITY }).id);
  const controllers = ids.map(() => new AbortController());
  const poller = new Poller({ maxRequestsPerSecond: 1e6 });
  gc();
  const before = process.memoryUsage().heapUsed;
  sim.clearRequests();
  const waits = ids.map((id, i) =>
    new OperationWaiter(client, id, { poller, signal: controllers[i]?.signal }).wait().catch(() => undefined),
  );
  // An id is polled at once; then each waiter sleeps at least minDelayMs (1 s) before its next poll.
  while (sim.requests.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
  await new Promise((resolve) => setTimeout(resolve, 20));
  gc();
  const held = process.memoryUsage().heapUsed - before;
  for (const controller of controllers) controller.abort();
  await Promise.all(waits);
  return held / count;
}

/**
 * Runs `waiters` of our waiters at once through a real `LightsailClient` against the simulator,
 * on the realistic mix's running operations up to 2 minutes long, `timeScale` times faster; then
 * the same number of bare SDK calls, and the heap of waiters sleeping between polls.
 */
export async function measureRealtime(options: { waiters: number; timeScale: number; seed: number }): Promise<RealtimeResult> {
  const { waiters, timeScale, seed } = options;
  const gc = gcFunction();
  const sim = await startSimulator({ timeScale });
  const client = new LightsailClient({
    endpoint: sim.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    maxAttempts: 1,
  });
  try {
    const specs = makeWorkload(waiters * 6, mulberry32(seed), 0)
      .filter((op) => op.scenario === 'mix' && !op.terminal && op.finishAt - op.createdAt <= 120_000)
      .slice(0, waiters);
    const poller = new Poller({ maxRequestsPerSecond: 1e6 });
    // The default schedule computed in Lightsail's time, its delays divided by the simulator's time scale.
    const backoff = createOperationAwareBackoff({ timeScale });
    // Warm the client and the server up, so one-time costs stay out of the figures.
    const warmId = sim.createOperation({ status: 'Started', durationMs: 0 }).id;
    await bareCalls(client, warmId, 200, 50);
    const handed = specs.map((spec) =>
      toSdkOperation(
        sim.createOperation({ operationType: spec.operationType, status: 'Started', durationMs: spec.finishAt - spec.createdAt }),
      ),
    );
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const attempts = await Promise.all(
      handed.map((operation) => {
        const waiter = new OperationWaiter(client, operation, {
          poller,
          backoff,
          minDelayMs: DEFAULT_WAIT_OPTIONS.minDelayMs / timeScale,
          maxDelayMs: DEFAULT_WAIT_OPTIONS.maxDelayMs / timeScale,
        });
        return waiter.wait().then(() => waiter.attempts);
      }),
    );
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const polls = attempts.reduce((a, b) => a + b, 0);
    const cpuUsPerBareCall = await bareCalls(client, warmId, polls, Math.min(specs.length, 200));
    return {
      waiters: specs.length,
      timeScale,
      polls,
      wallMs,
      cpuUsPerPoll: (cpu.user + cpu.system) / polls,
      cpuUsPerBareCall,
      heapPerWaitingWaiterBytes: await heapPerWaitingWaiter(sim, client, Math.min(specs.length, 500), gc),
      cpuUsPerStubPoll: await waiterOverhead(1000, 20),
      strategyUsPerCall: timeStrategy(100_000),
    };
  } finally {
    client.destroy();
    await sim.close();
  }
}
