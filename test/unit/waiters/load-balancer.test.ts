import { describe, expect, it } from 'vitest';
import {
  loadBalancerActive,
  loadBalancerCertificateIssued,
  loadBalancerInstancesHealthy,
  ResourceFailedError,
  ResourceRequestError,
  Waiter,
  waitFor,
} from '../../../src/index.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { outcomeOf, stubSender } from '../../helpers/stub-sender.js';

/** A `GetLoadBalancer` output: its state and the health of each attached instance. */
const lb = (state: string, health: Record<string, string> = {}) => ({
  loadBalancer: {
    name: 'lb-1',
    state,
    instanceHealthSummary: Object.entries(health).map(([instanceName, instanceHealth]) => ({ instanceName, instanceHealth })),
  },
  $metadata: {},
});

/** A `GetLoadBalancerTlsCertificates` output listing the given certificates. */
const tls = (...certificates: Array<{ name: string; status: string; failureReason?: string }>) => ({
  tlsCertificates: certificates.map((c) => ({ loadBalancerName: 'lb-1', ...c })),
  $metadata: {},
});

describe('load-balancer-active: what each GetLoadBalancer answer means', () => {
  it.each([
    ['provisioning', 'wait'],
    ['active_impaired', 'wait'],
    ['active', 'success'],
    ['failed', 'failure: the load balancer is in state failed'],
  ])('%s → %s', async (state, expected) => {
    expect(await outcomeOf(loadBalancerActive, 'lb-1', lb(state))).toBe(expected);
  });

  it('sends GetLoadBalancer with the load balancer name', async () => {
    const clock = new FakeClock();
    const client = stubSender(lb('active'));
    await clock.run(waitFor(client, loadBalancerActive, 'lb-1', { clock }));
    expect(client.calls.map((c) => [c.name, c.input])).toEqual([['GetLoadBalancerCommand', { loadBalancerName: 'lb-1' }]]);
  });
});

describe('load-balancer-instances-healthy: what each GetLoadBalancer answer means', () => {
  it.each([
    ['no instance attached', lb('active'), 'wait'],
    ['every instance healthy', lb('active', { 'web-1': 'healthy', 'web-2': 'healthy' }), 'success'],
    ['one instance still initial', lb('active', { 'web-1': 'healthy', 'web-2': 'initial' }), 'wait'],
    ['one instance unhealthy', lb('active', { 'web-1': 'unhealthy', 'web-2': 'healthy' }), 'wait'],
    ['one instance draining', lb('active', { 'web-1': 'draining' }), 'wait'],
    ['the load balancer failed', lb('failed', { 'web-1': 'healthy' }), 'failure: the load balancer is in state failed'],
  ])('%s → %s', async (_label, output, expected) => {
    expect(await outcomeOf(loadBalancerInstancesHealthy, 'lb-1', output)).toBe(expected);
  });

  it('shows the healthy count as the state and each instance health as the detail', async () => {
    const clock = new FakeClock();
    const client = stubSender(
      lb('provisioning'),
      lb('active', { 'web-1': 'initial', 'web-2': 'initial' }),
      lb('active', { 'web-1': 'healthy', 'web-2': 'initial' }),
      lb('active', { 'web-1': 'healthy', 'web-2': 'healthy' }),
    );
    const waiter = new Waiter(client, loadBalancerInstancesHealthy, 'lb-1', { clock });
    const seen: unknown[] = [];
    waiter.on('status', (e) => seen.push([e.current, e.detail]));
    await clock.run(waiter.wait());
    expect(seen).toEqual([
      ['no instances', undefined],
      ['0/2 healthy', 'web-1: initial, web-2: initial'],
      ['1/2 healthy', 'web-1: healthy, web-2: initial'],
      ['2/2 healthy', 'web-1: healthy, web-2: healthy'],
    ]);
  });
});

