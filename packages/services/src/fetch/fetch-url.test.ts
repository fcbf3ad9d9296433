import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEFAULT_USER_AGENT, fetchUrl, parseCacheMaxAge, type FetchUrlOptions } from './fetch-url.js';
import { type ResolveHost } from './ssrf-guard.js';

const FEED = '<rss version="2.0"><channel><title>Local</title></channel></rss>';
const LAST_MODIFIED = 'Wed, 21 Oct 2026 07:28:00 GMT';
const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

let base = '';
let port = 0;
const open = new Set<ServerResponse>();

const routes: Record<string, Handler> = {
  '/feed': (req, res) => {
    if (req.headers['if-none-match'] === '"v1"' || req.headers['if-modified-since'] === LAST_MODIFIED) {
      res.writeHead(304, { etag: '"v1"' }).end();
      return;
    }
    res
      .writeHead(200, {
        'content-type': 'application/rss+xml; charset=utf-8',
        etag: '"v1"',
        'last-modified': LAST_MODIFIED,
        'cache-control': 'public, max-age=300',
      })
      .end(FEED);
  },
  '/echo': (req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(req.headers)),
  '/expires': (_req, res) =>
    res
      .writeHead(200, { date: 'Wed, 21 Oct 2026 07:00:00 GMT', expires: 'Wed, 21 Oct 2026 07:10:00 GMT' })
      .end('ok'),
  '/429': (_req, res) => res.writeHead(429, { 'retry-after': '120' }).end('slow down'),
  '/429-date': (_req, res) =>
    res.writeHead(429, { 'retry-after': new Date(Date.now() + 60_000).toUTCString() }).end('slow down'),
  '/503': (_req, res) => res.writeHead(503, { 'retry-after': '30' }).end('maintenance'),
  '/404': (_req, res) => res.writeHead(404).end('missing'),
  '/to-private': (_req, res) => res.writeHead(302, { location: 'http://10.0.0.1/feed' }).end(),
  '/to-metadata': (_req, res) =>
    res.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
  '/to-mapped': (_req, res) => res.writeHead(307, { location: 'http://[::ffff:127.0.0.1]/' }).end(),
  '/to-name': (_req, res) => res.writeHead(302, { location: `http://rebind.test:${port}/feed` }).end(),
  '/to-allowed-name': (_req, res) => res.writeHead(303, { location: `http://feeds.test:${port}/feed` }).end(),
  '/to-ftp': (_req, res) => res.writeHead(302, { location: 'ftp://127.0.0.1/' }).end(),
  '/slow-headers': (_req, res) => open.add(res),
  '/slow-body': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('partial');
    open.add(res);
  },
  '/big-declared': (_req, res) => {
    res.writeHead(200, { 'content-length': String(5 * 1024 * 1024) });
    res.write(Buffer.alloc(1024));
    open.add(res);
  },
  '/big-chunked': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    const chunk = Buffer.alloc(64 * 1024, 97);
    let sent = 0;
    const push = () => {
      while (sent < 5 * 1024 * 1024 && res.write(chunk)) sent += chunk.length;
      if (sent < 5 * 1024 * 1024 && !res.destroyed) res.once('drain', push);
    };
    res.on('close', () => res.removeAllListeners('drain'));
    push();
  },
  '/gzip-bomb': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(bomb),
  '/gzip': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(FEED)),
  '/br': (_req, res) => res.writeHead(200, { 'content-encoding': 'br' }).end(brotliCompressSync(FEED)),
  '/deflate': (_req, res) => res.writeHead(200, { 'content-encoding': 'deflate' }).end(deflateSync(FEED)),
  '/corrupt-gzip': (_req, res) =>
    res.writeHead(200, { 'content-encoding': 'gzip' }).end('definitely not gzip'),
};

const server: Server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const redirect = /^\/redirect\/(\d+)$/.exec(path);
  if (redirect) {
    const left = Number(redirect[1]);
    res.writeHead(302, { location: left > 1 ? `/redirect/${left - 1}` : '/feed' }).end();
    return;
  }
  const handler = routes[path];
  if (handler) handler(req, res);
  else res.writeHead(404).end();
});

beforeAll(async () => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  for (const res of open) res.destroy();
  server.closeAllConnections();
  server.close();
  await once(server, 'close');
});

