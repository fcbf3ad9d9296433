import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves files under `root` for `urlPath`; paths without a file fall back to
 * `index.html` (client-side routing). Returns false when nothing was served.
 */
export function serveStatic(
  root: string,
  urlPath: string,
  res: ServerResponse,
  spaFallback: boolean,
): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return false;
  }
  const resolved = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return false;
  let file = resolved;
  if (!existsSync(file) || statSync(file).isDirectory()) {
    const index = path.join(file, 'index.html');
    if (existsSync(index)) file = index;
    else if (spaFallback && !path.extname(decoded)) file = path.join(root, 'index.html');
    else return false;
  }
  if (!existsSync(file)) return false;
  const ext = path.extname(file);
  // Hashed asset names never change content; the HTML that references them must always be fresh.
  const immutable = file.includes(`${path.sep}assets${path.sep}`);
  res.writeHead(200, {
    'content-type': contentTypes[ext] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'content-length': statSync(file).size,
  });
  createReadStream(file).pipe(res);
  return true;
}
