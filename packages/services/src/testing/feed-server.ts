import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse) => unknown;

export interface FeedServer {
  url: string;
  /** Requests seen per path. */
  hits: Map<string, number>;
  route(path: string, handler: Route): void;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 whose answers each test scripts per path. */
/** A route that always answers with this status, body and headers. */
export function respond(status: number, body: string | Buffer, headers: Record<string, string> = {}): Route {
  return (_req, res) => res.writeHead(status, headers).end(body);
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Route>();
  const hits = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const handler = routes.get(path);
    if (!handler) {
      res.writeHead(404).end('not found');
      return;
    }
    Promise.resolve(handler(req, res)).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    route: (path, handler) => routes.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An RSS 2.0 document with the given items. */
export function rssFeed(
  items: { title: string; link: string; guid?: string; body?: string; date?: string }[],
): string {
  const entries = items
    .map(
      (item) =>
        `<item><title>${item.title}</title><link>${item.link}</link>${item.guid ? `<guid isPermaLink="false">${item.guid}</guid>` : ''}<pubDate>${item.date ?? 'Wed, 25 Nov 2026 10:00:00 GMT'}</pubDate><description><![CDATA[${item.body ?? '<p>Teaser.</p>'}]]></description></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test feed</title><link>https://example.com/</link><description>Test</description>${entries}</channel></rss>`;
}
