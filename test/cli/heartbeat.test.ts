import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/args.js';
import { checkHeartbeat } from '../../src/cli/heartbeat-flag.js';
import { DEFAULT_HEARTBEAT_MS, heartbeatLines, startHeartbeat } from '../../src/cli/render/heartbeat.js';
import { OPERATIONS, RESOURCES } from '../../src/cli/render/summary.js';
import { run } from '../../src/cli/run.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { op, type Reply, scriptedClient } from '../helpers/stub-client.js';
import { type TestIOOptions, testIO } from './helpers.js';
import { instance, type ResourceReply, resourceClient } from './resource-stub.js';

const disk = { resourceName: 'disk-1', operationType: 'CreateDisk' } as const;
// Polls 25 s apart (0, 25 s, 50 s, 75 s…), so that none lands on a heartbeat (60 s, 120 s…).
const EVERY_25S = ['--min-delay', '25s', '--max-delay', '25s'];

/** Runs the CLI in virtual time with a client; returns what it wrote and the clock. */
async function runScripted(argv: string[], client: unknown, options: TestIOOptions = {}) {
  const clock = new FakeClock();
  const t = testIO({ client: client as never, clock, ...options });
  const { value, error } = await clock.run(run(argv, t.io));
  if (error !== undefined) throw error;
  return { ...t, code: value as number, clock };
}

const repeat = <T>(reply: T, times: number): T[] => Array.from({ length: times }, () => reply);

describe('heartbeatLines', () => {
  const waiting = (n: number) => Array.from({ length: n }, (_, i) => ({ who: `instance web-${i + 1}`, text: 'still pending' }));

  it('names each wait still running, at the elapsed time', () => {
    expect(heartbeatLines(waiting(2), 120_000, RESOURCES)).toBe(
      '[2m00s] instance web-1: still pending\n[2m00s] instance web-2: still pending\n',
    );
  });

  it.each([
    [11, '1 more operation'],
    [250, '240 more operations'],
  ])('names at most 10 of %i waits, then counts the rest', (n, rest) => {
    const lines = heartbeatLines(waiting(n), 60_000, OPERATIONS).split('\n').slice(0, -1);
    expect(lines).toHaveLength(11);
    expect(lines[9]).toBe('[1m00s] instance web-10: still pending');
    expect(lines[10]).toBe(`[1m00s] ${rest}: still waiting`);
  });

  it('writes nothing when nothing is waiting', () => {
    expect(heartbeatLines([], 60_000, OPERATIONS)).toBe('');
  });
});

describe('startHeartbeat', () => {
  it('beats every interval on the clock until stopped, then leaves no timer behind', async () => {
    const clock = new FakeClock();
    const beats: number[] = [];
    const stop = startHeartbeat(clock, 60_000, () => beats.push(clock.now()));
    await clock.advance(150_000);
    expect(beats).toEqual([60_000, 120_000]);
    stop();
    expect(clock.pendingTimers).toBe(0);
    await clock.advance(60_000);
    expect(beats).toHaveLength(2);
  });

  it('starts nothing for an interval of 0', () => {
    const clock = new FakeClock();
    startHeartbeat(clock, 0, () => {});
    expect(clock.pendingTimers).toBe(0);
  });
});

describe('--heartbeat', () => {
  it.each([
    ['0', 0],
    ['0s', 0],
    ['off', 0],
    ['1s', 1_000],
    ['90', 90_000],
    ['5m', 300_000],
  ])('reads %s as %i ms', (value, ms) => {
    expect(parseCliArgs(['--heartbeat', value, 'op-1']).heartbeatMs).toBe(ms);
  });

  it('is left out when not given (the default, 1 minute, applies)', () => {
    expect(parseCliArgs(['op-1'])).not.toHaveProperty('heartbeatMs');
    expect(DEFAULT_HEARTBEAT_MS).toBe(60_000);
  });

  it.each([
    ['soon', "invalid --heartbeat 'soon': expected a duration such as 90, 90s, 10m or 1h, or 0 or off for none"],
    ['500ms', "invalid --heartbeat '500ms': expected at least 1s, or 0 or off for none"],
    ['-1m', "invalid --heartbeat '-1m': expected a duration such as 90, 90s, 10m or 1h, or 0 or off for none"],
  ])('rejects %s with a usage error naming the flag and the value', (value, message) => {
    expect(() => checkHeartbeat(value)).toThrow(new UsageError(message));
  });

  it('exits 2 on a bad value, before any request', async () => {
    const { code, stderr, clientConfigs } = await runScripted(['--heartbeat', 'often', 'op-1'], undefined);
    expect(code).toBe(2);
    expect(clientConfigs).toEqual([]);
    expect(stderr.text).toContain("invalid --heartbeat 'often'");
  });
});

