/**
 * The throwaway consumer project: one `npm install` of the tarball, the real SDK and TypeScript
 * at its root, and one folder per way of using the package (ESM, CJS, three TypeScript setups),
 * each resolving the packages from the root's node_modules. The sources come from
 * test/consumer/fixtures/.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeRun, run } from './exec.mjs';

/** Strict options every TypeScript consumer compiles with; declarations are checked too. */
const STRICT = {
  target: 'ES2022',
  lib: ['ES2022'],
  types: ['node'],
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  skipLibCheck: false,
  noEmit: true,
  forceConsistentCasingInFileNames: true,
};

/** The TypeScript setups: folder, its package.json `type`, compiler options, source files. */
export const TS_SETUPS = [
  {
    name: 'nodenext, ESM package',
    dir: 'ts-nodenext-esm',
    type: 'module',
    options: { module: 'nodenext', moduleResolution: 'nodenext', verbatimModuleSyntax: true },
    files: ['consumer.ts', 'consumer-resources.ts'],
  },
  {
    name: 'nodenext, CommonJS package (import and import = require)',
    dir: 'ts-nodenext-cjs',
    type: 'commonjs',
    options: { module: 'nodenext', moduleResolution: 'nodenext' },
    files: ['consumer.ts', 'consumer-resources.ts', 'consumer-require.cts'],
  },
  {
    name: 'bundler',
    dir: 'ts-bundler',
    type: 'module',
    options: { module: 'esnext', moduleResolution: 'bundler', verbatimModuleSyntax: true },
    files: ['consumer.ts', 'consumer-resources.ts'],
  },
];

const write = (file, value) => writeFile(file, typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`);

/** Lays out the folders and copies the fixtures; no install. */
export async function layOut(root, fixtures) {
  await mkdir(root, { recursive: true });
  await write(join(root, 'package.json'), { name: 'lightsail-waiter-consumer', private: true, version: '0.0.0' });
  const folders = [
    ['esm', 'module', ['check.mjs', 'scenario.cjs', 'resource-scenario.cjs', 'create-operation.mjs']],
    ['cjs', 'commonjs', ['check.cjs', 'scenario.cjs', 'resource-scenario.cjs']],
  ];
  for (const [dir, type, files] of folders) {
    await mkdir(join(root, dir));
    await write(join(root, dir, 'package.json'), { type });
    for (const file of files) await copyFile(join(fixtures, file), join(root, dir, file));
  }
  for (const setup of TS_SETUPS) {
    await mkdir(join(root, setup.dir));
    await write(join(root, setup.dir, 'package.json'), { type: setup.type });
    await write(join(root, setup.dir, 'tsconfig.json'), { compilerOptions: { ...STRICT, ...setup.options }, files: setup.files });
    for (const file of setup.files) await copyFile(join(fixtures, file), join(root, setup.dir, file));
  }
}

/**
 * The TypeScript compilers the consumers are checked with, as installed package names: the
 * repo's own range (reproducible), and the native TypeScript 7 that `npm install typescript`
 * gives users now.
 */
export function typescripts(repoPackage) {
  return [
    { name: 'typescript', spec: `typescript@${repoPackage.devDependencies?.typescript ?? 'latest'}` },
    { name: 'typescript-7', spec: 'typescript-7@npm:typescript@^7' },
  ];
}

/**
 * The one install: the tarball, the real SDK, the compilers, and the repo's @types/node range.
 * `--prefer-offline` reuses npm's cache.
 */
export async function install(root, { tarball, repoPackage, env }) {
  const dev = repoPackage.devDependencies ?? {};
  const specs = [
    tarball,
    '@aws-sdk/client-lightsail',
    ...typescripts(repoPackage).map((t) => t.spec),
    `@types/node@${dev['@types/node'] ?? 'latest'}`,
  ];
  const result = await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', ...specs], {
    cwd: root,
    env,
    timeoutMs: 600_000,
  });
  return { ok: result.code === 0, specs, ms: result.ms, details: describeRun(result) };
}
