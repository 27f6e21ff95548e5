/**
 * The run's summary: the pure mappings it rests on, and the `--json` `summary` line in the cases
 * the schema test does not look into (nothing pending, the results without logs, a rejected
 * command line, a bug).
 */
import { describe, expect, it } from 'vitest';
import { isoTime } from '../../src/cli/json-line.js';
import { run } from '../../src/cli/run.js';
import { type InputSummary, outcomeCounts, runOutcomeOf } from '../../src/cli/run-summary.js';
import { systemClock } from '../../src/index.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { sdkError } from '../helpers/stub-client.js';
import { testIO } from './helpers.js';
import { jsonRecords, summaryRecord } from './json-lines.js';
import { containerLogs, containerService, deployment, resourceClient } from './resource-stub.js';

describe('runOutcomeOf', () => {
  it.each([
    [0, 'succeeded'],
    [1, 'failed'],
    [2, 'usage'],
    [3, 'timeout'],
    [4, 'error'],
    [70, 'internal'],
    [130, 'aborted'],
    [143, 'aborted'],
  ])('exit code %i is %s', (code, outcome) => {
    expect(runOutcomeOf(code)).toBe(outcome);
  });
});

describe('outcomeCounts', () => {
  it('counts every outcome, 0 for those that did not happen', () => {
    const inputs = (['failed', 'succeeded', 'failed'] as const).map((outcome) => ({ outcome }) as InputSummary);
    expect(outcomeCounts(inputs)).toEqual({ succeeded: 1, failed: 2, timeout: 0, error: 0, aborted: 0, cancelled: 0 });
  });
});

describe('isoTime', () => {
  it("reads an injected clock's now() as milliseconds since the epoch", () => {
    const clock = new FakeClock();
    clock.time = 1_738_314_902_481.4;
    expect(isoTime(clock)).toBe('2025-01-31T09:15:02.481Z');
  });

  it('reads the system clock against performance.timeOrigin: the wall clock', () => {
    expect(Math.abs(Date.parse(isoTime(systemClock)) - Date.now())).toBeLessThan(1_000);
  });
});

/** A client for `--resource` whose listing finds nothing pending. */
const idle = {
  async send() {
    return { operations: [], $metadata: { httpStatusCode: 200 } };
  },
};

describe('the --json summary', () => {
  it('is the only line when nothing is pending on a --resource', async () => {
    const t = testIO({ client: idle as never, clock: new FakeClock() });
    const code = await run(['--json', '--resource', 'ip-1'], t.io);
    expect(code).toBe(0);
    expect(jsonRecords(t.stdout.text)).toEqual([
      {
        type: 'summary',
        mode: 'operations',
        waiter: null,
        outcome: 'succeeded',
        exitCode: 0,
        elapsedMs: 0,
        total: 0,
        outcomes: { succeeded: 0, failed: 0, timeout: 0, error: 0, aborted: 0, cancelled: 0 },
        results: [],
        message: null,
        // The one listing request (GetOperationsForResource), at the starting pace.
        requests: { sent: 1, throttled: 0, requestsPerSecond: 10 },
      },
    ]);
  });

  it("repeats each result without a failed deployment's logs, which its result line carries", async () => {
    const clock = new FakeClock();
    const client = resourceClient(
      {
        'GetContainerServices api': [
          containerService('api', 'RUNNING', { current: deployment(2, 'ACTIVE'), next: deployment(3, 'FAILED') }),
        ],
        'GetContainerLog api': [containerLogs({ web: ['Error: Cannot find module /app/server.js'] })],
      },
      clock.now,
    );
    const t = testIO({ client: client as never, clock });
    const { value } = await clock.run(run(['--json', 'container-deployment', 'api'], t.io));
    expect(value).toBe(1);
    const records = jsonRecords(t.stdout.text);
    const result = records.find((record) => record.type === 'result');
    expect(result).toHaveProperty('logs');
    const { type: _, logs: __, ...fields } = result as Record<string, unknown>;
    expect(summaryRecord(t.stdout.text).results).toEqual([{ id: 'api', ...fields }]);
  });

  it('says what ended the command outside any wait: unreadable stdin, exit 2', async () => {
    const t = testIO({ stdin: '{"operations": [' });
    expect(await run(['--json', '-'], t.io)).toBe(2);
    expect(summaryRecord(t.stdout.text)).toMatchObject({ outcome: 'usage', exitCode: 2, total: 0, message: expect.any(String) });
    expect(t.stderr.lines).toHaveLength(1);
  });

  it('is not written for a command line rejected before a mode is chosen', async () => {
    const t = testIO();
    expect(await run(['--json', '--timeout', 'soon', 'instance-running', 'web-1'], t.io)).toBe(2);
    expect(t.stdout.text).toBe('');
  });

  it('is written for a bug too, exit 70, before the internal error is reported', async () => {
    const t = testIO({ client: resourceClient({}) as never });
    const io = {
      ...t.io,
      createClient: () => {
        throw new Error('boom');
      },
    };
    expect(await run(['--json', 'disk-available', 'd-1'], io)).toBe(70);
    expect(summaryRecord(t.stdout.text)).toMatchObject({ outcome: 'internal', exitCode: 70, message: 'boom', total: 0 });
    expect(t.stderr.text).toMatch(/^lightsail-wait: internal error \(please report it\): Error: boom/);
  });

  it('counts an AWS error as error, with exit 4', async () => {
    const clock = new FakeClock();
    const client = resourceClient({ 'GetDisk d-1': [sdkError('AccessDeniedException')] }, clock.now);
    const t = testIO({ client: client as never, clock });
    const { value } = await clock.run(run(['--json', 'disk-available', 'd-1'], t.io));
    expect(value).toBe(4);
    expect(summaryRecord(t.stdout.text)).toMatchObject({ mode: 'resources', waiter: 'disk-available', outcome: 'error', exitCode: 4 });
  });
});
