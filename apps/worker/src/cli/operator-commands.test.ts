import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@wirelens/db/testing';
import { rssFeed, startFeedServer } from '@wirelens/services/testing';

import { runCli, workerRoot } from '../testing/run-cli.js';

const fixture = path.resolve(workerRoot, '../../packages/core/test/fixtures/feeds/feedjira_TechCrunch.xml');
let test: TestDatabase;
let dir: string;

beforeEach(async () => {
  test = await createTestDatabase();
  dir = await mkdtemp(path.join(os.tmpdir(), 'wirelens-cli-'));
});

afterEach(async () => {
  await test.drop();
  await rm(dir, { recursive: true, force: true });
});

const run = (args: string[], input = '', env: Record<string, string> = {}) =>
  runCli(args, { input, env: { DATABASE_URL: test.url, ...env } });

describe('wirelens feed parse', () => {
  it('prints the normalised feed as JSON', async () => {
    const result = await run(['feed', 'parse', fixture, '--json']);
    expect(result.code).toBe(0);
    const feed = JSON.parse(result.stdout) as {
      format: string;
      title: string;
      items: { title: string; link: string; published: string }[];
    };
    expect(feed.format).toBe('rss2');
    expect(feed.title).toBe('TechCrunch');
    expect(feed.items).toHaveLength(20);
    expect(feed.items[0]?.published).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('fails with a one-line reason on a file that is not a feed', async () => {
    const file = path.join(dir, 'page.html');
    await writeFile(file, '<!doctype html><html><body><p>Hello</p></body></html>');
    const result = await run(['feed', 'parse', file, '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^error: /);
    const missing = await run(['feed', 'parse', path.join(dir, 'nope.xml')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('ENOENT');
  });
});

describe('wirelens sources', () => {
  it('adds, lists, pauses, resumes, exports and removes sources; OPML round-trips', async () => {
    const added = await run(['sources', 'add', 'https://news.example.com/feed.xml', '--interval', '30']);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(
      /Added source \d+: https:\/\/news\.example\.com\/feed\.xml \(every 30 min\)/,
    );
    expect((await run(['sources', 'add', 'https://news.example.com/feed.xml'])).stderr).toMatch(
      /already exists/,
    );
    expect((await run(['sources', 'add', 'http://127.0.0.1/feed'])).stderr).toMatch(
      /private or reserved address/,
    );
    expect((await run(['sources', 'add', 'ftp://example.com/feed'])).stderr).toMatch(/http or https/);
    expect((await run(['sources', 'add', 'https://example.com/f', '--interval', '10s'])).stderr).toMatch(
      /at least 1 minute/,
    );

    const source = await test.db.source.findFirstOrThrow();
    expect(source.intervalSeconds).toBe(1800);
    expect((await run(['sources', 'pause', String(source.id)])).code).toBe(0);
    expect((await test.db.source.findUniqueOrThrow({ where: { id: source.id } })).status).toBe('PAUSED');
    expect((await run(['sources', 'resume', source.url])).code).toBe(0);
    expect((await test.db.source.findUniqueOrThrow({ where: { id: source.id } })).status).toBe('ACTIVE');

    const list = await run(['sources', 'list']);
    expect(list.stdout).toContain('https://news.example.com/feed.xml');
    expect(list.stdout).toMatch(/last success never/);

    const opml = path.join(dir, 'feeds.opml');
    await writeFile(
      opml,
      `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body><outline text="Tech"><outline type="rss" text="A &amp; B" xmlUrl="https://a.example.com/rss?x=1&amp;y=2"/></outline><outline type="rss" text="Dup" xmlUrl="https://news.example.com/feed.xml"/><outline type="rss" text="Internal" xmlUrl="http://10.0.0.5/feed"/></body></opml>`,
    );
    const imported = await run(['sources', 'import', opml]);
    expect(imported.stdout).toContain('Imported 1 source(s); 1 already present; 1 refused.');
    const exported = await run(['sources', 'export']);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('xmlUrl="https://a.example.com/rss?x=1&amp;y=2"');
    // Importing the export into an empty database gives back the same URLs.
    const again = path.join(dir, 'export.opml');
    await writeFile(again, exported.stdout);
    await test.db.source.deleteMany();
    await run(['sources', 'import', again]);
    expect((await test.db.source.findMany({ orderBy: { url: 'asc' } })).map((s) => s.url)).toEqual([
      'https://a.example.com/rss?x=1&y=2',
      'https://news.example.com/feed.xml',
    ]);

    const victim = await test.db.source.findFirstOrThrow({
      where: { url: 'https://news.example.com/feed.xml' },
    });
    expect((await run(['sources', 'remove', String(victim.id)])).code).toBe(0);
    expect(await test.db.source.count()).toBe(1);
    expect((await run(['sources', 'remove', '99999'])).stderr).toContain('no source 99999');
    expect(await test.db.auditEntry.count({ where: { entityType: 'Source' } })).toBeGreaterThanOrEqual(5);
  }, 240_000);
});

describe('wirelens sources refresh', () => {
  it('fetches a source here and now, like the worker would, and says what it brought', async () => {
    const server = await startFeedServer();
    try {
      server.route('/feed.xml', (_req, res) =>
        res.writeHead(200).end(
          rssFeed([
            { title: 'One', link: 'https://news.example.com/1', body: `<p>${'Body text. '.repeat(60)}</p>` },
            { title: 'Two', link: 'https://news.example.com/2', body: `<p>${'Body text. '.repeat(60)}</p>` },
          ]),
        ),
      );
      const source = await test.db.source.create({
        data: { url: `${server.url}/feed.xml`, status: 'PAUSED' },
      });
      const allowed = { FETCH_ALLOW_HOSTS: '127.0.0.1' };
      const refreshed = await run(['sources', 'refresh', String(source.id)], '', allowed);
      expect(refreshed.stdout).toContain(`Source ${source.id}: 2 new, 0 updated, 0 unchanged, 0 skipped`);
      expect(await test.db.article.count({ where: { sourceId: source.id } })).toBe(2);
      expect(await test.db.fetchLog.findMany({ select: { httpStatus: true, itemsNew: true } })).toEqual([
        { httpStatus: 200, itemsNew: 2 },
      ]);
      const analyses = await test.db.$queryRawUnsafe<{ count: bigint }[]>(
        `SELECT count(*) AS count FROM pgboss.job WHERE name = 'analysis-analyze-article' AND state = 'created'`,
      );
      expect(Number(analyses[0]?.count)).toBe(2);

      server.route('/feed.xml', (_req, res) => res.writeHead(500).end('down'));
      const failed = await run(['sources', 'refresh', `${server.url}/feed.xml`], '', allowed);
      expect(failed.code).toBe(1);
      expect(failed.stderr).toMatch(/failed: .*HTTP 500/);
      expect((await test.db.source.findUniqueOrThrow({ where: { id: source.id } })).consecutiveFailures).toBe(
        1,
      );
    } finally {
      await server.close();
    }
  }, 60_000);
});

describe('wirelens analyze', () => {
  it('analyses an article from stdin without a database and prints the contract as JSON', async () => {
    const input = JSON.stringify({
      title: 'Nvidia shares fall as US widens AI chip export controls',
      body: 'Nvidia said new export restrictions would cut next-quarter revenue by $4.2 billion. Shares fell 7% in New York. AMD also declined. Analysts expect the rules to weigh on data-center sales through next year.',
    });
    const result = await run(['analyze', '--json'], input);
    expect(result.code).toBe(0);
    const analysis = JSON.parse(result.stdout) as {
      sentiment: { label: string; score: number };
      companies: { name: string }[];
      takeaways: string[];
    };
    expect(analysis.sentiment.score).toBeLessThan(-0.15);
    expect(analysis.companies.map((c) => c.name)).toContain('NVIDIA');
    expect(analysis.takeaways.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses empty or malformed input', async () => {
    expect((await run(['analyze'], '')).stderr).toMatch(/no article/);
    expect((await run(['analyze'], '{"title": 1}')).stderr).toMatch(/"title" and "body"/);
  });
});

describe('wirelens reanalyze', () => {
  it('refuses an LLM run up front when no LLM is configured, and queues built-in runs with an audit entry each', async () => {
    const source = await test.db.source.create({ data: { url: 'https://news.example.com/feed.xml' } });
    const article = await test.db.article.create({
      data: {
        sourceId: source.id,
        url: 'https://news.example.com/a/1',
        canonicalUrl: 'https://news.example.com/a/1',
        urlKey: 'news.example.com/a/1',
        title: 'Chipmaker beats estimates',
        publishedAt: new Date('2026-11-20T10:00:00Z'),
        contentHash: 'a1',
      },
    });
    const refused = await run(['reanalyze', '--analyzer', 'llm']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/No LLM is configured.*LLM_BASE_URL/);
    expect(await test.db.auditEntry.count({ where: { action: 'analysis.reanalyze' } })).toBe(0);

    const queued = await run(['reanalyze', '--analyzer', 'builtin']);
    expect(queued.stdout).toContain('Queued 1 article(s) for re-analysis');
    const jobs = await test.db.$queryRawUnsafe<{ data: unknown }[]>(
      `SELECT data FROM pgboss.job WHERE name = 'analysis-analyze-article' AND state = 'created'`,
    );
    expect(jobs).toEqual([{ data: { articleId: article.id, reason: 'reanalyze', analyzer: 'builtin' } }]);
    expect(await test.db.auditEntry.count({ where: { action: 'analysis.reanalyze' } })).toBe(1);
  }, 60_000);
});
