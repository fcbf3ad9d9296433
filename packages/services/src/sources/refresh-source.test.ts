import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { JOBS } from '@wirelens/core/jobs';
import type { TestDatabase } from '@wirelens/db/testing';

import type { IngestConfig } from '../fetch/ingest-config.js';
import type { JobQueue } from '../queue/job-queue.js';
import { respond, rssFeed, type FeedServer, type Route } from '../testing/feed-server.js';
import { useIngestTestbed, type IngestTestbed } from '../testing/ingest-testbed.js';
import { refreshSource } from './refresh-source.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../packages/core/test/fixtures/feeds/${name}`, import.meta.url));

let test: TestDatabase;
let server: FeedServer;
let jobs: JobQueue;
let config: IngestConfig;
let queued: IngestTestbed['queued'];
useIngestTestbed((testbed) => {
  ({ test, server, jobs, config } = testbed);
  queued = (name) => testbed.queued(name);
});

async function addSource(path: string, intervalSeconds = 900) {
  return test.db.source.create({ data: { url: `${server.url}${path}`, intervalSeconds } });
}

const JSON_FEED = { 'content-type': 'application/feed+json' };
const HTML = { 'content-type': 'text/html' };
const gzipBomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, ' '));

function fetch(sourceId: number, force = true) {
  return refreshSource({ db: test.db, jobs, config, sourceId, force });
}

