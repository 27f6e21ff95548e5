import { describe, expect, it } from 'vitest';
import { painter } from '../../src/cli/color.js';
import { isLiveTerminal } from '../../src/cli/render/select.js';
import type { OperationRow } from '../../src/cli/render/tracker.js';
import { ttyFrame } from '../../src/cli/render/tty.js';
import { run } from '../../src/cli/run.js';
import { OperationFailedError, type OperationResult } from '../../src/index.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { op, type Reply, scriptedClient, sdkError } from '../helpers/stub-client.js';
import { MemoryStream, stripAnsi, type TestIOOptions, testIO } from './helpers.js';
import { jsonRecords } from './json-lines.js';

const disk = { resourceName: 'disk-1', operationType: 'CreateDisk' } as const;
const diskFailed = op('Failed', { ...disk, errorCode: 'NoAvailableCapacity', errorDetails: 'No capacity in us-east-1a' });

/** Runs the CLI in virtual time, polling every second (`--max-delay 1s`): polls land at 0, 1 s, 2 s… */
async function runScripted(argv: string[], scripts: Record<string, Reply[]>, options: TestIOOptions = {}) {
  const clock = new FakeClock();
  const client = scriptedClient(scripts, clock.now);
  const t = testIO({ client, clock, ...options });
  const { value, error } = await clock.run(run(['--max-delay', '1s', ...argv], t.io));
  if (error !== undefined) throw error;
  return { ...t, code: value as number };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching terminal escape sequences is the point
const ANY_SGR = /\u001B\[\d+(;\d+)*m/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const ANY_ESCAPE = /\u001B/;

describe('plain output (stdout is not a terminal)', () => {
  it('prints a line only when something changes, then a summary', async () => {
    const { stdout, code } = await runScripted(['a', 'b'], {
      a: [op('Started'), op('Started'), op('Succeeded')],
      b: [op('Started', disk), diskFailed],
    });
    expect(code).toBe(1);
    expect(stdout.lines).toEqual([
      '[0s] operation a (CreateInstance of web-1): Started',
      '[0s] operation b (CreateDisk of disk-1): Started',
      '[1s] operation b (CreateDisk of disk-1): Failed',
      '[2s] operation a (CreateInstance of web-1): Succeeded',
      '2 operations: 1 succeeded, 1 failed (2s)',
    ]);
  });

  it('prints retried requests', async () => {
    const { stdout } = await runScripted(['a'], { a: [sdkError('ThrottlingException'), op('Succeeded')] });
    expect(stdout.lines).toEqual([
      // The shared pace hears of the throttle first (a cut by a fifth), then the request's retry.
      '[0s] requests: Lightsail throttled a request (1 of 1 so far); pace cut from 10 to 8 a second',
      '[0s] operation a: GetOperation failed with ThrottlingException; retrying in 1s',
      '[1s] operation a (CreateInstance of web-1): Succeeded',
      '1 operation: 1 succeeded (1s)',
    ]);
  });

  it('uses no escape sequences, even without NO_COLOR', async () => {
    const { stdout, stderr } = await runScripted(['a'], { a: [diskFailed] }, { env: {} });
    expect(stdout.text).not.toMatch(ANY_ESCAPE);
    expect(stderr.text).not.toMatch(ANY_ESCAPE);
  });
});

describe('--json', () => {
  it('prints JSON Lines: status changes, retries, a result per operation, then the summary', async () => {
    const { stdout, stderr, code } = await runScripted(['--json', 'a', 'b', 'a'], {
      a: [sdkError('ThrottlingException'), op('Started'), op('Succeeded')],
      b: [diskFailed],
    });
    expect(code).toBe(1);
    // The test's clock starts at 0: `time` is the Unix epoch plus the virtual time.
    expect(JSON.parse(stdout.lines[0] as string)).toMatchObject({ v: 1, type: 'rate', time: '1970-01-01T00:00:00.000Z' });
    expect(jsonRecords(stdout.text)).toEqual([
      // The throttle cuts the pace all three waits share, before the request is retried.
      { type: 'rate', requestsPerSecond: 8, previous: 10, reason: 'throttled', requests: 1, throttled: 1 },
      {
        type: 'retry',
        operationId: 'a',
        attempt: 1,
        delayMs: 1000,
        errorName: 'ThrottlingException',
        message: 'ThrottlingException from the stub',
      },
      // b's first request waits for its turn: the throttled request cut the shared pace by a fifth, 10 → 8 a second, so 1000 / 8 = 125 ms.
      {
        type: 'status',
        operationId: 'b',
        resourceName: 'disk-1',
        operationType: 'CreateDisk',
        previous: null,
        status: 'Failed',
        elapsedMs: 125,
      },
      {
        type: 'status',
        operationId: 'a',
        resourceName: 'web-1',
        operationType: 'CreateInstance',
        previous: null,
        status: 'Started',
        elapsedMs: 1000,
      },
      {
        type: 'status',
        operationId: 'a',
        resourceName: 'web-1',
        operationType: 'CreateInstance',
        previous: 'Started',
        status: 'Succeeded',
        elapsedMs: 2000,
      },
      {
        type: 'result',
        operationId: 'a',
        outcome: 'succeeded',
        status: 'Succeeded',
        resourceName: 'web-1',
        operationType: 'CreateInstance',
        elapsedMs: 2000,
      },
      {
        type: 'result',
        operationId: 'b',
        outcome: 'failed',
        status: 'Failed',
        resourceName: 'disk-1',
        operationType: 'CreateDisk',
        elapsedMs: 125,
        errorCode: 'NoAvailableCapacity',
        errorDetails: 'No capacity in us-east-1a',
        message: 'Lightsail operation b (CreateDisk of disk-1) ended Failed: NoAvailableCapacity: No capacity in us-east-1a',
      },
      {
        type: 'summary',
        mode: 'operations',
        waiter: null,
        outcome: 'failed',
        exitCode: 1,
        elapsedMs: 2000,
        total: 2,
        outcomes: { succeeded: 1, failed: 1, timeout: 0, error: 0, aborted: 0, cancelled: 0 },
        results: [
          expect.objectContaining({ id: 'a', operationId: 'a', outcome: 'succeeded', status: 'Succeeded' }),
          expect.objectContaining({ id: 'b', operationId: 'b', outcome: 'failed', errorCode: 'NoAvailableCapacity' }),
        ],
        message: null,
        // a's three requests (the first throttled) and b's one; the pace left cut to 8.
        requests: { sent: 4, throttled: 1, requestsPerSecond: 8 },
      },
    ]);
    expect(stderr.lines).toEqual([
      'lightsail-wait: operation b (CreateDisk of disk-1) failed: NoAvailableCapacity: No capacity in us-east-1a',
    ]);
  });

  it('reports timeouts and AWS errors in the result lines and the summary', async () => {
    const { stdout, code } = await runScripted(['--json', '--timeout', '5s', 'a', 'b'], {
      a: [op('Started')],
      b: [sdkError('AccessDeniedException')],
    });
    expect(code).toBe(4);
    const records = jsonRecords(stdout.text);
    expect(records.filter((e) => e.type === 'result')).toEqual([
      expect.objectContaining({ operationId: 'a', outcome: 'timeout', status: 'Started', message: expect.stringContaining('Timed out') }),
      expect.objectContaining({ operationId: 'b', outcome: 'error', status: null, errorName: 'AccessDeniedException' }),
    ]);
    expect(records.at(-1)).toMatchObject({
      type: 'summary',
      outcome: 'error',
      exitCode: 4,
      outcomes: { succeeded: 0, failed: 0, timeout: 1, error: 1, aborted: 0, cancelled: 0 },
    });
  });

  it('writes JSON even on a terminal', async () => {
    const { stdout } = await runScripted(['--json', 'a'], { a: [op('Succeeded')] }, { stdoutTTY: true, env: {} });
    expect(stdout.text).not.toMatch(ANY_ESCAPE);
    expect(jsonRecords(stdout.text).map((record) => record.type)).toEqual(['status', 'result', 'summary']);
  });
});

describe('--quiet', () => {
  it('prints nothing on success', async () => {
    const { stdout, stderr, code } = await runScripted(['--quiet', 'a'], { a: [op('Started'), op('Succeeded')] });
    expect(code).toBe(0);
    expect(stdout.text).toBe('');
    expect(stderr.text).toBe('');
  });

  it('still prints failures on stderr', async () => {
    const { stdout, stderr } = await runScripted(['--quiet', 'a', 'b'], { a: [op('Succeeded')], b: [diskFailed] });
    expect(stdout.text).toBe('');
    expect(stderr.lines).toEqual([
      'lightsail-wait: operation b (CreateDisk of disk-1) failed: NoAvailableCapacity: No capacity in us-east-1a',
    ]);
  });
});

describe('live view (stdout is a terminal)', () => {
  const scripts = { a: [op('Started'), op('Started'), op('Succeeded')], b: [op('Started', disk), diskFailed] };

  it('redraws one line per operation in place, then prints a summary', async () => {
    const { stdout } = await runScripted(['a', 'b'], scripts, { stdoutTTY: true, env: { NO_COLOR: '1' } });
    const frames = stdout.chunks.map(stripAnsi);
    // log-update erases the previous frame (ESC[2K) before drawing the next.
    expect(stdout.chunks.slice(1, -1).every((chunk) => chunk.includes('\u001B[2K'))).toBe(true);
    expect(frames[0]).toBe('…  a    waiting  0s\n…  b    waiting  0s\n');
    expect(frames.at(-2)).toBe('✔  web-1   CreateInstance  Succeeded  2s\n✖  disk-1  CreateDisk      Failed     1s\n');
    expect(frames.at(-1)).toBe('2 operations: 1 succeeded, 1 failed (2s)\n');
  });

  it('moves the elapsed time on every second while waiting', async () => {
    const script = { a: [op('Started'), op('Started'), op('Succeeded')] };
    const { stdout } = await runScripted(['--min-delay', '2.5s', '--max-delay', '2.5s', 'a'], script, { stdoutTTY: true });
    const elapsed = stdout.chunks.map(stripAnsi).flatMap((frame) => /(\d+s)\n$/.exec(frame)?.[1] ?? []);
    // Polls at 0, 2.5 s and 5 s; a redraw each second in between. The poll at 5 s that sees
    // Succeeded draws the row finished at once (no frame of it still in progress).
    expect(elapsed).toEqual(['0s', '0s', '1s', '2s', '3s', '4s', '5s']);
  });

  it('colors the view unless NO_COLOR is set', async () => {
    const colored = await runScripted(['a'], { a: [op('Succeeded')] }, { stdoutTTY: true, env: {} });
    expect(colored.stdout.text).toContain('\u001B[32m✔\u001B[39m');
    const plain = await runScripted(['a'], { a: [op('Succeeded')] }, { stdoutTTY: true, env: { NO_COLOR: '1' } });
    expect(plain.stdout.text).not.toMatch(ANY_SGR);
  });

  it('colors stderr only when stderr is a terminal', async () => {
    const onTerminal = await runScripted(['a'], { a: [diskFailed] }, { stderrTTY: true, env: {} });
    expect(onTerminal.stderr.text).toMatch(ANY_SGR);
    const noColor = await runScripted(['a'], { a: [diskFailed] }, { stderrTTY: true, env: { NO_COLOR: 'true' } });
    expect(noColor.stderr.text).not.toMatch(ANY_SGR);
  });
});

describe('isLiveTerminal', () => {
  it.each([
    [true, 24, 100, true],
    [true, undefined, undefined, true],
    [false, 24, 100, false],
    [true, 0, 0, false],
    [true, 0, 100, false],
  ])('isTTY %s, rows %s, columns %s: %s', (isTTY, rows, columns, expected) => {
    const out = Object.assign(new MemoryStream(isTTY), { rows, columns });
    expect(isLiveTerminal(out)).toBe(expected);
  });
});

describe('ttyFrame', () => {
  const row = (operationId: string, fields: Partial<OperationRow>): OperationRow => ({
    operationId,
    operation: undefined,
    result: undefined,
    settledAfterMs: undefined,
    ...fields,
  });
  const result = (operationId: string, outcome: OperationResult['outcome'], error?: Error): OperationResult => ({
    operationId,
    outcome,
    operation: undefined,
    error,
  });

  it('aligns resource name, operation type, status and elapsed time', () => {
    const rows = [
      row('op-1', { operation: op('Started', { resourceName: 'web-server-1' }) }),
      row('op-2', { operation: diskFailed, result: result('op-2', 'failed', new OperationFailedError(diskFailed)), settledAfterMs: 4_000 }),
      row('op-3', {
        operation: op('Succeeded', { operationType: 'AllocateStaticIp', resourceName: 'ip' }),
        result: result('op-3', 'succeeded'),
      }),
      row('op-4', {}),
      row('op-5', { operation: op('Started'), result: result('op-5', 'timeout') }),
    ];
    const frame = ttyFrame(rows, (r) => r.settledAfterMs ?? 65_000, painter(false));
    expect(frame).toBe(
      [
        '…  web-server-1  CreateInstance    Started             1m05s',
        '✖  disk-1        CreateDisk        Failed              4s',
        '✔  ip            AllocateStaticIp  Succeeded           1m05s',
        '…  op-4                            waiting             1m05s',
        '✖  web-1         CreateInstance    Started, timed out  1m05s',
      ].join('\n'),
    );
  });
});
