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

  it('halves its pace on throttling down to the floor, and climbs back on success', () => {
    const poller = new Poller({ clock: new FakeClock(), maxRequestsPerSecond: 8, minRequestsPerSecond: 1 });
    poller.reportThrottled();
    expect(poller.currentRate).toBe(4);
    poller.reportThrottled();
    poller.reportThrottled();
    poller.reportThrottled();
    expect(poller.currentRate).toBe(1);
    poller.reportSuccess();
    expect(poller.currentRate).toBe(2);
    for (let i = 0; i < 100; i++) poller.reportSuccess();
    expect(poller.currentRate).toBe(8);
    expect(poller.stats.throttled).toBe(4);
  });

  it('pushes the next grant back after throttling', async () => {
    const clock = new FakeClock();
    const poller = new Poller({ clock, maxRequestsPerSecond: 10 });
    await poller.acquire();
    poller.reportThrottled(); // 5 per second: next grant 200 ms from now
    const { value } = await clock.run(poller.acquire().then(() => clock.now()));
    expect(value).toBe(200);
  });

  it.each([
    [{ maxRequestsPerSecond: 0 }, 'Expected `maxRequestsPerSecond` to be a finite number > 0, got `0` (number)'],
    [{ maxRequestsPerSecond: Number.NaN }, '`maxRequestsPerSecond`'],
    [{ maxRequestsPerSecond: '5' }, 'got `"5"` (string)'],
    [{ maxRequestsPerSecond: 2, minRequestsPerSecond: 3 }, 'Expected `minRequestsPerSecond` (3) to be <= `maxRequestsPerSecond` (2)'],
    [null, 'Expected `options` to be an object, got `null`'],
  ])('refuses %j', (options, message) => {
    expect(() => new Poller(options as never)).toThrow(message);
  });
});
