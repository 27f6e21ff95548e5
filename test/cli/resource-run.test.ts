import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { sdkError } from '../helpers/stub-client.js';
import { runCli, type TestIOOptions, testIO } from './helpers.js';
import {
  certificates,
  containerServices,
  database,
  disk,
  distributions,
  instance,
  lbCertificates,
  loadBalancer,
  notFound,
  type ResourceReply,
  resourceClient,
} from './resource-stub.js';

/** Runs the CLI in virtual time against scripted `Get*` answers, polling every second (`--max-delay 1s`). */
async function runScripted(argv: string[], scripts: Record<string, ResourceReply[]>, options: TestIOOptions = {}) {
  const clock = new FakeClock();
  const client = resourceClient(scripts, clock.now);
  const t = testIO({ client: client as never, clock, ...options });
  const { value, error } = await clock.run(run([...argv, '--max-delay', '1s'], t.io));
  if (error !== undefined) throw error;
  return { ...t, code: value as number, client, clock };
}

const ip = '198.51.100.7';

describe('resource waits: exit codes', () => {
  it('exits 0 once every resource has reached the state', async () => {
    const { code, stderr, client } = await runScripted(['instance-running', 'web-1', 'web-2'], {
      'GetInstance web-1': [instance('pending'), instance('running', ip)],
      'GetInstance web-2': [instance('running', '198.51.100.8')],
    });
    expect(code).toBe(0);
    expect(stderr.text).toBe('');
    expect(client.calls.map((c) => `${c.action} ${c.name}`)).toEqual(['GetInstance web-1', 'GetInstance web-2', 'GetInstance web-1']);
  });

  it('exits 1 when a resource reaches a failure state, naming it, the waiter, the state and the reason', async () => {
    const { code, stderr } = await runScripted(['instance-running', 'web-1', 'web-2'], {
      'GetInstance web-1': [instance('pending'), instance('shutting-down')],
      'GetInstance web-2': [instance('running', ip)],
    });
    expect(code).toBe(1);
    expect(stderr.lines).toEqual([
      'lightsail-wait: instance web-1 (instance-running) failed in state shutting-down: the instance is shutting-down',
    ]);
  });

  it('exits 3 when --timeout runs out, for the whole command', async () => {
    const { code, stderr, clock } = await runScripted(['--timeout', '90s', 'disk-available', 'disk-1'], {
      'GetDisk disk-1': [disk('pending')],
    });
    expect(code).toBe(3);
    expect(clock.now()).toBeLessThanOrEqual(90_000);
    expect(stderr.lines).toEqual(['lightsail-wait: disk disk-1 (disk-available) timed out after 1m30s; last state pending']);
  });

  it('exits 4 at once on access denied', async () => {
    const { code, stderr, client } = await runScripted(['instance-stopped', 'web-1'], {
      'GetInstance web-1': [sdkError('AccessDeniedException')],
    });
    expect(code).toBe(4);
    expect(client.calls).toHaveLength(1);
    expect(stderr.lines).toEqual([
      'lightsail-wait: instance web-1 (instance-stopped): GetInstance failed with AccessDeniedException: AccessDeniedException from the stub; no state seen',
    ]);
  });

  it('exits 4 for a resource that does not exist, once the not-found grace window is over', async () => {
    const { code, stderr, clock } = await runScripted(['database-available', 'ghost-db'], {});
    expect(code).toBe(4);
    expect(clock.now()).toBeGreaterThanOrEqual(10_000);
    expect(stderr.lines).toEqual([
      'lightsail-wait: database ghost-db (database-available) does not exist: GetRelationalDatabase failed with NotFoundException: GetRelationalDatabase: ghost-db does not exist; no state seen',
    ]);
  });

  it('exits 0 for instance-deleted once the instance is not found', async () => {
    const { code, stdout } = await runScripted(['instance-deleted', 'web-1'], {
      'GetInstance web-1': [instance('stopping'), notFound('Instance web-1 does not exist')],
    });
    expect(code).toBe(0);
    expect(stdout.lines).toEqual([
      '[0s] instance web-1: stopping',
      '[1s] instance web-1: stopping → deleted',
      '1 resource: 1 succeeded (1s)',
    ]);
  });

  it.each([
    ['an AWS error over a failure and a timeout', [disk('error')], [sdkError('UnauthenticatedException')], [disk('creating')], 4],
    ['a failure over a timeout', [disk('creating')], [disk('error')], [disk('available')], 1],
    ['a timeout over a success', [disk('creating')], [disk('available')], [disk('available')], 3],
  ])('ranks %s', async (_name, a, b, c, expected) => {
    const scripts = { 'GetDisk a-1': a, 'GetDisk b-1': b, 'GetDisk c-1': c };
    const { code } = await runScripted(['--timeout', '10s', 'disk-available', 'a-1', 'b-1', 'c-1'], scripts);
    expect(code).toBe(expected);
  });
});

