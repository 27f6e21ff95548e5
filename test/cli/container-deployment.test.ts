/**
 * `lightsail-wait container-deployment` in-process, against scripted `GetContainerServices` and
 * `GetContainerLog` answers, in virtual time.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/cli/command.js';
import { mergeDeployments, parseDeploymentInput } from '../../src/cli/deployment-input.js';
import { run } from '../../src/cli/run.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { sdkError } from '../helpers/stub-client.js';
import { type TestIOOptions, testIO } from './helpers.js';
import { progressRecords } from './json-lines.js';
import { containerLogs, containerService, deployment, type ResourceReply, resourceClient } from './resource-stub.js';

/** Runs the CLI in virtual time against scripted answers, polling every second (`--max-delay 1s`). */
async function runScripted(argv: string[], scripts: Record<string, ResourceReply[]>, options: TestIOOptions = {}) {
  const clock = new FakeClock();
  const client = resourceClient(scripts, clock.now);
  const t = testIO({ client: client as never, clock, ...options });
  const { value, error } = await clock.run(run(['--max-delay', '1s', ...argv], t.io));
  if (error !== undefined) throw error;
  return { ...t, code: value as number, client, clock };
}

const v2 = deployment(2, 'ACTIVE');
const deploying = (code: string) => containerService('api', 'DEPLOYING', { code, next: deployment(3, 'ACTIVATING'), current: v2 });
const active = containerService('api', 'RUNNING', { current: deployment(3, 'ACTIVE') });
const failed = containerService('api', 'RUNNING', {
  current: v2,
  next: deployment(3, 'FAILED', ['web', 'worker']),
});
const rollout = [deploying('CREATING_DEPLOYMENT'), deploying('EVALUATING_HEALTH_CHECK'), active];

/** What `aws lightsail create-container-service-deployment --output json` prints. */
const deployJson = (version: number, serviceName = 'api') =>
  JSON.stringify(
    {
      containerService: {
        containerServiceName: serviceName,
        arn: `arn:aws:lightsail:us-east-1:123456789012:ContainerService/${serviceName}`,
        createdAt: '2024-05-01T10:00:00+00:00',
        state: 'DEPLOYING',
        nextDeployment: { version, state: 'ACTIVATING', containers: { web: { image: 'nginx:latest' } } },
      },
    },
    null,
    4,
  );

describe('container-deployment: waiting', () => {
  it('exits 0 once the deployment is ACTIVE and the service RUNNING, showing the deployment state and the service detail', async () => {
    const { code, stdout, stderr } = await runScripted(['container-deployment', 'api'], { 'GetContainerServices api': rollout });
    expect(stderr.text).toBe('');
    expect(code).toBe(0);
    expect(stdout.lines).toEqual([
      '[0s] container service api deployment 3: ACTIVATING (DEPLOYING: CREATING_DEPLOYMENT)',
      '[1s] container service api deployment 3: ACTIVATING (DEPLOYING: EVALUATING_HEALTH_CHECK)',
      '[2s] container service api deployment 3: ACTIVATING → ACTIVE (RUNNING)',
      '1 resource: 1 succeeded (2s)',
    ]);
  });

  it('keeps the long name working: container-service-deployment-active', async () => {
    const { code } = await runScripted(['container-service-deployment-active', 'api'], { 'GetContainerServices api': rollout });
    expect(code).toBe(0);
  });

  it.each([
    [['container-deployment', 'api', '--version', '2']],
    [['container-deployment', '--version', '2', 'api']],
    [['container-deployment', 'api', '--version=2']],
  ])('waits on the version --version names: %j fails as superseded by 3', async (argv) => {
    const { code, stderr } = await runScripted(argv, { 'GetContainerServices api': rollout });
    expect(code).toBe(1);
    expect(stderr.lines[0]).toBe(
      'lightsail-wait: container service api deployment 2 (container-service-deployment-active) failed in state ACTIVE: deployment 2 was superseded by deployment 3',
    );
  });

  it('exits 3 when --timeout runs out, with the last state', async () => {
    const { code, stderr } = await runScripted(['--timeout', '10s', 'container-deployment', 'api'], {
      'GetContainerServices api': [deploying('EVALUATING_HEALTH_CHECK')],
    });
    expect(code).toBe(3);
    expect(stderr.lines).toEqual([
      'lightsail-wait: container service api deployment 3 (container-service-deployment-active) timed out after 10s; last state ACTIVATING',
    ]);
  });

  it('waits on several services in parallel, each on its next deployment', async () => {
    const other = containerService('jobs', 'RUNNING', { current: deployment(7, 'ACTIVE') });
    const { code, stdout } = await runScripted(['container-deployment', 'api', 'jobs'], {
      'GetContainerServices api': rollout,
      'GetContainerServices jobs': [other],
    });
    expect(code).toBe(0);
    expect(stdout.lines).toContain('[0s] container service jobs deployment 7: ACTIVE (RUNNING)');
  });
});

