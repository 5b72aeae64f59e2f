#!/usr/bin/env node
// Measures what a Dialkit package entry costs an app: bundles the built entry with esbuild
// (minified ESM, platform neutral), leaving the package's peerDependencies external because the app
// ships one copy of those anyway, and reports the raw and gzip sizes.
//
// CLI:    node scripts/bundle-size.mjs [packageDir] [entry]
//         packageDir defaults to packages/core; entry (relative to packageDir) to dist/index.js.
//         Prints JSON: { package, entry, external, rawBytes, gzipBytes, rawKB, gzipKB }.
// Import: import { measureBundle, peerExternals } from './scripts/bundle-size.mjs';
//         const { rawBytes, gzipBytes } = await measureBundle({ entry, external });
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

import { build } from 'esbuild';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/**
 * Bundles `entry` (minified ESM, platform neutral) with `external` left out and returns its sizes.
 * @param {{ entry: string, external?: readonly string[] }} options
 * @returns {Promise<{ rawBytes: number, gzipBytes: number }>}
 */
export async function measureBundle({ entry, external = [] }) {
  const entryPath = resolve(entry);
  if (!existsSync(entryPath)) {
    throw new Error(`bundle-size: entry '${entryPath}' does not exist; build the package first.`);
  }
  const result = await build({
    entryPoints: [entryPath],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    mainFields: ['module', 'main'],
    conditions: ['import', 'default'],
    // A package name also covers its subpaths ('rxjs' → 'rxjs/operators').
    external: external.flatMap((name) => [name, `${name}/*`]),
    write: false,
    treeShaking: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { rawBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
}

/**
 * The peer dependency names of the package in `packageDir`: what an app provides itself.
 * @param {string} packageDir
 * @returns {string[]}
 */
export function peerExternals(packageDir) {
  const manifest = JSON.parse(readFileSync(resolve(packageDir, 'package.json'), 'utf8'));
  return Object.keys(manifest.peerDependencies ?? {});
}

const toKB = (bytes) => Math.round((bytes / 1024) * 100) / 100;

async function main(argv) {
  const [packageArg = 'packages/core', entryArg = 'dist/index.js'] = argv;
  const packageDir = resolve(ROOT, packageArg);
  const entry = resolve(packageDir, entryArg);
  const external = peerExternals(packageDir);
  const { rawBytes, gzipBytes } = await measureBundle({ entry, external });
  const manifest = JSON.parse(readFileSync(resolve(packageDir, 'package.json'), 'utf8'));
  const report = {
    package: manifest.name,
    entry: entryArg,
    external,
    rawBytes,
    gzipBytes,
    rawKB: toKB(rawBytes),
    gzipKB: toKB(gzipBytes),
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
