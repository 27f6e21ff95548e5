import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library entries, for `import` and `require`.
    entry: {
      index: 'src/index.ts',
      simulator: 'src/simulator/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'node20',
    splitting: false,
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
