import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { op, type Reply, scriptedClient, sdkError } from '../helpers/stub-client.js';
import { type TestIOOptions, testIO } from './helpers.js';

/** Runs the CLI in virtual time against scripted `GetOperation` answers. */
async function runScripted(argv: string[], scripts: Record<string, Reply[]>, options: TestIOOptions = {}) {
  const clock = new FakeClock();
  const client = scriptedClient(scripts, clock.now);
  const t = testIO({ client, clock, ...options });
  const { value, error } = await clock.run(run(argv, t.io));
  if (error !== undefined) throw error;
  return { ...t, code: value as number, client, clock };
}

const failed = op('Failed', { errorCode: 'NoAvailableCapacity', errorDetails: 'No capacity in us-east-1a' });

describe('run: exit codes', () => {
  it('exits 0 when every operation succeeds', async () => {
    const { code, stderr } = await runScripted(['a', 'b'], { a: [op('Started'), op('Succeeded')], b: [op('Succeeded')] });
    expect(code).toBe(0);
    expect(stderr.text).toBe('');
  });

  it('exits 1 when an operation fails, naming its id, errorCode and errorDetails on stderr', async () => {
    const { code, stderr } = await runScripted(['a', 'b'], { a: [op('Started'), failed], b: [op('Succeeded')] });
    expect(code).toBe(1);
    expect(stderr.lines).toEqual([
      'lightsail-wait: operation a (CreateInstance of web-1) failed: NoAvailableCapacity: No capacity in us-east-1a',
    ]);
  });

  it('says so when a failed operation has no errorCode or errorDetails', async () => {
    const { stderr } = await runScripted(['a'], { a: [op('Failed')] });
    expect(stderr.lines).toEqual(['lightsail-wait: operation a (CreateInstance of web-1) failed: (no errorCode): (no errorDetails)']);
  });

  it('exits 3 when the timeout runs out', async () => {
    const { code, stderr, clock } = await runScripted(['--timeout', '90s', 'a'], { a: [op('Started')] });
    expect(code).toBe(3);
    expect(clock.now()).toBeLessThanOrEqual(90_000);
    expect(stderr.lines).toEqual(['lightsail-wait: operation a (CreateInstance of web-1) timed out after 1m30s; last status Started']);
  });

  it('waits 30 minutes by default', async () => {
    const { code, clock } = await runScripted(['a'], { a: [op('Started')] });
    expect(code).toBe(3);
    expect(clock.now()).toBeGreaterThan(29 * 60_000);
    expect(clock.now()).toBeLessThanOrEqual(30 * 60_000);
  });

  it('exits 4 at once on access denied', async () => {
    const { code, stderr, client } = await runScripted(['a'], { a: [sdkError('AccessDeniedException')] });
    expect(code).toBe(4);
    expect(client.calls).toHaveLength(1);
    expect(stderr.lines).toEqual([
      'lightsail-wait: operation a: GetOperation failed with AccessDeniedException: AccessDeniedException from the stub',
    ]);
  });

  it('exits 4 for an operation that does not exist, once the not-found grace period is over', async () => {
    const { code, stderr, clock } = await runScripted(['nope'], {});
    expect(code).toBe(4);
    expect(clock.now()).toBeGreaterThanOrEqual(10_000);
    expect(stderr.text).toContain('GetOperation failed with NotFoundException');
  });

  it.each([
    ['an AWS error over a failure and a timeout', { a: [failed], b: [sdkError('UnauthenticatedException')], c: [op('Started')] }, 4],
    ['a failure over a timeout', { a: [op('Started')], b: [failed], c: [op('Succeeded')] }, 1],
    ['a timeout over a success', { a: [op('Started')], b: [op('Succeeded')], c: [op('Succeeded')] }, 3],
  ])('ranks %s', async (_name, scripts, expected) => {
    const { code } = await runScripted(['--timeout', '10s', 'a', 'b', 'c'], scripts);
    expect(code).toBe(expected);
  });
});

