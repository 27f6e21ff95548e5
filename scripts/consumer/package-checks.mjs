/**
 * Checks of the packed tarball itself: what it ships, what it depends on, publint and
 * @arethetypeswrong/cli, and (on demand) the install footprint.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeRun, run } from './exec.mjs';

/** What the tarball may contain besides the files `exports` and `bin` point at. */
const ALLOWED = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICEN[CS]E(\.md)?$/i,
  /^CHANGELOG\.md$/,
  /^schema\/[\w.-]+\.schema\.json$/,
  /^dist\/[\w-]+\.(js|cjs|d\.ts|d\.cts)$/,
];

/** What the tarball must contain besides its entry points: the change log and the --json schema. */
const REQUIRED = ['CHANGELOG.md', 'schema/lightsail-wait.v1.schema.json'];

/** The only runtime dependencies the package may have (the SDK is a peer). */
const RUNTIME_DEPENDENCIES = ['eventemitter3', 'hpagent', 'is-network-error', 'p-retry'];

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

/** Every file path that `exports` and `bin` name, without `./`. */
function entryTargets(pkg) {
  const targets = new Set();
  const walk = (value) => {
    if (typeof value === 'string') targets.add(value.replace(/^\.\//, ''));
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(pkg.exports);
  walk(pkg.bin);
  for (const field of ['main', 'module', 'types']) walk(pkg[field]);
  return [...targets];
}

/** Checks the tarball's file list and package.json; `pack` is `npm pack --json`'s entry. */
export function checkContents(report, pack, pkg) {
  const files = pack.files.map((f) => f.path);
  report.note(`tarball ${pack.filename}: ${kb(pack.size)} packed, ${kb(pack.unpackedSize)} unpacked, ${files.length} files`);
  const unexpected = files.filter((file) => !ALLOWED.some((pattern) => pattern.test(file)));
  report.check(
    'package: ships only dist/ code and declarations, README, LICENSE, CHANGELOG, the schema and package.json',
    unexpected.length === 0,
    unexpected.length ? `unexpected: ${unexpected.join(', ')}` : files.join(', '),
  );
  const absent = REQUIRED.filter((file) => !files.includes(file));
  report.check(
    'package: ships CHANGELOG.md and the --json schema',
    absent.length === 0,
    absent.length ? `missing: ${absent.join(', ')}` : '',
  );
  const missing = entryTargets(pkg).filter((target) => !files.includes(target));
  report.check(
    'package: every exports, bin, main, module and types target is in the tarball',
    missing.length === 0,
    missing.length ? `missing: ${missing.join(', ')}` : '',
  );
  const bins = pack.files.filter((f) => Object.values(pkg.bin ?? {}).some((b) => b.replace(/^\.\//, '') === f.path));
  const notExecutable = bins.filter((f) => (f.mode & 0o111) === 0).map((f) => f.path);
  report.check('package: bins are executable', notExecutable.length === 0, notExecutable.join(', '));
  const deps = Object.keys(pkg.dependencies ?? {}).sort();
  report.check(
    `package: runtime dependencies are only ${RUNTIME_DEPENDENCIES.join(' and ')}, the SDK is a peer`,
    JSON.stringify(deps) === JSON.stringify(RUNTIME_DEPENDENCIES) && Boolean(pkg.peerDependencies?.['@aws-sdk/client-lightsail']),
    `dependencies: ${deps.join(', ') || 'none'}; peerDependencies: ${Object.keys(pkg.peerDependencies ?? {}).join(', ') || 'none'}`,
  );
}

/** Runs a linter from the repo's devDependencies if installed, else through `npx --yes spec`. */
async function lint(repo, bin, spec, args, env) {
  const local = join(repo, 'node_modules', '.bin', bin);
  return existsSync(local)
    ? run(local, args, { env, timeoutMs: 300_000 })
    : run('npx', ['--yes', spec, ...args], { env, timeoutMs: 300_000 });
}

/** publint and attw on the tarball: no errors allowed; their full output is printed. */
export async function checkLinters(report, { repo, tarball, env }) {
  const publint = await lint(repo, 'publint', 'publint@0.3', ['run', tarball], env);
  const publintText = `${publint.stdout}${publint.stderr}`;
  report.check(
    'publint: no errors',
    publint.code === 0 && !/^\s*Errors?:/im.test(publintText),
    publint.code === 0 ? publintText : describeRun(publint),
  );

  const attw = await lint(
    repo,
    'attw',
    '@arethetypeswrong/cli@0.18',
    [tarball, '--format', 'table-flipped', '--no-color', '--no-emoji'],
    env,
  );
  report.check(
    'attw (@arethetypeswrong/cli): no problems',
    attw.code === 0,
    attw.code === 0 ? attw.stdout : describeRun(attw, { lines: 60 }),
  );
}

/** Disk use of a folder in kB (`du -sk`), or `undefined` where `du` is missing. */
async function diskKb(dir) {
  const result = await run('du', ['-sk', dir], { timeoutMs: 60_000 });
  return result.code === 0 ? Number(result.stdout.split(/\s/)[0]) : undefined;
}

/**
 * Installs the tarball alone (no SDK peer) and with the SDK into fresh projects and prints what
 * node_modules weighs in each. Two extra installs, so only with `--footprint`.
 */
export async function measureFootprint(report, { tarball, workDir, env }) {
  const cases = [
    ['without the SDK peer', [tarball, '--legacy-peer-deps']],
    ['with @aws-sdk/client-lightsail', [tarball, '@aws-sdk/client-lightsail']],
  ];
  for (const [label, args] of cases) {
    const dir = join(workDir, `footprint-${label.replace(/\W+/g, '-')}`);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'footprint', private: true }));
    const install = await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', ...args], {
      cwd: dir,
      env,
      timeoutMs: 300_000,
    });
    if (install.code !== 0) {
      report.check(`footprint: install ${label}`, false, describeRun(install));
      continue;
    }
    const ls = await run('npm', ['ls', '--all', '--parseable'], { cwd: dir, env, timeoutMs: 60_000 });
    const packages = ls.stdout.trim().split('\n').length - 1;
    report.note(`footprint ${label}: node_modules ${await diskKb(join(dir, 'node_modules'))} kB on disk (du -sk), ${packages} packages`);
  }
}
