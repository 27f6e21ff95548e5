/**
 * The CI examples, run for real: examples/ci/deploy-container.sh with bash, and the `run:` steps of
 * examples/ci/github-workflow.yml, against the bundled simulator (sped up: a deployment takes about
 * a second). The built `dist/cli.js` is lightsail-wait; `aws` is a stand-in that sends the one call
 * the examples make through the SDK (test/cli/fixtures/fake-aws.mjs), or the real AWS CLI where
 * one is installed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CreateContainerServiceCommand,
  CreateContainerServiceDeploymentCommand,
  type CreateContainerServiceDeploymentCommandOutput,
  LightsailClient,
} from '@aws-sdk/client-lightsail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { waitForContainerServiceReady } from '../../src/index.js';
import { type Simulator, startSimulator } from '../../src/simulator/index.js';
import { assertBuilt, CLI } from '../cli/e2e-helpers.js';
import { runnerView } from './github-files.js';
import { removeActionRuns, runAction } from './run-action.js';

const PACKAGE = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
  repository: { url: string };
};
/** `owner/name` of the GitHub repository package.json names. */
const REPOSITORY = /github\.com\/([^/]+\/[^/.]+)/.exec(PACKAGE.repository.url)?.[1];
const VERSION = PACKAGE.version;

const SCRIPT = fileURLToPath(new URL('../../examples/ci/deploy-container.sh', import.meta.url));
const WORKFLOW = fileURLToPath(new URL('../../examples/ci/github-workflow.yml', import.meta.url));
const FAKE_AWS = fileURLToPath(new URL('../cli/fixtures/fake-aws.mjs', import.meta.url));
// Simulated durations divided by this: a service is READY in 0.2 s, a deployment takes 1 s.
const TIME_SCALE = 300;
// lightsail-wait polls every few hundred milliseconds, so the tests follow the simulator closely.
const FAST = ['--min-delay', '100ms', '--max-delay', '300ms'];
const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };
const realAws = spawnSync('bash', ['-c', 'command -v aws'], { encoding: 'utf8' }).stdout.trim();

let work: string;
const simulators: Simulator[] = [];
const clients: LightsailClient[] = [];

beforeAll(async () => {
  assertBuilt();
  work = await mkdtemp(join(tmpdir(), 'lightsail-wait-ci-'));
  // bin: lightsail-wait and npx (for `npx lightsail-wait`); fake-aws: the stand-in aws.
  await mkdir(join(work, 'bin'));
  await mkdir(join(work, 'fake-aws'));
  await symlink(CLI, join(work, 'bin', 'lightsail-wait'));
  await executable(
    join(work, 'bin', 'npx'),
    `#!/usr/bin/env bash\nwhile [[ "$1" == -* ]]; do shift; done\n[[ "$1" == lightsail-wait ]] || { echo "npx stub: $*" >&2; exit 127; }\nshift\nexec node "${CLI}" ${FAST.join(' ')} "$@"\n`,
  );
  await executable(join(work, 'fake-aws', 'aws'), `#!/usr/bin/env bash\nexec node "${FAKE_AWS}" "$@"\n`);
});

afterAll(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await Promise.all(simulators.splice(0).map((sim) => sim.close()));
  await rm(work, { recursive: true, force: true });
  await removeActionRuns();
});

async function executable(path: string, text: string): Promise<void> {
  await writeFile(path, text);
  await chmod(path, 0o755);
}

/** A sped-up simulator holding a READY container service `api`, and a client on it. */
async function readyService(timeScale = TIME_SCALE): Promise<{ sim: Simulator; client: LightsailClient }> {
  const sim = await startSimulator({ timeScale });
  simulators.push(sim);
  const client = new LightsailClient({ endpoint: sim.endpoint, region: 'us-east-1', credentials: CREDENTIALS });
  clients.push(client);
  await client.send(new CreateContainerServiceCommand({ serviceName: 'api', power: 'nano', scale: 1 }));
  await waitForContainerServiceReady(client, 'api', { minDelayMs: 20, maxDelayMs: 50, timeoutMs: 10_000 });
  return { sim, client };
}

