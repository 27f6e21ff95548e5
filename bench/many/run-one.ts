/**
 * One process of a many-operations arm (spawned by bench/many/index.ts, which hosts the simulator):
 * waits on the operations listed in a file, through the simulator at `ENDPOINT`, on simulated time
 * shared with it, and prints one JSON line: when each settled, requests answered, CPU, peak RSS,
 * the poller's pace.
 */
import { readFileSync } from 'node:fs';
import { LightsailClient } from '@aws-sdk/client-lightsail';
import { UnpacedPoller } from '../../src/engine/unpaced-poller.js';
import {
  createOperationAwareBackoff,
  exponentialBackoff,
  OperationsWaiter,
  Poller,
  type PollerRateEvent,
  type WaitOptions,
  waitForOperation,
} from '../../src/index.js';
import { compressedTime } from './compressed-time.js';

/** What one process runs; `file` lists `{ id }` per operation. */
export interface ProcessSpec {
  readonly endpoint: string;
  readonly anchor: number;
  readonly scale: number;
  /** `uncapped`: one waitForOperation per operation, each with its own poller; else one OperationsWaiter. */
  readonly pace:
    | { readonly kind: 'uncapped' }
    | { readonly kind: 'fixed'; readonly requestsPerSecond: number }
    | { readonly kind: 'adaptive'; readonly useGetOperations?: boolean };
  readonly schedule: 'default' | 'exponential';
  readonly file: string;
}

const spec = JSON.parse(process.argv[2] as string) as ProcessSpec;
const ids = (JSON.parse(readFileSync(spec.file, 'utf8')) as Array<{ id: string }>).map((op) => op.id);
const { now, clock } = compressedTime(spec.anchor, spec.scale);
const client = new LightsailClient({
  endpoint: spec.endpoint,
  region: 'us-east-1',
  credentials: { accessKeyId: 'b', secretAccessKey: 'b' },
  maxAttempts: 1, // every retry is the waiter's own, so every request is counted
});
// This process's own count of the requests Lightsail answered (maxAttempts 1: one request a send).
let answered = 0;
const send = client.send.bind(client) as (...args: unknown[]) => Promise<unknown>;
(client as { send: unknown }).send = async (...args: unknown[]) => {
  const output = await send(...args);
  answered += 1;
  return output;
};
const wait: WaitOptions = {
  clock,
  retries: 50,
  // A request's own time limit stays 10 s of the wall clock: on a busy machine a compressed 10 s
  // (1 s real) would cut requests the simulator is about to answer.
  requestTimeoutMs: 10_000 * spec.scale,
  ...(spec.schedule === 'exponential'
    ? { backoff: exponentialBackoff, minDelayMs: 1000, maxDelayMs: 20_000 }
    : { backoff: createOperationAwareBackoff({ now }) }),
};
const settled: Record<string, number> = {};
let failed = 0;
const rates: number[] = [];
const cpu0 = process.cpuUsage();
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
let poller: Poller | undefined;
if (spec.pace.kind === 'uncapped') {
  await Promise.all(
    ids.map((id) =>
      waitForOperation(client, id, { ...wait, poller: new UnpacedPoller({ clock }) }).then(
        () => (settled[id] = now()),
        () => failed++,
      ),
    ),
  );
} else {
  poller = new Poller(spec.pace.kind === 'fixed' ? { clock, maxRequestsPerSecond: spec.pace.requestsPerSecond } : { clock });
  poller.on('rate', (event: PollerRateEvent) => rates.push(event.requestsPerSecond));
  const useGetOperations = spec.pace.kind === 'adaptive' ? (spec.pace.useGetOperations ?? true) : false;
  const waiter = new OperationsWaiter(client, ids, { ...wait, poller, useGetOperations });
  waiter.on('settled', (result) => {
    if (result.outcome === 'succeeded') settled[result.operationId] = now();
    else failed++;
  });
  await waiter.wait().catch(() => {});
}
clearInterval(sampler);
const cpu = process.cpuUsage(cpu0);
client.destroy();
console.log(
  JSON.stringify({
    settled,
    failed,
    answered,
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakRssMiB: peakRss / 2 ** 20,
    finalRate: poller?.currentRate,
    rateEvents: rates.length,
  }),
);
