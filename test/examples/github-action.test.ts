/**
 * The composite action, action.yml, run as GitHub's runner would run it (./run-action.ts), against
 * the simulator: the annotations, the job summary and the outputs of its step.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateInstancesCommand, LightsailClient } from '@aws-sdk/client-lightsail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../src/simulator/index.js';
import { assertBuilt } from '../cli/e2e-helpers.js';
import { runnerView } from './github-files.js';
import { ROOT, removeActionRuns, runAction } from './run-action.js';

const PACKAGE = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const simulators: Simulator[] = [];

beforeAll(assertBuilt);
afterAll(async () => {
  await Promise.all(simulators.splice(0).map((sim) => sim.close()));
  await removeActionRuns();
});

async function simulator(): Promise<Simulator> {
  const sim = await startSimulator({ timeScale: 1000 });
  simulators.push(sim);
  return sim;
}

const FAST = '--min-delay 50ms --max-delay 100ms';

describe.concurrent('action.yml', () => {
  it('waits for an instance with instance-running: outputs its public IP, a summary row, a log group', async () => {
    const sim = await simulator();
    const client = new LightsailClient({
      endpoint: sim.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    await client.send(
      new CreateInstancesCommand({
        instanceNames: ['web-1'],
        availabilityZone: 'us-east-1a',
        blueprintId: 'ubuntu_22_04',
        bundleId: 'nano_3_0',
      }),
    );
    client.destroy();
    const run = await runAction({
      waiter: 'instance-running',
      names: 'web-1',
      'endpoint-url': sim.endpoint,
      command: 'lightsail-wait',
      args: FAST,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('::group::lightsail-wait instance-running web-1');
    expect(run.stdout).toMatch(/^1 resource: 1 succeeded \(.+\)\n::endgroup::\n$/m);
    const ip = run.outputs['public-ip'] as string;
    expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(run.outputs).toMatchObject({ outcome: 'succeeded', 'exit-code': '0', 'public-ips': JSON.stringify({ 'web-1': ip }) });
    expect(JSON.parse(run.outputs.results as string)).toEqual([
      expect.objectContaining({ id: 'web-1', waiter: 'instance-running', outcome: 'succeeded', state: 'running', publicIp: ip }),
    ]);
    expect(run.summary).toMatch(/^### ✅ lightsail-wait instance-running: 1 resource: 1 succeeded \(.+\)$/m);
    expect(run.summary).toMatch(
      new RegExp(`^\\| ✅ \\| instance web-1 \\| succeeded \\| running \\| .+ \\| ${ip.replaceAll('.', '\\.')} \\|$`, 'm'),
    );
    expect(run.npx).toBeUndefined();
  });

  it('fails the step for a failed operation: an ::error annotation with its errorCode, outputs and a summary row', async () => {
    const sim = await simulator();
    const op = sim.createOperation({
      resourceName: 'disk-1',
      operationType: 'CreateDisk',
      finalStatus: 'Failed',
      errorCode: 'NoAvailableCapacity',
      errorDetails: 'none left, 100%',
    });
    const run = await runAction({ 'operation-ids': op.id, 'endpoint-url': sim.endpoint, command: 'lightsail-wait', args: FAST });
    expect(run.code).toBe(1);
    const line = `operation ${op.id} (CreateDisk of disk-1) failed: NoAvailableCapacity: none left, 100%`;
    expect(runnerView(run.stderr).lines).toEqual([
      `lightsail-wait: ${line}`,
      `::error title=CreateDisk of disk-1%3A NoAvailableCapacity::${line.replace('%', '%25')}`,
      '',
    ]);
    expect(run.outputs).toMatchObject({ outcome: 'failed', 'exit-code': '1', 'public-ip': '', 'public-ips': '' });
    expect(JSON.parse(run.outputs.results as string)).toEqual([
      expect.objectContaining({ id: op.id, outcome: 'failed', errorCode: 'NoAvailableCapacity', errorDetails: 'none left, 100%' }),
    ]);
    expect(run.summary).toContain(`| ❌ | CreateDisk of disk-1 (${op.id}) | failed | Failed |`);
    expect(run.summary).toContain('Exit code 1 (failed).');
  });

  it("runs this action's own version with npx by default, reading input-file as stdin", async () => {
    const sim = await simulator();
    const op = sim.createOperation({ resourceName: 'web-1', durationMs: 100_000 });
    const dir = await mkdtemp(join(tmpdir(), 'lightsail-wait-input-'));
    await writeFile(join(dir, 'ops.json'), JSON.stringify({ operations: [sim.operation(op.id)] }));
    const run = await runAction({ 'input-file': join(dir, 'ops.json'), 'endpoint-url': sim.endpoint, timeout: '1m', args: FAST });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.npx).toEqual([
      '--yes',
      '--package',
      `lightsail-waiter@${PACKAGE.version}`,
      '--',
      'lightsail-wait',
      '--endpoint-url',
      sim.endpoint,
      '--timeout',
      '1m',
      ...FAST.split(' '),
      '-',
    ]);
    expect(run.outputs).toMatchObject({ outcome: 'succeeded', 'exit-code': '0' });
  });

  it('reports a usage error as an annotation and the usage outcome', async () => {
    const run = await runAction({ waiter: 'instance-running', command: 'lightsail-wait', timeout: 'soon' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('::error title=lightsail-wait%3A bad usage::invalid --timeout ');
    expect(run.outputs).toMatchObject({ outcome: 'usage', 'exit-code': '2' });
  });
});