const fakeDns: ResolveHost = (hostname) =>
  Promise.resolve(
    hostname === 'rebind.test' || hostname === 'feeds.test' ? [{ address: '127.0.0.1', family: 4 }] : [],
  );

const local = (extra: FetchUrlOptions = {}): FetchUrlOptions => ({
  allowHosts: ['127.0.0.1'],
  resolve: fakeDns,
  timeoutMs: 5000,
  ...extra,
});

describe('fetchUrl', () => {
  it('fetches a body with metadata and caching hints', async () => {
    const result = await fetchUrl(`${base}/feed`, local());
    expect(result).toMatchObject({
      status: 200,
      notModified: false,
      url: `${base}/feed`,
      etag: '"v1"',
      lastModified: LAST_MODIFIED,
      cacheMaxAgeMs: 300_000,
      retryAfterMs: null,
    });
    expect(Buffer.from(result.body).toString()).toBe(FEED);
    expect(result.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('sends a clear User-Agent, Accept and Accept-Encoding', async () => {
    const result = await fetchUrl(`${base}/echo`, local());
    const headers = JSON.parse(Buffer.from(result.body).toString()) as Record<string, string>;
    expect(headers['user-agent']).toBe(DEFAULT_USER_AGENT);
    expect(headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(headers.accept).toContain('application/rss+xml');
  });

  it('answers an ETag revalidation with notModified', async () => {
    const result = await fetchUrl(`${base}/feed`, local({ etag: '"v1"' }));
    expect(result).toMatchObject({ status: 304, notModified: true, etag: '"v1"' });
    expect(result.body).toHaveLength(0);
  });

  it('answers a Last-Modified revalidation with notModified and keeps the validator', async () => {
    const result = await fetchUrl(`${base}/feed`, local({ lastModified: LAST_MODIFIED }));
    expect(result).toMatchObject({ status: 304, notModified: true, lastModified: LAST_MODIFIED });
  });

  it('derives cache lifetime from Expires minus Date', async () => {
    expect((await fetchUrl(`${base}/expires`, local())).cacheMaxAgeMs).toBe(600_000);
  });

  it('turns 429 into FETCH_FAILED with retryAfterMs', async () => {
    await expect(fetchUrl(`${base}/429`, local())).rejects.toMatchObject({
      code: 'FETCH_FAILED',
      details: { status: 429, retryAfterMs: 120_000 },
    });
  });

  it('reads Retry-After given as an HTTP date', async () => {
    const error: unknown = await fetchUrl(`${base}/429-date`, local()).catch((e: unknown) => e);
    const retryAfterMs = (error as { details?: { retryAfterMs?: number } }).details?.retryAfterMs ?? -1;
    expect(retryAfterMs).toBeGreaterThan(55_000);
    expect(retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('turns 503 into FETCH_FAILED with retryAfterMs and 404 into FETCH_FAILED with status', async () => {
    await expect(fetchUrl(`${base}/503`, local())).rejects.toMatchObject({
      code: 'FETCH_FAILED',
      details: { status: 503, retryAfterMs: 30_000 },
    });
    await expect(fetchUrl(`${base}/404`, local())).rejects.toMatchObject({
      code: 'FETCH_FAILED',
      details: { status: 404 },
    });
  });

  it('follows a redirect chain within the limit and reports the final URL', async () => {
    const result = await fetchUrl(`${base}/redirect/3`, local({ maxRedirects: 3 }));
    expect(result.url).toBe(`${base}/feed`);
    expect(Buffer.from(result.body).toString()).toBe(FEED);
  });

  it('stops a redirect chain over the limit', async () => {
    await expect(fetchUrl(`${base}/redirect/4`, local({ maxRedirects: 3 }))).rejects.toMatchObject({
      code: 'FETCH_FAILED',
      details: { maxRedirects: 3 },
    });
  });

  it.each(['/to-private', '/to-metadata', '/to-mapped', '/to-name', '/to-ftp'])(
    'blocks a redirect from an allowed host to a non-public target (%s)',
    async (path) => {
      await expect(fetchUrl(`${base}${path}`, local())).rejects.toMatchObject({ code: 'BLOCKED_URL' });
    },
  );

  it('resolves names through the guarded lookup and connects to the checked address', async () => {
    const result = await fetchUrl(
      `${base}/to-allowed-name`,
      local({ allowHosts: ['127.0.0.1', 'feeds.test'] }),
    );
    expect(result.url).toBe(`http://feeds.test:${port}/feed`);
    expect(Buffer.from(result.body).toString()).toBe(FEED);
  });

  it('blocks loopback without allowHosts', async () => {
    await expect(fetchUrl(`${base}/feed`, { resolve: fakeDns })).rejects.toMatchObject({
      code: 'BLOCKED_URL',
    });
    await expect(fetchUrl(`http://rebind.test:${port}/feed`, { resolve: fakeDns })).rejects.toMatchObject({
      code: 'BLOCKED_URL',
    });
  });

  it('times out when headers never come', async () => {
    await expect(fetchUrl(`${base}/slow-headers`, local({ timeoutMs: 300 }))).rejects.toMatchObject({
      code: 'TIMEOUT',
    });
  });

  it('times out on a body that stalls', async () => {
    await expect(fetchUrl(`${base}/slow-body`, local({ timeoutMs: 300 }))).rejects.toMatchObject({
      code: 'TIMEOUT',
    });
  });

  it('times out when name resolution hangs', async () => {
    const hanging: ResolveHost = () => new Promise(() => undefined);
    await expect(
      fetchUrl('http://hang.test/', { resolve: hanging, allowHosts: ['hang.test'], timeoutMs: 200 }),
    ).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('applies the connect timeout to name resolution and connection setup', async () => {
    const hanging: ResolveHost = () => new Promise(() => undefined);
    const started = Date.now();
    await expect(
      fetchUrl('http://hang.test/', {
        resolve: hanging,
        allowHosts: ['hang.test'],
        timeoutMs: 5000,
        connectTimeoutMs: 150,
      }),
    ).rejects.toMatchObject({ code: 'TIMEOUT', details: { connectTimeoutMs: 150 } });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('passes a caller abort through', async () => {
    const controller = new AbortController();
    const pending = fetchUrl(`${base}/slow-headers`, local({ signal: controller.signal }));
    setTimeout(() => controller.abort(new Error('shutting down')), 50);
    await expect(pending).rejects.toThrow();
    await expect(pending).rejects.not.toMatchObject({ code: 'FETCH_FAILED' });
  });

  it('refuses a declared oversize body', async () => {
    await expect(fetchUrl(`${base}/big-declared`, local({ maxBytes: 1024 * 1024 }))).rejects.toMatchObject({
      code: 'TOO_LARGE',
    });
  });

  it('cuts a streamed body at maxBytes', async () => {
    await expect(fetchUrl(`${base}/big-chunked`, local({ maxBytes: 1024 * 1024 }))).rejects.toMatchObject({
      code: 'TOO_LARGE',
    });
  });

  it('cuts a gzip bomb at maxBytes of decompressed data', async () => {
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const started = Date.now();
    await expect(fetchUrl(`${base}/gzip-bomb`, local({ maxBytes: 1024 * 1024 }))).rejects.toMatchObject({
      code: 'TOO_LARGE',
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it.each(['/gzip', '/br', '/deflate'])('decodes %s bodies', async (path) => {
    const result = await fetchUrl(`${base}${path}`, local());
    expect(Buffer.from(result.body).toString()).toBe(FEED);
  });

  it('fails cleanly on a corrupt compressed body', async () => {
    await expect(fetchUrl(`${base}/corrupt-gzip`, local())).rejects.toMatchObject({ code: 'FETCH_FAILED' });
  });

  it('fails cleanly when nothing listens', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const closedPort = (closed.address() as AddressInfo).port;
    closed.close();
    await once(closed, 'close');
    await expect(fetchUrl(`http://127.0.0.1:${closedPort}/`, local())).rejects.toMatchObject({
      code: 'FETCH_FAILED',
      details: { code: 'ECONNREFUSED' },
    });
  });

  it('rejects an invalid URL', async () => {
    await expect(fetchUrl('not a url', local())).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('parseCacheMaxAge', () => {
  it('prefers max-age, honours no-store/no-cache and treats an invalid Expires as expired', () => {
    expect(
      parseCacheMaxAge({ 'cache-control': 'max-age=60', expires: 'Fri, 27 Nov 2026 10:00:00 GMT' }),
    ).toBe(60_000);
    expect(parseCacheMaxAge({ 'cache-control': 'no-cache, max-age=60' })).toBe(0);
    expect(parseCacheMaxAge({ expires: '0' })).toBe(0);
    expect(parseCacheMaxAge({})).toBeNull();
  });
});
