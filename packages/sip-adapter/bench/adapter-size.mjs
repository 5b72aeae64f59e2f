// sip.adapter_gzip_kb: the adapter without sip.js (and without @dialkit/core and rxjs, which an app
// shares), bundled from source, minified and gzipped. Printed beside it: the browser media engine
// (`@dialkit/sip-adapter/webrtc`, its own entry) the same way, and both together as a browser
// console loads them. Prints one JSON line.
// usage: node packages/sip-adapter/bench/adapter-size.mjs
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

/** Minified and gzipped size of a bundle of these entry files, in KB. */
async function size(files) {
  const contents = files.map((f) => `export * from ${JSON.stringify(fileURLToPath(new URL(`../src/${f}`, import.meta.url)))};`).join('\n');
  const result = await build({
    stdin: { contents, resolveDir: fileURLToPath(new URL('../src/', import.meta.url)), loader: 'ts' },
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
  return { gzip: Math.round((gzipSync(bytes, { level: 9 }).length / 1024) * 100) / 100, minified: Math.round((bytes.length / 1024) * 100) / 100 };
}

const adapter = await size(['index.ts']);
const webrtc = await size(['webrtc.ts']);
const both = await size(['index.ts', 'webrtc.ts']);
console.log(JSON.stringify({
  metric: 'sip.adapter_gzip_kb', value: adapter.gzip, unit: 'KB', target: 12, minifiedKb: adapter.minified,
  webrtcEngineGzipKb: webrtc.gzip, withWebrtcGzipKb: both.gzip,
}));
