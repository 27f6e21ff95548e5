import { describe, expect, it, vi } from 'vitest';
import {
  type BackoffStrategy,
  exponentialBackoff,
  OperationFailedError,
  OperationWaiter,
  operationAwareBackoff,
  WaiterTimeoutError,
  type WaitOptions,
  waitForOperation,
} from '../../src/index.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { op, type Reply, stubClient } from '../helpers/stub-client.js';

const TIMEOUT = 60_000;

function setup(replies: Reply[], options: WaitOptions = {}) {
  const clock = new FakeClock();
  const client = stubClient(...replies);
  const waiter = new OperationWaiter(client, 'op-1', { clock, timeoutMs: TIMEOUT, backoff: exponentialBackoff, ...options });
  const events: string[] = [];
  waiter.on('status', (e) => events.push(`status:${e.previous ?? '-'}->${e.current}`));
  waiter.on('poll', (e) => events.push(`poll:${e.attempt}`));
  waiter.on('retry', (e) => events.push(`retry:${e.attempt}:${e.delayMs}`));
  waiter.on('succeeded', (e) => events.push(`succeeded:${e.attempts}`));
  waiter.on('failed', (e) => events.push(`failed:${e.error.name}`));
  /** The poll delays: the sleeps that ran out (the deadline and each request's timeout are cancelled). */
  const delays = () => clock.firedSleeps;
  return { clock, client, waiter, events, delays, run: () => clock.run(waiter.wait()) };
}

describe('OperationWaiter: status paths', () => {
  it('resolves with the final operation and emits NotStarted → Started → Succeeded as three status events', async () => {
    const { run, events, clock, delays, waiter } = setup([op('NotStarted'), op('Started'), op('Started'), op('Succeeded')]);
    const { value } = await run();
    expect(value).toMatchObject({ id: 'op-1', status: 'Succeeded' });
    expect(events).toEqual([
      'poll:1',
      'status:-->NotStarted',
      'poll:2',
      'status:NotStarted->Started',
      'poll:3',
      'poll:4',
      'status:Started->Succeeded',
      'succeeded:4',
    ]);
    expect(delays()).toEqual([1000, 1500, 2500]);
    expect(clock.time).toBe(5000);
    expect(waiter.operation?.status).toBe('Succeeded');
    expect(waiter.attempts).toBe(4);
    expect(clock.pendingTimers).toBe(0);
  });

  it('polls first at once, then with delays growing up to maxDelayMs', async () => {
    const replies = [...Array.from({ length: 8 }, () => op('Started')), op('Succeeded')];
    const { run, delays } = setup(replies, { minDelayMs: 1000, maxDelayMs: 5000 });
    await run();
    // random 0.5: min + 0.5 · (min(max, min·2^(n−1)) − min)
    expect(delays()).toEqual([1000, 1500, 2500, 3000, 3000, 3000, 3000, 3000]);
  });

  it('treats Completed as success', async () => {
    const { run } = setup([op('Started'), op('Completed')]);
    expect((await run()).value?.status).toBe('Completed');
  });

  it('rejects with OperationFailedError carrying errorCode and errorDetails when the operation fails', async () => {
    const failed = op('Failed', { errorCode: 'NoAvailableCapacity', errorDetails: 'No capacity in us-east-1a' });
    const { run, events, clock } = setup([op('Started'), failed]);
    const { error } = await run();
    expect(error).toBeInstanceOf(OperationFailedError);
    const e = error as OperationFailedError;
    expect(e).toMatchObject({
      operationId: 'op-1',
      errorCode: 'NoAvailableCapacity',
      errorDetails: 'No capacity in us-east-1a',
      status: 'Failed',
      operation: failed,
    });
    expect(e.message).toContain('NoAvailableCapacity');
    expect(e.message).toContain('No capacity in us-east-1a');
    expect(events.slice(-2)).toEqual(['status:Started->Failed', 'failed:OperationFailedError']);
    expect(clock.pendingTimers).toBe(0);
  });

  it('rejects when Lightsail marks the operation terminal with a status that is not a success', async () => {
    const { run } = setup([op('Started', { isTerminal: true })]);
    const { error } = await run();
    expect(error).toBeInstanceOf(OperationFailedError);
    expect((error as OperationFailedError).status).toBe('Started');
  });

  it('keeps polling through a status it has never seen', async () => {
    const { run, events } = setup([op('Queued' as never, { isTerminal: false }), op('Succeeded')]);
    expect((await run()).value?.status).toBe('Succeeded');
    expect(events).toContain('status:-->Queued');
  });
});

