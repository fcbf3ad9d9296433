import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

import type { Registry } from 'prom-client';

/** Answers a scrape with the registry in Prometheus' text format (500 with the reason if a collector fails). */
export async function sendMetrics(registry: Registry, res: ServerResponse): Promise<void> {
  try {
    const body = await registry.metrics();
    res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
    res.end(body);
  } catch (error) {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`metrics unavailable: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}

export interface MetricsServer {
  server: Server;
  /** The port it listens on (useful with port 0). */
  port: number;
  close(): Promise<void>;
}

/**
 * A listener of its own for `/metrics` (METRICS_PORT): no authentication, so bind it to an
 * address only the scraper reaches (the default is 127.0.0.1).
 */
export async function serveMetrics({
  registry,
  port,
  host = '127.0.0.1',
}: {
  registry: Registry;
  port: number;
  host?: string;
}): Promise<MetricsServer> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found: this port serves GET /metrics only\n');
      return;
    }
    void sendMetrics(registry, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  return {
    server,
    port: typeof address === 'object' && address ? address.port : port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
