// sip.adapter_gzip_kb: the adapter without sip.js (and without @dialkit/core and rxjs, which an app
// shares), bundled from source, minified and gzipped. Prints one JSON line.
// usage: node packages/sip-adapter/bench/adapter-size.mjs
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));
const result = await build({
  entryPoints: [entry],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  platform: 'neutral',
  write: false,
  external: ['sip.js', '@dialkit/core', 'rxjs'],
  conditions: ['source'],
});
const bytes = result.outputFiles[0].contents;
const kb = gzipSync(bytes, { level: 9 }).length / 1024;
console.log(JSON.stringify({ metric: 'sip.adapter_gzip_kb', value: Math.round(kb * 100) / 100, unit: 'KB', target: 12, minifiedKb: Math.round((bytes.length / 1024) * 100) / 100 }));