describe('OperationWaiter: operations handed over already finished', () => {
  it.each(['Succeeded', 'Completed'])('settles a %s object at once with no request', async (status) => {
    const clock = new FakeClock();
    const client = stubClient(new Error('must not be called'));
    const waiter = new OperationWaiter(client, op(status), { clock });
    const statuses: unknown[] = [];
    waiter.on('status', (e) => statuses.push([e.previous, e.current]));
    expect((await waiter.wait()).status).toBe(status);
    expect(client.calls).toHaveLength(0);
    expect(statuses).toEqual([[undefined, status]]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('rejects a Failed object at once with no request', async () => {
    const client = stubClient(new Error('must not be called'));
    const failed = op('Failed', { errorCode: 'E1', errorDetails: 'boom' });
    await expect(waitForOperation(client, failed, { clock: new FakeClock() })).rejects.toMatchObject({
      name: 'OperationFailedError',
      errorCode: 'E1',
      errorDetails: 'boom',
    });
    expect(client.calls).toHaveLength(0);
  });

  it('emits the status of a pending object it is handed, then polls from it', async () => {
    const { clock, events } = setup([]);
    const client = stubClient(op('Succeeded'));
    const waiter = new OperationWaiter(client, op('Started'), { clock });
    waiter.on('status', (e) => events.push(`${e.previous ?? '-'}->${e.current}`));
    await clock.run(waiter.wait());
    expect(events).toEqual(['-->Started', 'Started->Succeeded']);
    expect(client.calls).toHaveLength(1);
  });
});

describe('OperationWaiter: wait()', () => {
  it('returns the same promise when called twice, polling once', async () => {
    const { waiter, client, clock } = setup([op('Succeeded')]);
    const first = waiter.wait();
    expect(waiter.wait()).toBe(first);
    await clock.run(first);
    expect(client.calls).toHaveLength(1);
  });

  it('delivers the first events to listeners added right after wait()', async () => {
    const clock = new FakeClock();
    const waiter = new OperationWaiter(stubClient(op('Succeeded')), 'op-1', { clock });
    const promise = waiter.wait();
    const seen = vi.fn();
    waiter.on('status', seen);
    await clock.run(promise);
    expect(seen).toHaveBeenCalledOnce();
  });

  it('hands listeners frozen payloads', async () => {
    const { waiter, run } = setup([op('Succeeded')]);
    const payloads: object[] = [];
    waiter.on('status', (e) => payloads.push(e));
    waiter.on('succeeded', (e) => payloads.push(e));
    await run();
    expect(payloads.every((p) => Object.isFrozen(p))).toBe(true);
  });

  it('rejects with the error of a listener that throws, and still clears its timers', async () => {
    const { waiter, run, clock } = setup([op('Started'), op('Succeeded')]);
    waiter.on('status', (e) => {
      if (e.current === 'Started') throw new Error('listener bug');
    });
    const { error } = await run();
    expect((error as Error).message).toBe('listener bug');
    expect(clock.pendingTimers).toBe(0);
  });
});

describe('OperationWaiter: a custom backoff strategy', () => {
  it('is asked for a delay before the first poll (attempt 0) only when handed a running Operation object', async () => {
    const clock = new FakeClock();
    const asked: Array<[number, string | undefined]> = [];
    const backoff: BackoffStrategy = ({ attempt, operation }) => {
      asked.push([attempt, operation?.status]);
      return attempt === 0 ? 7_000 : 3_000;
    };
    const client = stubClient(op('Started'), op('Succeeded'));
    await clock.run(new OperationWaiter(client, op('NotStarted'), { clock, backoff }).wait());
    expect(asked).toEqual([
      [0, 'NotStarted'],
      [1, 'Started'],
    ]);
    expect(clock.firedSleeps).toEqual([7_000, 3_000]);

    const byId = new FakeClock();
    const asked2: number[] = [];
    await byId.run(
      new OperationWaiter(stubClient(op('Succeeded')), 'op-1', {
        clock: byId,
        backoff: ({ attempt }) => {
          asked2.push(attempt);
          return 1;
        },
      }).wait(),
    );
    expect(asked2).toEqual([]);
  });

  it('has its result fitted to the deadline', async () => {
    const clock = new FakeClock();
    const client = stubClient(op('Started'));
    const { error } = await clock.run(new OperationWaiter(client, 'op-1', { clock, timeoutMs: 10_000, backoff: () => 1e9 }).wait());
    expect(error).toBeInstanceOf(WaiterTimeoutError);
    expect(clock.firedSleeps).toEqual([9_500]);
  });
});

describe('OperationWaiter: the default schedule', () => {
  it('is operationAwareBackoff, fed the waiter’s own delays, clock and the last observed operation', async () => {
    const clock = new FakeClock();
    const client = stubClient(op('Started'), op('Started'), op('Started'), op('Succeeded'));
    await clock.run(new OperationWaiter(client, 'op-1', { clock }).wait());
    const expected: number[] = [];
    let elapsedMs = 0;
    for (const attempt of [1, 2, 3]) {
      const delay = operationAwareBackoff({
        attempt,
        minDelayMs: 1_000,
        maxDelayMs: 30_000,
        elapsedMs,
        operation: op('Started'),
        random: () => 0.5,
      });
      expected.push(delay);
      elapsedMs += delay;
    }
    expect(clock.firedSleeps).toEqual(expected);
    expect(new Set(expected).size).toBe(3); // not a constant: the schedule follows the operation's age
  });
});
