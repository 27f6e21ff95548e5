/**
 * `run()` in-process against the simulator, through the real LightsailClient: the flags reach the
 * SDK, and the SDK's answers reach the exit code and the output.
 */
import { LightsailClient } from '@aws-sdk/client-lightsail';
import { afterAll, describe, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { type Simulator, startSimulator } from '../../src/simulator/index.js';
import { type TestIOOptions, testIO } from './helpers.js';

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const simulators: Simulator[] = [];

// afterAll, not afterEach: the tests run concurrently, and each needs its simulator until it ends.
afterAll(async () => {
  await Promise.all(simulators.splice(0).map((sim) => sim.close()));
});

/** A simulator where a 20 s instance create takes 20 ms. */
async function simulator(): Promise<Simulator> {
  const sim = await startSimulator({ timeScale: 1000 });
  simulators.push(sim);
  return sim;
}

/** Runs the CLI against the simulator with a real client; credentials are the only thing the test adds. */
async function runAgainst(sim: Simulator, argv: string[], options: Omit<TestIOOptions, 'client'> = {}) {
  const t = testIO(options);
  const io = { ...t.io, createClient: (config: object) => new LightsailClient({ ...config, credentials, maxAttempts: 1 }) };
  const code = await run(['--endpoint-url', sim.endpoint, '--region', 'us-east-1', '--max-delay', '1s', ...argv], io);
  return { ...t, code };
}

const getOperations = (sim: Simulator) => sim.requests.filter((r) => r.action === 'GetOperation');

describe.concurrent('run against the simulator', () => {
  it('waits until every operation has succeeded and exits 0', async ({ expect }) => {
    const sim = await simulator();
    // Still running at the first poll (300 ms), done by the second (1 s later).
    const a = sim.createOperation({ resourceName: 'web-1', status: 'Started', durationMs: 300_000 });
    const b = sim.createOperation({ resourceName: 'disk-1', operationType: 'CreateDisk', status: 'Started', durationMs: 300_000 });
    const { code, stdout, stderr } = await runAgainst(sim, [a.id, b.id]);
    expect(code).toBe(0);
    expect(stderr.text).toBe('');
    expect(stdout.lines.filter((line) => line.endsWith(': Started'))).toHaveLength(2);
    expect(stdout.lines.filter((line) => line.endsWith(': Succeeded'))).toEqual([
      expect.stringContaining(`operation ${a.id} (CreateInstance of web-1)`),
      expect.stringContaining(`operation ${b.id} (CreateDisk of disk-1)`),
    ]);
    expect(stdout.lines.at(-1)).toMatch(/^2 operations: 2 succeeded \(/);
  });

  it('reads six operations together with GetOperations, with fewer requests than looks', async ({ expect }) => {
    const sim = await simulator();
    const ops = Array.from({ length: 6 }, (_, i) =>
      sim.createOperation({ resourceName: `web-${i}`, status: 'Started', durationMs: 300_000 }),
    );
    const { code, stdout } = await runAgainst(
      sim,
      ops.map((op) => op.id),
    );
    expect(code).toBe(0);
    // Each was seen Started, then Succeeded: at least twelve looks.
    expect(stdout.lines.filter((line) => line.endsWith(': Succeeded'))).toHaveLength(6);
    expect(new Set(sim.requests.map((r) => r.action))).toContain('GetOperations');
    expect(sim.requests.length).toBeLessThan(12);
    expect(stdout.lines.at(-1)).toMatch(/^6 operations: 6 succeeded \(/);
  });

  it('reads the AWS CLI JSON on stdin, epoch seconds or ISO timestamps, and polls only unfinished operations', async ({ expect }) => {
    const sim = await simulator();
    const running = sim.createOperation({ resourceName: 'web-1', status: 'Started' });
    const done = sim.createOperation({ resourceName: 'ip-1', operationType: 'AllocateStaticIp', status: 'Succeeded' });
    const iso = {
      ...done,
      createdAt: new Date(done.createdAt * 1000).toISOString(),
      statusChangedAt: new Date(done.statusChangedAt * 1000).toISOString(),
    };
    const stdin = JSON.stringify({ operations: [running, iso] }, null, 4);
    const { code } = await runAgainst(sim, ['--quiet'], { stdin });
    expect(code).toBe(0);
    expect(new Set(getOperations(sim).map((r) => r.operationId))).toEqual(new Set([running.id]));
  });

  it('exits 1 and prints errorCode and errorDetails when Lightsail fails the operation', async ({ expect }) => {
    const sim = await simulator();
    const op = sim.createOperation({
      resourceName: 'web-1',
      finalStatus: 'Failed',
      errorCode: 'NoAvailableCapacity',
      errorDetails: 'Try another zone',
    });
    const { code, stdout, stderr } = await runAgainst(sim, ['--json', op.id]);
    expect(code).toBe(1);
    expect(stderr.lines).toEqual([
      `lightsail-wait: operation ${op.id} (CreateInstance of web-1) failed: NoAvailableCapacity: Try another zone`,
    ]);
    const result = stdout.lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((e) => e.type === 'result');
    expect(result).toMatchObject({
      operationId: op.id,
      outcome: 'failed',
      errorCode: 'NoAvailableCapacity',
      errorDetails: 'Try another zone',
    });
  });

  it('exits 4 at once when access is denied', async ({ expect }) => {
    const sim = await simulator();
    const op = sim.createOperation();
    sim.injectFault({ kind: 'AccessDeniedException', action: 'GetOperation', times: Infinity });
    const { code, stderr } = await runAgainst(sim, [op.id]);
    expect(code).toBe(4);
    expect(getOperations(sim)).toHaveLength(1);
    // The simulator's own wording of the fault may change; the line's shape is the CLI's.
    expect(stderr.lines).toEqual([
      expect.stringMatching(
        new RegExp(`^lightsail-wait: operation ${op.id}: GetOperation failed with AccessDeniedException: .+\\(injected fault\\)\\.?$`),
      ),
    ]);
  });

  it('stops at an abort, with no request after it, and exits 130', async ({ expect }) => {
    const sim = await simulator();
    const op = sim.createOperation({ status: 'Started', durationMs: Infinity });
    const controller = new AbortController();
    const t = testIO({ signal: controller.signal });
    let requestsAtAbort = -1;
    t.stdout.onWrite = () => {
      requestsAtAbort = getOperations(sim).length;
      controller.abort('SIGINT');
    };
    const io = { ...t.io, createClient: (config: object) => new LightsailClient({ ...config, credentials }) };
    const code = await run(['--endpoint-url', sim.endpoint, '--region', 'us-east-1', op.id], io);
    expect(code).toBe(130);
    expect(getOperations(sim)).toHaveLength(requestsAtAbort);
    expect(t.stderr.lines).toEqual([
      'lightsail-wait: interrupted after 0s; where each operation stood:',
      `  operation ${op.id} (CreateInstance of simulated-resource): Started, still running`,
    ]);
  });
});

describe.concurrent('run --resource against the simulator', () => {
  const listings = (sim: Simulator) => sim.requests.filter((r) => r.action === 'GetOperationsForResource');

  it('waits until nothing is pending on the resource, then lists it again, and exits 0', async ({ expect }) => {
    const sim = await simulator();
    sim.createOperation({ resourceName: 'web-1', status: 'Started', durationMs: 300_000 });
    const { code, stdout, stderr } = await runAgainst(sim, ['--resource', 'web-1']);
    expect(code).toBe(0);
    expect(stderr.text).toBe('');
    expect(stdout.lines.some((line) => line.endsWith(': Succeeded'))).toBe(true);
    expect(listings(sim).map((r) => r.resourceName)).toEqual(['web-1', 'web-1']);
  });

  it('exits 0 after one listing when the resource is idle', async ({ expect }) => {
    const sim = await simulator();
    sim.createOperation({ resourceName: 'ip-1', operationType: 'AllocateStaticIp', status: 'Succeeded' });
    const { code, stdout } = await runAgainst(sim, ['--resource', 'ip-1']);
    expect(code).toBe(0);
    expect(stdout.text).toBe('nothing pending on ip-1\n');
    expect(listings(sim)).toHaveLength(1);
    expect(getOperations(sim)).toHaveLength(0);
  });

  it('exits 4 with a clear message for an unknown resource, before any GetOperation', async ({ expect }) => {
    const sim = await simulator();
    const { code, stderr } = await runAgainst(sim, ['--resource', 'nope-1']);
    expect(code).toBe(4);
    expect(stderr.text).toMatch(/^lightsail-wait: Lightsail resource nope-1 does not exist/);
    expect(getOperations(sim)).toHaveLength(0);
  });

  it('exits 1 when an operation on the resource fails, with its errorCode on stderr', async ({ expect }) => {
    const sim = await simulator();
    sim.createOperation({
      resourceName: 'web-2',
      status: 'Started',
      durationMs: 300_000,
      finalStatus: 'Failed',
      errorCode: 'NoAvailableCapacity',
      errorDetails: 'none left',
    });
    const { code, stderr } = await runAgainst(sim, ['--resource', 'web-2']);
    expect(code).toBe(1);
    expect(stderr.text).toContain('NoAvailableCapacity');
    expect(stderr.text).toContain('none left');
  });

  it('waits on ids and resources together', async ({ expect }) => {
    const sim = await simulator();
    const other = sim.createOperation({ resourceName: 'disk-1', operationType: 'CreateDisk', status: 'Started', durationMs: 300_000 });
    sim.createOperation({ resourceName: 'web-3', status: 'Started', durationMs: 300_000 });
    const { code, stdout } = await runAgainst(sim, [other.id, '--resource', 'web-3', '--quiet']);
    expect(code).toBe(0);
    expect(stdout.text).toBe('');
    expect(new Set(getOperations(sim).map((r) => r.operationId)).size).toBe(2);
  });
});
