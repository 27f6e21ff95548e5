/**
 * `run()` under GitHub Actions (`GITHUB_ACTIONS=true` in `io.env`), in-process and in virtual
 * time: the log group around the progress, the annotations after the report, the job summary and
 * step outputs appended to the files the runner names.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportToGitHub } from '../../src/cli/github/report.js';
import { run } from '../../src/cli/run.js';
import type { RunSummary } from '../../src/cli/run-summary.js';
import { parseOutputFile, runnerView } from '../examples/github-files.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { testIO } from './helpers.js';
import { jsonRecords } from './json-lines.js';
import { instance, resourceClient } from './resource-stub.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lightsail-wait-github-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let count = 0;
/** A fresh `$GITHUB_OUTPUT` and `$GITHUB_STEP_SUMMARY`, and the environment naming them. */
function githubEnv(extra: Record<string, string> = {}) {
  count += 1;
  const files = { GITHUB_OUTPUT: join(dir, `output-${count}`), GITHUB_STEP_SUMMARY: join(dir, `summary-${count}.md`) };
  return { files, env: { GITHUB_ACTIONS: 'true', ...files, ...extra } };
}

const scripts = {
  'GetInstance web-1': [instance('pending'), instance('running', '198.51.100.7')],
  'GetInstance web-2': [instance('pending'), instance('terminated')],
};

async function runWaiter(argv: string[], env: Record<string, string>) {
  const clock = new FakeClock();
  const t = testIO({ client: resourceClient(scripts, clock.now) as never, clock, env });
  const { value, error } = await clock.run(run(['--max-delay', '1s', ...argv], t.io));
  if (error !== undefined) throw error;
  return { ...t, code: value as number };
}

describe('under GitHub Actions', () => {
  it('folds the progress into a group, then annotates the failure after the report', async () => {
    const { env } = githubEnv();
    const { code, stdout, stderr } = await runWaiter(['instance-running', 'web-1', 'web-2'], env);
    expect(code).toBe(1);
    expect(stdout.lines).toEqual([
      '::group::lightsail-wait instance-running web-1 web-2',
      '[0s] instance web-1: pending',
      '[0s] instance web-2: pending',
      '[1s] instance web-1: pending → running (198.51.100.7)',
      '[1s] instance web-2: pending → terminated',
      '2 resources: 1 succeeded, 1 failed (1.1s)',
      '::endgroup::',
    ]);
    // The report (text from outside) with workflow commands off around it, then the annotation.
    const report = 'lightsail-wait: instance web-2 (instance-running) failed in state terminated: the instance is terminated';
    const { lines, guarded } = runnerView(stderr.text);
    expect(guarded).toEqual([report]);
    expect(lines.filter((line) => line !== '')).toEqual([
      report,
      '::error title=instance web-2%3A failed in state terminated::instance web-2 (instance-running) failed in state terminated: the instance is terminated',
    ]);
  });

  it('appends the job summary and the step outputs, each run after the last', async () => {
    const { env, files } = githubEnv();
    await writeFile(files.GITHUB_OUTPUT, 'earlier=1\n');
    await runWaiter(['instance-running', 'web-1'], env);
    await runWaiter(['instance-running', 'web-2'], env);
    const outputs = parseOutputFile(await readFile(files.GITHUB_OUTPUT, 'utf8'));
    // The runner keeps the last value of a name.
    expect(outputs).toMatchObject({ earlier: '1', outcome: 'failed', 'exit-code': '1', 'public-ip': '198.51.100.7' });
    expect(JSON.parse(outputs.results as string)).toEqual([
      expect.objectContaining({ id: 'web-2', outcome: 'failed', state: 'terminated' }),
    ]);
    const summary = await readFile(files.GITHUB_STEP_SUMMARY, 'utf8');
    expect(summary.match(/^### /gm)).toHaveLength(2);
    expect(summary).toContain('| ✅ | instance web-1 | succeeded | running | 1s | 198.51.100.7 |');
    expect(summary).toContain(
      '| ❌ | instance web-2 | failed | terminated | 1s | instance web-2 (instance-running) failed in state terminated: the instance is terminated |',
    );
  });

  it('keeps standard output for JSON alone with --json: no group, the annotations on stderr', async () => {
    const { env, files } = githubEnv();
    const { stdout, stderr } = await runWaiter(['--json', 'instance-running', 'web-1', 'web-2'], env);
    expect(jsonRecords(stdout.text).at(-1)).toMatchObject({ type: 'summary', exitCode: 1 });
    expect(stderr.lines.at(-1)).toMatch(/^::error title=instance web-2%3A/);
    expect(parseOutputFile(await readFile(files.GITHUB_OUTPUT, 'utf8'))).toMatchObject({
      outcome: 'failed',
      'public-ips': '{"web-1":"198.51.100.7"}',
    });
  });

  it('warns when a file cannot be written, and keeps the exit code', async () => {
    const { env } = githubEnv({ GITHUB_OUTPUT: join(dir, 'no-such-dir', 'output') });
    const { code, stderr } = await runWaiter(['--quiet', 'instance-running', 'web-1'], env);
    expect(code).toBe(0);
    expect(stderr.lines).toEqual([expect.stringMatching(/^::warning title=lightsail-wait::could not write \$GITHUB_OUTPUT: ENOENT/)]);
  });

  it('annotates a command line it rejects, and sets the usage outcome', async () => {
    const { env, files } = githubEnv();
    const t = testIO({ env });
    expect(await run(['instance-running', 'web-1', '--timeout', 'soon'], t.io)).toBe(2);
    expect(t.stdout.text).toBe('');
    expect(t.stderr.lines).toEqual([
      expect.stringMatching(/^lightsail-wait: invalid --timeout 'soon'/),
      expect.stringMatching(/^::error title=lightsail-wait%3A bad usage::invalid --timeout 'soon'/),
    ]);
    expect(parseOutputFile(await readFile(files.GITHUB_OUTPUT, 'utf8'))).toMatchObject({
      outcome: 'usage',
      'exit-code': '2',
      results: '[]',
    });
  });

  it('does none of it without GITHUB_ACTIONS=true', async () => {
    const { env, files } = githubEnv({ GITHUB_ACTIONS: 'false' });
    const { stdout, stderr } = await runWaiter(['instance-running', 'web-1', 'web-2'], env);
    expect(stdout.text).not.toContain('::');
    expect(stderr.text).not.toContain('::');
    await expect(readFile(files.GITHUB_OUTPUT, 'utf8')).rejects.toThrow(/ENOENT/);
  });
});

describe('reportToGitHub', () => {
  it('has written the outputs and the job summary before it returns its promise, so that no exit can cut them off', async () => {
    const { files, env } = githubEnv();
    const stderr: string[] = [];
    const summary = {
      waiter: 'instance-running',
      mode: 'resources',
      outcome: 'aborted',
      exitCode: 130,
      elapsedMs: 1_000,
      message: null,
      requests: null,
      inputs: [],
    } as unknown as RunSummary;
    const reported = reportToGitHub(summary, { stderr: { write: (text: string) => stderr.push(text) } as never, env });
    // Read before the promise settles: the files are there already.
    expect(parseOutputFile(readFileSync(files.GITHUB_OUTPUT, 'utf8'))).toMatchObject({ 'exit-code': '130', outcome: 'aborted' });
    expect(readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8')).toContain('Exit code 130 (aborted).');
    await reported;
  });
});
