#!/usr/bin/env node
/**
 * Consumer tests: the package as a user installs it. Builds (unless --no-build), packs the
 * tarball, installs it with the real @aws-sdk/client-lightsail into a throwaway project (one
 * install), then checks `import`, `require`, the bins, strict TypeScript consumers (the repo's
 * TypeScript and TypeScript 7), publint and attw. Prints `ok - …` / `not ok - …` per check, ends
 * with the line `N passed, M failed` (CI reads it), and exits 1 on any failure.
 *
 *   node scripts/consumer-test.mjs [--no-build] [--node <path>]... [--node-version <v>]...
 *                                  [--all-nodes] [--no-lint] [--footprint] [--keep]
 *
 * --node <path>         run the runtime checks with this node binary (repeatable); default: the
 *                       node running this script
 * --node-version <v>    also with Node.js <v> (22, 24, 20.18.0), installed from the npm registry
 *                       into .tmp/nodes/ once (repeatable)
 * --all-nodes           this node, plus --node-version 22 and 24
 * --no-lint             skip publint and attw
 * --footprint           also measure node_modules of fresh installs with and without the SDK
 * --keep                keep the temporary folder and print its path
 * --package-dir <dir>   pack this folder instead of the repo (to try package.json or build
 *                       changes on a copy); implies --no-build
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeRun, Report, run } from './consumer/exec.mjs';
import { nodeBinary } from './consumer/nodes.mjs';
import { oldestSdkChecks } from './consumer/oldest-sdk.mjs';
import { checkContents, checkLinters, measureFootprint } from './consumer/package-checks.mjs';
import { install, layOut, TS_SETUPS, typescripts } from './consumer/project.mjs';
import { childEnv, runtimeChecks } from './consumer/runtime-checks.mjs';

const REPO = dirname(dirname(fileURLToPath(import.meta.url)));
const FIXTURES = join(REPO, 'test', 'consumer', 'fixtures');
const NODE_CACHE = join(REPO, '.tmp', 'nodes');

const { values: flags } = parseArgs({
  options: {
    'no-build': { type: 'boolean' },
    node: { type: 'string', multiple: true, default: [] },
    'node-version': { type: 'string', multiple: true, default: [] },
    'all-nodes': { type: 'boolean' },
    'no-lint': { type: 'boolean' },
    footprint: { type: 'boolean' },
    keep: { type: 'boolean' },
    'package-dir': { type: 'string' },
  },
  strict: true,
});

const PACKAGE_DIR = flags['package-dir'] ?? REPO;
const report = new Report();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Builds, packs and installs; returns what the checks need, or `undefined` when a step failed. */
async function prepare(workDir, env) {
  if (!flags['no-build'] && flags['package-dir'] === undefined) {
    const build = await run('npx', ['tsup'], { cwd: REPO, env, timeoutMs: 300_000 });
    if (!report.check('build: npx tsup', build.code === 0, build.code === 0 ? `in ${seconds(build.ms)}` : describeRun(build)))
      return undefined;
  }
  // --ignore-scripts: the build above (or `npm test`'s) already ran; prepack would build again.
  const pack = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', workDir], {
    cwd: PACKAGE_DIR,
    env,
    timeoutMs: 120_000,
  });
  let packed;
  try {
    packed = JSON.parse(pack.stdout)[0];
  } catch {
    packed = undefined;
  }
  if (!report.check('pack: npm pack', pack.code === 0 && packed !== undefined, pack.code === 0 ? '' : describeRun(pack))) return undefined;
  const repoPackage = JSON.parse(await readFile(join(PACKAGE_DIR, 'package.json'), 'utf8'));
  checkContents(report, packed, repoPackage);

  const root = join(workDir, 'project');
  const tarball = join(workDir, packed.filename);
  await layOut(root, FIXTURES);
  const installed = await install(root, { tarball, repoPackage, env });
  if (
    !report.check(
      `install: npm install ${installed.specs.map((s) => s.replace(workDir, '<tmp>')).join(' ')}`,
      installed.ok,
      installed.ok ? `in ${seconds(installed.ms)}` : installed.details,
    )
  )
    return undefined;
  return { root, tarball, version: packed.version, repoPackage, workDir };
}

/** Compiles each TypeScript setup with each installed compiler. */
async function typeChecks(root, repoPackage, env) {
  for (const { name } of typescripts(repoPackage)) {
    const dir = join(root, 'node_modules', name);
    const tsVersion = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')).version;
    for (const setup of TS_SETUPS) {
      const result = await run(process.execPath, [join(dir, 'bin', 'tsc'), '-p', join(root, setup.dir, 'tsconfig.json')], {
        cwd: join(root, setup.dir),
        env,
        timeoutMs: 180_000,
      });
      report.check(
        `TypeScript ${tsVersion} strict consumer compiles: ${setup.name}`,
        result.code === 0,
        result.code === 0 ? `tsc --noEmit in ${seconds(result.ms)}` : describeRun(result, { lines: 40 }),
      );
    }
  }
}

/** The node binaries to run the runtime checks with, with their versions. */
async function nodes(env) {
  // Relative paths are made absolute: the checks run in other folders.
  const paths = flags.node.length > 0 ? flags.node.map((p) => (p.includes('/') ? resolve(p) : p)) : [process.execPath];
  const versions = [...(flags['all-nodes'] ? ['22', '24'] : []), ...flags['node-version']];
  const installs = await Promise.allSettled(versions.map((version) => nodeBinary(version, NODE_CACHE, env)));
  installs.forEach((installed, i) => {
    if (installed.status === 'fulfilled') paths.push(installed.value);
    else report.check(`node ${versions[i]}: install the node binary`, false, installed.reason.message);
  });
  const found = [];
  for (const path of paths) {
    const result = await run(path, ['--version'], { env, timeoutMs: 30_000 });
    if (report.check(`node ${path}: runs`, result.code === 0, result.code === 0 ? result.stdout.trim() : describeRun(result))) {
      found.push({ node: path, nodeVersion: result.stdout.trim() });
    }
  }
  return found;
}

async function main() {
  const started = performance.now();
  const workDir = await mkdtemp(join(tmpdir(), 'lightsail-waiter-consumer-'));
  const env = childEnv(process.execPath);
  try {
    const binaries = await nodes(env);
    const prepared = await prepare(workDir, env);
    if (prepared) {
      await typeChecks(prepared.root, prepared.repoPackage, env);
      for (const { node, nodeVersion } of binaries) {
        await runtimeChecks(report, { node, nodeVersion, root: prepared.root, version: prepared.version });
      }
      const [first] = binaries;
      if (first) await oldestSdkChecks(report, { ...prepared, fixtures: FIXTURES, node: first.node, nodeVersion: first.nodeVersion });
      if (!flags['no-lint']) await checkLinters(report, { repo: REPO, tarball: prepared.tarball, env });
      if (flags.footprint) await measureFootprint(report, { tarball: prepared.tarball, workDir, env });
    }
  } finally {
    if (flags.keep) report.note(`kept ${workDir}`);
    else await rm(workDir, { recursive: true, force: true });
  }
  report.note(`wall time ${seconds(performance.now() - started)}`);
  if (report.failed > 0) report.note(`failed: ${report.failures.join('; ')}`);
  console.log(report.summary());
  process.exitCode = report.failed > 0 ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  console.log(`${report.passed} passed, ${report.failed + 1} failed`);
  process.exitCode = 1;
});
