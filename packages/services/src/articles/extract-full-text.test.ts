import { describe, expect, it } from 'vitest';

import type { TestDatabase } from '@wirelens/db/testing';

import type { IngestConfig } from '../fetch/ingest-config.js';
import type { JobQueue } from '../queue/job-queue.js';
import { refreshSource } from '../sources/refresh-source.js';
import { rssFeed, type FeedServer } from '../testing/feed-server.js';
import { useIngestTestbed } from '../testing/ingest-testbed.js';
import { extractFullText } from './extract-full-text.js';

let test: TestDatabase;
let server: FeedServer;
let jobs: JobQueue;
let config: IngestConfig;
useIngestTestbed((testbed) => ({ test, server, jobs, config } = testbed));

const body = Array.from(
  { length: 8 },
  (_, i) =>
    `<p>Paragraph ${i + 1} of the real article explains how the chipmaker's quarterly revenue rose and what analysts expect next quarter.</p>`,
).join('');

/** An article whose feed carried only a teaser and whose page is gone (404). */
async function storeTeaserWithoutPage() {
  server.route('/feed.xml', (_req, res) =>
    res
      .writeHead(200)
      .end(rssFeed([{ title: 'Gone', link: `${server.url}/missing`, body: '<p>Teaser only…</p>' }])),
  );
  const source = await test.db.source.create({ data: { url: `${server.url}/feed.xml` } });
  await refreshSource({ db: test.db, jobs, config, sourceId: source.id, force: true });
  return test.db.article.findFirstOrThrow();
}

/** Analysis jobs waiting in the queue. */
async function queuedAnalyses(): Promise<number> {
  const rows = await test.db.$queryRawUnsafe<{ count: bigint }[]>(
    `SELECT count(*) AS count FROM pgboss.job WHERE name = 'analysis-analyze-article' AND state = 'created'`,
  );
  return Number(rows[0]?.count);
}

describe('extractFullText', () => {
  it('replaces a teaser with the main text of the page, sanitised', async () => {
    server.route('/story', (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
        `<!doctype html><html lang="en"><head><title>Story</title><meta property="og:image" content="https://img.example.com/a.jpg"></head>
         <body><nav><a href="/">Home</a> <a href="/markets">Markets</a></nav>
         <article><h1>Chipmaker beats estimates</h1>${body}
           <p onclick="steal()">Tail <a href="javascript:alert(1)">link</a><img src="http://insecure.example.com/x.png" onerror="x()"></p>
           <script>alert('xss')</script><iframe src="https://evil.example.com"></iframe></article>
         <footer>Comments (0)</footer></body></html>`,
      ),
    );
    server.route('/feed.xml', (_req, res) =>
      res.writeHead(200).end(
        rssFeed([
          {
            title: 'Chipmaker beats estimates',
            link: `${server.url}/story`,
            body: '<p>Short teaser… Read more</p>',
          },
        ]),
      ),
    );
    const source = await test.db.source.create({ data: { url: `${server.url}/feed.xml` } });
    await refreshSource({ db: test.db, jobs, config, sourceId: source.id, force: true });
    const article = await test.db.article.findFirstOrThrow();
    expect(article.fullTextStatus).toBe('PENDING');

    expect(await extractFullText({ db: test.db, jobs, config, articleId: article.id })).toBe('extracted');
    const after = await test.db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(after.fullTextStatus).toBe('EXTRACTED');
    expect(after.contentText).toContain('Paragraph 8 of the real article');
    expect(after.contentHtml).not.toMatch(/script|iframe|onclick|onerror|javascript:|http:\/\/insecure/i);
    expect(after.imageUrl).toBe('https://img.example.com/a.jpg');
    // The hash stays the feed's, so the next poll does not count the article as changed.
    expect(after.contentHash).toBe(article.contentHash);
    expect(
      await refreshSource({ db: test.db, jobs, config, sourceId: source.id, force: true }),
    ).toMatchObject({
      itemsUnchanged: 1,
      itemsUpdated: 0,
    });
    // Running the job again changes nothing.
    expect(await extractFullText({ db: test.db, jobs, config, articleId: article.id })).toBe('skipped');
  });

  it('keeps the teaser when the page cannot be fetched, and still hands the article on', async () => {
    const article = await storeTeaserWithoutPage();
    expect(await extractFullText({ db: test.db, jobs, config, articleId: article.id })).toBe('failed');
    const after = await test.db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(after.fullTextStatus).toBe('FAILED');
    expect(after.contentText).toContain('Teaser only');
    expect(await queuedAnalyses()).toBe(1);
  });

  it('leaves the article pending when its analysis cannot be queued, so the retried job still extracts and hands it on', async () => {
    const article = await storeTeaserWithoutPage();
    // As a worker killed between recording the page's outcome and queueing the analysis.
    const dying: JobQueue = {
      ...jobs,
      sendMany: () => Promise.reject(new Error('worker killed')),
    };
    await expect(
      extractFullText({ db: test.db, jobs: dying, config, articleId: article.id }),
    ).rejects.toThrow('worker killed');
    expect((await test.db.article.findUniqueOrThrow({ where: { id: article.id } })).fullTextStatus).toBe(
      'PENDING',
    );

    expect(await extractFullText({ db: test.db, jobs, config, articleId: article.id })).toBe('failed');
    expect(await queuedAnalyses()).toBe(1);
  });
});
