import { describe, expect, it } from 'vitest';
import {
  instanceDeleted,
  instanceRunning,
  instanceStopped,
  ResourceFailedError,
  ResourceRequestError,
  Waiter,
  waitFor,
} from '../../../src/index.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { awsError, outcomeOf, stubSender } from '../../helpers/stub-sender.js';

/** A `GetInstance` output. */
const instance = (state: string, publicIpAddress?: string) => ({
  instance: { name: 'web-1', state: { name: state }, ...(publicIpAddress === undefined ? {} : { publicIpAddress }) },
  $metadata: {},
});

/** A running IPv6-only instance (`ipAddressType: 'ipv6'`: no IPv4 at all), per the `Instance` shape. */
const ipv6Only = (ipv6Addresses: string[]) => ({
  instance: { name: 'web-1', state: { name: 'running' }, ipAddressType: 'ipv6', ipv6Addresses },
  $metadata: {},
});

describe('instance-running: what each GetInstance answer means', () => {
  it.each([
    ['pending', instance('pending'), 'wait'],
    ['running without a public IP yet', instance('running'), 'wait'],
    ['running with a public IP', instance('running', '203.0.113.7'), 'success'],
    ['IPv6-only, running with its IPv6 address', ipv6Only(['2001:db8::7']), 'success'],
    ['IPv6-only, running with no address yet', ipv6Only([]), 'wait'],
    [
      'dual-stack, running with its IPv6 address but no IPv4 yet',
      { ...ipv6Only(['2001:db8::7']), instance: { ...ipv6Only(['2001:db8::7']).instance, ipAddressType: 'dualstack' } },
      'wait',
    ],
    ['stopping (as EC2 InstanceRunning fails)', instance('stopping'), 'failure: the instance is stopping'],
    ['stopped (a start may be on its way)', instance('stopped'), 'wait'],
    ['an answer with no instance', { $metadata: {} }, 'wait'],
    ['shutting-down', instance('shutting-down'), 'failure: the instance is shutting-down'],
    ['terminated', instance('terminated'), 'failure: the instance is terminated'],
  ])('%s → %s', async (_label, output, expected) => {
    expect(await outcomeOf(instanceRunning, 'web-1', output)).toBe(expected);
  });

  it.each([
    [instance('running'), 'success'],
    [instance('pending'), 'wait'],
    [instance('terminated'), 'failure: the instance is terminated'],
  ])('with requirePublicIp: false, %o → %s', async (output, expected) => {
    expect(await outcomeOf(instanceRunning, { instanceName: 'web-1', requirePublicIp: false }, output)).toBe(expected);
  });

  it('sends GetInstance with the instance name, and resolves with the GetInstance output', async () => {
    const clock = new FakeClock();
    const running = instance('running', '203.0.113.7');
    const client = stubSender(instance('pending'), running);
    const { value } = await clock.run(waitFor(client, instanceRunning, 'web-1', { clock }));
    expect(value).toBe(running);
    expect(client.calls.map((c) => [c.name, c.input])).toEqual([
      ['GetInstanceCommand', { instanceName: 'web-1' }],
      ['GetInstanceCommand', { instanceName: 'web-1' }],
    ]);
    expect(client.calls[0]?.signal).toBeInstanceOf(AbortSignal);
  });

  it('shows the public IP (or that there is none yet) as the detail of a running instance', async () => {
    const clock = new FakeClock();
    const client = stubSender(instance('pending'), instance('running'), instance('running', '203.0.113.7'));
    const waiter = new Waiter(client, instanceRunning, 'web-1', { clock });
    const seen: unknown[] = [];
    waiter.on('status', (e) => seen.push([e.previous, e.current, e.detail]));
    await clock.run(waiter.wait());
    expect(seen).toEqual([
      [undefined, 'pending', undefined],
      ['pending', 'running', 'no public IP yet'],
      ['running', 'running', '203.0.113.7'],
    ]);
  });

  it('rejects a terminated instance with a ResourceFailedError that carries what was seen', async () => {
    const clock = new FakeClock();
    const terminated = instance('terminated');
    const { error } = await clock.run(waitFor(stubSender(instance('pending'), terminated), instanceRunning, 'web-1', { clock }));
    expect(error).toBeInstanceOf(ResourceFailedError);
    expect(error).toMatchObject({
      name: 'ResourceFailedError',
      waiter: 'instance-running',
      resourceName: 'web-1',
      state: 'terminated',
      reason: 'the instance is terminated',
      output: terminated,
    });
    expect((error as Error).message).toBe(
      'Lightsail instance web-1 will not become what instance-running waits for: the instance is terminated',
    );
    expect(clock.pendingTimers).toBe(0);
  });
});

describe('instance-stopped: what each GetInstance answer means', () => {
  it.each([
    ['running', instance('running', '203.0.113.7'), 'wait'],
    ['stopping', instance('stopping'), 'wait'],
    ['pending (starting, as EC2 InstanceStopped fails)', instance('pending'), 'failure: the instance is pending'],
    ['stopped', instance('stopped'), 'success'],
    ['shutting-down', instance('shutting-down'), 'failure: the instance is shutting-down'],
    ['terminated', instance('terminated'), 'failure: the instance is terminated'],
  ])('%s → %s', async (_label, output, expected) => {
    expect(await outcomeOf(instanceStopped, 'web-1', output)).toBe(expected);
  });
});

describe('instance-deleted', () => {
  it.each([
    ['NotFoundException', awsError('NotFoundException')],
    ['the older error named DoesNotExist', awsError('DoesNotExist')],
    ["a LightsailServiceException with code 'DoesNotExist'", awsError('LightsailServiceException', { code: 'DoesNotExist' })],
  ])('resolves when GetInstance fails with %s', async (_label, notFound) => {
    expect(await outcomeOf(instanceDeleted, 'web-1', notFound)).toBe('success');
  });

  it.each([
    ['running', instance('running', '203.0.113.7')],
    ['shutting-down', instance('shutting-down')],
    ['terminated (still listed)', instance('terminated')],
  ])('keeps waiting while the instance is %s', async (_label, output) => {
    expect(await outcomeOf(instanceDeleted, 'web-1', output)).toBe('wait');
  });

  it('resolves with the last output seen before the instance disappeared', async () => {
    const clock = new FakeClock();
    const last = instance('shutting-down');
    const client = stubSender(instance('running'), last, awsError('NotFoundException'));
    const { value } = await clock.run(waitFor(client, instanceDeleted, 'web-1', { clock }));
    expect(value).toBe(last);
    expect(client.calls).toHaveLength(3);
  });

  it('resolves with undefined, without a retry, when the instance is already gone', async () => {
    const clock = new FakeClock();
    const client = stubSender(awsError('NotFoundException'));
    const waiter = new Waiter(client, instanceDeleted, 'web-1', { clock });
    const retries: unknown[] = [];
    waiter.on('retry', (e) => retries.push(e));
    const { value, error } = await clock.run(waiter.wait());
    expect(error).toBeUndefined();
    expect(value).toBeUndefined();
    expect(client.calls).toHaveLength(1);
    expect(retries).toEqual([]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('fails fast on AccessDeniedException rather than taking it for a deletion', async () => {
    const clock = new FakeClock();
    const client = stubSender(awsError('AccessDeniedException'));
    const { error } = await clock.run(waitFor(client, instanceDeleted, 'web-1', { clock }));
    expect(error).toBeInstanceOf(ResourceRequestError);
    expect(error).toMatchObject({ errorName: 'AccessDeniedException', action: 'GetInstance', waiter: 'instance-deleted' });
    expect(client.calls).toHaveLength(1);
  });
});
