import type { IncomingMessage, ServerResponse } from 'node:http';

import { AppError } from '@wirelens/core';
import { buildDemoArticlePage, buildDemoFeed, type DemoContent } from '@wirelens/core/demo';

import { sendJson } from './send-json.js';

const FEED = /^\/demo\/feeds\/([a-z0-9-]+)\.xml$/;
const ARTICLE = /^\/demo\/articles\/([a-z0-9-]+)$/;

/**
 * Serves the bundled demo feeds (and their article pages) so a fresh install ingests something without
 * internet. Everything under /demo/ is theirs: an unknown feed or page is a 404. Returns false for other paths.
 */
export function serveDemoFeeds(
  content: DemoContent,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): boolean {
  if (!pathname.startsWith('/demo/')) return false;
  const feed = FEED.exec(pathname);
  const article = ARTICLE.exec(pathname);
  const origin = `http://${req.headers.host ?? 'localhost'}`;
  const now = new Date();
  let page: { body: string; contentType: string; cacheControl: string } | null = null;
  try {
    if (feed?.[1]) {
      page = {
        body: buildDemoFeed({ content, sourceKey: feed[1], baseUrl: origin, now }),
        contentType: 'application/rss+xml; charset=utf-8',
        cacheControl: 'max-age=60',
      };
    } else if (article?.[1]) {
      page = {
        body: buildDemoArticlePage({ content, articleKey: article[1], now }),
        contentType: 'text/html; charset=utf-8',
        cacheControl: 'max-age=3600',
      };
    }
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'NOT_FOUND')) throw error;
  }
  if (page) {
    res.writeHead(200, { 'content-type': page.contentType, 'cache-control': page.cacheControl });
    res.end(page.body);
  } else {
    sendJson(res, 404, { error: 'no such demo feed or article' });
  }
  return true;
}