describe('heartbeat lines in plain output (operations)', () => {
  const scripts: Record<string, Reply[]> = {
    a: [...repeat(op('Started'), 5), op('Succeeded')],
    b: [...repeat(op('Started', disk), 3), op('Failed', disk)],
  };

  it('prints a line per operation still running every minute, between the status lines', async () => {
    const { stdout, code, clock } = await runScripted([...EVERY_25S, 'a', 'b'], scriptedClient(scripts));
    expect(code).toBe(1);
    expect(stdout.lines).toEqual([
      '[0s] operation a (CreateInstance of web-1): Started',
      '[0s] operation b (CreateDisk of disk-1): Started',
      '[1m00s] operation a (CreateInstance of web-1): still Started',
      '[1m00s] operation b (CreateDisk of disk-1): still Started',
      '[1m15s] operation b (CreateDisk of disk-1): Failed',
      '[2m00s] operation a (CreateInstance of web-1): still Started',
      '[2m05s] operation a (CreateInstance of web-1): Succeeded',
      '2 operations: 1 succeeded, 1 failed (2m5s)',
    ]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('follows --heartbeat, and prints none with --heartbeat off', async () => {
    const every30s = await runScripted(['--heartbeat', '30s', ...EVERY_25S, 'a'], scriptedClient(scripts));
    expect(every30s.stdout.lines.filter((line) => line.includes('still'))).toEqual([
      '[30s] operation a (CreateInstance of web-1): still Started',
      '[1m00s] operation a (CreateInstance of web-1): still Started',
      '[1m30s] operation a (CreateInstance of web-1): still Started',
      '[2m00s] operation a (CreateInstance of web-1): still Started',
    ]);
    const off = await runScripted(['--heartbeat', 'off', ...EVERY_25S, 'a'], scriptedClient(scripts));
    expect(off.stdout.lines.filter((line) => line.includes('still'))).toEqual([]);
  });

  it('says so when no status has been seen yet', async () => {
    const slow: Reply = () => new Promise<never>(() => {});
    const { stdout } = await runScripted(['--timeout', '70s', 'a'], scriptedClient({ a: [slow] }));
    expect(stdout.lines).toContain('[1m00s] operation a: still waiting (no status yet)');
  });

  it('names at most 10 operations, then counts the rest', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `op-${i + 1}`);
    const many = Object.fromEntries(ids.map((id) => [id, [op('Started'), op('Started'), op('Started'), op('Succeeded')]]));
    const { stdout } = await runScripted([...EVERY_25S, '--max-rps', '1000', ...ids], scriptedClient(many));
    const beat = stdout.lines.filter((line) => line.startsWith('[1m00s]'));
    expect(beat).toHaveLength(11);
    expect(beat[0]).toBe('[1m00s] operation op-1 (CreateInstance of web-1): still Started');
    expect(beat[10]).toBe('[1m00s] 2 more operations: still waiting');
  });

  it.each([
    ['--quiet', { stdoutTTY: false }],
    ['--json', { stdoutTTY: false }],
    [undefined, { stdoutTTY: true }],
  ])('prints none with %s (terminal: %o)', async (flag, options) => {
    const argv = [...(flag === undefined ? [] : [flag]), ...EVERY_25S, 'a'];
    const { stdout } = await runScripted(argv, scriptedClient(scripts), options);
    expect(stdout.text).not.toContain('still');
  });
});

describe('heartbeat lines in plain output (resources)', () => {
  it('prints a line per resource still waited on, with its state and detail', async () => {
    const scripts: Record<string, ResourceReply[]> = {
      'GetInstance web-1': [
        instance('pending'),
        instance('pending'),
        ...repeat(instance('running'), 3),
        instance('running', '198.51.100.7'),
      ],
      'GetInstance web-2': [instance('pending'), instance('running', '198.51.100.8')],
    };
    const { stdout, clock } = await runScripted([...EVERY_25S, 'instance-running', 'web-1', 'web-2'], resourceClient(scripts));
    expect(stdout.lines).toEqual([
      '[0s] instance web-1: pending',
      '[0s] instance web-2: pending',
      '[25s] instance web-2: pending → running (198.51.100.8)',
      '[50s] instance web-1: pending → running (no public IP yet)',
      '[1m00s] instance web-1: still running (no public IP yet)',
      '[2m00s] instance web-1: still running (no public IP yet)',
      '[2m05s] instance web-1: running (198.51.100.7)',
      '2 resources: 2 succeeded (2m5s)',
    ]);
    expect(clock.pendingTimers).toBe(0);
  });
});