describe('run: input', () => {
  it('reads ids from stdin when none are given', async () => {
    const { code, client } = await runScripted([], { a: [op('Succeeded')], b: [op('Succeeded')] }, { stdin: 'a\nb\n' });
    expect(code).toBe(0);
    expect(client.calls.map((c) => c.operationId)).toEqual(['a', 'b']);
  });

  it('reads stdin as well as the ids with -', async () => {
    const { client } = await runScripted(
      ['a', '-'],
      { a: [op('Succeeded')], b: [op('Succeeded')] },
      { stdin: '{"operation": {"id": "b"}}' },
    );
    expect(client.calls.map((c) => c.operationId)).toEqual(['a', 'b']);
  });

  it('does not read stdin when ids are given', async () => {
    const stdin = Object.assign(new PassThrough(), { isTTY: false });
    const { code } = await runScripted(['a'], { a: [op('Succeeded')] }, { stdin });
    expect(code).toBe(0);
    expect(stdin.listenerCount('data')).toBe(0);
  });

  it('reports operations already finished in the input without a request', async () => {
    const response = {
      operations: [
        { ...op('Succeeded'), id: 'a' },
        { ...op('Succeeded'), id: 'b', resourceName: 'web-2' },
      ],
    };
    const { code, client, stdout } = await runScripted([], {}, { stdin: JSON.stringify(response) });
    expect(code).toBe(0);
    expect(client.calls).toEqual([]);
    expect(stdout.lines).toEqual([
      '[0s] operation a (CreateInstance of web-1): Succeeded',
      '[0s] operation b (CreateInstance of web-2): Succeeded',
      '2 operations: 2 succeeded (0ms)',
    ]);
  });

  it.each<[string, string[], TestIOOptions, string]>([
    ['an unknown flag', ['--bogus', 'a'], {}, "lightsail-wait: unknown option '--bogus'"],
    [
      'a bad duration',
      ['--timeout', 'soon', 'a'],
      {},
      "lightsail-wait: invalid --timeout 'soon': expected a duration such as 90, 90s, 10m or 1h",
    ],
    ['a bad --max-rps', ['--max-rps', 'lots', 'a'], {}, "lightsail-wait: invalid --max-rps 'lots': expected a number greater than 0"],
    ['malformed JSON', [], { stdin: '{"operations": [' }, 'lightsail-wait: stdin is not valid JSON: '],
    ['JSON with no operation in it', [], { stdin: '{"instances": []}' }, 'lightsail-wait: stdin JSON has no `operations` or `operation`'],
    ['empty stdin', ['-'], { stdin: '' }, 'lightsail-wait: stdin is empty: expected Lightsail JSON or operation ids'],
    [
      'no ids and stdin a terminal',
      [],
      {},
      'lightsail-wait: no operation ids given (pass ids, or pipe Lightsail JSON to stdin; see --help)',
    ],
    ['a file name for an id', ['response.json'], {}, "lightsail-wait: 'response.json' is not an operation id"],
  ])('exits 2 before any request on %s', async (_name, argv, options, message) => {
    const { code, stderr, stdout, client, clientConfigs } = await runScripted(argv, { a: [op('Succeeded')] }, options);
    expect(code).toBe(2);
    expect(stderr.lines).toHaveLength(1);
    expect(stderr.text.startsWith(message)).toBe(true);
    expect(stdout.text).toBe('');
    expect(clientConfigs).toEqual([]);
    expect(client.calls).toEqual([]);
  });
});

describe('run: client', () => {
  it('makes the client with only the fields given', async () => {
    const { clientConfigs } = await runScripted(['a'], { a: [op('Succeeded')] });
    expect(clientConfigs).toEqual([{}]);
  });

  it('passes --region, --profile and --endpoint-url', async () => {
    const argv = ['--region', 'eu-west-3', '--profile', 'ops', '--endpoint-url', 'http://127.0.0.1:4566', 'a'];
    const { clientConfigs } = await runScripted(argv, { a: [op('Succeeded')] });
    expect(clientConfigs).toEqual([{ region: 'eu-west-3', profile: 'ops', endpoint: 'http://127.0.0.1:4566' }]);
  });

  it('destroys the client it made', async () => {
    const clock = new FakeClock();
    let destroyed = 0;
    const client = Object.assign(scriptedClient({ a: [op('Succeeded')] }), { destroy: () => (destroyed += 1) });
    const t = testIO({ client, clock });
    await clock.run(run(['a'], t.io));
    expect(destroyed).toBe(1);
  });

  it('caps requests per second with --max-rps', async () => {
    const { client } = await runScripted(['--max-rps', '0.5', 'a', 'b', 'c'], {
      a: [op('Succeeded')],
      b: [op('Succeeded')],
      c: [op('Succeeded')],
    });
    expect(client.calls.map((c) => c.at)).toEqual([0, 2_000, 4_000]);
  });

  it('never prints credentials from error messages', async () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const error = sdkError('UnrecognizedClientException');
    error.message = `Credential AKIAIOSFODNN7EXAMPLE/${secret} is not valid`;
    const { stderr, code } = await runScripted(['a'], { a: [error] }, { env: { AWS_SECRET_ACCESS_KEY: secret } });
    expect(code).toBe(4);
    expect(stderr.text).not.toContain(secret);
    expect(stderr.text).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(stderr.text).toContain('Credential [REDACTED]/[REDACTED] is not valid');
  });
});

describe('run: interruption', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ])('on %s, stops polling, says where each operation stood and exits %i', async (reason, expected) => {
    const controller = new AbortController();
    const clock = new FakeClock();
    const client = scriptedClient({ a: [op('Started')], b: [op('Succeeded')] }, clock.now);
    const t = testIO({ client, clock, signal: controller.signal });
    // Interrupt as a user would, on seeing the first status line (b's request is a second away).
    t.stdout.onWrite = () => controller.abort(reason);
    const { value } = await clock.run(run(['--max-rps', '1', 'a', 'b'], t.io));
    expect(value).toBe(expected);
    expect(client.calls.map((c) => c.operationId)).toEqual(['a']);
    expect(t.stderr.lines).toEqual([
      'lightsail-wait: interrupted after 0s; where each operation stood:',
      '  operation a (CreateInstance of web-1): Started, still running',
      '  operation b: no status seen yet, still running',
    ]);
  });

  it('sends no request when the signal is already aborted', async () => {
    const { code, client } = await runScripted(['a'], { a: [op('Succeeded')] }, { signal: AbortSignal.abort('SIGINT') });
    expect(code).toBe(130);
    expect(client.calls).toEqual([]);
  });

  it('stops reading stdin when interrupted', async () => {
    const controller = new AbortController();
    const stdin = Object.assign(new PassThrough(), { isTTY: false });
    const t = testIO({ client: scriptedClient({}), stdin, signal: controller.signal });
    const pending = run([], t.io as CliIO);
    setImmediate(() => controller.abort('SIGINT'));
    expect(await pending).toBe(130);
    expect(t.stderr.lines).toEqual(['lightsail-wait: interrupted while reading stdin']);
    expect(stdin.listenerCount('data')).toBe(0);
    expect(t.clientConfigs).toEqual([]);
  });
});
