import type { IncomingMessage, ServerResponse } from 'node:http';

import { buildDemoArticlePage, buildDemoFeed, type DemoContent } from '@wirelens/core/demo';

const FEED = /^\/demo\/feeds\/([a-z0-9-]+)\.xml$/;
const ARTICLE = /^\/demo\/articles\/([a-z0-9-]+)$/;

/**
 * Serves the bundled demo feeds (and their article pages) so a fresh install
 * ingests something without internet. Returns false for other paths.
 */
export function serveDemoFeeds(
  content: DemoContent,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): boolean {
  const feed = FEED.exec(pathname);
  const article = ARTICLE.exec(pathname);
  if (!feed && !article) return false;
  const origin = `http://${req.headers.host ?? 'localhost'}`;
  const now = new Date();
  try {
    if (feed?.[1]) {
      res.writeHead(200, {
        'content-type': 'application/rss+xml; charset=utf-8',
        'cache-control': 'max-age=60',
      });
      res.end(buildDemoFeed({ content, sourceKey: feed[1], baseUrl: origin, now }));
    } else if (article?.[1]) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'max-age=3600' });
      res.end(buildDemoArticlePage({ content, articleKey: article[1], now }));
    }
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('no such demo feed');
  }
  return true;
}
