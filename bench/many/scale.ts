/**
 * `npm run bench` (part 3): 10,000 operations waited on in one process through an in-memory client
 * (no HTTP), to show the memory and CPU a waited operation costs. Run with `--expose-gc`:
 *
 *   node --expose-gc --import tsx bench/many/scale.ts [count]
 *
 * Time is compressed ×10 (one simulated clock for the schedule, the poller and the operations), so
 * the CPU is that of the work done, not of a process idling between polls.
 */
import type { GetOperationCommand } from '@aws-sdk/client-lightsail';
import { createOperationAwareBackoff, OperationsWaiter, Poller } from '../../src/index.js';
import { compressedTime } from './compressed-time.js';

const COUNT = Number(process.argv[2] ?? 10_000);
const SCALE = 10;
const gc = (globalThis as { gc?: () => void }).gc;
const anchor = Date.now();
const { now, clock } = compressedTime(anchor, SCALE);
// Each operation finishes 10–50 s (simulated) after the start, spread evenly.
const finishAt = (i: number): number => anchor + 10_000 + ((i * 7919) % 40_000);
let calls = 0;
const client = {
  async send(command: GetOperationCommand) {
    calls += 1;
    const id = command.input.operationId as string;
    const done = now() >= finishAt(Number(id.slice(3)));
    return {
      operation: { id, status: done ? 'Succeeded' : 'Started', isTerminal: done, createdAt: new Date(anchor) },
      $metadata: {},
    } as never;
  },
};
const ids = Array.from({ length: COUNT }, (_, i) => `op-${i}`);
gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const cpu0 = process.cpuUsage();
const started = Date.now();
const waiter = new OperationsWaiter(client, ids, {
  clock,
  backoff: createOperationAwareBackoff({ now }),
  poller: new Poller({ clock, maxRequestsPerSecond: 2000 }),
});
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
const done = waiter.wait();
// Once every operation has had its first poll, all of them sleep until their next: measure the
// heap they hold then, after a full collection (garbage excluded).
while (calls < COUNT) await new Promise((resolve) => setTimeout(resolve, 5));
gc?.();
const retained = gc === undefined ? undefined : (process.memoryUsage().heapUsed - heapBefore) / COUNT;
const operations = await done;
clearInterval(sampler);
const cpu = process.cpuUsage(cpu0);
const cpuUs = cpu.user + cpu.system;
console.log(
  [
    `${COUNT.toLocaleString('en')} operations through an in-memory client (no HTTP), one OperationsWaiter, the default schedule, a poller capped at 2,000 calls a second, time compressed ×${SCALE} (operations finishing 10–50 s in, simulated):`,
    '',
    '| operations | succeeded | GetOperation calls | wall (s) | process CPU per call: waiter, timers, in-memory client (µs) | heap held per waiting operation, after GC (KiB) | peak RSS (MiB) |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${COUNT} | ${operations.length} | ${calls} | ${((Date.now() - started) / 1000).toFixed(1)} | ${(cpuUs / calls).toFixed(0)} | ${retained === undefined ? 'n/a (run with --expose-gc)' : (retained / 1024).toFixed(1)} | ${(peakRss / 2 ** 20).toFixed(0)} |`,
  ].join('\n'),
);
