import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { demoArticlePath, demoFeedPath, type DemoContent } from '@wirelens/core/demo';
import { readDemoContent } from '@wirelens/db';

import { startTestApi, type TestApi } from '../testing/harness.js';
import { rawGet } from '../testing/raw-get.js';

let api: TestApi;
let content: DemoContent;
beforeAll(async () => {
  content = await readDemoContent();
  api = await startTestApi({ server: { demoContent: content } });
});
afterAll(async () => {
  await api.close();
});

describe('demo feeds', () => {
  it('serves each bundled feed and article page', async () => {
    const [source] = content.sources;
    const feed = await rawGet(api.url, demoFeedPath(source?.key ?? ''));
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^application\/rss\+xml/);
    expect(feed.body.toString()).toContain('<rss');
    const article = await rawGet(api.url, demoArticlePath(content.articles[0]?.key ?? ''));
    expect(article.status).toBe(200);
  });

  it.each([
    '/demo/feeds/no-such-feed.xml',
    '/demo/feeds/no-such-feed',
    '/demo/feeds/',
    '/demo/articles/no-such-article',
    '/demo/anything/else',
  ])('answers 404 for %s', async (path) => {
    const response = await rawGet(api.url, path);
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body.toString())).toEqual({ error: 'no such demo feed or article' });
  });
});
