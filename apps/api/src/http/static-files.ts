import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

import sirv from 'sirv';

/** Vite puts every content-hashed file under /assets: a name never changes content, so browsers keep them. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface StaticFiles {
  /** Whether the directory holds a built app (an index.html). */
  readonly built: boolean;
  /** Serves `urlPath` from the directory; false when nothing matches. */
  serve(req: IncomingMessage, res: ServerResponse, urlPath: string): boolean;
}

/**
 * A built Vite app (the dashboard, GraphiQL). The build writes `.br` and `.gz` files next to each text asset;
 * sirv lists the directory once at start-up and picks the precompressed file the client accepts. With `spa`,
 * paths without a file extension get index.html (client-side routes).
 */
export function createStaticFiles(dir: string, { spa }: { spa: boolean }): StaticFiles {
  if (!existsSync(dir)) return { built: false, serve: () => false };
  const handler = sirv(dir, {
    gzip: true,
    brotli: true,
    etag: true,
    single: spa,
    setHeaders: (res, pathname) =>
      res.setHeader('cache-control', pathname.startsWith('/assets/') ? IMMUTABLE : 'no-cache'),
  });
  return {
    built: existsSync(path.join(dir, 'index.html')),
    serve(req, res, urlPath) {
      let served = true;
      const { url } = req;
      // sirv reads the path from req.url: present the part below the mount point (as a router would).
      req.url = urlPath;
      req.headers['accept-encoding'] = acceptedEncodings(req.headers['accept-encoding']);
      handler(req, res, () => {
        served = false;
      });
      req.url = url;
      return served;
    },
  };
}

/**
 * The precompressed encodings the client accepts, in the form sirv looks for: it searches the header for the
 * names and would serve gzip to `gzip;q=0`.
 */
function acceptedEncodings(header: string | undefined): string {
  const accepted = new Set<string>();
  const refused = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.split(';').map((token) => token.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    (q !== undefined && Number(q.slice(2)) <= 0 ? refused : accepted).add(name);
  }
  return ['br', 'gzip']
    .filter((name) => !refused.has(name) && (accepted.has(name) || accepted.has('*')))
    .join(', ');
}
