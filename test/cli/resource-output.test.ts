import { describe, expect, it } from 'vitest';
import { painter } from '../../src/cli/color.js';
import { instanceIpOf } from '../../src/cli/render/resource-json.js';
import { transition } from '../../src/cli/render/resource-plain.js';
import { viewFrame } from '../../src/cli/render/view-row.js';
import { resourceOutcome } from '../../src/cli/resource-outcome.js';
import { run } from '../../src/cli/run.js';
import { ResourceFailedError, ResourceRequestError, type ResultOutcome, WaiterAbortError, WaiterTimeoutError } from '../../src/index.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { sdkError } from '../helpers/stub-client.js';
import { stripAnsi, type TestIOOptions, testIO } from './helpers.js';
import { progressRecords } from './json-lines.js';
import { disk, instance, loadBalancer, notFound, type ResourceReply, resourceClient } from './resource-stub.js';

/** Runs the CLI in virtual time, polling every second (`--max-delay 1s`): polls land at 0, 1 s, 2 s… (plus the poller's spacing). */
async function runScripted(argv: string[], scripts: Record<string, ResourceReply[]>, options: TestIOOptions = {}) {
  const clock = new FakeClock();
  const client = resourceClient(scripts, clock.now);
  const t = testIO({ client: client as never, clock, ...options });
  const { value, error } = await clock.run(run(['--max-delay', '1s', ...argv], t.io));
  if (error !== undefined) throw error;
  return { ...t, code: value as number };
}

const scripts = {
  'GetInstance web-1': [instance('pending'), instance('running'), instance('running', '198.51.100.7')],
  'GetInstance web-2': [instance('pending'), instance('terminated')],
};

describe('plain output (stdout is not a terminal)', () => {
  it('prints a line per state change, with the detail in parentheses, then a summary', async () => {
    const { stdout, code } = await runScripted(['instance-running', 'web-1', 'web-2'], scripts);
    expect(code).toBe(1);
    expect(stdout.lines).toEqual([
      '[0s] instance web-1: pending',
      '[0s] instance web-2: pending',
      '[1s] instance web-1: pending → running (no public IP yet)',
      '[1s] instance web-2: pending → terminated',
      '[2s] instance web-1: running (198.51.100.7)',
      '2 resources: 1 succeeded, 1 failed (2s)',
    ]);
  });

  it('prints retried requests, naming the action', async () => {
    const { stdout } = await runScripted(['disk-available', 'disk-1'], {
      'GetDisk disk-1': [sdkError('ThrottlingException'), disk('available')],
    });
    expect(stdout.lines).toEqual([
      '[0s] requests: Lightsail throttled a request (1 of 1 so far); pace cut from 10 to 8 a second',
      '[0s] disk disk-1: GetDisk failed with ThrottlingException; retrying in 1s',
      '[1s] disk disk-1: available',
      '1 resource: 1 succeeded (1s)',
    ]);
  });

  it('shows the detail of a state that stays the same', async () => {
    const { stdout } = await runScripted(['load-balancer-instances-healthy', 'lb-1'], {
      'GetLoadBalancer lb-1': [
        loadBalancer('active', { 'web-1': 'initial', 'web-2': 'healthy' }),
        loadBalancer('active', { 'web-1': 'unhealthy', 'web-2': 'healthy' }),
        loadBalancer('active', { 'web-1': 'healthy', 'web-2': 'healthy' }),
      ],
    });
    expect(stdout.lines.slice(0, 3)).toEqual([
      '[0s] load balancer lb-1: 1/2 healthy (web-1: initial, web-2: healthy)',
      '[1s] load balancer lb-1: 1/2 healthy (web-1: unhealthy, web-2: healthy)',
      '[2s] load balancer lb-1: 1/2 healthy → 2/2 healthy (web-1: healthy, web-2: healthy)',
    ]);
  });
});

