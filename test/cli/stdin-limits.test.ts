/**
 * Standard input that never ends, or is huge or deeply nested, and errors nobody expected: the
 * command ends with a documented exit code and a clear message, never a crash.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseInput } from '../../src/cli/input.js';
import { jsonDepth, parseJsonValues } from '../../src/cli/json-values.js';
import { LIMITS } from '../../src/cli/limits.js';
import { run } from '../../src/cli/run.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { op, scriptedClient } from '../helpers/stub-client.js';
import { runCli, type TestIOOptions, testIO } from './helpers.js';
import { resourceClient } from './resource-stub.js';

/** Standard input that is a pipe nobody ever closes. */
const openPipe = () => Object.assign(new PassThrough(), { isTTY: false });

async function runVirtual(argv: string[], options: TestIOOptions & { scripts?: Parameters<typeof scriptedClient>[0] } = {}) {
  const clock = new FakeClock();
  const client = scriptedClient(options.scripts ?? {}, clock.now);
  const t = testIO({ client, clock, ...options });
  const { value, error } = await clock.run(run(argv, t.io));
  if (error !== undefined) throw error;
  return { ...t, code: value as number, client, clock };
}

const ids = (count: number) => Array.from({ length: count }, (_, i) => `op-${i}`);
const nested = (depth: number, inner = '"op-1"') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;

