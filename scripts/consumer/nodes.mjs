/**
 * Node.js binaries of other versions, from the npm registry's `node-<platform>-<arch>` packages,
 * kept in a cache folder so that each version is downloaded once per machine.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from './exec.mjs';

/** The binary of `version` (`22`, `24`, `20.18.0`), installed into `cacheDir/<version>` if missing. */
export async function nodeBinary(version, cacheDir, env = process.env) {
  const pkg = `node-${process.platform}-${process.arch}`;
  const prefix = join(cacheDir, version);
  const binary = join(prefix, 'node_modules', pkg, 'bin', 'node');
  if (existsSync(binary)) return binary;
  await mkdir(prefix, { recursive: true });
  const args = ['install', '--prefix', prefix, '--no-save', '--prefer-offline', '--no-audit', '--no-fund', `${pkg}@${version}`];
  const result = await run('npm', args, { env, timeoutMs: 300_000 });
  if (result.code !== 0 || !existsSync(binary)) {
    throw new Error(`npm ${args.join(' ')} failed:\n${result.stderr.trim() || result.stdout.trim()}`);
  }
  return binary;
}
