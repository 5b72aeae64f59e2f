import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  test: {
    projects: [
      {
        // The reference console in Debian's Chromium (playwright-core); needs the console built first.
        test: { name: 'e2e', root: 'e2e', include: ['**/*.e2e.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 60_000 },
      },
      {
        resolve: { conditions: ['source'] },
        test: { name: 'sim', root: 'packages/sim', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], environment: 'node' },
      },
      {
        resolve: { conditions: ['source'] },
        esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
        test: { name: 'ui-preact', root: 'packages/ui-preact', include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'], environment: 'happy-dom' },
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