describe('refreshSource', () => {
  it('stores a real feed, records the fetch and the source health, and hands articles on', async () => {
    server.route('/techcrunch.xml', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304).end();
        return;
      }
      res
        .writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' })
        .end(fixture('feedjira_TechCrunch.xml'));
    });
    const source = await addSource('/techcrunch.xml');

    const first = await fetch(source.id);
    expect(first).toMatchObject({ status: 'ok', itemsNew: 20, itemsUpdated: 0, itemsUnchanged: 0 });
    expect(await test.db.article.count({ where: { sourceId: source.id } })).toBe(20);
    const stored = await test.db.source.findUniqueOrThrow({ where: { id: source.id } });
    expect(stored).toMatchObject({
      etag: '"v1"',
      format: 'RSS2',
      consecutiveFailures: 0,
      lastError: null,
      lastHttpStatus: 200,
    });
    expect(stored.title).toBe('TechCrunch');
    expect(stored.lastSuccessAt).toBeInstanceOf(Date);
    expect(stored.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect((await queued(JOBS.extractFullText.name)) + (await queued(JOBS.analyzeArticle.name))).toBe(20);
    const log = await test.db.fetchLog.findFirstOrThrow({ where: { sourceId: source.id } });
    expect(log).toMatchObject({ httpStatus: 200, itemsNew: 20, itemsSeen: 20, error: null });

    const second = await fetch(source.id);
    expect(second.status).toBe('not-modified');
    expect(
      await test.db.fetchLog.count({ where: { sourceId: source.id, notModified: true, httpStatus: 304 } }),
    ).toBe(1);
    expect(await test.db.article.count()).toBe(20);
  });

  it('updates a changed item instead of duplicating it, keeping the old title', async () => {
    let title = 'Chipmaker beats estimates';
    server.route('/feed.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
        rssFeed([
          { title, link: 'https://news.example.com/a/1', guid: 'a-1' },
          { title: 'Unrelated story', link: 'https://news.example.com/a/2', guid: 'a-2' },
        ]),
      );
    });
    const source = await addSource('/feed.xml');
    expect(await fetch(source.id)).toMatchObject({ itemsNew: 2 });
    title = 'Chipmaker beats estimates, raises guidance';
    expect(await fetch(source.id)).toMatchObject({ itemsNew: 0, itemsUpdated: 1, itemsUnchanged: 1 });
    const article = await test.db.article.findFirstOrThrow({
      where: { guid: 'a-1' },
      include: { titleHistory: true },
    });
    expect(article.title).toBe('Chipmaker beats estimates, raises guidance');
    expect(article.titleHistory.map((h) => h.title)).toEqual(['Chipmaker beats estimates']);
    expect(await test.db.article.count()).toBe(2);
  });

  it('stores articles and their follow-up jobs together: a failure in between keeps neither, a retry keeps both', async () => {
    server.route('/feed.xml', (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
        rssFeed([
          { title: 'Chipmaker beats estimates', link: 'https://news.example.com/a/1', guid: 'a-1' },
          { title: 'Carmaker cuts guidance', link: 'https://news.example.com/a/2', guid: 'a-2' },
        ]),
      ),
    );
    const source = await addSource('/feed.xml');
    // As a worker killed after the articles were written and before their analysis was queued.
    const dying: JobQueue = {
      ...jobs,
      async sendMany(job, items, options) {
        if (job.name === JOBS.analyzeArticle.name) throw new Error('worker killed');
        return jobs.sendMany(job, items, options);
      },
    };
    const failed = await refreshSource({
      db: test.db,
      jobs: dying,
      config,
      sourceId: source.id,
      force: true,
    });
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain('worker killed');
    expect(await test.db.article.count()).toBe(0);
    expect((await queued(JOBS.extractFullText.name)) + (await queued(JOBS.analyzeArticle.name))).toBe(0);

    expect(await fetch(source.id)).toMatchObject({ status: 'ok', itemsNew: 2 });
    expect(await test.db.article.count()).toBe(2);
    expect((await queued(JOBS.extractFullText.name)) + (await queued(JOBS.analyzeArticle.name))).toBe(2);
  });

  it('recognises the same article from another source despite tracking parameters', async () => {
    server.route('/one.xml', (_req, res) =>
      res.writeHead(200).end(rssFeed([{ title: 'Story', link: 'https://news.example.com/story' }])),
    );
    server.route('/two.xml', (_req, res) =>
      res
        .writeHead(200)
        .end(
          rssFeed([
            { title: 'Story', link: 'http://www.news.example.com/story/?utm_source=x&fbclid=123#top' },
          ]),
        ),
    );
    const one = await addSource('/one.xml');
    const two = await addSource('/two.xml');
    expect(await fetch(one.id)).toMatchObject({ itemsNew: 1 });
    expect(await fetch(two.id)).toMatchObject({ itemsNew: 0, itemsUnchanged: 1 });
    expect(await test.db.article.count()).toBe(1);
  });

  it('honours 429 Retry-After and backs off exponentially on repeated failures', async () => {
    server.route('/busy.xml', (_req, res) => res.writeHead(429, { 'retry-after': '600' }).end('slow down'));
    const source = await addSource('/busy.xml', 60);
    const before = Date.now();
    const outcome = await fetch(source.id);
    expect(outcome.status).toBe('failed');
    const afterFirst = await test.db.source.findUniqueOrThrow({ where: { id: source.id } });
    expect(afterFirst.consecutiveFailures).toBe(1);
    expect(afterFirst.lastHttpStatus).toBe(429);
    expect(afterFirst.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 600_000);
    expect(afterFirst.lastError).toMatch(/429/);

    server.route('/busy.xml', (_req, res) => res.writeHead(503).end());
    await fetch(source.id);
    await fetch(source.id);
    const afterThird = await test.db.source.findUniqueOrThrow({ where: { id: source.id } });
    expect(afterThird.consecutiveFailures).toBe(3);
    // 60 s interval doubled per failure in a row: 8 minutes after the third.
    const delayMinutes =
      (afterThird.nextAttemptAt.getTime() - (afterThird.lastFetchedAt?.getTime() ?? 0)) / 60_000;
    expect(delayMinutes).toBeCloseTo(8, 3);
    expect(await test.db.fetchLog.count({ where: { sourceId: source.id, error: { not: null } } })).toBe(3);

    // One success resets the health.
    server.route('/busy.xml', (_req, res) =>
      res.writeHead(200).end(rssFeed([{ title: 'Back', link: 'https://n.example/b' }])),
    );
    await fetch(source.id);
    expect(await test.db.source.findUniqueOrThrow({ where: { id: source.id } })).toMatchObject({
      consecutiveFailures: 0,
      lastError: null,
    });
  });

  it('refuses a redirect to a private or metadata address', async () => {
    server.route('/moved.xml', (_req, res) =>
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
    );
    const source = await addSource('/moved.xml');
    expect(await fetch(source.id)).toMatchObject({ status: 'failed' });
    const log = await test.db.fetchLog.findFirstOrThrow({ where: { sourceId: source.id } });
    expect(log.errorCode).toBe('BLOCKED_URL');
  });

  it('does not fetch a paused source unless forced', async () => {
    server.route('/paused.xml', (_req, res) =>
      res.writeHead(200).end(rssFeed([{ title: 'x', link: 'https://n.example/x' }])),
    );
    const source = await addSource('/paused.xml');
    await test.db.source.update({ where: { id: source.id }, data: { status: 'PAUSED' } });
    expect(await fetch(source.id, false)).toMatchObject({ status: 'skipped' });
    expect(server.hits.get('/paused.xml')).toBeUndefined();
    expect(await fetch(source.id, true)).toMatchObject({ status: 'ok', itemsNew: 1 });
  });

  it('turns every kind of bad input into a recorded error on that source, and keeps others working', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]><rss version="2.0"><channel><title>&lol4;</title><item><title>&lol4;</title><link>https://n.example/l</link></item></channel></rss>`;
    const cases: Record<string, { route: Route; code: string }> = {
      '/malformed.json': {
        route: respond(200, '{"version":"https://jsonfeed.org/version/1.1","items":[{"id":', JSON_FEED),
        code: 'INVALID_FEED',
      },
      '/not-a-feed.xml': { route: respond(200, '<<<< definitely not xml >>>>'), code: 'INVALID_FEED' },
      '/html.xml': {
        route: respond(200, '<!doctype html><html><body><h1>Welcome</h1></body></html>', HTML),
        code: 'INVALID_FEED',
      },
      '/empty.xml': { route: respond(200, ''), code: 'INVALID_FEED' },
      '/gone.xml': { route: respond(410, 'gone'), code: 'FETCH_FAILED' },
      '/error.xml': { route: respond(500, 'boom'), code: 'FETCH_FAILED' },
      '/slow.xml': { route: () => undefined, code: 'TIMEOUT' },
      '/endless.xml': {
        route: (_q, r) => {
          r.writeHead(200, { 'content-type': 'application/rss+xml' });
          const chunk = Buffer.alloc(64 * 1024, 'a');
          const pump = () => {
            while (r.write(chunk)) {
              if (r.destroyed) return;
            }
            r.once('drain', pump);
          };
          pump();
        },
        code: 'TOO_LARGE',
      },
      '/bomb.xml': { route: respond(200, gzipBomb, { 'content-encoding': 'gzip' }), code: 'TOO_LARGE' },
    };
    const sources = new Map<string, number>();
    for (const [path, { route }] of Object.entries(cases)) {
      server.route(path, route);
      sources.set(path, (await addSource(path)).id);
    }
    server.route('/good.xml', respond(200, rssFeed([{ title: 'Fine', link: 'https://n.example/fine' }])));
    server.route('/laughs.xml', respond(200, laughs));
    const good = await addSource('/good.xml');
    const lol = await addSource('/laughs.xml');

    const outcomes = await Promise.all([...sources.values(), good.id, lol.id].map((id) => fetch(id)));
    expect(outcomes.filter((o: { status: string }) => o.status === 'ok')).toHaveLength(2);
    for (const [path, { code }] of Object.entries(cases)) {
      const log = await test.db.fetchLog.findFirstOrThrow({ where: { sourceId: sources.get(path) } });
      expect({ path, code: log.errorCode }).toEqual({ path, code });
      const source = await test.db.source.findUniqueOrThrow({ where: { id: sources.get(path) } });
      expect(source.consecutiveFailures).toBe(1);
      expect(source.lastError).toBeTruthy();
    }
    // Entities are not expanded: the title stays short instead of ten thousand "lol"s.
    const lolArticle = await test.db.article.findFirstOrThrow({ where: { sourceId: lol.id } });
    expect(lolArticle.title.length).toBeLessThan(200);
    expect(await test.db.article.count({ where: { sourceId: good.id } })).toBe(1);
  });

  it('stores items without links as skipped, not as articles', async () => {
    server.route('/nolinks.xml', (_q, r) =>
      r
        .writeHead(200)
        .end(
          '<rss version="2.0"><channel><title>t</title><item><title>No link here</title><pubDate>not a date</pubDate></item><item><title>Has link</title><link>https://n.example/ok</link><pubDate>garbage</pubDate></item></channel></rss>',
        ),
    );
    const source = await addSource('/nolinks.xml');
    expect(await fetch(source.id)).toMatchObject({ status: 'ok', itemsNew: 1, itemsSkipped: 1 });
    const article = await test.db.article.findFirstOrThrow({ where: { sourceId: source.id } });
    // An invalid date falls back to the fetch time instead of failing.
    expect(Math.abs(article.publishedAt.getTime() - Date.now())).toBeLessThan(60_000);
  });
});
