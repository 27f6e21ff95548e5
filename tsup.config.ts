import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';
import { defineConfig } from 'tsup';

/** Resolves `@aws-sdk/client-lightsail` to the CLI's lazy stand-in (tsup marks it external otherwise). */
const lazySdk: Plugin = {
  name: 'lazy-sdk',
  setup(build) {
    const path = fileURLToPath(new URL('./src/cli/lazy-sdk.ts', import.meta.url));
    build.onResolve({ filter: /^@aws-sdk\/client-lightsail$/ }, () => ({ path }));
  },
};

const entry = { index: 'src/index.ts', node: 'src/node.ts', simulator: 'src/simulator/index.ts' };

export default defineConfig([
  {
    // The library entries, for `import`.
    entry,
    format: ['esm'],
    dts: true,
    clean: true,
    target: 'node20',
    splitting: false,
  },
  {
    // The library entries, for `require`. p-retry (and its is-network-error) are ESM-only: bundled in,
    // so require() works on every Node 20 and esbuild's default-import interop never sees them.
    entry,
    format: ['cjs'],
    dts: true,
    target: 'node20',
    splitting: false,
    noExternal: ['p-retry', 'is-network-error'],
  },
  {
    // The command-line programs. Terminal helpers are bundled in, so users install only the library's dependencies.
    entry: {
      cli: 'src/cli/bin.ts',
      'simulator-cli': 'src/simulator/bin.ts',
    },
    format: ['esm'],
    target: 'node20',
    splitting: false,
    // The SDK is not bundled: its imports resolve to src/cli/lazy-sdk.ts, which loads it on first
    // use, so that --help, --version and --list start without it.
    noExternal: ['log-update', '@aws-sdk/client-lightsail'],
    esbuildPlugins: [lazySdk],
  },
]);
