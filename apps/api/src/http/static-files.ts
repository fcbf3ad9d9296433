import { createReadStream, existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

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

/** Text types worth compressing (images and fonts are compressed already). */
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.map', '.txt']);

/**
 * Gzipped files, keyed by path; a changed file (mtime or size) is compressed again. Compression
 * runs off the event loop (level 9 takes tens of ms for the chart chunk) and only once per file.
 */
const gzipCache = new Map<string, { stamp: string; body: Promise<Buffer> }>();

function gzipped(file: string, stamp: string): Promise<Buffer> {
  const cached = gzipCache.get(file);
  if (cached?.stamp === stamp) return cached.body;
  const body = readFile(file).then((data) => gzipAsync(data, { level: 9 }));
  gzipCache.set(file, { stamp, body });
  // A failure is not remembered: the next request tries again.
  body.catch(() => gzipCache.delete(file));
  return body;
}

function sendPlain(
  file: string,
  size: number,
  headers: OutgoingHttpHeaders,
  req: IncomingMessage,
  res: ServerResponse,
) {
  res.writeHead(200, { ...headers, 'content-length': size });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}

function acceptsGzip(req: IncomingMessage): boolean {
  const header = req.headers['accept-encoding'];
  if (typeof header !== 'string') return false;
  return header.split(',').some((part) => {
    const [name = '', ...params] = part.split(';').map((token) => token.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    return (name === 'gzip' || name === '*') && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/**
 * Serves files under `root` for `urlPath`; paths without a file fall back to
 * `index.html` (client-side routing). Returns false when nothing was served.
 */
export function serveStatic(
  root: string,
  urlPath: string,
  req: IncomingMessage,
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
  const stat = statSync(file);
  const headers = {
    'content-type': contentTypes[ext] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    vary: 'accept-encoding',
  };
  // The chart route's code is ~800 kB as built and ~240 kB gzipped: compress once, serve from memory.
  if (compressible.has(ext) && stat.size > 1024 && acceptsGzip(req)) {
    gzipped(file, `${stat.mtimeMs}:${stat.size}`).then(
      (body) => {
        res.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': body.length });
        res.end(req.method === 'HEAD' ? undefined : body);
      },
      () => sendPlain(file, stat.size, headers, req, res),
    );
    return true;
  }
  sendPlain(file, stat.size, headers, req, res);
  return true;
}
