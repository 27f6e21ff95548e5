/**
 * Spawning the built CLI with an environment a test chooses (no region, no credentials, a proxy, no
 * SDK warning switch), and temporary AWS config files, so that nothing of the user's machine leaks in.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ENV, type Exit, exitOf } from './e2e-helpers.js';

/**
 * Runs `node [nodeArgs] dist/cli.js args` with `env` and resolves when it exits; stdin gets `stdin`
 * then ends (ended at once when none is given).
 */
export function runWithEnv(env: Record<string, string>, args: string[], stdin = '', nodeArgs: string[] = []): Promise<Exit> {
  const child = spawn(process.execPath, [...nodeArgs, CLI, ...args], { env, stdio: 'pipe' });
  child.stdin.end(stdin);
  return exitOf(child);
}

/** A temporary AWS config file (`[default]` with only `output`) and an empty credentials file. */
export function tempAwsFiles(): { config: string; credentials: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'lightsail-wait-aws-'));
  const config = join(dir, 'config');
  const credentials = join(dir, 'credentials');
  writeFileSync(config, '[default]\noutput = json\n');
  writeFileSync(credentials, '');
  return { config, credentials, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The e2e environment (`ENV`) without `names`, with `extra`. */
export function envWithout(names: readonly string[], extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = { ...ENV, ...extra };
  for (const name of names) if (!(name in extra)) delete env[name];
  return env;
}
