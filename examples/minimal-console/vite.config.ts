import { defineConfig } from 'vite';

// Compiles the workspace packages from source (their `source` export condition). An app that
// installs @dialkit/* from the registry needs only the `oxc` JSX line.
export default defineConfig({
  resolve: { conditions: ['source'] },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { target: 'es2022', modulePreload: { polyfill: false } },
  server: { host: '127.0.0.1', port: 4174, strictPort: true },
});