describe('--json', () => {
  it('prints status lines while waiting, then one result per resource in command-line order', async () => {
    const { stdout, code } = await runScripted(['--json', 'instance-running', 'web-1', 'web-2'], scripts);
    expect(code).toBe(1);
    expect(progressRecords(stdout.text)).toEqual([
      { type: 'status', waiter: 'instance-running', target: 'web-1', previous: null, state: 'pending', detail: null, elapsedMs: 0 },
      { type: 'status', waiter: 'instance-running', target: 'web-2', previous: null, state: 'pending', detail: null, elapsedMs: 100 },
      {
        type: 'status',
        waiter: 'instance-running',
        target: 'web-1',
        previous: 'pending',
        state: 'running',
        detail: 'no public IP yet',
        elapsedMs: 1000,
      },
      {
        type: 'status',
        waiter: 'instance-running',
        target: 'web-2',
        previous: 'pending',
        state: 'terminated',
        detail: null,
        elapsedMs: 1100,
      },
      {
        type: 'status',
        waiter: 'instance-running',
        target: 'web-1',
        previous: 'running',
        state: 'running',
        detail: '198.51.100.7',
        elapsedMs: 2000,
      },
      {
        type: 'result',
        waiter: 'instance-running',
        target: 'web-1',
        outcome: 'succeeded',
        state: 'running',
        detail: '198.51.100.7',
        publicIp: '198.51.100.7',
        elapsedMs: 2000,
      },
      {
        type: 'result',
        waiter: 'instance-running',
        target: 'web-2',
        outcome: 'failed',
        state: 'terminated',
        detail: null,
        elapsedMs: 1100,
        message: 'Lightsail instance web-2 will not become what instance-running waits for: the instance is terminated',
        reason: 'the instance is terminated',
      },
    ]);
  });

  it('reports retries, timeouts and AWS errors', async () => {
    const { stdout } = await runScripted(['--json', '--timeout', '5s', 'disk-available', 'a-1', 'b-1'], {
      'GetDisk a-1': [sdkError('ThrottlingException'), disk('creating')],
      'GetDisk b-1': [sdkError('AccessDeniedException')],
    });
    const events = progressRecords(stdout.text);
    // b-1's first request waits its turn: a-1's throttle cut the shared pace first.
    expect(events[0]).toEqual({ type: 'rate', requestsPerSecond: 8, previous: 10, reason: 'throttled', requests: 1, throttled: 1 });
    expect(events[1]).toEqual({
      type: 'retry',
      waiter: 'disk-available',
      target: 'a-1',
      attempt: 1,
      delayMs: 1000,
      errorName: 'ThrottlingException',
      message: 'ThrottlingException from the stub',
    });
    expect(events.filter((e) => e.type === 'result')).toEqual([
      {
        type: 'result',
        waiter: 'disk-available',
        target: 'a-1',
        outcome: 'timeout',
        state: 'creating',
        detail: null,
        elapsedMs: expect.any(Number),
        message: expect.stringMatching(/^Timed out after 5000 ms waiting for Lightsail disk a-1; last seen creating/),
      },
      {
        type: 'result',
        waiter: 'disk-available',
        target: 'b-1',
        outcome: 'error',
        state: null,
        detail: null,
        elapsedMs: expect.any(Number),
        message: 'GetDisk for Lightsail resource b-1 failed with AccessDeniedException: AccessDeniedException from the stub',
        errorName: 'AccessDeniedException',
      },
    ]);
  });
  it('ends a *-deleted wait with a last status: the state of "not found"', async () => {
    const { stdout, code } = await runScripted(['--json', 'instance-deleted', 'web-1'], {
      'GetInstance web-1': [instance('stopping'), notFound('Instance web-1 does not exist')],
    });
    expect(code).toBe(0);
    expect(progressRecords(stdout.text).slice(1)).toEqual([
      {
        type: 'status',
        waiter: 'instance-deleted',
        target: 'web-1',
        previous: 'stopping',
        state: 'deleted',
        detail: null,
        elapsedMs: 1000,
      },
      {
        type: 'result',
        waiter: 'instance-deleted',
        target: 'web-1',
        outcome: 'succeeded',
        state: 'deleted',
        detail: null,
        elapsedMs: 1000,
      },
    ]);
  });
});

describe('--quiet', () => {
  it('prints nothing on stdout, and failures on stderr', async () => {
    const { stdout, stderr } = await runScripted(['--quiet', 'instance-running', 'web-1', 'web-2'], scripts);
    expect(stdout.text).toBe('');
    expect(stderr.lines).toEqual([
      'lightsail-wait: instance web-2 (instance-running) failed in state terminated: the instance is terminated',
    ]);
  });
});

