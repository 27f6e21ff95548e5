import { GetStaticIpCommand, type GetStaticIpCommandOutput } from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import { defineWaiter, instanceRunning, ResourceFailedError, type SendClient, Waiter, type WaitOptions } from '../../../src/index.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { type SenderReply, stubSender } from '../../helpers/stub-sender.js';

/** A user-style waiter: a static IP attached to an instance. State: attached/detached; detail: the instance. */
const staticIpAttached = defineWaiter<
  SendClient<GetStaticIpCommand, GetStaticIpCommandOutput>,
  { staticIpName: string },
  GetStaticIpCommandOutput
>({
  name: 'static-ip-attached',
  action: 'GetStaticIp',
  input: (value) => ({ staticIpName: typeof value === 'string' ? value : String((value as { staticIpName?: unknown }).staticIpName) }),
  target: ({ staticIpName }) => staticIpName,
  describe: ({ staticIpName }) => `Lightsail static IP ${staticIpName}`,
  probe: (client, input, { signal }) => client.send(new GetStaticIpCommand(input), { abortSignal: signal }),
  acceptors: [
    { state: 'failure', matches: (output) => output.staticIp?.ipAddress === undefined, reason: 'the static IP has no address' },
    { state: 'success', matches: (output) => output.staticIp?.isAttached === true },
  ],
  state: (output) => (output.staticIp?.isAttached ? 'attached' : 'detached'),
  detail: (output) => output.staticIp?.attachedTo,
});

const ip = (isAttached: boolean, attachedTo?: string) => ({
  staticIp: { name: 'ip-1', ipAddress: '203.0.113.9', isAttached, ...(attachedTo === undefined ? {} : { attachedTo }) },
  $metadata: {},
});

function setup(replies: SenderReply[], options: WaitOptions = {}) {
  const clock = new FakeClock();
  const client = stubSender(...replies);
  const waiter = new Waiter(client, staticIpAttached, 'ip-1', { clock, ...options });
  const log: string[] = [];
  const payloads: Record<string, object[]> = { status: [], poll: [], succeeded: [], failed: [] };
  waiter.on('status', (e) => {
    log.push(`status:${e.previous ?? '-'}->${e.current}(${e.detail ?? '-'})`);
    payloads.status?.push(e);
  });
  waiter.on('poll', (e) => {
    log.push(`poll:${e.attempt}`);
    payloads.poll?.push(e);
  });
  waiter.on('succeeded', (e) => {
    log.push(`succeeded:${e.attempts}`);
    payloads.succeeded?.push(e);
  });
  waiter.on('failed', (e) => {
    log.push(`failed:${e.error.name}`);
    payloads.failed?.push(e);
  });
  return { clock, client, waiter, log, payloads, run: () => clock.run(waiter.wait()) };
}

