/**
 * Bundles the browser example (`main.ts` + `index.html`) with esbuild into one folder, and fails if
 * anything in the bundle imports a Node.js built-in: that proves the main entry runs in a browser.
 *
 *   node examples/browser/build.mjs [outdir]      (default .tmp/browser)
 *
 * `lightsail-waiter` resolves to `src/index.ts`, so the check covers the sources themselves and
 * needs no `npm run build` first; the SDK comes in through its `browser` builds.
 */
import { readFileSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const src = resolve(root, 'src');

const builtins = new Set(builtinModules.filter((name) => !name.startsWith('_')));
const isBuiltin = (path) => path.startsWith('node:') || builtins.has(path.split('/')[0]);

/**
 * Keeps Node built-ins out of the bundle as externals, so the build finishes and the metafile
 * records who imported them. Bare names (`fs`) are caught only in our own sources: a dependency's
 * `browser` field may map them to an empty module, which esbuild must see.
 */
const nodeBuiltinsPlugin = {
  name: 'node-builtins',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (!isBuiltin(args.path)) return undefined;
      if (!args.path.startsWith('node:') && !args.importer.startsWith(src)) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/** Every import of a Node built-in the metafile records, as `{ importer, path }` (importer relative to the root). */
export function nodeImports(metafile) {
  const found = [];
  for (const [importer, input] of Object.entries(metafile.inputs)) {
    for (const { path, external } of input.imports) if (external && isBuiltin(path)) found.push({ importer, path });
  }
  return found;
}

/**
 * Builds the page into `outdir` (`index.html`, `main.js`, `main.js.map`) and resolves with sizes in
 * bytes. Rejects if any module of the bundle imports a Node built-in, naming the importer.
 * `entry` replaces `main.ts` (tests use it to check that the check works).
 */
export async function buildBrowserExample({
  outdir = resolve(root, '.tmp/browser'),
  entry = resolve(here, 'main.ts'),
  minify = true,
} = {}) {
  const result = await build({
    entryPoints: { main: entry },
    outdir,
    absWorkingDir: root,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    // The SDK's packages swap their Node runtime config for a browser one through these.
    mainFields: ['browser', 'module', 'main'],
    conditions: ['browser'],
    alias: { 'lightsail-waiter': resolve(src, 'index.ts') },
    minify,
    sourcemap: true,
    metafile: true,
    logLevel: 'silent',
    plugins: [nodeBuiltinsPlugin],
  });
  const imports = nodeImports(result.metafile);
  if (imports.length > 0) {
    const ours = imports.filter(({ importer }) => importer.startsWith('src/'));
    const lines = imports.map(({ importer, path }) => `  ${importer} imports ${path}`).join('\n');
    throw new Error(
      `${ours.length > 0 ? 'The main entry (src/)' : 'A dependency of the page'} imports Node.js built-ins, which do not exist in a browser:\n${lines}`,
    );
  }
  await mkdir(outdir, { recursive: true });
  await copyFile(resolve(here, 'index.html'), resolve(outdir, 'index.html'));

  const output = result.metafile.outputs[relative(root, resolve(outdir, 'main.js'))];
  const code = readFileSync(resolve(outdir, 'main.js'));
  const libraryBytes = Object.entries(output.inputs)
    .filter(([path]) => path.startsWith('src/') || /node_modules\/(eventemitter3|p-retry|is-network-error)\//.test(path))
    .reduce((sum, [, { bytesInOutput }]) => sum + bytesInOutput, 0);
  return {
    outdir,
    bytes: code.length,
    gzipBytes: gzipSync(code).length,
    libraryBytes,
    modules: Object.keys(result.metafile.inputs).length,
  };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outdir = process.argv[2] === undefined ? undefined : resolve(process.argv[2]);
  buildBrowserExample(outdir === undefined ? {} : { outdir }).then(
    ({ outdir: dir, bytes, gzipBytes, libraryBytes, modules }) => {
      console.log(
        `Built ${relative(process.cwd(), dir) || '.'}/main.js: ${kb(bytes)} minified, ${kb(gzipBytes)} gzipped, from ${modules} modules`,
      );
      console.log(`  lightsail-waiter and its dependencies: ${kb(libraryBytes)}; the rest is the AWS SDK. No Node.js built-ins imported.`);
    },
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
