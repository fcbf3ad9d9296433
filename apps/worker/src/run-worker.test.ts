import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { deadLetterQueueOf, JOBS } from '@wirelens/core/jobs';
import { createTestDatabase, type TestDatabase } from '@wirelens/db/testing';
import { createHostLimiter } from '@wirelens/services/fetch';
import { pollSources } from '@wirelens/services/sources';
import { rssFeed, startFeedServer, testIngestConfig, type FeedServer } from '@wirelens/services/testing';

import type { RunningWorker } from './run-worker.js';
import { startTestWorker } from './testing/test-worker.js';
import { startWorkerProcess } from './testing/worker-process.js';

let test: TestDatabase;
let server: FeedServer;
const cleanups: (() => Promise<void>)[] = [];

beforeEach(async () => {
  test = await createTestDatabase();
  server = await startFeedServer();
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await server.close();
  await test.drop();
});

function items(source: number) {
  return Array.from({ length: 5 }, (_, i) => ({
    title: `Source ${source} story ${i}`,
    link: `https://news.example.com/${source}/${i}`,
    guid: `${source}-${i}`,
    body: `<p>${'Full text of the story with enough words to count as an article body. '.repeat(12)}</p>`,
  }));
}

async function startInProcessWorker(): Promise<RunningWorker> {
  const worker = await startTestWorker(test, {
    concurrency: 2,
    ingest: testIngestConfig({ timeoutMs: 5_000, limiter: createHostLimiter(4) }),
  });
  cleanups.push(() => worker.stop(5_000));
  return worker;
}

/** A fresh worker takes the job over and stores the feed's five articles, each once. */
async function expectFetchedByAnotherWorker(sourceId: number): Promise<void> {
  await startInProcessWorker();
  await expect
    .poll(() => test.db.article.count({ where: { sourceId } }), { timeout: 60_000, interval: 250 })
    .toBe(5);
  expect(await test.db.article.count()).toBe(5);
}

function startWorker(env: Record<string, string>) {
  const worker = startWorkerProcess(test.url, { FETCH_ALLOW_HOSTS: '127.0.0.1', ...env });
  cleanups.push(() => worker.kill());
  return worker;
}