describe('container-deployment: a failed deployment', () => {
  const scripts = {
    'GetContainerServices api': [deploying('EVALUATING_HEALTH_CHECK'), failed],
    'GetContainerLog api': [
      containerLogs({
        web: ['[deployment:3] Starting the container', 'Error: Cannot find module /app/server.js'],
        worker: sdkError('AccessDeniedException'),
      }),
    ],
  };

  it('exits 1 and prints the reason and each container log tail on stderr', async () => {
    const { code, stderr } = await runScripted(['container-deployment', 'api'], scripts);
    expect(code).toBe(1);
    expect(stderr.lines).toEqual([
      'lightsail-wait: container service api deployment 3 (container-service-deployment-active) failed in state FAILED: deployment 3 FAILED',
      '  service api: RUNNING',
      '  container web, log (2 lines):',
      '    [deployment:3] Starting the container',
      '    Error: Cannot find module /app/server.js',
      '  container worker: its log could not be read: AccessDeniedException: AccessDeniedException from the stub',
      '  more: aws lightsail get-container-log --service-name api --container-name web',
    ]);
  });

  it('puts reason, version, deploymentState, serviceState, stateDetail and logs in the --json result', async () => {
    const { code, stdout } = await runScripted(['--json', 'container-deployment', 'api'], scripts);
    expect(code).toBe(1);
    const events = progressRecords(stdout.text);
    expect(events[0]).toMatchObject({ type: 'status', state: 'ACTIVATING', detail: 'DEPLOYING: EVALUATING_HEALTH_CHECK', version: 3 });
    expect(events.at(-1)).toEqual({
      type: 'result',
      waiter: 'container-service-deployment-active',
      target: 'api',
      outcome: 'failed',
      state: 'FAILED',
      detail: expect.any(String),
      // FAILED seen at 1 s; then the two containers' log requests take their turns at the pace (10 a second).
      elapsedMs: 1200,
      message: expect.stringMatching(/^Container service api deployment 3 will not become active: deployment 3 FAILED\./),
      reason: 'deployment 3 FAILED',
      version: 3,
      deploymentState: 'FAILED',
      serviceState: 'RUNNING',
      stateDetail: null,
      logs: [
        {
          containerName: 'web',
          lines: ['[deployment:3] Starting the container', 'Error: Cannot find module /app/server.js'],
          error: null,
        },
        { containerName: 'worker', lines: [], error: 'AccessDeniedException: AccessDeniedException from the stub' },
      ],
    });
  });

  it('reports the version and states of a deployment that succeeded in its --json result', async () => {
    const { stdout } = await runScripted(['--json', 'container-deployment', 'api'], { 'GetContainerServices api': rollout });
    expect(progressRecords(stdout.text).at(-1)).toMatchObject({
      type: 'result',
      outcome: 'succeeded',
      version: 3,
      deploymentState: 'ACTIVE',
      serviceState: 'RUNNING',
      stateDetail: null,
    });
  });

  it('bounds the log tail: the last 20 lines, each cut at 300 characters, control characters escaped', async () => {
    const lines = Array.from({ length: 50 }, (_, i) => `line ${i + 1} ${'x'.repeat(i === 49 ? 1000 : 0)}`.trimEnd());
    lines[48] = 'evil \u001b[2J\u001b]0;owned\u0007 \u009b31m \u202eevil';
    const { stderr } = await runScripted(['container-deployment', 'api'], {
      'GetContainerServices api': [containerService('api', 'RUNNING', { current: v2, next: deployment(3, 'FAILED') })],
      'GetContainerLog api': [containerLogs({ web: lines })],
    });
    const logged = stderr.lines.filter((line) => line.startsWith('    '));
    expect(stderr.lines).toContain('  container web, last 20 of 50 log lines:');
    expect(logged).toHaveLength(20);
    expect(logged[0]).toBe('    line 31');
    expect(logged[18]).toBe('    evil \\x1b[2J\\x1b]0;owned\\x07 \\u009b31m \\u202eevil');
    // The library keeps 1,000 characters of a line; the report shows 300 of them.
    expect(logged[19]).toMatch(/^ {4}line 50 x+…\(\+\d+ chars\)$/);
    expect(logged[19]?.length).toBeLessThan(330);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
    expect(stderr.text).not.toMatch(/[\u001b\u009b\u202e]/);
  });

  it('fails on a service that reports UNKNOWN_ERROR, with its message', async () => {
    const { code, stderr } = await runScripted(['container-deployment', 'api'], {
      'GetContainerServices api': [
        containerService('api', 'PENDING', { code: 'UNKNOWN_ERROR', message: 'Try again later', next: deployment(1, 'ACTIVATING', []) }),
      ],
    });
    expect(code).toBe(1);
    expect(stderr.lines).toEqual([
      'lightsail-wait: container service api deployment 1 (container-service-deployment-active) failed in state ACTIVATING: the service reports UNKNOWN_ERROR: Try again later',
      '  service api: PENDING (UNKNOWN_ERROR: Try again later)',
    ]);
  });
});

