import { describe, expect, it } from 'vitest';

import { JOBS } from '@wirelens/core/jobs';
import { seedDatabase } from '@wirelens/db';
import { rebuildSentimentBuckets } from '@wirelens/db/repositories';
import { createHostLimiter } from '@wirelens/services/fetch';
import { rssFeed, testIngestConfig } from '@wirelens/services/testing';

import type { RunningWorker } from './run-worker.js';
import { startTestWorker } from './testing/test-worker.js';
import { workerTestContext } from './testing/worker-test-context.js';

const ctx = workerTestContext({
  stopGraceMs: 5_000,
  prepare: (test) =>
    seedDatabase({ db: test.db, adminEmail: 'admin@wirelens.test', adminPassword: 'admin-password-1' }),
});

const COMPANIES = ['Apple', 'Microsoft', 'Nvidia', 'Tesla', 'Amazon', 'Intel', 'Boeing', 'Pfizer'];

/** Many similar but distinct stories: one template, different companies, figures and days. */
function stories(count: number, title = (i: number) => `Story ${i}`) {
  return Array.from({ length: count }, (_, i) => {
    const company = COMPANIES[i % COMPANIES.length] ?? 'Apple';
    const day = 1 + (i % 25);
    return {
      title: `${title(i)}: ${company} ${i % 2 ? 'beats' : 'misses'} estimates by ${i}%`,
      link: `https://news.example.com/${i}`,
      guid: `story-${i}`,
      date: `Wed, ${String(day).padStart(2, '0')} Nov 2026 ${String(i % 24).padStart(2, '0')}:00:00 GMT`,
      body: `<p>${company} reported revenue of $${i + 10} billion on day ${day}, ${i % 2 ? 'beating' : 'missing'} analyst estimates by ${i}%. Shares ${i % 2 ? 'rose' : 'fell'} ${i % 9}% as investors weighed the outlook for order ${i}.</p>`,
    };
  });
}

async function startWorker(): Promise<RunningWorker> {
  ctx.worker = await startTestWorker(ctx.test, {
    concurrency: 2,
    batchSize: 50,
    ingest: testIngestConfig({ timeoutMs: 10_000, limiter: createHostLimiter(4) }),
  });
  return ctx.worker;
}

async function fetchFeed(running: RunningWorker, items: ReturnType<typeof stories>): Promise<void> {
  ctx.server.route('/feed.xml', (_req, res) => res.writeHead(200).end(rssFeed(items)));
  const source = await ctx.test.db.source.create({ data: { url: `${ctx.server.url}/feed.xml` } });
  await running.jobs.send(JOBS.fetchSource, { sourceId: source.id, force: true });
}

function analysisJobs() {
  return ctx.test.db.$queryRaw<{ state: string; articleId: number; output: { error?: string } | null }[]>`
    SELECT state::text AS state, (data->>'articleId')::int AS "articleId", output
    FROM pgboss.job WHERE name = ${JOBS.analyzeArticle.name}`;
}

type BucketRow = { subject: string; subjectId: number; granularity: string; bucketStart: Date };

async function buckets() {
  const rows = await ctx.test.db.sentimentBucket.findMany({
    where: { count: { not: 0 } },
    orderBy: [{ subject: 'asc' }, { subjectId: 'asc' }, { granularity: 'asc' }, { bucketStart: 'asc' }],
  });
  const key = (r: BucketRow) => `${r.subject}|${r.subjectId}|${r.granularity}|${r.bucketStart.toISOString()}`;
  return rows.map((r) => ({
    key: key(r),
    count: r.count,
    scoreSum: Math.round(r.scoreSum * 1e6) / 1e6,
    bullish: r.bullish,
    neutral: r.neutral,
    bearish: r.bearish,
  }));
}

describe('analysis in batches through the real worker', () => {
  it('analyses every article of a 300-item feed once, with series equal to the sum of the articles', async () => {
    const running = await startWorker();
    await fetchFeed(running, stories(300));
    await expect
      .poll(() => ctx.test.db.article.count({ where: { latestAnalysisId: { not: null } } }), {
        timeout: 420_000,
        interval: 500,
      })
      .toBe(300);
    await expect
      .poll(async () => (await analysisJobs()).filter((j) => j.state !== 'completed').length, {
        timeout: 60_000,
        interval: 500,
      })
      .toBe(0);

    // One run per article (one source: no coverage re-analyses), each in its story cluster.
    const runs = await ctx.test.db.analysis.groupBy({ by: ['articleId'], _count: true });
    expect(runs).toHaveLength(300);
    expect(runs.every((r) => r._count === 1)).toBe(true);
    expect(await ctx.test.db.article.count({ where: { clusterId: null } })).toBe(0);
    expect(await ctx.test.db.articleCompany.count()).toBeGreaterThanOrEqual(300);

    // The buckets written batch by batch equal a rebuild from every article's effective values.
    const written = await buckets();
    expect(written.length).toBeGreaterThan(0);
    await rebuildSentimentBuckets({ db: ctx.test.db });
    expect(written).toEqual(await buckets());
  }, 540_000);

  it('fails a poisoned article alone: the rest of its batch is stored and its job is retried', async () => {
    // Storing an analysis of the poisoned article breaks the batch's shared statement.
    await ctx.test.db.$executeRawUnsafe(`
      CREATE FUNCTION poison_analysis() RETURNS trigger AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM "Article" WHERE id = NEW."articleId" AND title LIKE 'Poisoned%') THEN
          RAISE EXCEPTION 'poisoned article %', NEW."articleId";
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await ctx.test.db.$executeRawUnsafe(
      `CREATE TRIGGER poison BEFORE INSERT ON "Analysis" FOR EACH ROW EXECUTE FUNCTION poison_analysis()`,
    );
    const running = await startWorker();
    await fetchFeed(
      running,
      stories(20, (i) => (i === 7 ? 'Poisoned story' : `Story ${i}`)),
    );
    const poisoned = () =>
      ctx.test.db.article.findFirstOrThrow({
        where: { title: { startsWith: 'Poisoned' } },
        select: { id: true },
      });
    await expect
      .poll(() => ctx.test.db.article.count({ where: { latestAnalysisId: { not: null } } }), {
        timeout: 120_000,
        interval: 250,
      })
      .toBe(19);
    const { id } = await poisoned();
    await expect
      .poll(
        async () => {
          const job = (await analysisJobs()).find((j) => j.articleId === id);
          return { state: job?.state, error: job?.output?.error?.includes(`poisoned article ${id}`) };
        },
        { timeout: 30_000, interval: 250 },
      )
      .toEqual({ state: 'retry', error: true });
    const jobs = await analysisJobs();
    expect(jobs.filter((j) => j.articleId !== id).map((j) => j.state)).toEqual(Array(19).fill('completed'));
    expect(await ctx.test.db.analysis.count({ where: { articleId: id } })).toBe(0);
    expect(await ctx.test.db.analysis.count()).toBe(19);
  }, 240_000);
});
