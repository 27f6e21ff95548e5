import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { Poller } from '../../src/index.js';
import { FakeClock, flush } from '../helpers/fake-clock.js';

/** The largest number of grants in any half-open one-second window. */
function busiestSecond(times: number[]): number {
  let best = 0;
  for (const start of times) best = Math.max(best, times.filter((t) => t >= start && t < start + 1000).length);
  return best;
}

async function grantTimes(poller: Poller, clock: FakeClock, count: number): Promise<number[]> {
  const times: number[] = [];
  const all = Array.from({ length: count }, () => poller.acquire().then(() => times.push(clock.now())));
  await clock.run(Promise.all(all));
  return times;
}

describe('Poller', () => {
  it('grants at once when idle, and holds no timer', async () => {
    const clock = new FakeClock();
    const poller = new Poller({ clock });
    await poller.acquire();
    expect(clock.pendingTimers).toBe(0);
    expect(poller.stats.granted).toBe(1);
  });

  it.each([1, 3, 10, 25])('never grants more than %i requests in any one-second window', async (max) => {
    const clock = new FakeClock();
    const poller = new Poller({ clock, maxRequestsPerSecond: max });
    const times = await grantTimes(poller, clock, max * 4 + 3);
    expect(busiestSecond(times)).toBe(max);
    expect(clock.pendingTimers).toBe(0);
  });

  it('spaces grants evenly at the cap', async () => {
    const clock = new FakeClock();
    const times = await grantTimes(new Poller({ clock, maxRequestsPerSecond: 4 }), clock, 5);
    expect(times).toEqual([0, 250, 500, 750, 1000]);
  });

  it('grants in the order requests became due (first come, first served)', async () => {
    const clock = new FakeClock();
    const poller = new Poller({ clock, maxRequestsPerSecond: 2 });
    const order: string[] = [];
    const names = ['a', 'b', 'c', 'd', 'e'];
    const all = names.map((name) => poller.acquire().then(() => order.push(name)));
    await clock.run(Promise.all(all));
    expect(order).toEqual(names);
  });

  it('rejects a queued request with the signal’s reason when it aborts, and forgets it', async () => {
    const clock = new FakeClock();
    const poller = new Poller({ clock, maxRequestsPerSecond: 1 });
    await poller.acquire();
    const controller = new AbortController();
    const queued = poller.acquire(controller.signal);
    await flush();
    expect(poller.pending).toBe(1);
    expect(clock.pendingTimers).toBe(1);
    controller.abort(new Error('stop'));
    await expect(queued).rejects.toThrow('stop');
    expect(poller.pending).toBe(0);
    expect(clock.pendingTimers).toBe(0);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('rejects at once for an already-aborted signal', async () => {
    const poller = new Poller({ clock: new FakeClock() });
    await expect(poller.acquire(AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
    expect(poller.stats.granted).toBe(0);
  });

  it('skips aborted requests and serves the next in line', async () => {
    const clock = new FakeClock();
    const poller = new Poller({ clock, maxRequestsPerSecond: 1 });
    await poller.acquire();
    const controller = new AbortController();
    const first = poller.acquire(controller.signal).catch(() => 'aborted');
    const second = poller.acquire().then(() => clock.now());
    controller.abort();
    expect(await first).toBe('aborted');
    const { value } = await clock.run(second);
    expect(value).toBe(1000);
  });

  it('cuts its pace on throttling by a fifth, at most once a second, down to the floor', async () => {
    const clock = new FakeClock();
    const poller = new Poller({ clock, maxRequestsPerSecond: 8, minRequestsPerSecond: 1 });
    poller.reportThrottled();
    expect(poller.currentRate).toBe(8 * 0.8);
    poller.reportThrottled(); // the same second: requests sent before the cut say nothing new
    expect(poller.currentRate).toBe(8 * 0.8);
    for (let i = 0; i < 20; i++) {
      await clock.advance(1000);
      poller.reportThrottled();
    }
    expect(poller.currentRate).toBe(1);
    expect(poller.stats.throttled).toBe(22);
  });

  it('pushes the next grant back after throttling', async () => {
    const clock = new FakeClock();
    const poller = new Poller({ clock, maxRequestsPerSecond: 10 });
    await poller.acquire();
    poller.reportThrottled(); // 8 per second: next grant 1000 / 8 = 125 ms from now
    const { value } = await clock.run(poller.acquire().then(() => clock.now()));
    expect(value).toBe(125);
  });

  it('starts at 10 a second without a cap, at the cap when one is given, or where it is told', () => {
    expect(new Poller().currentRate).toBe(10);
    expect(new Poller().maxRequestsPerSecond).toBe(Number.POSITIVE_INFINITY);
    expect(new Poller({ maxRequestsPerSecond: 4 }).currentRate).toBe(4);
    expect(new Poller({ maxRequestsPerSecond: 40 }).currentRate).toBe(40);
    expect(new Poller({ initialRequestsPerSecond: 3 }).currentRate).toBe(3);
  });

  it('takes maxRequestsPerSecond: Infinity, its documented default, as no cap', () => {
    const poller = new Poller({ maxRequestsPerSecond: Number.POSITIVE_INFINITY });
    expect([poller.currentRate, poller.maxRequestsPerSecond, poller.minRequestsPerSecond]).toEqual([10, Number.POSITIVE_INFINITY, 0.5]);
  });

  it('sleeps at most the longest timer Node keeps at a very slow pace, rather than overflowing it', async () => {
    const clock = new FakeClock();
    const poller = new Poller({ clock, maxRequestsPerSecond: 1e-10 });
    await poller.acquire();
    const controller = new AbortController();
    const second = poller.acquire(controller.signal).catch((error: unknown) => error);
    await flush();
    expect(clock.sleeps).toEqual([2 ** 31 - 1]);
    controller.abort(new Error('enough'));
    expect(await second).toEqual(new Error('enough'));
    expect(clock.pendingTimers).toBe(0);
  });

  it.each([
    [{ maxRequestsPerSecond: 0 }, 'Expected `maxRequestsPerSecond` to be a finite number > 0, got `0` (number)'],
    [{ maxRequestsPerSecond: Number.NaN }, '`maxRequestsPerSecond`'],
    [{ maxRequestsPerSecond: '5' }, 'got `"5"` (string)'],
    [{ maxRequestsPerSecond: 2, minRequestsPerSecond: 3 }, 'Expected `minRequestsPerSecond` (3) to be <= `maxRequestsPerSecond` (2)'],
    [{ initialRequestsPerSecond: 0 }, 'Expected `initialRequestsPerSecond` to be a finite number > 0, got `0` (number)'],
    [
      { maxRequestsPerSecond: 5, initialRequestsPerSecond: 6 },
      'Expected `initialRequestsPerSecond` (6) to be between `minRequestsPerSecond` (0.5) and `maxRequestsPerSecond` (5)',
    ],
    [null, 'Expected `options` to be an object, got `null`'],
  ])('refuses %j', (options, message) => {
    expect(() => new Poller(options as never)).toThrow(message);
  });
});
