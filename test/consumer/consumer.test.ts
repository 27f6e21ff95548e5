/**
 * The package as users install it: `scripts/consumer-test.mjs` packs the built dist/ (npm test
 * builds before vitest), installs the tarball with the real SDK into a throwaway project (one
 * `npm install`, from npm's cache after the first run), and checks import, require, the bins,
 * strict TypeScript consumers, publint and attw, on this Node.js and on Node 20.0.0 (the lowest
 * `engines` allows), 22 and 24, whose binaries it installs from the npm registry into .tmp/nodes/.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../../scripts/consumer-test.mjs', import.meta.url));

interface ScriptRun {
  readonly code: number | null;
  readonly output: string;
}

function runConsumerTests(args: readonly string[], timeoutMs: number): Promise<ScriptRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [SCRIPT, ...args],
      { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        resolve({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}

// `.ci/run` runs the suite twice, on Node 20 and on Node 22; these checks run the tarball on every
// supported Node themselves, whatever Node runs the suite, so its second pass skips them.
const skipConsumer = process.env.LIGHTSAIL_WAITER_SKIP_CONSUMER === '1';
if (skipConsumer)
  console.warn('Skipping the consumer checks (LIGHTSAIL_WAITER_SKIP_CONSUMER=1): the first pass ran them on Node 20.0.0, 20, 22 and 24');

describe.skipIf(skipConsumer)('the packed tarball, installed in a throwaway project', () => {
  it('passes every consumer check on Node 20, 22 and 24', { timeout: 300_000 }, async () => {
    const { code, output } = await runConsumerTests(['--no-build', '--all-nodes', '--node-version', '20.0.0'], 290_000);
    const summary = output.trimEnd().split('\n').at(-1) ?? '';
    // On failure the message carries the script's whole report: the `not ok` lines say what broke.
    expect(code, output).toBe(0);
    expect(summary).toMatch(/^\d+ passed, 0 failed$/);
  });
});
