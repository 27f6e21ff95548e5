import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Examples import the package by name, as users do; tests run them against the sources.
    alias: [
      { find: /^lightsail-waiter\/simulator$/, replacement: src('simulator/index.ts') },
      { find: /^lightsail-waiter\/node$/, replacement: src('node.ts') },
      { find: /^lightsail-waiter$/, replacement: src('index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    // The SDK warns on Node 20 that its 2027 releases need Node 22: true, but noise in every test log.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
