import type { IncomingMessage, ServerResponse } from 'node:http';

import { describe, expect, it } from 'vitest';

import { JOBS } from '@wirelens/core/jobs';
import { createHostLimiter } from '@wirelens/services/fetch';
import { startJobQueue } from '@wirelens/services/queue';
import { testIngestConfig } from '@wirelens/services/testing';

import { startTestWorker } from '../testing/test-worker.js';
import { workerTestContext } from '../testing/worker-test-context.js';
import { extractFullTextHandler } from './extract-full-text.js';

const ctx = workerTestContext();

const PAGES = 11;

const page = (n: number) =>
  `<!doctype html><html lang="en"><head><title>Story ${n}</title></head><body><nav><a href="/">Home</a></nav><article><h1>Story ${n}</h1>${Array.from(
    { length: 8 },
    (_, i) =>
      `<p>Paragraph ${i + 1} of story ${n} explains how the chipmaker's quarterly revenue rose and what analysts expect next quarter.</p>`,
  ).join('')}</article></body></html>`;

/** Teasers whose pages are on the test server, the `poisoned` one failing when its new state is stored. */
async function storeTeasers(poisoned: number): Promise<number[]> {
  const source = await ctx.test.db.source.create({ data: { url: `${ctx.server.url}/feed.xml` } });
  const ids: number[] = [];
  for (let n = 1; n <= PAGES; n += 1) {
    const article = await ctx.test.db.article.create({
      data: {
        sourceId: source.id,
        url: `${ctx.server.url}/page/${n}`,
        canonicalUrl: `${ctx.server.url}/page/${n}`,
        urlKey: `127.0.0.1/page/${n}`,
        title: n === poisoned ? `Poisoned story ${n}` : `Story ${n}`,
        publishedAt: new Date(),
        contentText: 'Teaser…',
        contentHash: `hash-${n}`,
      },
    });
    ids.push(article.id);
  }
  await ctx.test.db.$executeRawUnsafe(`
    CREATE FUNCTION poison_extraction() RETURNS trigger AS $$
    BEGIN
      IF NEW.title LIKE 'Poisoned%' AND NEW."fullTextStatus" <> 'PENDING' THEN
        RAISE EXCEPTION 'poisoned article %', NEW.id;
      END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql`);
  await ctx.test.db.$executeRawUnsafe(
    `CREATE TRIGGER poison BEFORE UPDATE ON "Article" FOR EACH ROW EXECUTE FUNCTION poison_extraction()`,
  );
  return ids;
}

/**
 * Holds page requests and answers them together once as many are waiting as one fetch of five
 * jobs can ask for: a worker taking one job at a time never gets an answer (its fetches time out).
 */
function serveInGroupsOfFive(): { peak: () => number } {
  const held: (() => void)[] = [];
  let answered = 0;
  let peak = 0;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const n = Number(new URL(req.url ?? '/', ctx.server.url).pathname.split('/').pop());
    held.push(() => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(n)));
    peak = Math.max(peak, held.length);
    if (held.length === Math.min(5, PAGES - answered)) {
      answered += held.length;
      for (const answer of held.splice(0)) answer();
    }
  };
  for (let n = 1; n <= PAGES; n += 1) ctx.server.route(`/page/${n}`, handler);
  return { peak: () => peak };
}

function extractionJobs() {
  return ctx.test.db.$queryRaw<
    { state: string; articleId: number; startedOn: Date | null; output: { error?: string } | null }[]
  >`
    SELECT state::text AS state, (data->>'articleId')::int AS "articleId", started_on AS "startedOn", output
    FROM pgboss.job WHERE name = ${JOBS.extractFullText.name}`;
}

describe('the full-text extraction job', () => {
  it('works a backlog five pages per fetch, side by side, and fails a broken article alone', async () => {
    const ids = await storeTeasers(7);
    const poisonedId = ids[6];
    const pages = serveInGroupsOfFive();
    // The whole backlog is queued before the worker's first fetch, as after a big feed.
    const producer = await startJobQueue({ connectionString: ctx.test.url, onError: () => undefined });
    await producer.sendMany(
      JOBS.extractFullText,
      ids.map((articleId) => ({ payload: { articleId }, singletonKey: `article-${articleId}` })),
    );
    await producer.stop();

    // One slot: every job it takes at once comes from one fetch.
    ctx.worker = await startTestWorker(ctx.test, {
      concurrency: 1,
      handlers: [extractFullTextHandler],
      ingest: testIngestConfig({ timeoutMs: 5_000, limiter: createHostLimiter(5) }),
    });
    await expect
      .poll(() => ctx.test.db.article.count({ where: { fullTextStatus: 'EXTRACTED' } }), {
        timeout: 40_000,
        interval: 250,
      })
      .toBe(PAGES - 1);
    await expect
      .poll(async () => (await extractionJobs()).find((j) => j.articleId === poisonedId)?.state, {
        timeout: 30_000,
        interval: 250,
      })
      .toBe('retry');

    expect(pages.peak()).toBe(5);
    const jobs = await extractionJobs();
    const done = jobs.filter((j) => j.articleId !== poisonedId);
    expect(done.map((j) => j.state)).toEqual(Array(PAGES - 1).fill('completed'));
    // Ten jobs in at most three fetches (5 + 5 + 1 with the broken one), not one fetch per job.
    expect(new Set(done.map((j) => j.startedOn?.getTime())).size).toBeLessThanOrEqual(3);
    expect(jobs.find((j) => j.articleId === poisonedId)?.output?.error).toContain(
      `poisoned article ${poisonedId}`,
    );
    expect(
      await ctx.test.db.article.findUniqueOrThrow({
        where: { id: poisonedId },
        select: { fullTextStatus: true },
      }),
    ).toEqual({ fullTextStatus: 'PENDING' });
    // Every extracted article went on to analysis.
    const analyses = await ctx.test.db.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM pgboss.job WHERE name = ${JOBS.analyzeArticle.name}`;
    expect(analyses[0]?.count).toBe(PAGES - 1);
  }, 90_000);
});