describe('live view (stdout is a terminal)', () => {
  it('redraws one row per resource (name, waiter, state, elapsed), then prints a summary', async () => {
    const { stdout } = await runScripted(['instance-running', 'web-1', 'web-2'], scripts, { stdoutTTY: true, env: { NO_COLOR: '1' } });
    const frames = stdout.chunks.map(stripAnsi);
    expect(stdout.chunks.slice(1, -1).every((chunk) => chunk.includes('\u001B[2K'))).toBe(true);
    expect(frames[0]).toBe('…  web-1  instance-running  waiting  0s\n…  web-2  instance-running  waiting  0s\n');
    expect(frames.at(-2)).toBe(
      '✔  web-1  instance-running  running (198.51.100.7)  2s\n✖  web-2  instance-running  terminated              1s\n',
    );
    expect(frames.at(-1)).toBe('2 resources: 1 succeeded, 1 failed (2s)\n');
  });

  it('colors the marks unless NO_COLOR is set', async () => {
    const colored = await runScripted(['disk-available', 'd-1'], { 'GetDisk d-1': [disk('available')] }, { stdoutTTY: true, env: {} });
    expect(colored.stdout.text).toContain('\u001B[32m✔\u001B[39m');
  });
});

describe('viewFrame', () => {
  it('aligns the columns of operation and resource rows alike', () => {
    const frame = viewFrame(
      [
        { name: 'web-1', kind: 'instance-running', status: 'running (198.51.100.7)', outcome: 'succeeded', elapsedMs: 12_000 },
        { name: 'web-22', kind: 'instance-running', status: 'pending, timed out', outcome: 'timeout', elapsedMs: 65_000 },
        { name: 'op', kind: '', status: 'waiting', outcome: undefined, elapsedMs: 0 },
      ],
      painter(false),
    );
    expect(frame).toBe(
      [
        '✔  web-1   instance-running  running (198.51.100.7)  12s',
        '✖  web-22  instance-running  pending, timed out      1m05s',
        '…  op                        waiting                 0s',
      ].join('\n'),
    );
  });
});

describe('transition', () => {
  it.each([
    [undefined, 'pending', undefined, 'pending'],
    ['pending', 'running', '198.51.100.7', 'pending → running (198.51.100.7)'],
    ['running', 'running', '198.51.100.7', 'running (198.51.100.7)'],
    ['creating', undefined, undefined, 'creating → unknown'],
  ])('%s → %s (%s): %s', (previous, current, detail, expected) => {
    expect(transition(previous, current, detail)).toBe(expected);
  });
});

describe('resourceOutcome', () => {
  const failed = new ResourceFailedError({
    waiter: 'disk-available',
    resourceName: 'd',
    subject: 'disk d',
    state: 'error',
    reason: 'r',
    output: {},
  });
  it.each<[string, unknown, ResultOutcome]>([
    ['a failure state', failed, 'failed'],
    ['a timeout', new WaiterTimeoutError(undefined, 1000, undefined, 1, 'disk d'), 'timeout'],
    ['an abort', new WaiterAbortError(undefined, 'SIGINT', undefined, 'disk d'), 'aborted'],
    ['a request error', new ResourceRequestError('d', sdkError('AccessDeniedException'), false, { action: 'GetDisk' }), 'error'],
    ['anything else', new Error('boom'), 'error'],
  ])('maps %s to %s', (_name, error, outcome) => {
    expect(resourceOutcome(error)).toBe(outcome);
  });
});

describe('instanceIpOf', () => {
  const row = (target: string, output: unknown) => ({ target, output }) as unknown as Parameters<typeof instanceIpOf>[0];

  it('keys the public IP by the instance name, for instance-port-open (target name:port) too', () => {
    const output = { instance: { name: 'web-1', publicIpAddress: '198.51.100.7' } };
    expect(instanceIpOf(row('web-1', output))).toEqual({ instanceName: 'web-1', address: '198.51.100.7' });
    expect(instanceIpOf(row('web-1:22', output))).toEqual({ instanceName: 'web-1', address: '198.51.100.7' });
    expect(instanceIpOf(row('web-1', { instance: { name: 'web-1' } }))).toBeUndefined();
  });
});
