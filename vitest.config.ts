import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  test: {
    projects: [
      {
        // The reference console in Debian's Chromium (playwright-core); needs the console built first.
        test: { name: 'e2e', root: 'e2e', include: ['**/*.e2e.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 60_000, fileParallelism: false },
      },
      {
        resolve: { conditions: ['source'] },
        test: { name: 'sim', root: 'packages/sim', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], environment: 'node' },
      },
      {
        resolve: { conditions: ['source'] },
        // Vite 8 transforms TS/JSX with oxc (its `esbuild` option no longer applies): Preact's automatic runtime.
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
        test: { name: 'ui-preact', root: 'packages/ui-preact', include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'], environment: 'happy-dom' },
      },
      {
        resolve: { conditions: ['source'] },
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
        test: { name: 'plugins', root: 'packages/plugins', include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'], environment: 'happy-dom' },
      },
      {
        resolve: { conditions: ['source'] },
        // Against a real Kamailio and SIPp (the project's rig in rig/sip): one file at a time, shared ports.
        test: { name: 'sip-adapter', root: 'packages/sip-adapter', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], environment: 'node', testTimeout: 30_000, hookTimeout: 30_000, fileParallelism: false, globalSetup: ['test/rig-setup.ts'] },
      },
      {
        resolve: { conditions: ['source'] },
        test: {
          name: 'core',
          root: 'packages/core',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          environment: 'node',
        },
      },
    ],
  },
});
