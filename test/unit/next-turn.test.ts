// ProbeContext.nextTurn: a probe that sends more than one request takes a turn at the poller for
// each, and the per-request timeout does not run while it waits for one. ProbeContext.untimed: work
// that is not a request runs without that timeout, which starts afresh after it.
import { describe, expect, it } from 'vitest';
import { defineWaiter, isWaiterAbortError, isWaiterTimeoutError, Poller, Waiter, type WaitOptions, waitFor } from '../../src/index.js';
import type { SendOptions } from '../../src/types.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { awsError } from '../helpers/stub-sender.js';

interface Answer {
  readonly ok: boolean;
}

/** A client that records when each request went out, honours its signal, and answers from `reply`. */
function recordingClient(clock: FakeClock, reply: (request: number) => Answer | Error = () => ({ ok: true })) {
  const sentAt: number[] = [];
  return {
    sentAt,
    async send(_command: object, options?: SendOptions): Promise<Answer> {
      options?.abortSignal?.throwIfAborted();
      sentAt.push(clock.now());
      const answer = reply(sentAt.length);
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
}

type Client = ReturnType<typeof recordingClient>;

/** Two requests a look, as the container deployment waiter sends when a version is in neither slot. */
const twoRequests = defineWaiter<Client, { name: string }, Answer>({
  name: 'two-requests',
  input: (value) => ({ name: String(value) }),
  target: ({ name }) => name,
  describe: ({ name }) => `thing ${name}`,
  probe: async (client, _input, { signal, nextTurn }) => {
    await client.send({}, { abortSignal: signal });
    await nextTurn();
    return client.send({}, { abortSignal: signal });
  },
  acceptors: [{ state: 'success', matches: (answer) => answer.ok }],
  state: (answer) => (answer.ok ? 'ok' : 'pending'),
});

async function run(clock: FakeClock, client: Client, options: WaitOptions) {
  const outcome = await clock.run(waitFor(client, twoRequests, 'x', { clock, timeoutMs: 600_000, ...options }));
  expect(clock.pendingTimers).toBe(0);
  return outcome;
}

describe('ProbeContext.nextTurn', () => {
  it('paces each request of a probe: the second goes out a turn after the first', async () => {
    const clock = new FakeClock();
    const client = recordingClient(clock);
    const poller = new Poller({ clock, maxRequestsPerSecond: 2 });
    const { value } = await run(clock, client, { poller });
    expect(value).toEqual({ ok: true });
    expect(client.sentAt).toEqual([0, 500]);
    expect(poller.stats).toEqual({ granted: 2, throttled: 0 });
  });

  it('stops the per-request timeout while the probe waits for its turn, and starts it afresh', async () => {
    const clock = new FakeClock();
    const client = recordingClient(clock);
    const poller = new Poller({ clock, maxRequestsPerSecond: 0.2 });
    const waiter = new Waiter(client, twoRequests, 'x', { clock, poller, timeoutMs: 600_000, requestTimeoutMs: 1_000 });
    const retries: string[] = [];
    waiter.on('retry', (e) => retries.push((e.error as Error).name));
    const { value } = await clock.run(waiter.wait());
    expect(value).toEqual({ ok: true });
    // A 5 s turn under a 1 s request timeout: the timeout would have aborted the second request.
    expect(client.sentAt).toEqual([0, 5_000]);
    expect(retries).toEqual([]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('ends at the deadline while waiting for a turn, with the timeout error and nothing left running', async () => {
    const clock = new FakeClock();
    const client = recordingClient(clock);
    const poller = new Poller({ clock, maxRequestsPerSecond: 0.1 });
    const { error } = await run(clock, client, { poller, timeoutMs: 3_000 });
    expect(isWaiterTimeoutError(error)).toBe(true);
    expect(client.sentAt).toEqual([0]);
    expect(poller.pending).toBe(0);
  });

  it('ends on an abort while waiting for a turn', async () => {
    const clock = new FakeClock();
    const client = recordingClient(clock);
    const poller = new Poller({ clock, maxRequestsPerSecond: 0.1 });
    const controller = new AbortController();
    void clock.sleep(1_000).then(() => controller.abort(new Error('cancelled by the user')));
    const { error } = await run(clock, client, { poller, signal: controller.signal });
    expect(isWaiterAbortError(error)).toBe(true);
    expect(client.sentAt).toEqual([0]);
    expect(poller.pending).toBe(0);
  });

  it('tells the poller of a throttled second request, and retries the look', async () => {
    const clock = new FakeClock();
    const client = recordingClient(clock, (request) => (request === 2 ? awsError('ThrottlingException') : { ok: true }));
    const poller = new Poller({ clock, maxRequestsPerSecond: 10 });
    const { value } = await run(clock, client, { poller });
    expect(value).toEqual({ ok: true });
    expect(client.sentAt).toHaveLength(4);
    expect(poller.stats).toEqual({ granted: 4, throttled: 1 });
  });
});

describe('ProbeContext.untimed', () => {
  /** A look that does 5 s of other work (a TCP connect), then sends one request, which hangs the first time. */
  const slowWork = defineWaiter<Client, { name: string }, Answer>({
    name: 'slow-work',
    input: (value) => ({ name: String(value) }),
    target: ({ name }) => name,
    describe: ({ name }) => `thing ${name}`,
    probe: async (client, _input, { signal, clock, untimed }) => {
      await untimed(() => clock.sleep(5_000, signal));
      return client.send({}, { abortSignal: signal });
    },
    acceptors: [{ state: 'success', matches: (answer) => answer.ok }],
    state: (answer) => (answer.ok ? 'ok' : 'pending'),
  });

  it('runs work longer than requestTimeoutMs, and times the request after it afresh', async () => {
    const clock = new FakeClock();
    let hung = false;
    const client = {
      sentAt: [] as number[],
      async send(_command: object, options?: SendOptions): Promise<Answer> {
        client.sentAt.push(clock.now());
        if (!hung) {
          hung = true;
          // Answers only by failing when its signal aborts: the per-request timeout's.
          return new Promise((_, reject) => options?.abortSignal?.addEventListener('abort', () => reject(options.abortSignal?.reason)));
        }
        return { ok: true };
      },
    };
    const waiter = new Waiter(client, slowWork, 'x', {
      clock,
      poller: new Poller({ clock, maxRequestsPerSecond: 1_000 }),
      timeoutMs: 600_000,
      requestTimeoutMs: 1_000,
    });
    const retries: string[] = [];
    waiter.on('retry', (e) => retries.push(`${clock.time} ms: ${(e.error as Error).name}`));
    const { value } = await clock.run(waiter.wait());
    expect(value).toEqual({ ok: true });
    // The first look's request went out after 5 s of work and timed out 1 s later, not at once.
    expect(client.sentAt[0]).toBe(5_000);
    expect(retries).toEqual(['6000 ms: RequestTimeout']);
    expect(clock.pendingTimers).toBe(0);
  });

  it('starts the timeout again only when the last of several pieces of work at once has ended', async () => {
    const clock = new FakeClock();
    const client = recordingClient(clock);
    const overlapping = defineWaiter<Client, { name: string }, Answer>({
      name: 'overlapping-work',
      input: (value) => ({ name: String(value) }),
      target: ({ name }) => name,
      describe: ({ name }) => `thing ${name}`,
      probe: async (c, _input, { signal, clock: time, untimed }) => {
        await Promise.all([untimed(() => time.sleep(3_000, signal)), untimed(() => time.sleep(5_000, signal))]);
        return c.send({}, { abortSignal: signal });
      },
      acceptors: [{ state: 'success', matches: (answer) => answer.ok }],
      state: (answer) => (answer.ok ? 'ok' : 'pending'),
    });
    const waiter = new Waiter(client, overlapping, 'x', {
      clock,
      poller: new Poller({ clock, maxRequestsPerSecond: 1_000 }),
      timeoutMs: 600_000,
      requestTimeoutMs: 1_000,
    });
    const retries: string[] = [];
    waiter.on('retry', (e) => retries.push(`${clock.time} ms: ${(e.error as Error).name}`));
    const { value } = await clock.run(waiter.wait());
    expect(value).toEqual({ ok: true });
    expect(retries).toEqual([]);
    expect(client.sentAt).toEqual([5_000]);
  });
});
