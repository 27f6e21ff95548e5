/**
 * End to end: spawns the built `dist/cli.js` (built by `npm test` before the tests run) against a
 * simulator in this process, as a user or a CI job would run it.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.js';
import { assertBuilt, closeSimulators, lines, simulator, spawnCli } from './e2e-helpers.js';
import { progressRecords } from './json-lines.js';

const PACKAGE = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const getOperations = (sim: Simulator) => sim.requests.filter((r) => r.action === 'GetOperation');

beforeAll(assertBuilt);
afterAll(closeSimulators);

describe.concurrent('lightsail-wait (spawned)', () => {
  it('exits 0 once every operation has succeeded', async ({ expect }) => {
    const { sim, advance } = await simulator();
    const a = sim.createOperation({ resourceName: 'web-1', status: 'Started', durationMs: 60_000 });
    const b = sim.createOperation({ resourceName: 'web-2', status: 'Started', durationMs: 60_000 });
    const cli = spawnCli(['--endpoint-url', sim.endpoint, a.id, b.id]);
    await cli.lines(2);
    advance(60_000);
    const { code, stdout, stderr } = await cli.exit;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(lines(stdout)).toEqual([
      `[0s] operation ${a.id} (CreateInstance of web-1): Started`,
      `[0s] operation ${b.id} (CreateInstance of web-2): Started`,
      `[1s] operation ${a.id} (CreateInstance of web-1): Succeeded`,
      `[1s] operation ${b.id} (CreateInstance of web-2): Succeeded`,
      expect.stringMatching(/^2 operations: 2 succeeded \(1\.\ds\)$/),
    ]);
  });

  it('reads the AWS CLI JSON piped to stdin, reporting finished operations without a request', async ({ expect }) => {
    const { sim, advance } = await simulator();
    const running = sim.createOperation({ resourceName: 'web-1', status: 'Started', durationMs: 60_000 });
    const done = sim.createOperation({ resourceName: 'ip-1', operationType: 'AllocateStaticIp', status: 'Succeeded' });
    const cli = spawnCli(['--endpoint-url', sim.endpoint], JSON.stringify({ operations: [running, done] }, null, 4));
    await cli.lines(2);
    advance(60_000);
    const { code, stdout } = await cli.exit;
    expect(code).toBe(0);
    expect(stdout).toContain(`operation ${done.id} (AllocateStaticIp of ip-1): Succeeded`);
    expect(stdout).toContain(`operation ${running.id} (CreateInstance of web-1): Succeeded`);
    expect(new Set(getOperations(sim).map((r) => r.operationId))).toEqual(new Set([running.id]));
  });

  it('prints JSON Lines with --json, ending with the summary, reading stdin given as -', async ({ expect }) => {
    const started = Date.now();
    const { sim, advance } = await simulator();
    const op = sim.createOperation({ resourceName: 'web-1', status: 'Started', durationMs: 60_000 });
    const cli = spawnCli(['--json', '--endpoint-url', sim.endpoint, '-'], `${op.id}\n`);
    await cli.lines(1);
    advance(60_000);
    const { code, stdout } = await cli.exit;
    expect(code).toBe(0);
    // `time` is the wall clock's, in UTC.
    for (const line of lines(stdout)) {
      const time = Date.parse((JSON.parse(line) as { time: string }).time);
      expect(time).toBeGreaterThanOrEqual(started - 1_000);
      expect(time).toBeLessThanOrEqual(Date.now() + 1_000);
    }
    const events = progressRecords(stdout);
    expect(events).toEqual([
      {
        type: 'status',
        operationId: op.id,
        resourceName: 'web-1',
        operationType: 'CreateInstance',
        previous: null,
        status: 'Started',
        elapsedMs: expect.any(Number),
      },
      {
        type: 'status',
        operationId: op.id,
        resourceName: 'web-1',
        operationType: 'CreateInstance',
        previous: 'Started',
        status: 'Succeeded',
        elapsedMs: expect.any(Number),
      },
      {
        type: 'result',
        operationId: op.id,
        outcome: 'succeeded',
        status: 'Succeeded',
        resourceName: 'web-1',
        operationType: 'CreateInstance',
        elapsedMs: expect.any(Number),
      },
    ]);
  });

  it('exits 1 when an operation fails, with its id, errorCode and errorDetails on stderr', async ({ expect }) => {
    const { sim } = await simulator();
    const op = sim.createOperation({
      resourceName: 'web-1',
      status: 'Started',
      finalStatus: 'Failed',
      errorCode: 'NoAvailableCapacity',
      errorDetails: 'Try another zone',
      durationMs: 0,
    });
    const { code, stderr } = await spawnCli(['--endpoint-url', sim.endpoint, op.id]).exit;
    expect(code).toBe(1);
    expect(stderr).toBe(`lightsail-wait: operation ${op.id} (CreateInstance of web-1) failed: NoAvailableCapacity: Try another zone\n`);
  });

  it.for([
    ['malformed JSON', [], '{"operations": [', /^lightsail-wait: stdin is not valid JSON: .+\n$/],
    ['JSON with no operation', [], '{"instances": []}', /^lightsail-wait: stdin JSON has no `operations` or `operation`.*\n$/],
    ['an unknown flag', ['--wait-harder', 'op-1'], '', /^lightsail-wait: unknown option '--wait-harder'\n$/],
    ['a bad duration', ['--timeout', '5y', 'op-1'], '', /^lightsail-wait: invalid --timeout '5y': .+\n$/],
    ['a bad --max-rps', ['--max-rps', 'none', 'op-1'], '', /^lightsail-wait: invalid --max-rps 'none': .+\n$/],
  ] as const)('exits 2 on %s with one line, before any request', async ([, args, stdin, message], { expect }) => {
    const { sim } = await simulator();
    const { code, stdout, stderr } = await spawnCli(['--endpoint-url', sim.endpoint, ...args], stdin).exit;
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
    expect(sim.requests).toEqual([]);
  });

  it('exits 3 when --timeout runs out', async ({ expect }) => {
    const { sim } = await simulator();
    const op = sim.createOperation({ resourceName: 'web-1', status: 'Started', durationMs: Infinity });
    const { code, stderr } = await spawnCli(['--timeout', '1s', '--endpoint-url', sim.endpoint, op.id]).exit;
    expect(code).toBe(3);
    expect(stderr).toBe(`lightsail-wait: operation ${op.id} (CreateInstance of web-1) timed out after 1s; last status Started\n`);
  });

  it('exits 4 at once on an AWS error that waiting will not fix', async ({ expect }) => {
    const { sim } = await simulator();
    const op = sim.createOperation();
    sim.injectFault({ kind: 'AccessDeniedException', action: 'GetOperation', times: Infinity });
    const { code, stderr } = await spawnCli(['--endpoint-url', sim.endpoint, op.id]).exit;
    expect(code).toBe(4);
    expect(stderr).toContain(`lightsail-wait: operation ${op.id}: GetOperation failed with AccessDeniedException`);
    expect(getOperations(sim)).toHaveLength(1);
  });

  it.for([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    'on %s, stops without another request, says where each operation stood and exits %i within a second',
    async ([signal, expected], { expect }) => {
      const { sim } = await simulator();
      const op = sim.createOperation({ resourceName: 'web-1', status: 'Started', durationMs: Infinity });
      const spawned = spawnCli(['--endpoint-url', sim.endpoint, op.id]);
      await spawned.lines(1);
      const requests = getOperations(sim).length;
      const killedAt = performance.now();
      spawned.child.kill(signal);
      const { code, stderr } = await spawned.exit;
      expect(performance.now() - killedAt).toBeLessThan(1000);
      expect(code).toBe(expected);
      expect(getOperations(sim)).toHaveLength(requests);
      expect(stderr).toBe(
        `lightsail-wait: interrupted after 0s; where each operation stood:\n  operation ${op.id} (CreateInstance of web-1): Started, still running\n`,
      );
    },
  );

  it('waits on a resource named with --resource until nothing is pending on it', async ({ expect }) => {
    const { sim, advance } = await simulator();
    const op = sim.createOperation({ resourceName: 'web-9', status: 'Started', durationMs: 60_000 });
    const cli = spawnCli(['--endpoint-url', sim.endpoint, '--resource', 'web-9']);
    await cli.lines(1);
    advance(60_000);
    const { code, stdout, stderr } = await cli.exit;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(lines(stdout)[0]).toBe(`[0s] operation ${op.id} (CreateInstance of web-9): Started`);
    expect(sim.requests.filter((r) => r.action === 'GetOperationsForResource')).toHaveLength(2);
  });

  it('exits 4 for a --resource that does not exist', async ({ expect }) => {
    const { sim } = await simulator();
    const { code, stderr } = await spawnCli(['--endpoint-url', sim.endpoint, '--resource', 'ghost-1']).exit;
    expect(code).toBe(4);
    expect(stderr).toMatch(/Lightsail resource ghost-1 does not exist/);
  });

  it('prints the version of the package it is installed in', async ({ expect }) => {
    const { code, stdout } = await spawnCli(['--version']).exit;
    expect(code).toBe(0);
    expect(stdout).toBe(`${PACKAGE.version}\n`);
  });
});