describe('container-deployment: the deploy JSON on stdin', () => {
  it.each([
    ['no service', ['container-deployment']],
    ['-', ['container-deployment', '-']],
  ])('reads the output of create-container-service-deployment when given %s', async (_name, argv) => {
    const { code, stdout, client } = await runScripted(argv, { 'GetContainerServices api': rollout }, { stdin: deployJson(3) });
    expect(code).toBe(0);
    expect(stdout.lines[0]).toBe('[0s] container service api deployment 3: ACTIVATING (DEPLOYING: CREATING_DEPLOYMENT)');
    expect(client.calls.every((call) => call.name === 'api')).toBe(true);
  });

  it('waits on the version the JSON names, not the newest', async () => {
    const { code, stderr } = await runScripted(['container-deployment'], { 'GetContainerServices api': rollout }, { stdin: deployJson(2) });
    expect(code).toBe(1);
    expect(stderr.text).toContain('deployment 2 was superseded by deployment 3');
  });

  it('reads several documents, and the names given with -', async () => {
    const jobs = containerService('jobs', 'RUNNING', { current: deployment(7, 'ACTIVE') });
    const { code, client } = await runScripted(
      ['container-deployment', 'jobs', '-'],
      { 'GetContainerServices api': rollout, 'GetContainerServices jobs': [jobs] },
      { stdin: `${deployJson(3)}\n${deployJson(3)}` },
    );
    expect(code).toBe(0);
    expect(new Set(client.calls.map((call) => call.name))).toEqual(new Set(['api', 'jobs']));
  });

  it('reads service names separated by whitespace', async () => {
    const { code } = await runScripted(['container-deployment'], { 'GetContainerServices api': rollout }, { stdin: 'api\n' });
    expect(code).toBe(0);
  });

  it.each([
    ['empty stdin', '', /^lightsail-wait: stdin is empty: expected the JSON of aws lightsail create-container-service-deployment/],
    ['JSON without containerService', '{"operations": []}', /^lightsail-wait: stdin JSON has no `containerService`/],
    ['malformed JSON', '{"containerService": ', /^lightsail-wait: stdin is not valid JSON: /],
    [
      'a bad service name',
      '{"containerService": {"containerServiceName": "a b"}}',
      /^lightsail-wait: stdin JSON containerService: Expected `containerService.containerServiceName` to be a Lightsail container service name/,
    ],
  ])('exits 2 on %s, before any request', async (_name, stdin, message) => {
    const { code, stderr, client } = await runScripted(['container-deployment'], {}, { stdin });
    expect(code).toBe(2);
    expect(stderr.text).toMatch(message);
    expect(client.calls).toEqual([]);
  });

  it('exits 2 when no service is given and stdin is a terminal', async () => {
    const { code, stderr } = await runScripted(['container-deployment'], {});
    expect(code).toBe(2);
    expect(stderr.lines).toEqual([
      'lightsail-wait: container-deployment needs a service name, or the JSON of aws lightsail create-container-service-deployment on stdin (see --help)',
    ]);
  });

  it('takes the stdin of a pipe that ends in chunks', async () => {
    const text = deployJson(3);
    const stdin = Object.assign(Readable.from([text.slice(0, 10), text.slice(10)]), { isTTY: false });
    const { code } = await runScripted(['container-deployment'], { 'GetContainerServices api': rollout }, { stdin });
    expect(code).toBe(0);
  });
});

