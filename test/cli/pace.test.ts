/**
 * The pace of a command's requests in the CLI's output: a `rate` JSON line, a plain line, and the
 * live view's last line, on each change of the poller every wait of the command shares.
 */
import type { LightsailClient } from '@aws-sdk/client-lightsail';
import { afterAll, describe, expect, it } from 'vitest';
import { createLightsailClient, sdkAttempts } from '../../src/cli/client.js';
import { painter } from '../../src/cli/color.js';
import { liveFrame } from '../../src/cli/render/live-frame.js';
import { formatRate, paceFooter, paceText, rateFields, withPace } from '../../src/cli/render/pace.js';
import { run } from '../../src/cli/run.js';
import { Poller } from '../../src/index.js';
import { type Simulator, startSimulator } from '../../src/simulator/index.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { op, type Reply, scriptedClient, sdkError } from '../helpers/stub-client.js';
import { MemoryStream, stripAnsi, type TestIOOptions, testIO } from './helpers.js';
import { jsonRecords } from './json-lines.js';

/** Runs the CLI in virtual time, polling every second (`--max-delay 1s`). */
async function runScripted(argv: string[], scripts: Record<string, Reply[]>, options: TestIOOptions = {}) {
  const clock = new FakeClock();
  const t = testIO({ client: scriptedClient(scripts, clock.now), clock, ...options });
  const { value, error } = await clock.run(run(['--max-delay', '1s', ...argv], t.io));
  if (error !== undefined) throw error;
  return { ...t, code: value as number };
}

const throttled = { requestsPerSecond: 8, previous: 10, reason: 'throttled' } as const;

describe('pace words', () => {
  it('writes a pace to a tenth at most', () => {
    expect([8, 8.25, 0.5, 10.000000000000002, 12.96].map(formatRate)).toEqual(['8', '8.3', '0.5', '10', '13']);
  });

  it('says what moved the pace, from where to where', () => {
    expect(paceText(throttled, { granted: 120, throttled: 3 })).toBe(
      'Lightsail throttled a request (3 of 120 so far); pace cut from 10 to 8 a second',
    );
    expect(paceText({ requestsPerSecond: 11.01, previous: 10, reason: 'raised' }, { granted: 500, throttled: 0 })).toBe(
      'requests queued and were answered; pace raised from 10 to 11 a second',
    );
  });

  it('sums the pace up for the live view', () => {
    expect(paceFooter({ currentRate: 6.4, stats: { granted: 40, throttled: 2 } })).toBe('requests: 6.4 a second, 2 of 40 throttled');
  });

  it('gives the rates of a rate line to a hundredth', () => {
    expect(rateFields({ requestsPerSecond: 6.4000000001, previous: 8.0049, reason: 'throttled' }, { granted: 9, throttled: 2 })).toEqual({
      requestsPerSecond: 6.4,
      previous: 8,
      reason: 'throttled',
      requests: 9,
      throttled: 2,
    });
  });
});

describe('withPace', () => {
  const clock = new FakeClock();

  it('is the renderer itself without a poller', () => {
    const renderer = { finish() {} };
    expect(withPace(renderer, 'plain', new MemoryStream(false))).toBe(renderer);
  });

  it.each([
    ['plain', '[2s] requests: Lightsail throttled a request (1 of 0 so far); pace cut from 10 to 8 a second\n'],
    [
      'json',
      '{"v":1,"type":"rate","time":"1970-01-01T00:00:00.000Z","requestsPerSecond":8,"previous":10,"reason":"throttled","requests":0,"throttled":1}\n',
    ],
  ] as const)('writes a %s line on each change, and stops listening when finished', (kind, expected) => {
    const poller = new Poller({ clock });
    const out = new MemoryStream(false);
    let finished = 0;
    const renderer = withPace({ finish: () => (finished += 1) }, kind, out, { poller, clock, elapsedMs: () => 2000 });
    poller.reportThrottled();
    expect(out.text).toBe(expected);
    renderer.finish();
    expect(finished).toBe(1);
    expect(poller.listenerCount('rate')).toBe(0);
    poller.reportThrottled();
    expect(out.text).toBe(expected);
  });
});

describe('liveFrame with a footer', () => {
  const paint = painter(false);
  const row = (name: string) => ({ name, kind: 'CreateDisk', status: 'Started', outcome: undefined, elapsedMs: 1000 });

  it('adds the footer as the last line', () => {
    expect(liveFrame([row('d-1')], { rows: 24, columns: 80 }, paint, 'requests: 8 a second, 1 of 3 throttled').text).toBe(
      `${liveFrame([row('d-1')], { rows: 24, columns: 80 }, paint).text}\nrequests: 8 a second, 1 of 3 throttled`,
    );
  });

  it('takes one line from the rows, and is cut to the width', () => {
    const rows = [row('d-1'), row('d-2'), row('d-3')];
    // Four lines of terminal: three for a frame (log-update keeps one), so the rows no longer all fit.
    expect(liveFrame(rows, { rows: 4, columns: 80 }, paint).partial).toBe(false);
    const frame = liveFrame(rows, { rows: 4, columns: 12 }, paint, 'requests: 8 a second, 1 of 3 throttled');
    expect(frame.partial).toBe(true);
    const lines = frame.text.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.at(-1)).toBe('requests: 8…');
  });
});

