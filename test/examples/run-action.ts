/**
 * Runs the composite action, action.yml, as GitHub's runner would: its step's `run:` script (read
 * with a YAML parser) with the inputs in its `env:`, in bash with `-eo pipefail`,
 * `GITHUB_ACTIONS=true`, `GITHUB_ACTION_PATH` and temporary `$GITHUB_OUTPUT` and
 * `$GITHUB_STEP_SUMMARY` files; then the action's outputs resolved from that output file. No
 * network: the built dist/cli.js is `lightsail-wait` on PATH, and `npx` a stand-in that records
 * its arguments and runs dist/cli.js with what follows its `--` and the command name.
 */
import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { parse } from 'yaml';
import { CLI, ENV, exitOf } from '../cli/e2e-helpers.js';
import { parseOutputFile } from './github-files.js';

/** The repository: `GITHUB_ACTION_PATH` of the action. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Array<{ id: string; shell: string; env: Record<string, string>; run: string }> };
}

/** How the action's step ended. */
export interface StepRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The action's outputs, as a workflow reads them (`steps.<id>.outputs.<name>`). */
  readonly outputs: Record<string, string>;
  /** What the step appended to `$GITHUB_STEP_SUMMARY`. */
  readonly summary: string;
  /** What the stand-in npx was given, if it ran. */
  readonly npx: string[] | undefined;
}

let work: Promise<string> | undefined;

/** The folder holding `bin/` (lightsail-wait, npx) and each run's files, made once. */
function workDir(): Promise<string> {
  work ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lightsail-wait-action-'));
    await mkdir(join(dir, 'bin'));
    await symlink(CLI, join(dir, 'bin', 'lightsail-wait'));
    const npx = `#!/usr/bin/env bash\nprintf '%s\\n' "$@" > "$NPX_LOG"\nwhile [[ "$1" != -- ]]; do shift; done\nshift 2\nexec node "${CLI}" "$@"\n`;
    await writeFile(join(dir, 'bin', 'npx'), npx);
    await chmod(join(dir, 'bin', 'npx'), 0o755);
    return dir;
  })();
  return work;
}

/** Removes what the runs left. */
export async function removeActionRuns(): Promise<void> {
  if (work !== undefined) await rm(await work, { recursive: true, force: true });
  work = undefined;
}

/**
 * Runs the action's step with `inputs` (the others take their defaults), in `cwd` (a fresh folder
 * by default), with `env` added to a clean AWS environment.
 */
export async function runAction(
  inputs: Record<string, string>,
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<StepRun> {
  const action = parse(await readFile(join(ROOT, 'action.yml'), 'utf8')) as Action;
  expect(action.runs.using).toBe('composite');
  const [step] = action.runs.steps;
  if (step === undefined) throw new Error('action.yml has no step');
  expect(step.shell).toBe('bash');
  expect(Object.keys(inputs).filter((name) => !(name in action.inputs))).toEqual([]);
  const expression = (text: string) =>
    text.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => inputs[name] ?? action.inputs[name]?.default ?? '');
  const env = Object.fromEntries(Object.entries(step.env).map(([key, value]) => [key, expression(value)]));
  const base = await workDir();
  const dir = await mkdtemp(join(base, 'step-'));
  const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary.md'), NPX_LOG: join(dir, 'npx.log') };
  const script = join(dir, 'step.sh');
  await writeFile(script, expression(step.run));
  const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
    cwd: options.cwd ?? dir,
    env: {
      ...ENV,
      ...options.env,
      ...env,
      ...files,
      PATH: `${join(base, 'bin')}:${ENV.PATH}`,
      GITHUB_ACTIONS: 'true',
      GITHUB_ACTION_PATH: ROOT,
    },
  });
  const { code, stdout, stderr } = await exitOf(child);
  const read = (path: string) => readFile(path, 'utf8').catch(() => undefined);
  const stepOutputs = parseOutputFile((await read(files.GITHUB_OUTPUT)) ?? '');
  const outputs = Object.fromEntries(
    Object.entries(action.outputs).map(([name, { value }]) => [
      name,
      value.replace(
        new RegExp(`\\$\\{\\{\\s*steps\\.${step.id}\\.outputs\\.([\\w-]+)\\s*\\}\\}`, 'g'),
        (_, key: string) => stepOutputs[key] ?? '',
      ),
    ]),
  );
  const npx = (await read(files.NPX_LOG))?.trimEnd().split('\n');
  return { code, stdout, stderr, outputs, summary: (await read(files.GITHUB_STEP_SUMMARY)) ?? '', npx };
}
