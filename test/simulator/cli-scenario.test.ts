// `lightsail-waiter-simulator --scenario FILE` and the flags that script it, down to a bash script
// that checks the exit code of `lightsail-wait` against the scenario it set up.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CliUsageError, parseSimulatorArgs, USAGE } from '../../src/simulator/cli.js';

const BIN = fileURLToPath(new URL('../../src/simulator/bin.ts', import.meta.url));
const WAIT_BIN = fileURLToPath(new URL('../../src/cli/bin.ts', import.meta.url));
const files = (text: string) => ({ readFile: () => text });

describe('scripting flags', () => {
  it.each([
    [['--fault', 'ThrottlingException:GetOperation:3'], { faults: [{ kind: 'ThrottlingException', action: 'GetOperation', times: 3 }] }],
    [['--fault', 'http503::inf'], { faults: [{ kind: 'http503', times: Infinity }] }],
    [['--fault-after', 'reset:CreateInstances'], { faults: [{ kind: 'reset', action: 'CreateInstances', phase: 'after' }] }],
    [['--not-found-for', '3000', '--not-found-shape', 'code-only'], { notFoundForMs: 3000, notFoundShape: 'code-only' }],
    [['--clock-skew=-300000'], { clockSkewMs: -300_000 }],
    [
      ['--duration', 'CreateInstance=5000', '--duration', 'StopInstance=inf'],
      { durations: { CreateInstance: 5000, StopInstance: Infinity } },
    ],
    [['--vary-durations', '--seed', '7'], { varyDurations: true, seed: 7 }],
    [['--request-log-limit', '100'], { requestLogLimit: 100 }],
    [['--no-request-log'], { requestLogLimit: 0 }],
  ])('parses %j', (argv, options) => {
    expect(parseSimulatorArgs(argv)).toEqual({ help: false, options });
  });

  it.each([
    [['--fault', 'explode'], /--fault expects/],
    [['--fault', 'delay:GetOperation'], /--fault expects/],
    [['--fault', 'reset:Get Operation'], /--fault expects/],
    [['--fault', 'reset:GetOperation:0'], /--fault expects/],
    [['--not-found-shape', 'bare'], /--not-found-shape/],
    [['--clock-skew', '-300000'], /--clock-skew=-XYZ/],
    [['--duration', 'CreateInstance'], /--duration expects/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseSimulatorArgs(argv)).toThrow(CliUsageError);
    expect(() => parseSimulatorArgs(argv)).toThrow(message);
  });

  it('documents the scenario schema in the help', () => {
    for (const word of ['--scenario', '"faults"', '"failures"', '"clockSkewMs"', '"notFoundForMs"', '"maxRequestsPerSecond"', '"phase"']) {
      expect(USAGE).toContain(word);
    }
  });
});

describe('--scenario', () => {
  it('reads the options from the file, "Infinity" included; flags win and add to lists', () => {
    const scenario = JSON.stringify({
      maxRequestsPerSecond: 5,
      clockSkewMs: 300_000,
      durations: { CreateInstance: 'Infinity' },
      faults: [{ kind: 'reset', times: 'Infinity' }],
      failures: [{ match: { operationType: 'CreateDisk' }, failure: { errorCode: 'DiskFull' } }],
    });
    const argv = ['--scenario', 's.json', '--max-rps', '9', '--fault', 'http500', '--duration', 'CreateDisk=10'];
    expect(parseSimulatorArgs(argv, files(scenario))).toEqual({
      help: false,
      options: {
        maxRequestsPerSecond: 9,
        clockSkewMs: 300_000,
        durations: { CreateInstance: Infinity, CreateDisk: 10 },
        faults: [{ kind: 'reset', times: Infinity }, { kind: 'http500' }],
        failures: [{ match: { operationType: 'CreateDisk' }, failure: { errorCode: 'DiskFull' } }],
      },
    });
  });

  it.each([
    ['{ nope', /s\.json: not valid JSON/],
    ['[1]', /s\.json: expected a JSON object/],
    ['{"now": 5}', /s\.json: unknown option "now"/],
  ])('rejects the scenario %s', (text, message) => {
    expect(() => parseSimulatorArgs(['--scenario', 's.json'], files(text))).toThrow(message);
  });

  it('names a file it cannot read', () => {
    expect(() => parseSimulatorArgs(['--scenario', '/nonexistent/s.json'])).toThrow(/--scenario \/nonexistent\/s\.json: cannot read it/);
  });

  it('exits 2 when a scenario value is bad, naming the option', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-scenario-'));
    writeFileSync(join(dir, 's.json'), '{"notFoundShape": "bare"}');
    const result = spawnSync(process.execPath, ['--import', 'tsx', BIN, '--scenario', join(dir, 's.json')], {
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('`notFoundShape`');
  });
});

/** Starts the simulator command with a scenario file, runs a bash script with `$ENDPOINT`, returns the script's output. */
async function runScript(scenario: object, script: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'sim-scenario-'));
  writeFileSync(join(dir, 'scenario.json'), JSON.stringify(scenario));
  const sim = spawn(process.execPath, ['--import', 'tsx', BIN, '--scenario', join(dir, 'scenario.json')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const [endpoint] = (await once(createInterface({ input: sim.stdout }), 'line')) as [string];
    const env = { PATH: process.env.PATH ?? '', ENDPOINT: endpoint, WAIT: `${process.execPath} --import tsx ${WAIT_BIN}` };
    const bash = spawn('bash', ['-c', script], {
      env: { ...env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1', AWS_EC2_METADATA_DISABLED: 'true' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    bash.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await once(bash, 'exit');
    return out;
  } finally {
    sim.kill('SIGTERM');
  }
}

/** Creates web-1 with a raw (unsigned) CreateInstances and pipes the answer into lightsail-wait; prints its exit code. */
const DEPLOY = `
curl -s -X POST "$ENDPOINT/" -H 'content-type: application/x-amz-json-1.1' \\
  -H 'x-amz-target: Lightsail_20161128.CreateInstances' \\
  -d '{"instanceNames":["web-1"],"availabilityZone":"us-east-1a","blueprintId":"b","bundleId":"n"}' \\
  | $WAIT --endpoint-url "$ENDPOINT" --max-delay 1s > /dev/null 2>&1
echo "exit=$?"
`;

describe('a bash deployment script against a scenario', () => {
  it.each([
    ['a clean run', { timeScale: 1000 }, 'exit=0'],
    [
      'a failing create',
      { timeScale: 1000, failures: [{ match: { operationType: 'CreateInstance' }, failure: { errorCode: 'NoCapacity' } }] },
      'exit=1',
    ],
    [
      'access denied on GetOperation',
      { timeScale: 1000, faults: [{ kind: 'AccessDeniedException', action: 'GetOperation', times: 'Infinity' }] },
      'exit=4',
    ],
    ['a server clock 5 min ahead', { timeScale: 1000, clockSkewMs: 300_000 }, 'exit=0'],
  ])(
    '%s: lightsail-wait exits as documented',
    async (_, scenario, expected) => {
      expect((await runScript(scenario, DEPLOY)).trim()).toBe(expected);
    },
    30_000,
  );
});