describe('workers side by side', () => {
  it('two workers share the sources without fetching any twice or duplicating articles', async () => {
    for (let i = 0; i < 8; i += 1) {
      server.route(`/feed-${i}.xml`, (_req, res) => {
        // A little latency makes both workers hold jobs at the same time.
        setTimeout(() => res.writeHead(200).end(rssFeed(items(i))), 150);
      });
      await test.db.source.create({ data: { url: `${server.url}/feed-${i}.xml` } });
    }
    const first = await startInProcessWorker();
    await startInProcessWorker();
    // Both workers may poll at once; the queue keeps one fetch per source.
    await Promise.all([
      pollSources({ db: test.db, jobs: first.jobs }),
      pollSources({ db: test.db, jobs: first.jobs }),
    ]);

    await expect
      .poll(() => test.db.source.count({ where: { lastSuccessAt: { not: null } } }), {
        timeout: 30_000,
        interval: 200,
      })
      .toBe(8);
    expect(await test.db.article.count()).toBe(40);
    for (let i = 0; i < 8; i += 1) expect(server.hits.get(`/feed-${i}.xml`)).toBe(1);
    expect(await test.db.fetchLog.count()).toBe(8);
  });

  it('retries the job of a worker killed mid-fetch, without duplicates', async () => {
    let requests = 0;
    server.route('/feed.xml', (_req, res) => {
      requests += 1;
      // The first request never answers: the worker holding it gets killed.
      if (requests === 1) return;
      res.writeHead(200).end(rssFeed(items(1)));
    });
    const source = await test.db.source.create({ data: { url: `${server.url}/feed.xml` } });

    const { child, exited } = startWorker({
      FETCH_TIMEOUT_MS: '120000',
      QUEUE_SUPERVISE_SECONDS: '1',
    });
    // The child polls the due source and takes the job; kill it while it waits for the feed.
    await expect.poll(() => requests, { timeout: 30_000, interval: 100 }).toBeGreaterThanOrEqual(1);
    child.kill('SIGKILL');
    await exited;
    // Another worker picks the abandoned job up once its heartbeat is missed.
    await expectFetchedByAnotherWorker(source.id);
    expect(requests).toBeGreaterThanOrEqual(2);
  }, 90_000);

  it('on SIGTERM finishes the fetch it holds, then exits', async () => {
    let requests = 0;
    server.route('/feed.xml', (_req, res) => {
      requests += 1;
      setTimeout(() => res.writeHead(200).end(rssFeed(items(2))), 3000);
    });
    await test.db.source.create({ data: { url: `${server.url}/feed.xml` } });
    const { child, exited } = startWorker({});
    await expect.poll(() => requests, { timeout: 30_000, interval: 100 }).toBe(1);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // The answer came after SIGTERM, yet the items were stored before the worker left.
    expect(await test.db.article.count()).toBe(5);
  }, 60_000);

  it('on SIGTERM cancels a fetch still running after the grace period; the next worker retries it once', async () => {
    let requests = 0;
    let cutAfterMs: number | null = null;
    let sigtermAt = 0;
    server.route('/feed.xml', (_req, res) => {
      requests += 1;
      if (requests === 1) {
        // The first answer never comes: only the worker's cancellation ends this request.
        res.on('close', () => (cutAfterMs = Date.now() - sigtermAt));
        return;
      }
      res.writeHead(200).end(rssFeed(items(3)));
    });
    const source = await test.db.source.create({ data: { url: `${server.url}/feed.xml` } });
    const { child, exited, log } = startWorker({
      FETCH_TIMEOUT_MS: '120000',
      QUEUE_SUPERVISE_SECONDS: '1',
    });
    await expect.poll(() => requests, { timeout: 30_000, interval: 100 }).toBe(1);
    sigtermAt = Date.now();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // Cut after the 5 s grace period, by the job's abort signal (the handler saw it and said so).
    expect(cutAfterMs).toBeGreaterThanOrEqual(4_500);
    expect(log.text).toMatch(/"job":"ingest-fetch-source","jobId":"[^"]+"[^\n]*cancelled/);
    // The cancelled attempt says nothing about the feed: no failure is recorded.
    expect(await test.db.fetchLog.count()).toBe(0);

    await expectFetchedByAnotherWorker(source.id);
    expect(requests).toBe(2);
    // The fetch log is written after the articles: wait for it rather than read it at once.
    await expect
      .poll(() => test.db.fetchLog.findMany({ select: { httpStatus: true } }))
      .toEqual([{ httpStatus: 200 }]);
    expect(await test.db.source.findUniqueOrThrow({ where: { id: source.id } })).toMatchObject({
      consecutiveFailures: 0,
    });
  }, 120_000);

  it('moves a job with an invalid payload to the dead-letter queue at once, without retries', async () => {
    const worker = await startInProcessWorker();
    const id = await worker.boss.send(JOBS.fetchSource.name, { sourceId: 'not-a-number' });
    const deadLetter = deadLetterQueueOf(JOBS.fetchSource);
    const dead = () =>
      test.db.$queryRawUnsafe<{ data: unknown }[]>('SELECT data FROM pgboss.job WHERE name = $1', deadLetter);
    // Well inside the queue's first retry delay (15 s): a retried job could not be there yet.
    await expect
      .poll(dead, { timeout: 10_000, interval: 100 })
      .toEqual([{ data: { sourceId: 'not-a-number' } }]);
    const [original] = await test.db.$queryRawUnsafe<{ state: string }[]>(
      'SELECT state::text AS state FROM pgboss.job WHERE id = $1::uuid',
      id,
    );
    expect(original?.state).toBe('failed');
  });
});

describe('worker metrics', () => {
  it('count jobs by outcome, fetch results per source and analyses per analyzer', async () => {
    server.route('/feed.xml', (_req, res) => res.writeHead(200).end(rssFeed(items(3))));
    const source = await test.db.source.create({ data: { url: `${server.url}/feed.xml` } });
    const worker = await startInProcessWorker();
    await worker.jobs.send(JOBS.fetchSource, { sourceId: source.id }, { singletonKey: `fetch-${source.id}` });
    await worker.boss.send(JOBS.fetchSource.name, { sourceId: 'not-a-number' });
    await expect
      .poll(() => test.db.article.count({ where: { latestAnalysisId: { not: null } } }), {
        timeout: 60_000,
        interval: 250,
      })
      .toBe(5);
    const values = async () => {
      const metrics = await worker.metrics.registry.getMetricsAsJSON();
      const value = (name: string, labels: Record<string, string>) =>
        metrics
          .find((m) => m.name === name)
          ?.values.find((v) => Object.entries(labels).every(([k, l]) => String(v.labels[k]) === l))?.value;
      return {
        fetches: value('wirelens_source_fetches_total', { source: String(source.id), result: 'ok' }),
        analyses: value('wirelens_analyses_total', { analyzer: 'builtin' }),
        fetchJobs: value('wirelens_job_duration_seconds', {
          job: JOBS.fetchSource.name,
          outcome: 'completed',
          le: '+Inf',
        }),
        invalidJobs: value('wirelens_job_duration_seconds', {
          job: JOBS.fetchSource.name,
          outcome: 'invalid',
          le: '+Inf',
        }),
      };
    };
    // The last analysis job reports after its row is stored: wait for its count.
    await expect
      .poll(values, { timeout: 10_000, interval: 100 })
      .toEqual({ fetches: 1, analyses: 5, fetchJobs: 1, invalidJobs: 1 });
  }, 90_000);
});
