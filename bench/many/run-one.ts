/**
 * One arm of the many-operations benchmark, in its own process so that its memory and CPU are its
 * own: starts the simulator with an account-like rate limit, creates N operations with realistic
 * durations, waits on them one of three ways, and prints one JSON line of measurements.
 *
 * Time is compressed by `SCALE`: the simulator's durations are divided by it, and the waiter's
 * delays and both rate limits are scaled to match, so the shape is Lightsail's and a run takes
 * seconds. Latencies are reported in simulated seconds.
 */
import { LightsailClient } from '@aws-sdk/client-lightsail';
import { exponentialBackoff, OperationsWaiter, Poller, waitForOperation } from 'lightsail-waiter';
import { startSimulator } from 'lightsail-waiter/simulator';

/**
 * - `independent`: one `waitForOperation` per operation, each with its own uncapped poller: what
 *   hand-rolled loops and the SDK's waiters do.
 * - `independent-shared`: one `waitForOperation` per operation, sharing one poller: what this
 *   library does by default (one poller per client).
 * - `waitForOperations`: one call for all of them.
 */
export type Arm = 'independent' | 'independent-shared' | 'waitForOperations';

const arm = (process.argv[2] ?? 'waitForOperations') as Arm;
const count = Number(process.argv[3] ?? 1000);
/** Our cap, in requests per second of simulated time. */
const OUR_RPS = Number(process.argv[4] ?? 10);
const SCALE = Number(process.env.BENCH_SCALE ?? 10);
/** The simulated account's limit, requests per second (simulated time). */
const ACCOUNT_RPS = 20;

// A seeded mix of realistic durations: instance creates 20–60 s, starts/stops 10–40 s, bigger work 1–5 min.
function durationMs(i: number): number {
  const r = ((i * 2654435761) % 1000) / 1000;
  if (i % 3 === 0) return 20_000 + r * 40_000;
  if (i % 3 === 1) return 10_000 + r * 30_000;
  return 60_000 + r * 240_000;
}

const sim = await startSimulator({ timeScale: SCALE, maxRequestsPerSecond: ACCOUNT_RPS * SCALE });
const client = new LightsailClient({
  endpoint: sim.endpoint,
  region: 'us-east-1',
  credentials: { accessKeyId: 'b', secretAccessKey: 'b' },
  maxAttempts: 1, // every retry is the waiter's own, so every request is counted
});
const started = Date.now();
const finishAt = new Map<string, number>();
const operations = Array.from({ length: count }, (_, i) => {
  const d = durationMs(i);
  const op = sim.createOperation({ durationMs: d, status: 'Started', resourceName: `r-${i}` });
  finishAt.set(op.id, started + d / SCALE);
  return op.id;
});
const settledAt = new Map<string, number>();
const note = (id: string) => settledAt.set(id, Date.now());
// The poll schedule is pinned to exponential backoff: this benchmark measures the rate cap, and the
// default schedule reads operation ages off the real clock, which time compression would distort.
const wait = {
  backoff: exponentialBackoff,
  minDelayMs: 1000 / SCALE,
  maxDelayMs: 20_000 / SCALE,
  timeoutMs: (30 * 60_000) / SCALE,
  retries: 20,
};

const cpu0 = process.cpuUsage();
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
let failures = 0;
const capped = new Poller({ maxRequestsPerSecond: arm === 'independent' ? 1e9 : OUR_RPS * SCALE });
if (arm === 'waitForOperations') {
  const waiter = new OperationsWaiter(client, operations, { ...wait, poller: capped });
  waiter.on('settled', (result) => (result.outcome === 'succeeded' ? note(result.operationId) : failures++));
  await waiter.wait().catch(() => {});
} else {
  await Promise.all(
    operations.map((id) => {
      const poller = arm === 'independent' ? new Poller({ maxRequestsPerSecond: 1e9 }) : capped;
      return waitForOperation(client, id, { ...wait, poller }).then(
        () => note(id),
        () => failures++,
      );
    }),
  );
}
clearInterval(sampler);
const cpu = process.cpuUsage(cpu0);
const latencies = operations
  .filter((id) => settledAt.has(id))
  .map((id) => (((settledAt.get(id) as number) - (finishAt.get(id) as number)) * SCALE) / 1000)
  .sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? Number.NaN;
const polls = sim.requests.filter((r) => r.action === 'GetOperation');
console.log(
  JSON.stringify({
    arm,
    capRps: arm === 'independent' ? null : OUR_RPS,
    accountRps: ACCOUNT_RPS,
    operations: count,
    requests: polls.length,
    throttled: polls.filter((r) => r.error === 'ThrottlingException').length,
    failed: failures,
    p50LatencyS: pct(0.5),
    p95LatencyS: pct(0.95),
    peakRssMiB: peakRss / 2 ** 20,
    cpuMs: (cpu.user + cpu.system) / 1000,
    wallS: (Date.now() - started) / 1000,
  }),
);
client.destroy();
await sim.close();