describe('resource waits: every waiter', () => {
  it.each<[string[], Record<string, ResourceReply[]>]>([
    [['instance-running', 'web-1', '--no-public-ip'], { 'GetInstance web-1': [instance('pending'), instance('running')] }],
    [['instance-stopped', 'web-1'], { 'GetInstance web-1': [instance('stopping'), instance('stopped')] }],
    [['disk-in-use', 'disk-1'], { 'GetDisk disk-1': [disk('available', 'detached'), disk('in-use', 'attached')] }],
    [
      ['database-available', 'db-1'],
      { 'GetRelationalDatabase db-1': [database('creating'), database('backing-up'), database('available')] },
    ],
    [['load-balancer-active', 'lb-1'], { 'GetLoadBalancer lb-1': [loadBalancer('provisioning'), loadBalancer('active')] }],
    [
      ['load-balancer-instances-healthy', 'lb-1'],
      { 'GetLoadBalancer lb-1': [loadBalancer('active', { 'web-1': 'initial' }), loadBalancer('active', { 'web-1': 'healthy' })] },
    ],
    [
      ['load-balancer-certificate-issued', 'lb-1', '--certificate', 'cert-1'],
      { 'GetLoadBalancerTlsCertificates lb-1': [lbCertificates('cert-1', 'PENDING_VALIDATION'), lbCertificates('cert-1', 'ISSUED')] },
    ],
    [
      ['certificate-issued', 'cert-1'],
      { 'GetCertificates cert-1': [certificates('cert-1', 'PENDING_VALIDATION'), certificates('cert-1', 'ISSUED')] },
    ],
    [
      ['distribution-deployed', 'cdn-1'],
      { 'GetDistributions cdn-1': [distributions('cdn-1', 'InProgress'), distributions('cdn-1', 'Deployed')] },
    ],
    [
      ['container-service-ready', 'svc-1'],
      { 'GetContainerServices svc-1': [containerServices('svc-1', 'PENDING'), containerServices('svc-1', 'READY')] },
    ],
  ])('%j exits 0 once the resource gets there', async (argv, scripts) => {
    const { code, stderr, client } = await runScripted(argv, scripts);
    expect(stderr.text).toBe('');
    expect(code).toBe(0);
    expect(client.calls.length).toBeGreaterThan(1);
  });

  it('fails load-balancer-certificate-issued when the certificate fails validation', async () => {
    const { code, stderr } = await runScripted(['load-balancer-certificate-issued', 'lb-1', '--certificate', 'cert-1'], {
      'GetLoadBalancerTlsCertificates lb-1': [lbCertificates('cert-1', 'PENDING_VALIDATION'), lbCertificates('cert-1', 'FAILED')],
    });
    expect(code).toBe(1);
    expect(stderr.lines).toEqual([
      'lightsail-wait: TLS certificate cert-1 of load balancer lb-1 (load-balancer-certificate-issued) failed in state FAILED: the certificate is FAILED',
    ]);
  });

  it('waits on the port given with --port, as web-1:<port>', async () => {
    const { code, stdout, stderr } = await runScripted(['--json', '--timeout', '5s', 'instance-port-open', 'web-1', '--port', '2222'], {
      'GetInstance web-1': [instance('pending')],
    });
    expect(code).toBe(3);
    expect(JSON.parse(stdout.lines[0] as string)).toMatchObject({
      waiter: 'instance-port-open',
      target: 'web-1:2222',
      state: 'no public IP (pending)',
    });
    expect(stderr.lines).toEqual([
      'lightsail-wait: port 2222 of instance web-1 (instance-port-open) timed out after 5s; last state no public IP (pending)',
    ]);
  });

  it('exits 0 for instance-port-open once the port accepts connections (a real TCP port on 127.0.0.1)', async () => {
    const server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const client = resourceClient({ 'GetInstance web-1': [instance('running', '127.0.0.1')] });
      const argv = ['instance-port-open', 'web-1', '--port', String(port), '--stable-for', '0'];
      const { code, stdout, stderr } = await runCli(argv, { client: client as never });
      expect(stderr.text).toBe('');
      expect(code).toBe(0);
      expect(stdout.lines[0]).toBe(`[0s] port ${port} of instance web-1: open (127.0.0.1)`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('resource waits: client and poller', () => {
  it('waits on every name in parallel through one shared poller, capped by --max-rps', async () => {
    const done = [disk('available')];
    const { client } = await runScripted(['--max-rps', '0.5', 'disk-available', 'a-1', 'b-1', 'c-1'], {
      'GetDisk a-1': done,
      'GetDisk b-1': done,
      'GetDisk c-1': done,
    });
    expect(client.calls.map((c) => [c.name, c.at])).toEqual([
      ['a-1', 0],
      ['b-1', 2_000],
      ['c-1', 4_000],
    ]);
  });

  it('spaces the polls of all names by the default cap of 10 a second', async () => {
    const pending = [instance('pending'), instance('running', ip)];
    const { client } = await runScripted(['instance-running', 'a-1', 'b-1', 'c-1'], {
      'GetInstance a-1': pending,
      'GetInstance b-1': pending,
      'GetInstance c-1': pending,
    });
    expect(client.calls.slice(0, 3).map((c) => c.at)).toEqual([0, 100, 200]);
  });

  it('passes --region, --profile and --endpoint-url, and destroys the client', async () => {
    let destroyed = 0;
    const client = Object.assign(resourceClient({ 'GetDisk d-1': [disk('available')] }), { destroy: () => (destroyed += 1) });
    const argv = ['disk-available', 'd-1', '--region', 'eu-west-3', '--profile', 'ops', '--endpoint-url', 'http://127.0.0.1:4566'];
    const { code, clientConfigs } = await runCli(argv, { client: client as never });
    expect(code).toBe(0);
    expect(clientConfigs).toEqual([{ region: 'eu-west-3', profile: 'ops', endpoint: 'http://127.0.0.1:4566' }]);
    expect(destroyed).toBe(1);
  });

  it('never prints credentials from error messages', async () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const error = sdkError('UnrecognizedClientException');
    error.message = `Credential AKIAIOSFODNN7EXAMPLE/${secret} is not valid`;
    const { code, stdout, stderr } = await runScripted(
      ['--json', 'disk-available', 'd-1'],
      { 'GetDisk d-1': [error] },
      { env: { AWS_SECRET_ACCESS_KEY: secret } },
    );
    expect(code).toBe(4);
    for (const text of [stdout.text, stderr.text]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain('AKIAIOSFODNN7EXAMPLE');
      expect(text).toContain('Credential [REDACTED]/[REDACTED] is not valid');
    }
  });
});

describe('resource waits: interruption', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ])('on %s, stops polling, says where each resource stood and exits %i', async (reason, expected) => {
    const controller = new AbortController();
    const clock = new FakeClock();
    const client = resourceClient(
      { 'GetInstance web-1': [instance('pending')], 'GetInstance web-2': [instance('running', ip)] },
      clock.now,
    );
    const t = testIO({ client: client as never, clock, signal: controller.signal });
    // Interrupt on the first line, as a user would (web-2's request is a second away).
    t.stdout.onWrite = () => controller.abort(reason);
    const { value } = await clock.run(run(['--max-rps', '1', 'instance-running', 'web-1', 'web-2'], t.io));
    expect(value).toBe(expected);
    expect(client.calls.map((c) => c.name)).toEqual(['web-1']);
    expect(t.stderr.lines).toEqual([
      'lightsail-wait: interrupted after 0s; where each resource stood:',
      '  instance web-1 (instance-running): pending, still waiting',
      '  instance web-2 (instance-running): no state seen yet, still waiting',
    ]);
  });

  it('sends no request when the signal is already aborted', async () => {
    const { code, client } = await runScripted(
      ['disk-available', 'd-1'],
      { 'GetDisk d-1': [disk('available')] },
      { signal: AbortSignal.abort('SIGINT') },
    );
    expect(code).toBe(130);
    expect(client.calls).toEqual([]);
  });
});
