// ProbeContext.nextTurn: a probe that sends more than one request takes a turn at the poller for
// each, and the per-request timeout does not run while it waits for one. ProbeContext.untimed: work
// that is not a request runs without that timeout, which starts afresh after it.
import { describe, expect, it } from 'vitest';
import {
  defineWaiter,
  isWaiterAbortError,
  isWaiterTimeoutError,
  Poller,
  Waiter,
  type WaiterDefinition,
  type WaitOptions,
} from '../../src/index.js';
import type { SendOptions } from '../../src/types.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { awsError } from '../helpers/stub-sender.js';

interface Answer {
  readonly ok: boolean;
}

/** A client that records when each request went out, honours its signal, and answers from `reply`. */
function recordingClient(
  clock: FakeClock,
  reply: (request: number, signal: AbortSignal | undefined) => Answer | Error | Promise<Answer> = () => ({ ok: true }),
) {
  const sentAt: number[] = [];
  return {
    sentAt,
    async send(_command: object, options?: SendOptions): Promise<Answer> {
      options?.abortSignal?.throwIfAborted();
      sentAt.push(clock.now());
      const answer = await reply(sentAt.length, options?.abortSignal);
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
}

type Client = ReturnType<typeof recordingClient>;
type Definition = WaiterDefinition<Client, { name: string }, Answer>;

/** A waiter of one probe, done on an `ok` answer. */
const lookWith = (name: string, probe: Definition['probe']): Definition =>
  defineWaiter<Client, { name: string }, Answer>({
    name,
    input: (value) => ({ name: String(value) }),
    target: ({ name: target }) => target,
    describe: ({ name: target }) => `thing ${target}`,
    probe,
    acceptors: [{ state: 'success', matches: (answer) => answer.ok }],
    state: (answer) => (answer.ok ? 'ok' : 'pending'),
  });

/** Two requests a look, as the container deployment waiter sends when a version is in neither slot. */
const twoRequests = lookWith('two-requests', async (client, _input, { signal, nextTurn }) => {
  await client.send({}, { abortSignal: signal });
  await nextTurn();
  return client.send({}, { abortSignal: signal });
});

/** Runs `definition` to its end on `clock`, with each retry as `'<time> ms: <error name>'`; leaves no timer behind. */
async function run(clock: FakeClock, client: Client, definition: Definition, options: WaitOptions) {
  const waiter = new Waiter(client, definition, 'x', { clock, timeoutMs: 600_000, ...options });
  const retries: string[] = [];
  waiter.on('retry', (e) => retries.push(`${clock.time} ms: ${(e.error as Error).name}`));
  const outcome = await clock.run(waiter.wait());
  expect(clock.pendingTimers).toBe(0);
  return { ...outcome, retries };
}

describe('ProbeContext.nextTurn', () => {
  it('paces each request of a probe: the second goes out a turn after the first', async () => {
    const clock = new FakeClock();
    const client = recordingClient(clock);
    const poller = new Poller({ clock, maxRequestsPerSecond: 2 });
    const { value } = await run(clock, client, twoRequests, { poller });
    expect(value).toEqual({ ok: true });
    expect(client.sentAt).toEqual([0, 500]);
    expect(poller.stats).toEqual({ granted: 2, throttled: 0 });
  });

  it('stops the per-request timeout while the probe waits for its turn, and starts it afresh', async () => {
    const clock = new FakeClock();
    const client = recordingClient(clock);
    const poller = new Poller({ clock, maxRequestsPerSecond: 0.2 });
    const { value, retries } = await run(clock, client, twoRequests, { poller, requestTimeoutMs: 1_000 });
    expect(value).toEqual({ ok: true });
    // A 5 s turn under a 1 s request timeout: the timeout would have aborted the second request.
    expect(client.sentAt).toEqual([0, 5_000]);
    expect(retries).toEqual([]);
  });

  it('ends at the deadline while waiting for a turn, with the timeout error and nothing left running', async () => {
    const clock = new FakeClock();
    const client = recordingClient(clock);
    const poller = new Poller({ clock, maxRequestsPerSecond: 0.1 });
    const { error } = await run(clock, client, twoRequests, { poller, timeoutMs: 3_000 });
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
    const { error } = await run(clock, client, twoRequests, { poller, signal: controller.signal });
    expect(isWaiterAbortError(error)).toBe(true);
    expect(client.sentAt).toEqual([0]);
    expect(poller.pending).toBe(0);
  });

  it('tells the poller of a throttled second request, and retries the look', async () => {
    const clock = new FakeClock();
    const client = recordingClient(clock, (request) => (request === 2 ? awsError('ThrottlingException') : { ok: true }));
    const poller = new Poller({ clock, maxRequestsPerSecond: 10 });
    const { value } = await run(clock, client, twoRequests, { poller });
    expect(value).toEqual({ ok: true });
    expect(client.sentAt).toHaveLength(4);
    expect(poller.stats).toEqual({ granted: 4, throttled: 1 });
  });
});

describe('ProbeContext.untimed', () => {
  const fast = (clock: FakeClock) => ({ poller: new Poller({ clock, maxRequestsPerSecond: 1_000 }), requestTimeoutMs: 1_000 });

  it('runs work longer than requestTimeoutMs, and times the request after it afresh', async () => {
    const clock = new FakeClock();
    // The first request answers only by failing when its signal aborts: the per-request timeout's.
    const hangs = (signal: AbortSignal | undefined) =>
      new Promise<Answer>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
    const client = recordingClient(clock, (request, signal) => (request === 1 ? hangs(signal) : { ok: true }));
    // A look that does 5 s of other work (a TCP connect), then sends one request.
    const slowWork = lookWith('slow-work', async (c, _input, { signal, clock: time, untimed }) => {
      await untimed(() => time.sleep(5_000, signal));
      return c.send({}, { abortSignal: signal });
    });
    const { value, retries } = await run(clock, client, slowWork, fast(clock));
    expect(value).toEqual({ ok: true });
    // The first look's request went out after 5 s of work and timed out 1 s later, not at once.
    expect(client.sentAt[0]).toBe(5_000);
    expect(retries).toEqual(['6000 ms: RequestTimeout']);
  });

  it('starts the timeout again only when the last of several pieces of work at once has ended', async () => {
    const clock = new FakeClock();
    const client = recordingClient(clock);
    const overlapping = lookWith('overlapping-work', async (c, _input, { signal, clock: time, untimed }) => {
      await Promise.all([untimed(() => time.sleep(3_000, signal)), untimed(() => time.sleep(5_000, signal))]);
      return c.send({}, { abortSignal: signal });
    });
    const { value, retries } = await run(clock, client, overlapping, fast(clock));
    expect(value).toEqual({ ok: true });
    expect(retries).toEqual([]);
    expect(client.sentAt).toEqual([5_000]);
  });
});
