import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export interface FeedItem {
  slug: string;
  title: string;
  author: string;
  publishedAt: Date;
  paragraphs: string[];
  /** Served by the image server; the article's picture. */
  withImage?: boolean;
}

export interface LocalFeed {
  /** The name the feed is reached by; the worker must be allowed to fetch from it (FETCH_ALLOW_HOSTS). */
  host: string;
  /** The RSS feed an admin adds as a source. */
  feedUrl: string;
  imageUrl: string;
  /** What the feed lists; change it to "publish" an article. */
  items: FeedItem[];
  close(): Promise<void>;
}

const run = promisify(execFile);

/**
 * A news site on this machine: an RSS feed over http (the worker fetches it) and its article picture over https.
 *
 * The feed listens on 127.0.0.1: the app under test allows that host for feed URLs (FETCH_ALLOW_HOSTS), as an
 * operator would for an intranet site. The dashboard's CSP allows images from https: only, as real news
 * sites serve them, so the picture comes from an https server with a throwaway self-signed certificate that the
 * test browser is told to accept.
 */
export async function startLocalFeed(): Promise<LocalFeed> {
  const host = '127.0.0.1';
  const items: FeedItem[] = [];
  const http = createHttpServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    if (pathname === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(rss(origin, imageUrl, items));
      return;
    }
    const item = items.find((entry) => pathname === `/articles/${entry.slug}`);
    if (item) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>${escape(item.title)}</title><article>${body(item)}</article>`);
      return;
    }
    res.writeHead(404).end('not found');
  });
  await listen(http, host);
  const origin = `http://${host}:${(http.address() as AddressInfo).port}`;

  const certDir = await mkdtemp(path.join(os.tmpdir(), 'wirelens-e2e-cert-'));
  const key = path.join(certDir, 'key.pem');
  const cert = path.join(certDir, 'cert.pem');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=127.0.0.1',
    '-keyout',
    key,
    '-out',
    cert,
  ]);
  const https = createHttpsServer({ key: await readFile(key), cert: await readFile(cert) }, serveImage);
  await listen(https, '127.0.0.1');
  const imageUrl = `https://127.0.0.1:${(https.address() as AddressInfo).port}/images/wire-photo.svg`;

  return {
    host,
    feedUrl: `${origin}/feed.xml`,
    imageUrl,
    items,
    async close() {
      for (const server of [http, https]) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      await rm(certDir, { recursive: true, force: true });
    },
  };
}

function listen(
  server: ReturnType<typeof createHttpServer> | ReturnType<typeof createHttpsServer>,
  address: string,
) {
  return new Promise<void>((resolve) => server.listen(0, address, resolve));
}

function serveImage(req: IncomingMessage, res: ServerResponse): void {
  if (new URL(req.url ?? '/', 'https://x').pathname !== '/images/wire-photo.svg') {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'image/svg+xml' });
  res.end(
    '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="500" viewBox="0 0 1200 500">' +
      '<rect width="1200" height="500" fill="#12305e"/>' +
      '<polyline points="0,420 200,380 400,400 600,260 800,300 1000,160 1200,120" fill="none" stroke="#7fd1ae" stroke-width="14"/>' +
      '<text x="60" y="110" fill="#ffffff" font-family="sans-serif" font-size="64">Wire photo</text>' +
      '</svg>',
  );
}

function escape(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

function body(item: FeedItem): string {
  return item.paragraphs.map((paragraph) => `<p>${escape(paragraph)}</p>`).join('');
}

function rss(origin: string, imageUrl: string, items: readonly FeedItem[]): string {
  const entries = [...items]
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime())
    .map((item) =>
      [
        '<item>',
        `<title>${escape(item.title)}</title>`,
        `<link>${origin}/articles/${item.slug}</link>`,
        `<guid isPermaLink="false">e2e:${item.slug}</guid>`,
        `<pubDate>${item.publishedAt.toUTCString()}</pubDate>`,
        `<dc:creator>${escape(item.author)}</dc:creator>`,
        item.withImage ? `<media:content url="${imageUrl}" medium="image" type="image/svg+xml"/>` : '',
        `<description>${escape(item.paragraphs[0] ?? '')}</description>`,
        `<content:encoded><![CDATA[${body(item)}]]></content:encoded>`,
        '</item>',
      ].join(''),
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>Harbourside Wire</title><link>${origin}/</link><description>A local test news site</description><language>en</language>
${entries}
</channel></rss>`;
}
