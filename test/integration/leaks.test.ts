// Nothing outlives a wait: no timer of the waiter, no listener on the caller's signal, and a
// process that awaited waiters on every path exits on its own.
import { spawn } from 'node:child_process';
import { getEventListeners } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type Clock,
  OperationWaiter,
  Poller,
  systemClock,
  type WaitOptions,
  waitForOperation,
  waitForOperations,
  waitForResource,
} from '../../src/index.js';
import { createInstances, type Fixture, setup, TIME_SCALE } from './helpers.js';

/** The real clock, keeping count of the timers its `sleep` has running, and of the most at once. */
function countingClock(): Clock & { readonly running: number; readonly peak: number } {
  const timers = new Set<NodeJS.Timeout>();
  let peak = 0;
  return {
    now: systemClock.now,
    random: systemClock.random,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const onAbort = (): void => {
          clearTimeout(timer);
          timers.delete(timer);
          reject(signal?.reason);
        };
        const timer = setTimeout(() => {
          timers.delete(timer);
          signal?.removeEventListener('abort', onAbort);
          resolve();
        }, ms);
        timers.add(timer);
        peak = Math.max(peak, timers.size);
        signal?.addEventListener('abort', onAbort, { once: true });
      }),
    get running() {
      return timers.size;
    },
    get peak() {
      return peak;
    },
  };
}

type Path = (fixture: Fixture, options: WaitOptions, controller: AbortController) => Promise<unknown>;

const started = ({ sim }: Fixture, durationMs = 20 * TIME_SCALE): string => sim.createOperation({ status: 'Started', durationMs }).id;

const paths: Array<[string, Path]> = [
  ['the operation succeeds', (f, options) => waitForOperation(f.client, started(f), options)],
  [
    'the operation fails',
    (f, options) =>
      waitForOperation(
        f.client,
        f.sim.createOperation({ status: 'Started', durationMs: 20 * TIME_SCALE, finalStatus: 'Failed' }).id,
        options,
      ),
  ],
  ['the wait times out', (f, options) => waitForOperation(f.client, started(f, Infinity), { ...options, timeoutMs: 100 })],
  [
    'GetOperation is denied',
    (f, options) => {
      f.sim.injectFault({ kind: 'AccessDeniedException', action: 'GetOperation' });
      return waitForOperation(f.client, started(f), options);
    },
  ],
  [
    'GetOperation is throttled, then answers',
    (f, options) => {
      f.sim.injectFault({ kind: 'ThrottlingException', action: 'GetOperation', times: 2 });
      return waitForOperation(f.client, started(f), options);
    },
  ],
  [
    'the caller aborts between polls',
    async (f, options, controller) => {
      const waiter = new OperationWaiter(f.client, started(f, Infinity), options);
      const settled = waiter.wait();
      waiter.once('poll', () => controller.abort());
      return settled;
    },
  ],
  [
    'the caller aborts during a GetOperation',
    async (f, options, controller) => {
      f.sim.injectFault({ kind: 'delay', action: 'GetOperation', delayMs: 10_000 });
      const settled = waitForOperation(f.client, started(f, Infinity), options);
      while (f.sim.pendingFaults.length > 0) await new Promise((resolve) => setImmediate(resolve));
      controller.abort();
      return settled;
    },
  ],
  [
    'waitForOperations resolves',
    async (f, options) => waitForOperations(f.client, await createInstances(f.client, ['web-1', 'web-2']), options),
  ],
  [
    'waitForResource resolves',
    async (f, options) => {
      await createInstances(f.client, ['web-1']);
      return waitForResource(f.client, 'web-1', options);
    },
  ],
];

describe('no leaks', () => {
  it.each(paths)('leaves no timer running and no listener on the signal once %s', async (_, path) => {
    const fixture = await setup();
    const clock = countingClock();
    const controller = new AbortController();
    const options: WaitOptions = {
      minDelayMs: 5,
      maxDelayMs: 50,
      clock,
      signal: controller.signal,
      poller: new Poller({ maxRequestsPerSecond: 1000, clock }),
    };

    await Promise.allSettled([path(fixture, options, controller)]);

    // The waiter did run timers on this clock (its deadline at least), and none is left.
    expect(clock.peak).toBeGreaterThan(0);
    expect(clock.running).toBe(0);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('lets a process that waited through every path exit on its own', async () => {
    const script = fileURLToPath(new URL('fixtures/wait-child.ts', import.meta.url));
    // Killed after 10 s, so that a hang fails on the output so far rather than on the test timeout.
    const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));

    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));

    expect(stdout).toBe(
      [
        'success: resolved',
        'many: resolved',
        'resource: resolved',
        'sdk-compat: resolved',
        'failure: OperationFailedError',
        'denied: OperationRequestError',
        'throttled: resolved',
        'unknown: OperationRequestError',
        'pre-aborted: AbortError',
        'abort in flight: AbortError',
        'timeout: TimeoutError',
        'abort: AbortError',
        'done',
        '',
      ].join('\n'),
    );
    expect(code).toBe(0);
  }, 20_000);
});
