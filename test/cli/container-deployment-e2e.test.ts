/**
 * End to end, container deployments: spawns the built `dist/cli.js` against a simulator on a
 * hand-moved clock, with the service and its deployment made through the real SDK client, and the
 * deploy call's JSON piped in as `aws lightsail create-container-service-deployment` prints it.
 */
import {
  CreateContainerServiceCommand,
  CreateContainerServiceDeploymentCommand,
  type CreateContainerServiceDeploymentCommandOutput,
  LightsailClient,
} from '@aws-sdk/client-lightsail';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.js';
import { assertBuilt, closeSimulators, lines, simulator, spawnCli } from './e2e-helpers.js';
import { progressRecords } from './json-lines.js';

const clients: LightsailClient[] = [];
const MINUTE = 60_000;

function clientOf(sim: Simulator): LightsailClient {
  const client = new LightsailClient({
    endpoint: sim.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  clients.push(client);
  return client;
}

/** A READY service named `api`, then a deployment of one nginx container behind the public endpoint. */
async function deployed(sim: Simulator, advance: (ms: number) => void): Promise<CreateContainerServiceDeploymentCommandOutput> {
  const client = clientOf(sim);
  await client.send(new CreateContainerServiceCommand({ serviceName: 'api', power: 'nano', scale: 1 }));
  advance(5 * MINUTE);
  return client.send(
    new CreateContainerServiceDeploymentCommand({
      serviceName: 'api',
      containers: { web: { image: 'nginx:latest', ports: { '80': 'HTTP' } } },
      publicEndpoint: { containerName: 'web', containerPort: 80 },
    }),
  );
}

/** The deploy output as the AWS CLI prints it: JSON without the SDK's `$metadata`. */
const cliJson = ({ $metadata: _, ...output }: CreateContainerServiceDeploymentCommandOutput) => JSON.stringify(output, null, 4);

beforeAll(assertBuilt);
afterAll(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await closeSimulators();
});

describe.concurrent('lightsail-wait container-deployment (spawned)', () => {
  it('reads the deploy JSON on stdin and exits 0 once the deployment is live, showing each phase', async ({ expect }) => {
    const { sim, advance } = await simulator();
    const output = await deployed(sim, advance);
    const cli = spawnCli(['--endpoint-url', sim.endpoint, 'container-deployment'], cliJson(output));
    await cli.lines(1);
    advance(2 * MINUTE);
    await cli.lines(2);
    advance(2 * MINUTE);
    await cli.lines(3);
    advance(2 * MINUTE);
    const { code, stdout, stderr } = await cli.exit;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(lines(stdout)).toEqual([
      '[0s] container service api deployment 1: ACTIVATING (DEPLOYING: CREATING_DEPLOYMENT)',
      expect.stringMatching(/^\[\ds\] container service api deployment 1: ACTIVATING \(DEPLOYING: EVALUATING_HEALTH_CHECK\)$/),
      expect.stringMatching(/^\[\ds\] container service api deployment 1: ACTIVATING \(DEPLOYING: ACTIVATING_DEPLOYMENT\)$/),
      expect.stringMatching(/^\[\ds\] container service api deployment 1: ACTIVATING → ACTIVE \(RUNNING\)$/),
      expect.stringMatching(/^1 resource: 1 succeeded \(\d+(\.\d)?s\)$/),
    ]);
  });

  it('exits 1 for a failing deployment, with the reason and the log tail on stderr and in --json', async ({ expect }) => {
    const { sim, advance } = await simulator();
    sim.failDeployments({ serviceName: 'api', reason: 'Error: Cannot find module /app/server.js' });
    await deployed(sim, advance);
    const cli = spawnCli(['--json', '--endpoint-url', sim.endpoint, 'container-deployment', 'api', '--version', '1']);
    await cli.lines(1);
    advance(10 * MINUTE);
    const { code, stdout, stderr } = await cli.exit;
    expect(code).toBe(1);
    // The simulator starts the container three times, logging the failure's reason after each start.
    const attempt = [
      '    [deployment:1] Started 1 new node',
      '    [deployment:1] Started container web from image nginx:latest',
      '    [deployment:1] Error: Cannot find module /app/server.js',
    ];
    expect(stderr).toBe(
      [
        'lightsail-wait: container service api deployment 1 (container-service-deployment-active) failed in state FAILED: deployment 1 FAILED',
        '  service api: READY',
        '  container web, log (12 lines):',
        '    [deployment:1] Creating your deployment',
        ...attempt,
        ...attempt,
        ...attempt,
        '    [deployment:1] Took too long',
        '    [deployment:1] Canceled',
        '  more: aws lightsail get-container-log --service-name api --container-name web',
        '',
      ].join('\n'),
    );
    const result = progressRecords(stdout).at(-1);
    expect(result).toMatchObject({
      type: 'result',
      outcome: 'failed',
      reason: 'deployment 1 FAILED',
      version: 1,
      deploymentState: 'FAILED',
      logs: [{ containerName: 'web', error: null, lines: expect.arrayContaining(['[deployment:1] Canceled']) }],
    });
  });

  it('ends at --timeout with exit 3 when stdin is a pipe that never closes', async ({ expect }) => {
    const started = performance.now();
    const { code, stderr, stdout } = await spawnCli(['--timeout', '2s', 'container-deployment']).exit;
    expect(code).toBe(3);
    // 2 s, plus starting Node.js on a machine busy with the other tests; without the fix it never ends.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(stderr).toMatch(/^lightsail-wait: timed out after 2s reading stdin: it was never closed/);
    expect(stdout).toBe('');
  });
});