describe('--timeout covers reading stdin', () => {
  it('ends at --timeout with exit 3 when no ids are given and stdin never closes', async () => {
    const { code, stderr, clock, clientConfigs } = await runVirtual(['--timeout', '2s'], { stdin: openPipe() });
    expect(code).toBe(3);
    expect(clock.now()).toBe(2_000);
    expect(stderr.lines).toEqual([
      'lightsail-wait: timed out after 2s reading stdin: it was never closed (give the ids or names as arguments, or end the input, e.g. `< /dev/null`)',
    ]);
    expect(clientConfigs).toEqual([]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('ends container-deployment the same way', async () => {
    const { code, stderr, clock } = await runVirtual(['--timeout', '5s', 'container-deployment'], { stdin: openPipe() });
    expect(code).toBe(3);
    expect(clock.now()).toBe(5_000);
    expect(stderr.text).toMatch(/^lightsail-wait: timed out after 5s reading stdin/);
  });

  it('counts the time spent reading stdin in the --timeout of the waits', async () => {
    const clock = new FakeClock();
    const stdin = openPipe();
    clock.sleep(1_500).then(() => stdin.end('op-1\n'));
    const client = scriptedClient({ 'op-1': [op('Started')] }, clock.now);
    const t = testIO({ client, clock, stdin });
    const { value } = await clock.run(run(['--timeout', '2s', '--max-delay', '1s'], t.io));
    expect(value).toBe(3);
    expect(clock.now()).toBeLessThanOrEqual(2_000);
    expect(client.calls.length).toBeGreaterThan(0);
    expect(t.stderr.lines[0]).toMatch(/timed out after 2s; last status Started$/);
  });

  it('is still interrupted by a signal while reading stdin', async () => {
    const controller = new AbortController();
    const clock = new FakeClock();
    clock.sleep(500).then(() => controller.abort('SIGTERM'));
    const t = testIO({ clock, stdin: openPipe(), signal: controller.signal });
    const { value } = await clock.run(run(['--timeout', '2s'], t.io));
    expect(value).toBe(143);
    expect(t.stderr.lines).toEqual(['lightsail-wait: interrupted while reading stdin']);
  });
});

describe('large or deep stdin', () => {
  it('refuses 130,000 ids on stdin with a usage error, not a stack overflow', async () => {
    const { code, stderr, clientConfigs } = await runVirtual([], { stdin: ids(130_000).join('\n') });
    expect(code).toBe(2);
    expect(stderr.lines).toEqual([
      `lightsail-wait: stdin holds 130000 operation ids; one command waits on at most ${LIMITS.waits} (split the input)`,
    ]);
    expect(clientConfigs).toEqual([]);
  });

  it('refuses 130,000 operations in stdin JSON', async () => {
    const { code, stderr } = await runVirtual([], { stdin: JSON.stringify({ operations: ids(130_000).map((id) => ({ id })) }) });
    expect(code).toBe(2);
    expect(stderr.text).toMatch(/stdin holds more than 10000 operations; one command waits on at most 10000/);
  });

  it('refuses 130,000 ids or names on the command line, before parsing them', async () => {
    for (const argv of [ids(130_000), ['disk-available', ...ids(130_000)]]) {
      const { code, stderr } = await runCli(argv);
      expect(code).toBe(2);
      expect(stderr.text).toMatch(
        /^lightsail-wait: 13000\d arguments given; one command waits on at most 10000 operations or resources\n$/,
      );
    }
  });

  it('refuses one id or name over the limit on the command line', async () => {
    const operations = await runCli(ids(LIMITS.waits + 1));
    expect(operations.code).toBe(2);
    expect(operations.stderr.text).toMatch(/10001 operation ids given; one command waits on at most 10000/);
    const names = await runCli(['disk-available', ...ids(LIMITS.waits + 1)]);
    expect(names.code).toBe(2);
    expect(names.stderr.text).toMatch(/10001 names given; one command waits on at most 10000/);
  });

  it('accepts up to the limit', () => {
    expect(parseInput(ids(LIMITS.waits).join(' '))).toHaveLength(LIMITS.waits);
    expect(() => parseInput(ids(LIMITS.waits + 1).join(' '))).toThrow(UsageError);
  });

  it.each([
    ['an array', nested(5_000)],
    ['an operations list', `{"operations": ${nested(5_000, '{"id": "op-1"}')}}`],
    ['objects', `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`],
  ])('refuses JSON nested 5,000 deep (%s) with a usage error', async (_name, stdin) => {
    const { code, stderr } = await runVirtual([], { stdin });
    expect(code).toBe(2);
    expect(stderr.lines).toEqual([
      'lightsail-wait: stdin JSON nests arrays and objects deeper than 64 levels, the most lightsail-wait reads',
    ]);
  });

  it('refuses deep JSON for container-deployment too', async () => {
    const { code, stderr } = await runVirtual(['container-deployment'], { stdin: nested(5_000, '{}') });
    expect(code).toBe(2);
    expect(stderr.text).toMatch(/deeper than 64 levels/);
  });

  it('reads JSON nested up to 64 levels', () => {
    expect(parseInput(nested(63))).toEqual(['op-1']);
    expect(() => parseInput(nested(65))).toThrow('deeper than 64 levels');
  });

  it('measures depth without counting brackets inside strings', () => {
    expect(jsonDepth('{"a": "[[[[", "b": [1, {"c": "]]}"}]}')).toBe(3);
    expect(jsonDepth('"\\"[["')).toBe(0);
    expect(parseJsonValues(`{"x": "${'['.repeat(1_000)}"}`)).toEqual([{ x: '['.repeat(1_000) }]);
  });
});

describe('an error nobody expected', () => {
  it('exits 70 with the stack on stderr, never an outcome code', async () => {
    const t = testIO({ stdin: 'op-1' });
    const io = {
      ...t.io,
      createClient: () => {
        throw new Error('boom\u001b[2J');
      },
    };
    const code = await run([], io);
    expect(code).toBe(70);
    expect(t.stderr.text).toMatch(/^lightsail-wait: internal error \(please report it\): Error: boom\\x1b\[2J\n {4}at /);
  });

  it('exits 70 for a resource wait too', async () => {
    const client = resourceClient({});
    const t = testIO({ client: client as never });
    const code = await run(['disk-available', 'd-1'], {
      ...t.io,
      createClient: () => {
        throw new TypeError('not a client');
      },
    });
    // A TypeError from the factory is a bug of the caller's, not bad usage of the command line.
    expect(code).toBe(70);
  });
});