const deploy = (client: LightsailClient) =>
  client.send(
    new CreateContainerServiceDeploymentCommand({
      serviceName: 'api',
      containers: { web: { image: 'nginx:latest', ports: { '80': 'HTTP' } } },
      publicEndpoint: { containerName: 'web', containerPort: 80 },
    }),
  );

/** The deploy output as `aws lightsail create-container-service-deployment --output json` prints it. */
const asCliJson = ({ $metadata: _, ...output }: CreateContainerServiceDeploymentCommandOutput) => JSON.stringify(output, null, 4);

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs bash with `args`, the test's PATH and a clean AWS environment; stdin is `stdin`, or /dev/null. */
function bash(
  args: string[],
  options: { env?: Record<string, string>; stdin?: string; cwd?: string; fakeAws?: boolean } = {},
): Promise<Run> {
  const path = [join(work, 'bin'), ...(options.fakeAws === false ? [] : [join(work, 'fake-aws')]), process.env.PATH ?? ''].join(':');
  const child = spawn('bash', args, {
    cwd: options.cwd ?? work,
    stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    env: {
      PATH: path,
      HOME: work,
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_REGION: 'us-east-1',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_CONFIG_FILE: '/nonexistent/aws-config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...options.env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  if (options.stdin !== undefined) child.stdin?.end(options.stdin);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const live = /^\[\d+s\] container service api deployment 1: (?:ACTIVATING → )?ACTIVE \(RUNNING\)$/m;
const failureLine =
  'lightsail-wait: container service api deployment 1 (container-service-deployment-active) failed in state FAILED: deployment 1 FAILED';

describe.concurrent('examples/ci/deploy-container.sh', () => {
  it('waits on the deployment whose JSON is piped in, and exits 0 once it is live', async () => {
    const { sim, client } = await readyService();
    const json = asCliJson(await deploy(client));
    const { code, stdout, stderr } = await bash([SCRIPT, ...FAST], { env: { ENDPOINT: sim.endpoint }, stdin: json });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // Real time: on a busy machine the deployment may be live before the first poll, so only the end is certain.
    expect(stdout).toMatch(live);
    expect(stdout).toMatch(/^deploy-container: the deployment is live$/m);
  });

  it('exits 1 for a failing deployment, with the reason, the container log tail and a GitHub annotation', async () => {
    const { sim, client } = await readyService();
    sim.failDeployments({ serviceName: 'api', reason: 'Error: Cannot find module /app/server.js' });
    const json = asCliJson(await deploy(client));
    const { code, stderr } = await bash([SCRIPT, ...FAST], { env: { ENDPOINT: sim.endpoint, GITHUB_ACTIONS: 'true' }, stdin: json });
    expect(code).toBe(1);
    const { lines, guarded } = runnerView(stderr);
    expect(lines[0]).toBe(failureLine);
    // The log lines come from the containers: never read as workflow commands.
    expect(guarded).toContain('    [deployment:1] Error: Cannot find module /app/server.js');
    expect(lines).toContain('  container web, log (12 lines):');
    expect(lines.filter((line) => line === '    [deployment:1] Error: Cannot find module /app/server.js')).toHaveLength(3);
    expect(lines).toContain('  more: aws lightsail get-container-log --service-name api --container-name web');
    // lightsail-wait's annotation: the deployment, its state, the reason and the log tail; the script adds none.
    expect(lines.slice(-3)).toEqual([
      expect.stringMatching(
        /^::error title=container service api deployment 1%3A failed in state FAILED::container service api deployment 1 \(container-service-deployment-active\) failed in state FAILED: deployment 1 FAILED%0A.*Cannot find module/,
      ),
      'deploy-container: the deployment did not become active (reason and container logs above)',
      '',
    ]);
    expect(lines.filter((line) => line.startsWith('::error'))).toHaveLength(1);
  });

  it('deploys with aws when CONTAINERS is set, then waits on that deployment', async () => {
    const { sim } = await readyService();
    const dir = await mkdtemp(join(work, 'containers-'));
    await writeFile(join(dir, 'containers.json'), JSON.stringify({ web: { image: 'nginx:latest', ports: { '80': 'HTTP' } } }));
    await writeFile(join(dir, 'endpoint.json'), JSON.stringify({ containerName: 'web', containerPort: 80 }));
    const log = join(dir, 'aws.log');
    const env = {
      ENDPOINT: sim.endpoint,
      SERVICE: 'api',
      CONTAINERS: join(dir, 'containers.json'),
      PUBLIC_ENDPOINT: join(dir, 'endpoint.json'),
      FAKE_AWS_LOG: log,
    };
    const { code, stdout, stderr } = await bash([SCRIPT, ...FAST], { env });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^deploy-container: deploying to api$/m);
    expect(stdout).toMatch(live);
    expect(JSON.parse(await readFile(log, 'utf8'))).toEqual([
      'lightsail',
      'create-container-service-deployment',
      '--service-name',
      'api',
      '--containers',
      `file://${env.CONTAINERS}`,
      '--public-endpoint',
      `file://${env.PUBLIC_ENDPOINT}`,
      '--endpoint-url',
      sim.endpoint,
      '--output',
      'json',
    ]);
  });

  it.skipIf(realAws === '')('deploys with the real AWS CLI too', async () => {
    const { sim } = await readyService();
    const dir = await mkdtemp(join(work, 'real-aws-'));
    await writeFile(join(dir, 'containers.json'), JSON.stringify({ web: { image: 'nginx:latest', ports: { '80': 'HTTP' } } }));
    const env = { ENDPOINT: sim.endpoint, SERVICE: 'api', CONTAINERS: join(dir, 'containers.json') };
    const { code, stdout } = await bash([SCRIPT, ...FAST], { env, fakeAws: false });
    expect(code).toBe(0);
    expect(stdout).toMatch(live);
    expect(sim.requests.filter((r) => r.action === 'CreateContainerServiceDeployment')).toHaveLength(1);
  });

  it("waits on SERVICE's next deployment when stdin is not a pipe", async () => {
    const { sim, client } = await readyService();
    await deploy(client);
    const { code, stdout } = await bash([SCRIPT, ...FAST], { env: { ENDPOINT: sim.endpoint, SERVICE: 'api' } });
    expect(code).toBe(0);
    expect(stdout).toMatch(live);
  });

  it('exits 2 without SERVICE or a deploy JSON, before any request', async () => {
    const { sim } = await readyService();
    const requests = sim.requests.length;
    const { code, stderr } = await bash([SCRIPT], { env: { ENDPOINT: sim.endpoint } });
    expect(code).toBe(2);
    expect(stderr).toBe('deploy-container: SERVICE is required when no deploy JSON is given\n');
    expect(sim.requests).toHaveLength(requests);
  });

  it('exits 3 when the deployment is not live within TIMEOUT', async () => {
    // Slower: the deployment takes 10 s, far longer than TIMEOUT.
    const { sim, client } = await readyService(30);
    const json = asCliJson(await deploy(client));
    const { code, stderr } = await bash([SCRIPT, ...FAST], { env: { ENDPOINT: sim.endpoint, TIMEOUT: '300ms' }, stdin: json });
    expect(code).toBe(3);
    expect(stderr).toMatch(/timed out after 300ms; last state ACTIVATING\n/);
    expect(stderr).toMatch(/deploy-container: the deployment was not live after 300ms\n$/);
  });
});

interface Step {
  readonly name?: string;
  readonly run?: string;
  readonly uses?: string;
  readonly with?: Record<string, string>;
}

/** The workflow's `${{ … }}` expressions this test gives values to. */
const EXPRESSIONS: Record<string, string> = {
  'github.sha': '0123abcd',
  'github.repository': 'acme/api',
  'env.AWS_REGION': 'us-east-1',
};

function substitute(text: string): string {
  return text.replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => {
    const value = EXPRESSIONS[name];
    if (value === undefined) throw new Error(`the test has no value for \${{ ${name} }}`);
    return value;
  });
}

describe('examples/ci/github-workflow.yml', () => {
  const workflow = () =>
    readFile(WORKFLOW, 'utf8').then(
      (text) => parse(text) as { on: unknown; jobs: { deploy: { env: Record<string, string>; steps: Step[] } } },
    );

  it('deploys with the AWS CLI, then waits with the lightsail-wait action (action.yml) on the deploy JSON', async () => {
    const { on, jobs } = await workflow();
    expect(on).toMatchObject({ push: { branches: ['main'] } });
    const steps = jobs.deploy.steps;
    const deployStep = steps.find((s) => s.name === 'Deploy');
    const waitStep = steps.find((s) => s.name === 'Wait until it is live');
    expect(deployStep?.run).toMatch(/aws lightsail create-container-service-deployment[\s\S]*--output json > deployment\.json/);
    // The repository package.json names, at the major version's moving tag (v0 for 0.x).
    expect(waitStep?.uses).toBe(`${REPOSITORY}@v${VERSION.split('.')[0]}`);
    expect(waitStep?.with).toEqual({ waiter: 'container-deployment', 'input-file': 'deployment.json', timeout: '20m' });
    expect(steps.indexOf(deployStep as Step)).toBeLessThan(steps.indexOf(waitStep as Step));
  });

  it.each([
    ['goes live', 0, false],
    ['fails', 1, true],
  ])('runs its deploy and wait steps against the simulator: a deployment that %s exits %i', async (_name, expected, failing) => {
    const { sim } = await readyService();
    if (failing) sim.failDeployments({ serviceName: 'api', reason: 'Error: Cannot find module /app/server.js' });
    const { jobs } = await workflow();
    const env = Object.fromEntries(Object.entries(jobs.deploy.env).map(([key, value]) => [key, substitute(String(value))]));
    const cwd = await mkdtemp(join(work, 'workflow-'));
    const runStep = async (name: string) => {
      const step = jobs.deploy.steps.find((s) => s.name === name);
      // GitHub runs `run:` with `bash -e {0}`; the SDK and the AWS CLI both read AWS_ENDPOINT_URL.
      return bash(['--noprofile', '--norc', '-e', '-c', substitute(step?.run ?? 'false')], {
        cwd,
        env: { ...env, AWS_ENDPOINT_URL: sim.endpoint },
      });
    };
    const deployed = await runStep('Deploy');
    expect(deployed.stderr).toBe('');
    expect(deployed.code).toBe(0);
    expect(JSON.parse(await readFile(join(cwd, 'deployment.json'), 'utf8'))).toMatchObject({
      containerService: {
        containerServiceName: 'api',
        nextDeployment: { version: 1, containers: { web: { image: 'ghcr.io/acme/api:0123abcd', environment: { RELEASE: '0123abcd' } } } },
      },
    });
    // The action's step, as GitHub runs it (test/examples/run-action.ts), polling faster.
    const waitStep = jobs.deploy.steps.find((s) => s.name === 'Wait until it is live');
    const waited = await runAction({ ...waitStep?.with, args: FAST.join(' ') }, { cwd, env: { ...env, AWS_ENDPOINT_URL: sim.endpoint } });
    expect(waited.code).toBe(expected);
    expect(waited.outputs).toMatchObject({ outcome: failing ? 'failed' : 'succeeded', 'exit-code': String(expected) });
    if (failing) {
      expect(runnerView(waited.stderr).lines[0]).toBe(failureLine);
      expect(waited.stderr).toContain('    [deployment:1] Error: Cannot find module /app/server.js\n');
      expect(waited.stderr).toMatch(/^::error title=container service api deployment 1%3A failed in state FAILED::/m);
    } else {
      expect(waited.stderr).toBe('');
      expect(waited.stdout).toMatch(live);
    }
  });
});
