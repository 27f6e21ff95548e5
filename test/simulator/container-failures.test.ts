import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { LightsailClient } from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import { CliUsageError, parseSimulatorArgs, USAGE } from '../../src/simulator/cli.js';
import {
  ACTION_NAMES,
  CONTAINER_SERVICE_FAILURE_CODES,
  DEFAULT_RESOURCE_DURATIONS_MS,
  type SimulatorOptions,
  startSimulator,
} from '../../src/simulator/index.js';
import { CREATE_MS, createService, DEPLOY_MS, deploymentsOf, logOf, serviceOf, statusOf } from './containers.js';
import { type Fixture, setup } from './helpers.js';

const BIN = fileURLToPath(new URL('../../src/simulator/bin.ts', import.meta.url));

describe('container service creation failures', () => {
  it.each(['CERTIFICATE_LIMIT_EXCEEDED', 'UNKNOWN_ERROR'] as const)(
    'keeps a service made to fail with %s PENDING, with that stateDetail once its creation would have ended',
    async (code) => {
      const f = await setup();
      f.sim.failContainerService('app', code);
      await createService(f);
      expect(await statusOf(f)).toEqual(['PENDING', undefined]);
      f.clock.advance(CREATE_MS);
      const service = await serviceOf(f);
      expect(service).toMatchObject({ state: 'PENDING', stateDetail: { code, message: expect.stringMatching(/\S/) } });
      f.clock.advance(3_600_000);
      expect(await statusOf(f)).toEqual(['PENDING', code]);
    },
  );

  it('fails an existing PENDING service (UNKNOWN_ERROR by default) and the deployment given to its create', async () => {
    const f = await setup();
    await createService(f, 'app', true);
    f.sim.failContainerService('app');
    f.clock.advance(CREATE_MS + DEPLOY_MS);
    expect(await statusOf(f)).toEqual(['PENDING', 'UNKNOWN_ERROR']);
    expect(await deploymentsOf(f)).toEqual([[1, 'FAILED']]);
    expect(await logOf(f)).toContain('[deployment:1] The container service could not be created (UNKNOWN_ERROR)');
  });

  it('can be set from the start with the containerServiceFailures option', async () => {
    const f = await setup({ containerServiceFailures: { app: 'CERTIFICATE_LIMIT_EXCEEDED' } });
    await createService(f);
    await createService(f, 'api');
    f.clock.advance(CREATE_MS);
    expect(await statusOf(f)).toEqual(['PENDING', 'CERTIFICATE_LIMIT_EXCEEDED']);
    expect(await statusOf(f, 'api')).toEqual(['READY', undefined]);
  });

  it.each([
    [(f: Fixture) => f.sim.failContainerService('bad name'), '`serviceName`'],
    [(f: Fixture) => f.sim.failContainerService('app', 'OOPS' as never), '`code`'],
    [(f: Fixture) => f.sim.failDeployments({}), '`serviceName` or an `image`'],
    [(f: Fixture) => f.sim.failDeployments({ image: '' }), '`rule.image`'],
    [(f: Fixture) => f.sim.failDeployments({ serviceName: 'app', reason: 5 as never }), '`rule.reason`'],
  ])('throws TypeError for bad control arguments (%#)', async (call, text) => {
    const f = await setup();
    expect(() => call(f)).toThrow(TypeError);
    expect(() => call(f)).toThrow(text);
  });

  it.each([
    [{ deploymentFailures: [{ reason: 'x' }] }, '`deploymentFailures[0]`'],
    [{ deploymentFailures: 'app' }, '`deploymentFailures`'],
    [{ containerServiceFailures: { app: 'FAILED' } }, '`containerServiceFailures.app`'],
    [{ containerLogPageSize: 0 }, '`containerLogPageSize`'],
    [{ resourceDurations: { containerHealthCheckMs: -1 } }, '`resourceDurations.containerHealthCheckMs`'],
  ])('rejects the option %j naming it', async (options, text) => {
    await expect(startSimulator(options as SimulatorOptions)).rejects.toThrow(text);
  });
});

describe('container service exports', () => {
  it('lists the container actions, failure codes and default phases', () => {
    expect(ACTION_NAMES).toEqual(
      expect.arrayContaining([
        'CreateContainerService',
        'GetContainerServices',
        'UpdateContainerService',
        'DeleteContainerService',
        'CreateContainerServiceDeployment',
        'GetContainerServiceDeployments',
        'GetContainerLog',
      ]),
    );
    expect(CONTAINER_SERVICE_FAILURE_CODES).toEqual(['CERTIFICATE_LIMIT_EXCEEDED', 'UNKNOWN_ERROR']);
    expect(DEFAULT_RESOURCE_DURATIONS_MS).toMatchObject({
      containerServiceCreateMs: 60_000,
      containerDeploymentCreateMs: 90_000,
      containerHealthCheckMs: 120_000,
      containerActivationMs: 90_000,
      containerLogRetentionMs: 259_200_000,
    });
  });
});

describe('container failure flags', () => {
  it.each([
    [['--fail-deployment', 'app'], { deploymentFailures: [{ serviceName: 'app' }] }],
    [['--fail-deployment', 'app:Error: boom'], { deploymentFailures: [{ serviceName: 'app', reason: 'Error: boom' }] }],
    [
      ['--fail-image', 'nginx:broken', '--fail-deployment', 'api'],
      { deploymentFailures: [{ serviceName: 'api' }, { image: 'nginx:broken' }] },
    ],
    [['--fail-container-service', 'app'], { containerServiceFailures: { app: 'UNKNOWN_ERROR' } }],
    [['--fail-container-service', 'app:CERTIFICATE_LIMIT_EXCEEDED'], { containerServiceFailures: { app: 'CERTIFICATE_LIMIT_EXCEEDED' } }],
  ])('parses %j', (argv, options) => {
    expect(parseSimulatorArgs(argv)).toEqual({ help: false, options });
  });

  it.each([
    [['--fail-deployment', 'bad name'], /--fail-deployment/],
    [['--fail-deployment', 'app:'], /--fail-deployment/],
    [['--fail-image', ' '], /--fail-image/],
    [['--fail-container-service', 'app:FAILED'], /--fail-container-service/],
  ])('rejects %j with CliUsageError', (argv, message) => {
    expect(() => parseSimulatorArgs(argv)).toThrow(CliUsageError);
    expect(() => parseSimulatorArgs(argv)).toThrow(message);
  });

  it('documents the flags in --help', () => {
    expect(USAGE).toMatch(/--fail-deployment <service>\[:<reason>\]/);
    expect(USAGE).toContain('--fail-image');
    expect(USAGE).toContain('--fail-container-service');
  });

  it('makes a deployment fail in the real binary, with the reason in the log', async () => {
    const args = ['--import', 'tsx', BIN, '--time-scale', '1000', '--fail-deployment', 'app:Error: listen EADDRINUSE'];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let client: LightsailClient | undefined;
    try {
      const [endpoint] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
      client = new LightsailClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
      const f = { client } as Fixture;
      await createService(f, 'app', true);
      let deployments = await deploymentsOf(f);
      for (let i = 0; i < 100 && deployments[0]?.[1] === 'ACTIVATING'; i += 1) {
        await sleep(20);
        deployments = await deploymentsOf(f);
      }
      expect(deployments).toEqual([[1, 'FAILED']]);
      expect(await statusOf(f)).toEqual(['READY', undefined]);
      expect(await logOf(f)).toContain('[deployment:1] Error: listen EADDRINUSE');
    } finally {
      client?.destroy();
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
  });
});
