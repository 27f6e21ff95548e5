import { defineConfig } from 'tsup';

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
    noExternal: ['log-update'],
  },
]);