describe('Waiter events', () => {
  it('emits status on the first observation and when the state or the detail changes, not otherwise', async () => {
    const { run, log } = setup([ip(false), ip(false), ip(false, 'web-1'), ip(false, 'web-1'), ip(true, 'web-1')]);
    await run();
    expect(log).toEqual([
      'poll:1',
      'status:-->detached(-)',
      'poll:2',
      'poll:3',
      'status:detached->detached(web-1)',
      'poll:4',
      'poll:5',
      'status:detached->attached(web-1)',
      'succeeded:5',
    ]);
  });

  it('gives status the waiter, target, previous, current, detail and output', async () => {
    const last = ip(true, 'web-1');
    const { run, payloads } = setup([ip(false), last]);
    await run();
    expect(payloads.status?.[1]).toEqual({
      waiter: 'static-ip-attached',
      target: 'ip-1',
      previous: 'detached',
      current: 'attached',
      detail: 'web-1',
      output: last,
    });
  });

  it('gives poll the attempt number and the output', async () => {
    const first = ip(false);
    const { run, payloads } = setup([first, ip(true, 'web-1')]);
    await run();
    expect(payloads.poll?.[0]).toEqual({ waiter: 'static-ip-attached', target: 'ip-1', attempt: 1, output: first });
  });

  it('gives succeeded the output, the attempts and the elapsed time', async () => {
    const last = ip(true, 'web-1');
    const { run, payloads, clock } = setup([ip(false), ip(false), last], { minDelayMs: 1_000, maxDelayMs: 1_000 });
    await run();
    expect(clock.time).toBe(2_000);
    expect(payloads.succeeded).toEqual([{ waiter: 'static-ip-attached', target: 'ip-1', output: last, attempts: 3, elapsedMs: 2_000 }]);
  });

  it('gives failed the error it rejects with, the last output and the attempts', async () => {
    const broken = { staticIp: { name: 'ip-1', isAttached: false }, $metadata: {} };
    const { run, payloads } = setup([ip(false), broken]);
    const { error } = await run();
    expect(error).toBeInstanceOf(ResourceFailedError);
    expect(payloads.failed).toEqual([
      { waiter: 'static-ip-attached', target: 'ip-1', error, output: broken, attempts: 2, elapsedMs: expect.any(Number) },
    ]);
  });

  it('freezes every payload', async () => {
    const { run, payloads } = setup([ip(false), ip(true, 'web-1')]);
    await run();
    const all = [...(payloads.status ?? []), ...(payloads.poll ?? []), ...(payloads.succeeded ?? [])];
    expect(all.length).toBe(5);
    for (const payload of all) expect(Object.isFrozen(payload)).toBe(true);
  });

  it('emits retry with the error, the attempt and the delay, before retrying a throttled request', async () => {
    const throttled = Object.assign(new Error('slow down'), { name: 'ThrottlingException' });
    const clock = new FakeClock();
    const waiter = new Waiter(stubSender(throttled, throttled, ip(true, 'web-1')), staticIpAttached, 'ip-1', { clock });
    const retries: object[] = [];
    waiter.on('retry', (e) => retries.push(e));
    await clock.run(waiter.wait());
    expect(retries).toEqual([
      { waiter: 'static-ip-attached', target: 'ip-1', error: throttled, attempt: 1, delayMs: 1_000 },
      { waiter: 'static-ip-attached', target: 'ip-1', error: throttled, attempt: 2, delayMs: 1_500 },
    ]);
  });

  it('delivers the first events to listeners added right after wait()', async () => {
    const clock = new FakeClock();
    const waiter = new Waiter(stubSender(ip(true, 'web-1')), staticIpAttached, 'ip-1', { clock });
    const promise = waiter.wait();
    const seen: string[] = [];
    waiter.on('status', (e) => seen.push(`${e.current}`));
    await clock.run(promise);
    expect(seen).toEqual(['attached']);
  });

  it('returns the same promise from a second wait(), polling once', async () => {
    const { waiter, client, clock } = setup([ip(true, 'web-1')]);
    const first = waiter.wait();
    expect(waiter.wait()).toBe(first);
    await clock.run(first);
    expect(client.calls).toHaveLength(1);
  });

  it('keeps the last output, the attempts and the state on the waiter', async () => {
    const { waiter, run } = setup([ip(false), ip(true, 'web-1')]);
    expect(waiter.state).toBeUndefined();
    await run();
    expect(waiter).toMatchObject({ target: 'ip-1', attempts: 2, state: 'attached', output: ip(true, 'web-1') });
    expect(waiter.input).toEqual({ staticIpName: 'ip-1' });
  });

  it('emits the instance-running status events of a real boot', async () => {
    const clock = new FakeClock();
    const instance = (name: string, publicIpAddress?: string) => ({
      instance: { state: { name }, ...(publicIpAddress ? { publicIpAddress } : {}) },
    });
    const client = stubSender(instance('pending'), instance('pending'), instance('running'), instance('running', '203.0.113.7'));
    const waiter = new Waiter(client, instanceRunning, 'web-1', { clock });
    const seen: unknown[] = [];
    waiter.on('status', (e) => seen.push([e.waiter, e.target, e.previous, e.current, e.detail]));
    await clock.run(waiter.wait());
    expect(seen).toEqual([
      ['instance-running', 'web-1', undefined, 'pending', undefined],
      ['instance-running', 'web-1', 'pending', 'running', 'no public IP yet'],
      ['instance-running', 'web-1', 'running', 'running', '203.0.113.7'],
    ]);
  });
});
