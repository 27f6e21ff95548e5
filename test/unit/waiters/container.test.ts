// The container service waiters, on stubbed sends: which answers succeed, fail fast (and why), or
// keep waiting; the deployment waiter's input forms, and its failure error with each container's log tail.
import { describe, expect, it } from 'vitest';
import {
  ContainerDeploymentFailedError,
  ContainerDeploymentWaiter,
  containerServiceReady,
  isContainerDeploymentFailedError,
  Poller,
  ResourceRequestError,
  waitFor,
  waitForContainerServiceDeployment,
  waitUntilContainerServiceDeploymentActive,
} from '../../../src/index.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { awsError, type SentCommand, stubSender } from '../../helpers/stub-sender.js';

type Deployment = { version: number; state: string; containers?: Record<string, object>; createdAt?: Date };
const deployment = (version: number, state: string): Deployment => ({
  version,
  state,
  containers: { web: {}, worker: {} },
  createdAt: new Date(1_000),
});
const service = (state: string, fields: Record<string, unknown> = {}) => ({ containerServiceName: 'api', state, ...fields });

/** Answers GetContainerServices from a script (one per look), GetContainerServiceDeployments and GetContainerLog from the given handlers. */
function lightsail(looks: object[], extra: { deployments?: Deployment[]; log?: (call: SentCommand) => unknown } = {}) {
  const queue = [...looks];
  return stubSender((call) => {
    if (call.name === 'GetContainerServicesCommand') return { containerServices: [queue.length > 1 ? queue.shift() : queue[0]] };
    if (call.name === 'GetContainerServiceDeploymentsCommand') return { deployments: extra.deployments ?? [] };
    if (call.name === 'GetContainerLogCommand') return extra.log?.(call) ?? { logEvents: [] };
    throw new Error(`unexpected ${call.name}`);
  });
}

async function run(client: ReturnType<typeof lightsail>, input: unknown = 'api') {
  const clock = new FakeClock();
  const waiter = new ContainerDeploymentWaiter(client, input as string, { clock, timeoutMs: 600_000 });
  const statuses: string[] = [];
  waiter.on('status', (e) => statuses.push(`${e.current} (${e.detail})`));
  const result = await clock.run(waiter.wait());
  expect(clock.pendingTimers).toBe(0);
  return { ...result, statuses };
}

