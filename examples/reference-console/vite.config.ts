import { defineConfig } from 'vite';

// The reference console compiles the workspace packages from source (the `source` export
// condition), so one build covers core, sim and the UI kit.
export default defineConfig({
  resolve: { conditions: ['source'] },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { target: 'es2022', sourcemap: true, modulePreload: { polyfill: false } },
  server: { host: '127.0.0.1', port: 4173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
