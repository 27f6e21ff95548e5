/**
 * `--json` against its documented schema, schema/lightsail-wait.v1.schema.json (the file users
 * validate with, through Ajv as they would): every line of real runs, in-process against the
 * simulator through the SDK and against scripted answers (retries, container deployments), must
 * validate, and the last line must be the one `summary`, whose `exitCode` is the command's.
 */
import { readFileSync } from 'node:fs';
import { CreateInstancesCommand, LightsailClient } from '@aws-sdk/client-lightsail';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { type Simulator, startSimulator } from '../../src/simulator/index.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { op, scriptedClient, sdkError } from '../helpers/stub-client.js';
import { testIO } from './helpers.js';
import { containerLogs, containerService, deployment, disk, resourceClient } from './resource-stub.js';

const SCHEMA = JSON.parse(readFileSync(new URL('../../schema/lightsail-wait.v1.schema.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addFormat('date-time', { type: 'string', validate: (text: string) => !Number.isNaN(Date.parse(text)) });
const validate = ajv.compile(SCHEMA);

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const simulators: Simulator[] = [];
afterAll(async () => {
  await Promise.all(simulators.splice(0).map((sim) => sim.close()));
});

interface Run {
  readonly code: number;
  readonly stdout: string;
}

/**
 * Runs the CLI in-process against a fresh simulator (a 20 s create takes 20 ms), through the SDK;
 * `prepare` makes what the run waits on and returns the arguments. `abort` is aborted (SIGINT) at
 * the first line written.
 */
async function onSimulator(
  prepare: (sim: Simulator) => string[] | Promise<string[]>,
  stdin?: string,
  abort?: AbortController,
): Promise<Run> {
  const sim = await startSimulator({ timeScale: 1000 });
  simulators.push(sim);
  const argv = await prepare(sim);
  const t = testIO({ ...(stdin === undefined ? {} : { stdin }), ...(abort === undefined ? {} : { signal: abort.signal }) });
  if (abort !== undefined) t.stdout.onWrite = () => abort.abort('SIGINT');
  const io = { ...t.io, createClient: (config: object) => new LightsailClient({ ...config, credentials, maxAttempts: 1 }) };
  const flags = ['--endpoint-url', sim.endpoint, '--region', 'us-east-1', '--min-delay', '50ms', '--max-delay', '100ms', '--json'];
  const code = await run([...flags, ...argv], io);
  return { code, stdout: t.stdout.text };
}

/** Runs `--json` in virtual time against a scripted client. */
async function scripted(argv: string[], client: (now: () => number) => object): Promise<Run> {
  const clock = new FakeClock();
  const t = testIO({ client: client(clock.now) as never, clock });
  const { value, error } = await clock.run(run(['--max-delay', '1s', '--json', ...argv], t.io));
  if (error !== undefined) throw error;
  return { code: value as number, stdout: t.stdout.text };
}

async function createInstances(sim: Simulator, ...instanceNames: string[]): Promise<string[]> {
  const client = new LightsailClient({ endpoint: sim.endpoint, region: 'us-east-1', credentials });
  await client.send(
    new CreateInstancesCommand({ instanceNames, availabilityZone: 'us-east-1a', blueprintId: 'ubuntu_22_04', bundleId: 'nano_3_0' }),
  );
  client.destroy();
  return ['instance-running', ...instanceNames];
}

const failedDeployment = {
  'GetContainerServices api': [
    containerService('api', 'DEPLOYING', {
      code: 'EVALUATING_HEALTH_CHECK',
      next: deployment(3, 'ACTIVATING'),
      current: deployment(2, 'ACTIVE'),
    }),
    containerService('api', 'RUNNING', { current: deployment(2, 'ACTIVE'), next: deployment(3, 'FAILED', ['web', 'worker']) }),
  ],
  'GetContainerLog api': [containerLogs({ web: ['Error: Cannot find module /app/server.js'], worker: sdkError('AccessDeniedException') })],
};

type Scenario = readonly [name: string, run: () => Promise<Run>, outcome: string, exitCode: number];

/** Each scenario with its test's title first. */
const titled = (scenarios: readonly Scenario[]) =>
  scenarios.map(
    ([name, scenario, outcome, exitCode]) =>
      [`${name}: every line validates, the last is the summary (${outcome}, exit ${exitCode})`, scenario, outcome, exitCode] as const,
  );

const SCENARIOS: readonly Scenario[] = [
  [
    'operations that succeed',
    () => onSimulator((sim) => [sim.createOperation({ resourceName: 'web-1', durationMs: 300_000 }).id, sim.createOperation().id]),
    'succeeded',
    0,
  ],
  [
    'an operation that fails',
    () => onSimulator((sim) => [sim.createOperation({ finalStatus: 'Failed', errorCode: 'NoAvailableCapacity', errorDetails: 'none' }).id]),
    'failed',
    1,
  ],
  ['a timeout', () => onSimulator((sim) => ['--timeout', '300ms', sim.createOperation({ durationMs: Infinity }).id]), 'timeout', 3],
  [
    'an AWS error',
    () =>
      onSimulator((sim) => {
        sim.injectFault({ kind: 'AccessDeniedException', action: 'GetOperation', times: Infinity });
        return [sim.createOperation().id];
      }),
    'error',
    4,
  ],
  [
    '--resource with nothing pending',
    () => onSimulator((sim) => ['--resource', sim.createOperation({ resourceName: 'ip-1', status: 'Succeeded' }).resourceName as string]),
    'succeeded',
    0,
  ],
  ['--resource that does not exist (the listing fails)', () => onSimulator(() => ['--resource', 'nope-1']), 'error', 4],
  ['unreadable stdin', () => onSimulator(() => ['-'], '{"operations": ['), 'usage', 2],
  [
    'an interruption (SIGINT)',
    () => onSimulator((sim) => [sim.createOperation({ durationMs: Infinity }).id], undefined, new AbortController()),
    'aborted',
    130,
  ],
  ['instance-running on two instances', () => onSimulator((sim) => createInstances(sim, 'web-1', 'web-2')), 'succeeded', 0],
  [
    'retried requests',
    () => scripted(['a'], (now) => scriptedClient({ a: [sdkError('ThrottlingException'), op('Succeeded')] }, now)),
    'succeeded',
    0,
  ],
  [
    'a waiter with retries, a timeout and an AWS error',
    () =>
      scripted(['--timeout', '5s', 'disk-available', 'a-1', 'b-1'], (now) =>
        resourceClient(
          { 'GetDisk a-1': [sdkError('ThrottlingException'), disk('creating')], 'GetDisk b-1': [sdkError('AccessDeniedException')] },
          now,
        ),
      ),
    'error',
    4,
  ],
  [
    'a failed container deployment',
    () => scripted(['container-deployment', 'api'], (now) => resourceClient(failedDeployment, now)),
    'failed',
    1,
  ],
];

describe.concurrent('--json against schema/lightsail-wait.v1.schema.json', () => {
  it.each(titled(SCENARIOS))('%s', async (_title, scenario, outcome, exitCode) => {
    const { code, stdout } = await scenario();
    expect(code).toBe(exitCode);
    const lines = stdout.split('\n');
    expect(lines.pop()).toBe('');
    for (const line of lines) {
      const valid = validate(JSON.parse(line));
      expect({ line, errors: valid ? null : validate.errors }).toEqual({ line, errors: null });
    }
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.filter((record) => record.type === 'summary')).toHaveLength(1);
    const summary = records.at(-1) as { type: string; outcome: string; exitCode: number; total: number; results: unknown[] };
    expect(summary).toMatchObject({ type: 'summary', outcome, exitCode });
    expect(summary.results).toHaveLength(summary.total);
    expect(summary.total).toBe(records.filter((record) => record.type === 'result').length);
  });
});

describe('the schema', () => {
  const line = {
    v: 1,
    type: 'retry',
    time: '2025-01-31T09:15:02.481Z',
    operationId: 'a',
    attempt: 1,
    delayMs: 0,
    errorName: 'E',
    message: 'm',
  };

  it('accepts a documented line', () => {
    expect(validate(line)).toBe(true);
  });

  it.each([
    ['an undocumented field', { ...line, extra: 1 }],
    ['another version', { ...line, v: 2 }],
    ['an unknown type', { ...line, type: 'progress' }],
    ['a time that is not UTC with milliseconds', { ...line, time: '2025-01-31T10:15:02+01:00' }],
    ['a missing field', { ...line, attempt: undefined }],
  ])('rejects %s', (_name, value) => {
    expect(validate(JSON.parse(JSON.stringify(value)))).toBe(false);
  });
});
