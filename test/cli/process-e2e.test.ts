/**
 * End to end, the process around `run`: stdin left open, huge or deep stdin, and readers that go
 * away (`| head -1`). Spawns the built `dist/cli.js`.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { LIMITS } from '../../src/cli/limits.js';
import { assertBuilt, CLI, closeSimulators, ENV, simulator, spawnCli } from './e2e-helpers.js';

beforeAll(assertBuilt);
afterAll(closeSimulators);

/** Ids nobody created: each wait keeps polling (not found is retried for 10 s) until --timeout. */
const unknownIds = (count: number) => Array.from({ length: count }, (_, i) => `0000-${String(i).padStart(6, '0')}`).join('\n');

describe.concurrent('lightsail-wait as a process (spawned)', () => {
  it('ends at --timeout with exit 3 when no ids are given and stdin is a pipe left open', async ({ expect }) => {
    const started = performance.now();
    const { code, stderr } = await spawnCli(['--timeout', '2s', '--endpoint-url', 'http://127.0.0.1:9']).exit;
    const elapsed = performance.now() - started;
    expect(code).toBe(3);
    expect(elapsed).toBeGreaterThan(1_900);
    // 2 s, plus starting Node.js on a machine busy with the other tests; without the fix it never ends.
    expect(elapsed).toBeLessThan(10_000);
    expect(stderr).toBe(
      'lightsail-wait: timed out after 2s reading stdin: it was never closed (give the ids or names as arguments, or end the input, e.g. `< /dev/null`)\n',
    );
  });

  it('exits 2, not 1, for 130,000 ids on stdin', async ({ expect }) => {
    const { code, stderr } = await spawnCli(['--endpoint-url', 'http://127.0.0.1:9'], unknownIds(130_000)).exit;
    expect(code).toBe(2);
    expect(stderr).toBe(
      `lightsail-wait: stdin holds 130000 operation ids; one command waits on at most ${LIMITS.waits} (split the input)\n`,
    );
  });

  it('exits 2, not 1, for JSON nested 5,000 deep', async ({ expect }) => {
    const { code, stderr } = await spawnCli(['--endpoint-url', 'http://127.0.0.1:9'], `${'['.repeat(5_000)}"op-1"${']'.repeat(5_000)}`)
      .exit;
    expect(code).toBe(2);
    expect(stderr).toBe('lightsail-wait: stdin JSON nests arrays and objects deeper than 64 levels, the most lightsail-wait reads\n');
  });

  it('keeps the exit code of a long report when its stderr reader goes away', async ({ expect }) => {
    const { sim } = await simulator();
    const child = spawn(process.execPath, [CLI, '--timeout', '1s', '--endpoint-url', sim.endpoint], { env: ENV, stdio: 'pipe' });
    child.stderr.destroy();
    child.stdout.resume();
    child.stdin.end(unknownIds(3_000));
    const code = await new Promise<number | null>((resolve) => child.once('close', (exitCode) => resolve(exitCode)));
    expect(code).toBe(3);
  });

  it('keeps the exit code with 2>&1 | head -1', async ({ expect }) => {
    const { sim } = await simulator();
    const script = `node "$CLI" --timeout 1s --endpoint-url "$ENDPOINT" < "$IDS" 2>&1 | head -1; echo "exit=\${PIPESTATUS[0]}"`;
    const ids = `${process.env.TMPDIR ?? '/tmp'}/lightsail-wait-ids-${process.pid}.txt`;
    const { writeFile, rm } = await import('node:fs/promises');
    await writeFile(ids, unknownIds(3_000));
    try {
      const bash = spawn('bash', ['-c', script], { env: { ...ENV, CLI, ENDPOINT: sim.endpoint, IDS: ids }, stdio: 'pipe' });
      let out = '';
      bash.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
      await new Promise((resolve) => bash.once('close', resolve));
      const outLines = out.split('\n').filter(Boolean);
      expect(outLines).toHaveLength(2);
      expect(outLines[1]).toBe('exit=3');
    } finally {
      await rm(ids, { force: true });
    }
  });
});