describe('container-deployment: the command line', () => {
  it.each([
    [['container-deployment', 'api', '--version'], '--version needs the deployment version: container-deployment <service> --version <n>'],
    [['container-deployment', 'api', '--version', '0'], "invalid --version '0': expected a deployment version, a whole number from 1"],
    [['container-deployment', 'api', '--version', 'latest'], "invalid --version 'latest'"],
    [['container-deployment', 'api', '--version=x'], "invalid --version 'x'"],
    [['container-deployment', 'api', 'jobs', '--version', '3'], '--version applies to one service'],
    [['container-deployment', '--version', '3'], '--version cannot be used with stdin: the deploy JSON names the version'],
    [['container-deployment', 'api', '-', '--version', '3'], '--version cannot be used with stdin'],
    [['container-deployment', 'api', '--version', '3', '--version', '4'], '--version is given twice'],
    [
      ['container-deployment', 'a.b'],
      "invalid name 'a.b': expected a Lightsail container service name (1 to 63 lower-case letters, digits and inner hyphens) such as api",
    ],
    [['container-service-ready', 'Api'], "invalid name 'Api': expected a Lightsail container service name"],
    [['container-deployment', 'api', '--port', '22'], '--port only applies to instance-port-open'],
    [['instance-running', 'web-1', '-'], 'instance-running takes names as arguments, not from stdin'],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
    expect(() => parseCommand(argv)).toThrow(message);
  });

  it('reads --version as the deployment version only after container-deployment', () => {
    expect(parseCommand(['container-deployment', 'api', '--version', '3'])).toMatchObject({
      kind: 'resources',
      config: { names: ['api'], inputs: [{ serviceName: 'api', version: 3 }], readsStdin: false },
    });
    expect(parseCommand(['--version'])).toEqual({ kind: 'version' });
  });

  it.each([[['instance-running', 'web-1', '--version']], [['instance-running', 'nope-q', '--version', '3']], [['--version', 'op-1']]])(
    'refuses %j rather than print the tool version and wait on nothing',
    (argv) => {
      expect(() => parseCommand(argv)).toThrow(UsageError);
      expect(() => parseCommand(argv)).toThrow(
        `--version takes a deployment version only after container-deployment; given with '${argv.find((w) => !w.startsWith('-'))}', nothing would be waited on (pass --version alone for lightsail-wait's version)`,
      );
    },
  );

  it('takes the names the model allows: a one-character service, a certificate named like a domain', () => {
    expect(parseCommand(['container-deployment', 'a'])).toMatchObject({ config: { names: ['a'] } });
    expect(parseCommand(['container-service-ready', 'a'])).toMatchObject({ config: { names: ['a'] } });
    expect(parseCommand(['certificate-issued', 'www.example.com'])).toMatchObject({ config: { names: ['www.example.com'] } });
  });

  it('reads stdin when no service is given, or with -', () => {
    expect(parseCommand(['container-deployment'])).toMatchObject({ config: { inputs: [], readsStdin: true } });
    expect(parseCommand(['container-deployment', 'api', '-'])).toMatchObject({ config: { names: ['api'], readsStdin: true } });
    expect(parseCommand(['container-deployment', 'api'])).toMatchObject({ config: { readsStdin: false } });
  });
});

describe('parseDeploymentInput', () => {
  it('reads create-container-service-deployment, get-container-services, arrays and several documents', () => {
    const services = JSON.stringify({
      containerServices: [
        { containerServiceName: 'api', nextDeployment: { version: 4 } },
        { containerServiceName: 'jobs', currentDeployment: { version: 2 } },
      ],
    });
    expect(parseDeploymentInput(services)).toEqual([{ serviceName: 'api', version: 4 }, { serviceName: 'jobs' }]);
    expect(parseDeploymentInput(`[${deployJson(3)}, ${deployJson(1, 'jobs')}]`)).toEqual([
      { serviceName: 'api', version: 3 },
      { serviceName: 'jobs', version: 1 },
    ]);
    expect(parseDeploymentInput(`${deployJson(3)}\n${deployJson(5)}`)).toEqual([
      { serviceName: 'api', version: 3 },
      { serviceName: 'api', version: 5 },
    ]);
    expect(parseDeploymentInput('\uFEFF api  jobs\n')).toEqual([{ serviceName: 'api' }, { serviceName: 'jobs' }]);
  });

  it('names the word of plain stdin it refuses, saying stdin once', () => {
    expect(() => parseDeploymentInput('api a%b')).toThrow(/^stdin word 2: Expected `serviceName` to be a Lightsail container service name/);
  });

  it('drops repeats of the same service and version', () => {
    expect(mergeDeployments([{ serviceName: 'api' }], [{ serviceName: 'api' }, { serviceName: 'api', version: 3 }])).toEqual([
      { serviceName: 'api' },
      { serviceName: 'api', version: 3 },
    ]);
  });
});
