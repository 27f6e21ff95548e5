/**
 * examples/ci/deploy-instance.sh, run for real with bash against the bundled simulator (sped up: an
 * instance is running in a few milliseconds): it creates the instance with `aws` (a stand-in that
 * sends the call through the SDK, test/examples/fixtures/fake-aws-instances.mjs), waits with the
 * built dist/cli.js as lightsail-wait, reads the --json summaries with node, and under GitHub
 * Actions leaves annotations, a job summary and step outputs in temporary files.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GetInstanceCommand, LightsailClient } from '@aws-sdk/client-lightsail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../src/simulator/index.js';
import { assertBuilt, CLI, ENV, exitOf } from '../cli/e2e-helpers.js';
import { parseOutputFile, runnerView } from './github-files.js';

const SCRIPT = fileURLToPath(new URL('../../examples/ci/deploy-instance.sh', import.meta.url));
const FAKE_AWS = fileURLToPath(new URL('./fixtures/fake-aws-instances.mjs', import.meta.url));
const FAST = ['--min-delay', '50ms', '--max-delay', '100ms'];
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const realAws = spawnSync('bash', ['-c', 'command -v aws'], { encoding: 'utf8' }).stdout.trim();

let work: string;
const simulators: Simulator[] = [];

beforeAll(async () => {
  assertBuilt();
  work = await mkdtemp(join(tmpdir(), 'lightsail-wait-deploy-instance-'));
  await mkdir(join(work, 'bin'));
  await mkdir(join(work, 'fake-aws'));
  await symlink(CLI, join(work, 'bin', 'lightsail-wait'));
  await writeFile(join(work, 'fake-aws', 'aws'), `#!/usr/bin/env bash\nexec node "${FAKE_AWS}" "$@"\n`);
  await chmod(join(work, 'fake-aws', 'aws'), 0o755);
});

afterAll(async () => {
  await Promise.all(simulators.splice(0).map((sim) => sim.close()));
  await rm(work, { recursive: true, force: true });
});

async function simulator(): Promise<Simulator> {
  const sim = await startSimulator({ timeScale: 1000 });
  simulators.push(sim);
  return sim;
}

interface ScriptRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string> | undefined;
  readonly summary: string | undefined;
}

/** Runs the script with bash; with `github`, as a GitHub Actions step (temporary output and summary files). */
async function deploy(env: Record<string, string>, github = false, fakeAws = true): Promise<ScriptRun> {
  const dir = await mkdtemp(join(work, 'run-'));
  const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary.md') };
  const child = spawn('bash', [SCRIPT, ...FAST], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...ENV,
      PATH: [join(work, 'bin'), ...(fakeAws ? [join(work, 'fake-aws')] : []), ENV.PATH].join(':'),
      ...(github ? { GITHUB_ACTIONS: 'true', ...files } : {}),
      ...env,
    },
  });
  const { code, stdout, stderr } = await exitOf(child);
  const read = (path: string) => readFile(path, 'utf8').catch(() => undefined);
  const output = await read(files.GITHUB_OUTPUT);
  return {
    code,
    stdout,
    stderr,
    outputs: output === undefined ? undefined : parseOutputFile(output),
    summary: await read(files.GITHUB_STEP_SUMMARY),
  };
}

async function publicIpOf(sim: Simulator, instanceName: string): Promise<string | undefined> {
  const client = new LightsailClient({ endpoint: sim.endpoint, region: 'us-east-1', credentials });
  try {
    return (await client.send(new GetInstanceCommand({ instanceName }))).instance?.publicIpAddress;
  } finally {
    client.destroy();
  }
}

describe.concurrent('examples/ci/deploy-instance.sh', () => {
  it('creates the instance, waits until it runs, and prints its public IP read from the --json summary', async () => {
    const sim = await simulator();
    const { code, stdout, stderr, outputs } = await deploy({ ENDPOINT: sim.endpoint, INSTANCE: 'web-1' });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const ip = await publicIpOf(sim, 'web-1');
    expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(stdout).toBe(
      [
        'deploy-instance: creating web-1',
        'deploy-instance: 1 operation(s) succeeded',
        `deploy-instance: web-1 is running at ${ip}`,
        '',
      ].join('\n'),
    );
    expect(outputs).toBeUndefined();
  });

  it('under GitHub Actions: a notice, two job summary tables and the step outputs', async () => {
    const sim = await simulator();
    const { code, stdout, stderr, outputs, summary } = await deploy({ ENDPOINT: sim.endpoint, INSTANCE: 'web-2' }, true);
    expect(code).toBe(0);
    const ip = (await publicIpOf(sim, 'web-2')) as string;
    expect(stderr).toBe('');
    expect(stdout.split('\n').at(-2)).toBe(`::notice title=Instance web-2 is running::public IP ${ip}`);
    expect(outputs).toMatchObject({
      outcome: 'succeeded',
      'exit-code': '0',
      'public-ip': ip,
      'public-ips': JSON.stringify({ 'web-2': ip }),
    });
    expect(JSON.parse(outputs?.results as string)).toEqual([expect.objectContaining({ id: 'web-2', outcome: 'succeeded', publicIp: ip })]);
    expect(summary?.match(/^### ✅ .*$/gm)).toEqual([
      expect.stringMatching(/^### ✅ lightsail-wait: 1 operation: 1 succeeded \(/),
      expect.stringMatching(/^### ✅ lightsail-wait instance-running: 1 resource: 1 succeeded \(/),
    ]);
  });

  it.skipIf(realAws === '')('creates the instance with the real AWS CLI too', async () => {
    const sim = await simulator();
    const { code, stdout } = await deploy({ ENDPOINT: sim.endpoint, INSTANCE: 'web-4', AWS_DEFAULT_REGION: 'us-east-1' }, false, false);
    expect(code).toBe(0);
    expect(stdout).toContain(`deploy-instance: web-4 is running at ${await publicIpOf(sim, 'web-4')}\n`);
    expect(sim.requests.filter((r) => r.action === 'CreateInstances')).toHaveLength(1);
  });

  it('exits 1 when the create fails, with the errorCode on stderr and as a GitHub annotation', async () => {
    const sim = await simulator();
    sim.failOperations({ operationType: 'CreateInstance' }, { errorCode: 'NoAvailableCapacity', errorDetails: 'none left in us-east-1a' });
    const { code, stderr, outputs, summary } = await deploy({ ENDPOINT: sim.endpoint, INSTANCE: 'web-3' }, true);
    expect(code).toBe(1);
    const { lines } = runnerView(stderr);
    expect(lines[0]).toMatch(
      /^lightsail-wait: operation \S+ \(CreateInstance of web-3\) failed: NoAvailableCapacity: none left in us-east-1a$/,
    );
    expect(lines[1]).toMatch(
      /^::error title=CreateInstance of web-3%3A NoAvailableCapacity::operation \S+ \(CreateInstance of web-3\) failed/,
    );
    expect(lines.slice(2)).toEqual(['deploy-instance: creating web-3 ended failed (see above)', '']);
    expect(outputs).toMatchObject({ outcome: 'failed', 'exit-code': '1' });
    expect(summary).toContain('NoAvailableCapacity');
  });

  it('exits 2 without INSTANCE, before any request', async () => {
    const sim = await simulator();
    const { code, stderr } = await deploy({ ENDPOINT: sim.endpoint });
    expect(code).toBe(2);
    expect(stderr).toBe('deploy-instance: INSTANCE is required\n');
    expect(sim.requests).toHaveLength(0);
  });
});
