#!/usr/bin/env node
// Serves the reference console's production build on 127.0.0.1 at a fixed port (no network beyond
// loopback). Usage: node serve.mjs [port] [dist-dir]   (default 4173, this console's dist/; the
// browser tests serve examples/minimal-console/dist with it too)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.argv[3] ? join(resolve(process.argv[3]), '/') : fileURLToPath(new URL('./dist/', import.meta.url));
const port = Number(process.argv[2] ?? process.env.PORT ?? 4173);
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  let path = normalize(join(root, decodeURIComponent(url.pathname)));
  if (!path.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  try {
    if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
  } catch {
    path = join(root, 'index.html');
  }
  try {
    const body = await readFile(path);
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
});
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`Dialkit console: http://127.0.0.1:${port}/  (?backend=sim&seed=7&speed=1)\n`);
});
