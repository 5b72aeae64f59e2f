import { defineConfig } from 'tsup';

// One entry per plugin, each its own subpath export (`@dialkit/plugins/phonebook`…).
export default defineConfig({
  entry: { 'phonebook/index': 'src/phonebook/index.ts' },
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
});