describe('load-balancer-instances-healthy: a failed load balancer', () => {
  it('rejects with the state `failed`, not the count of healthy instances', async () => {
    const clock = new FakeClock();
    const client = stubSender(lb('active', { 'web-1': 'initial' }), lb('failed', { 'web-1': 'healthy' }));
    const { error } = await clock.run(waitFor(client, loadBalancerInstancesHealthy, 'lb-1', { clock }));
    expect(error).toBeInstanceOf(ResourceFailedError);
    expect(error).toMatchObject({ state: 'failed', reason: 'the load balancer is in state failed' });
  });
});

describe('load-balancer-certificate-issued: the named certificate among several', () => {
  const input = { loadBalancerName: 'lb-1', certificateName: 'cert-b' };

  it.each([
    ['PENDING_VALIDATION', 'wait'],
    ['ISSUED', 'success'],
    ['FAILED', 'failure: the certificate is FAILED'],
    ['VALIDATION_TIMED_OUT', 'failure: the certificate is VALIDATION_TIMED_OUT'],
    ['REVOKED', 'failure: the certificate is REVOKED'],
    ['EXPIRED', 'failure: the certificate is EXPIRED'],
  ])('cert-b %s → %s, whatever the others are', async (status, expected) => {
    const output = tls({ name: 'cert-a', status: 'ISSUED' }, { name: 'cert-b', status }, { name: 'cert-c', status: 'FAILED' });
    expect(await outcomeOf(loadBalancerCertificateIssued, input, output)).toBe(expected);
  });

  it('gives the failure reason Lightsail reported', async () => {
    const output = tls({ name: 'cert-b', status: 'FAILED', failureReason: 'DOMAIN_NOT_ALLOWED' });
    expect(await outcomeOf(loadBalancerCertificateIssued, input, output)).toBe('failure: the certificate is FAILED (DOMAIN_NOT_ALLOWED)');
  });

  it('resolves with the named certificate, after GetLoadBalancerTlsCertificates for the load balancer', async () => {
    const clock = new FakeClock();
    const client = stubSender(tls({ name: 'cert-a', status: 'PENDING_VALIDATION' }, { name: 'cert-b', status: 'ISSUED' }));
    const { value } = await clock.run(waitFor(client, loadBalancerCertificateIssued, input, { clock }));
    expect(value).toMatchObject({ name: 'cert-b', status: 'ISSUED' });
    expect(client.calls.map((c) => [c.name, c.input])).toEqual([['GetLoadBalancerTlsCertificatesCommand', { loadBalancerName: 'lb-1' }]]);
  });

  it('takes a certificate missing from the list as not found: retried within the grace window, then a ResourceRequestError', async () => {
    const clock = new FakeClock();
    const client = stubSender(tls({ name: 'cert-a', status: 'ISSUED' }));
    const { error } = await clock.run(waitFor(client, loadBalancerCertificateIssued, input, { clock, notFoundGraceMs: 3_000 }));
    expect(error).toBeInstanceOf(ResourceRequestError);
    expect(error).toMatchObject({
      errorName: 'NotFoundException',
      resourceName: 'cert-b',
      action: 'GetLoadBalancerTlsCertificates',
      waiter: 'load-balancer-certificate-issued',
      retriesExhausted: false,
    });
    expect((error as Error).message).toContain('has no TLS certificate named cert-b');
    expect(client.calls.length).toBeGreaterThan(1);
    expect(clock.time).toBeGreaterThanOrEqual(3_000);
    expect(clock.pendingTimers).toBe(0);
  });

  it.each([
    ['a missing certificateName', { loadBalancerName: 'lb-1' }, /`certificateName`.*`undefined`/],
    ['a bad certificateName', { loadBalancerName: 'lb-1', certificateName: 'my cert' }, /`certificateName`.*`"my cert"` \(string\)/],
    ['the string shorthand (no certificate named)', 'lb-1', /`certificateName`/],
  ])('refuses %s before any request', (_label, bad, message) => {
    expect(() => new Waiter(stubSender(), loadBalancerCertificateIssued, bad)).toThrow(message);
  });
});