describe('container-service-deployment-active', () => {
  it('follows the next deployment through the service detail codes until ACTIVE and RUNNING', async () => {
    const client = lightsail([
      service('DEPLOYING', {
        nextDeployment: deployment(2, 'ACTIVATING'),
        currentDeployment: deployment(1, 'ACTIVE'),
        stateDetail: { code: 'CREATING_DEPLOYMENT' },
      }),
      service('DEPLOYING', {
        nextDeployment: deployment(2, 'ACTIVATING'),
        currentDeployment: deployment(1, 'ACTIVE'),
        stateDetail: { code: 'EVALUATING_HEALTH_CHECK' },
      }),
      service('RUNNING', { currentDeployment: deployment(2, 'ACTIVE') }),
    ]);
    const { value, statuses } = await run(client);
    expect(value).toMatchObject({ version: 2, deployment: { state: 'ACTIVE' } });
    expect(statuses).toEqual([
      'ACTIVATING (DEPLOYING: CREATING_DEPLOYMENT)',
      'ACTIVATING (DEPLOYING: EVALUATING_HEALTH_CHECK)',
      'ACTIVE (RUNNING)',
    ]);
  });

  it.each([
    [
      'the deployment FAILED',
      [service('RUNNING', { currentDeployment: deployment(1, 'ACTIVE') })],
      [deployment(2, 'FAILED')],
      'deployment 2 FAILED',
    ],
    [
      'a newer deployment superseded it',
      [service('DEPLOYING', { nextDeployment: deployment(3, 'ACTIVATING'), currentDeployment: deployment(1, 'ACTIVE') })],
      [],
      'deployment 2 was superseded by deployment 3',
    ],
    [
      'it went INACTIVE without being active',
      [service('RUNNING', { currentDeployment: deployment(1, 'ACTIVE') })],
      [deployment(2, 'INACTIVE')],
      'deployment 2 went INACTIVE without becoming active',
    ],
    ['the service is DISABLED', [service('DISABLED', { nextDeployment: deployment(2, 'ACTIVATING') })], [], 'the service is DISABLED'],
    [
      'the service reports UNKNOWN_ERROR',
      [service('DEPLOYING', { nextDeployment: deployment(2, 'ACTIVATING'), stateDetail: { code: 'UNKNOWN_ERROR', message: 'oops' } })],
      [],
      'the service reports UNKNOWN_ERROR: oops',
    ],
    [
      'the version is gone from the history',
      [service('RUNNING', { currentDeployment: deployment(1, 'ACTIVE') })],
      [deployment(3, 'INACTIVE'), deployment(1, 'ACTIVE')],
      "deployment 2 is not among the service's deployments",
    ],
  ])('fails fast when %s', async (_, looks, deployments, reason) => {
    const { error } = await run(lightsail(looks, { deployments }), { serviceName: 'api', version: 2 });
    expect(isContainerDeploymentFailedError(error)).toBe(true);
    expect(error).toMatchObject({ serviceName: 'api', version: 2, reason });
  });

  it('waits for a version newer than every one listed to appear, as not found within the grace', async () => {
    // The deploy call has just returned version 2; the service does not list it on the first look.
    const client = lightsail([
      service('RUNNING', { currentDeployment: deployment(1, 'ACTIVE') }),
      service('DEPLOYING', { nextDeployment: deployment(2, 'ACTIVATING'), currentDeployment: deployment(1, 'ACTIVE') }),
      service('RUNNING', { currentDeployment: deployment(2, 'ACTIVE') }),
    ]);
    const { value, error, statuses } = await run(client, { serviceName: 'api', version: 2 });
    expect(error).toBeUndefined();
    expect(value).toMatchObject({ version: 2, deployment: { state: 'ACTIVE' } });
    expect(statuses).toEqual(['ACTIVATING (DEPLOYING)', 'ACTIVE (RUNNING)']);
  });

  it('rejects as not found, naming the version, when it is still not listed after the grace', async () => {
    const client = lightsail([service('RUNNING', { currentDeployment: deployment(1, 'ACTIVE') })]);
    const clock = new FakeClock();
    const waiter = new ContainerDeploymentWaiter(client, { serviceName: 'api', version: 2 }, { clock, timeoutMs: 600_000 });
    const { error } = await clock.run(waiter.wait());
    expect(isContainerDeploymentFailedError(error)).toBe(false);
    expect(error).toBeInstanceOf(ResourceRequestError);
    expect(error).toMatchObject({ errorName: 'NotFoundException', action: 'GetContainerServices' });
    expect((error as Error).message).toContain('Lightsail container service api lists no deployment 2 (its newest is 1)');
    expect(clock.now()).toBeGreaterThanOrEqual(10_000);
    expect(clock.now()).toBeLessThan(60_000);
    expect(clock.pendingTimers).toBe(0);
  });

  it('carries the last lines of each container, bounded, with the deployment and service state', async () => {
    const lines = Array.from({ length: 120 }, (_, i) => ({ message: `line ${i}`, createdAt: new Date(i) }));
    const client = lightsail([service('RUNNING', { currentDeployment: deployment(1, 'ACTIVE') })], {
      deployments: [deployment(2, 'FAILED')],
      log: (call) => {
        if ((call.input as { containerName: string }).containerName === 'worker') throw awsError('AccessDeniedException');
        return { logEvents: lines };
      },
    });
    const { error } = await run(client, { serviceName: 'api', version: 2 });
    const failure = error as ContainerDeploymentFailedError;
    expect(failure).toBeInstanceOf(ContainerDeploymentFailedError);
    expect(failure).toMatchObject({ deploymentState: 'FAILED', serviceState: 'RUNNING' });
    expect(failure.logs.map((l) => [l.containerName, l.lines.length, l.lines.at(-1), l.error])).toEqual([
      ['web', 50, 'line 119', undefined],
      ['worker', 0, undefined, 'AccessDeniedException: AccessDeniedException from the stub'],
    ]);
    expect(failure.message).toContain(
      'Container service api deployment 2 will not become active: deployment 2 FAILED. Last log line: web: line 119.',
    );
    const logCalls = client.calls.filter((c) => c.name === 'GetContainerLogCommand');
    expect(logCalls.map((c) => c.input)).toEqual([
      { serviceName: 'api', containerName: 'web', startTime: new Date(1_000) },
      { serviceName: 'api', containerName: 'worker', startTime: new Date(1_000) },
    ]);
  });

  it('reads the logs at the poller, as the polls are sent, and retries a throttled log request', async () => {
    let logRequests = 0;
    const client = lightsail([service('RUNNING', { currentDeployment: deployment(1, 'ACTIVE') })], {
      deployments: [deployment(2, 'FAILED')],
      log: () => {
        logRequests += 1;
        if (logRequests === 1) throw awsError('ThrottlingException');
        return { logEvents: [{ message: 'exit 1', createdAt: new Date(2_000) }] };
      },
    });
    const clock = new FakeClock();
    const poller = new Poller({ clock });
    const waiter = new ContainerDeploymentWaiter(client, { serviceName: 'api', version: 2 }, { clock, poller, timeoutMs: 600_000 });
    const retries: string[] = [];
    waiter.on('retry', (e) => retries.push(`${e.target}: ${(e.error as Error).name}`));
    const { error } = await clock.run(waiter.wait());
    expect(clock.pendingTimers).toBe(0);
    const failure = error as ContainerDeploymentFailedError;
    expect(failure.logs.map((l) => [l.containerName, l.lines, l.error])).toEqual([
      ['web', ['exit 1'], undefined],
      ['worker', ['exit 1'], undefined],
    ]);
    expect(retries).toEqual(['api: ThrottlingException']);
    // One probe (GetContainerServices, then GetContainerServiceDeployments) and three log requests,
    // each a turn at the poller, which heard of the throttle.
    expect(logRequests).toBe(3);
    expect(poller.stats).toEqual({ granted: 5, throttled: 1 });
  });

  it('sends GetContainerServiceDeployments at a turn of its own at the poller', async () => {
    const clock = new FakeClock();
    const sent: string[] = [];
    const client = stubSender((call) => {
      sent.push(`${clock.now()} ms: ${call.name}`);
      if (call.name === 'GetContainerServicesCommand') {
        return { containerServices: [service('RUNNING', { currentDeployment: deployment(1, 'ACTIVE') })] };
      }
      return { deployments: [{ version: 2, state: 'FAILED' }] };
    });
    const poller = new Poller({ clock, maxRequestsPerSecond: 1 });
    const waiter = new ContainerDeploymentWaiter(client, { serviceName: 'api', version: 2 }, { clock, poller, timeoutMs: 600_000 });
    const { error } = await clock.run(waiter.wait());
    expect(error).toMatchObject({ reason: 'deployment 2 FAILED' });
    expect(sent).toEqual(['0 ms: GetContainerServicesCommand', '1000 ms: GetContainerServiceDeploymentsCommand']);
    expect(poller.stats).toEqual({ granted: 2, throttled: 0 });
    expect(clock.pendingTimers).toBe(0);
  });

  it('names GetContainerServiceDeployments as the action when that request is refused (the permission to add)', async () => {
    const clock = new FakeClock();
    const client = stubSender((call) => {
      if (call.name === 'GetContainerServicesCommand') {
        return { containerServices: [service('RUNNING', { currentDeployment: deployment(4, 'ACTIVE') })] };
      }
      throw awsError('AccessDeniedException');
    });
    const waiter = new ContainerDeploymentWaiter(client, { serviceName: 'api', version: 3 }, { clock, timeoutMs: 600_000 });
    const { error } = await clock.run(waiter.wait());
    expect(error).toMatchObject({
      name: 'ResourceRequestError',
      action: 'GetContainerServiceDeployments',
      errorName: 'AccessDeniedException',
    });
    expect((error as Error).message).toContain('GetContainerServiceDeployments');
  });

  it('accepts the output of CreateContainerServiceDeployment and waits on its nextDeployment version', async () => {
    const client = lightsail([service('RUNNING', { currentDeployment: deployment(5, 'ACTIVE') })]);
    const deployed = {
      containerService: { containerServiceName: 'api', nextDeployment: { version: 5 }, currentDeployment: { version: 4 } },
    };
    const clock = new FakeClock();
    const { value } = await clock.run(waitForContainerServiceDeployment(client, deployed, { clock }));
    expect(value?.version).toBe(5);
  });

  it.each([
    [{ serviceName: 'api', version: 0 }, '`version`'],
    [{ serviceName: 'bad name' }, '`serviceName`'],
    [{ containerService: {} }, '`containerService.containerServiceName`'],
    [42, 'got `42` (number)'],
  ])('refuses %j before any request', async (input, message) => {
    const client = lightsail([]);
    await expect(waitForContainerServiceDeployment(client, input as never)).rejects.toThrow(message);
    expect(client.calls).toHaveLength(0);
  });

  it('in the SDK waiter shape, resolves SUCCESS with the state it found', async () => {
    const client = lightsail([service('RUNNING', { currentDeployment: deployment(1, 'ACTIVE') })]);
    const result = await waitUntilContainerServiceDeploymentActive({ client, maxWaitTime: 60 }, { serviceName: 'api' });
    expect(result).toMatchObject({ state: 'SUCCESS', reason: { version: 1 }, observedResponses: { '200: ACTIVE': 1 } });
  });
});

describe('container-service-ready', () => {
  it.each([
    ['READY', 'success'],
    ['RUNNING', 'success'],
    ['DISABLED', 'the service is DISABLED'],
    ['DELETING', 'the service is being deleted'],
  ])('%s: %s', async (state, expected) => {
    const clock = new FakeClock();
    const { error } = await clock.run(waitFor(lightsail([service(state)]), containerServiceReady, 'api', { clock }));
    expect(error === undefined ? 'success' : (error as { reason?: string }).reason).toBe(expected);
  });
});
