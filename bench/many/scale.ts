/**
 * `npm run bench` (part 3): 10,000 operations waited on in one process through an in-memory client
 * (no HTTP), on real timers, to show the memory and CPU a waited operation costs.
 */
import type { GetOperationCommand } from '@aws-sdk/client-lightsail';
import { exponentialBackoff, OperationsWaiter, Poller } from 'lightsail-waiter';

const COUNT = Number(process.argv[2] ?? 10_000);
const started = Date.now();
// Each operation finishes 1–5 s after the start, spread evenly.
const finishAt = (i: number) => started + 1000 + ((i * 7919) % 4000);
let calls = 0;
const client = {
  async send(command: GetOperationCommand) {
    calls += 1;
    const id = command.input.operationId as string;
    const done = Date.now() >= finishAt(Number(id.slice(3)));
    return { operation: { id, status: done ? 'Succeeded' : 'Started', isTerminal: done }, $metadata: {} } as never;
  },
};
const ids = Array.from({ length: COUNT }, (_, i) => `op-${i}`);
global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const cpu0 = process.cpuUsage();
const waiter = new OperationsWaiter(client, ids, {
  poller: new Poller({ maxRequestsPerSecond: 1000 }),
  backoff: exponentialBackoff,
  minDelayMs: 200,
  maxDelayMs: 1000,
});
let peakHeap = 0;
const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 20);
const operations = await waiter.wait();
clearInterval(sampler);
const cpu = process.cpuUsage(cpu0);
const perOp = (peakHeap - heapBefore) / COUNT;
console.log(
  [
    `${COUNT.toLocaleString('en')} operations through an in-memory client, one OperationsWaiter, capped at 1,000 GetOperation/s, real timers (finishing 1–5 s in):`,
    '',
    '| operations | succeeded | GetOperation calls | wall (s) | CPU per call (µs) | peak heap per operation (KiB) |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${COUNT} | ${operations.length} | ${calls} | ${((Date.now() - started) / 1000).toFixed(1)} | ${((cpu.user + cpu.system) / calls).toFixed(0)} | ${(perOp / 1024).toFixed(1)} |`,
  ].join('\n'),
);