describe('the CLI', () => {
  it('shows the pace in the live view once it has moved, and leaves it on the screen', async () => {
    const { stdout } = await runScripted(
      ['a'],
      { a: [op('Started'), sdkError('ThrottlingException'), op('Succeeded')] },
      {
        stdoutTTY: true,
        env: { NO_COLOR: '1' },
      },
    );
    const frames = stdout.chunks.map(stripAnsi);
    expect(frames[0]).not.toContain('requests:');
    expect(frames.at(-2)).toBe('✔  web-1  CreateInstance  Succeeded  2s\nrequests: 8 a second, 1 of 3 throttled\n');
    expect(frames.at(-1)).toBe('1 operation: 1 succeeded (2s)\n');
  });

  it('keeps the pace under the whole list when the rows did not all fit', async () => {
    const clock = new FakeClock();
    const scripts = { a: [sdkError('ThrottlingException'), op('Succeeded')], b: [op('Succeeded')], c: [op('Succeeded')] };
    const t = testIO({ client: scriptedClient(scripts, clock.now), clock, stdoutTTY: true, env: { NO_COLOR: '1' } });
    // Three lines of terminal: a frame of two, one of them the pace, so three rows cannot fit.
    Object.assign(t.stdout, { rows: 3 });
    const { value } = await clock.run(run(['--max-delay', '1s', 'a', 'b', 'c'], t.io));
    expect(value).toBe(0);
    const frames = t.stdout.chunks.map(stripAnsi);
    expect(frames.at(-2)).toBe(
      [
        '✔  web-1  CreateInstance  Succeeded  1s',
        '✔  web-1  CreateInstance  Succeeded  0s',
        '✔  web-1  CreateInstance  Succeeded  0s',
        'requests: 8 a second, 1 of 4 throttled',
        '',
      ].join('\n'),
    );
  });

  it('writes nothing about the pace when it never moves', async () => {
    const { stdout } = await runScripted(['--json', 'a'], { a: [op('Started'), op('Succeeded')] });
    expect(jsonRecords(stdout.text).map((record) => record.type)).toEqual(['status', 'status', 'result', 'summary']);
  });
});

describe("over HTTP, against the simulator through the CLI's SDK client", () => {
  const simulators: Simulator[] = [];
  afterAll(async () => {
    await Promise.all(simulators.splice(0).map((sim) => sim.close()));
  });

  const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

  it("makes the CLI's client leave every retry to the waiter, unless AWS_MAX_ATTEMPTS is set", async () => {
    expect(sdkAttempts({})).toEqual({ maxAttempts: 1 });
    expect(sdkAttempts({ AWS_MAX_ATTEMPTS: '' })).toEqual({ maxAttempts: 1 });
    expect(sdkAttempts({ AWS_MAX_ATTEMPTS: '5' })).toEqual({});
    const client = createLightsailClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9' });
    try {
      expect(await (client as unknown as LightsailClient).config.maxAttempts()).toBe(
        process.env.AWS_MAX_ATTEMPTS ? Number(process.env.AWS_MAX_ATTEMPTS) : 1,
      );
    } finally {
      client.destroy?.();
    }
  });

  it('turns a ThrottlingException into a rate line and a plain line', async () => {
    const outputs: string[] = [];
    for (const output of [['--json'], []]) {
      const sim = await startSimulator({ timeScale: 1000 });
      simulators.push(sim);
      const id = sim.createOperation().id;
      sim.injectFault({ kind: 'ThrottlingException', action: 'GetOperation', times: 1 });
      const t = testIO({});
      // The CLI's own client (one attempt per request), given dummy credentials so that no chain runs.
      const io = { ...t.io, createClient: (config: object) => createLightsailClient({ ...config, credentials } as never) };
      const flags = ['--endpoint-url', sim.endpoint, '--region', 'us-east-1', '--min-delay', '50ms', '--max-delay', '100ms'];
      expect(await run([...flags, ...output, id], io)).toBe(0);
      outputs.push(t.stdout.text);
    }
    const [json, plain] = outputs as [string, string];
    expect(jsonRecords(json).filter((record) => record.type === 'rate')).toEqual([
      { type: 'rate', requestsPerSecond: 8, previous: 10, reason: 'throttled', requests: 1, throttled: 1 },
    ]);
    expect(plain).toMatch(/^\[0s\] requests: Lightsail throttled a request \(1 of 1 so far\); pace cut from 10 to 8 a second$/m);
  });
});
