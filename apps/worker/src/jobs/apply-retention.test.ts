import { describe, expect, it } from 'vitest';

import { JOBS } from '@wirelens/core/jobs';
import { articleUrls } from '@wirelens/db/testing';

import type { RunningWorker } from '../run-worker.js';
import { startTestWorker } from '../testing/test-worker.js';
import { workerTestContext } from '../testing/worker-test-context.js';
import { applyRetentionHandler } from './apply-retention.js';

const ctx = workerTestContext({ feedServer: false });

async function storeArticle(slug: string, daysAgo: number): Promise<number> {
  const source = await ctx.test.db.source.upsert({
    where: { url: 'https://news.example/feed' },
    create: { url: 'https://news.example/feed' },
    update: {},
  });
  const article = await ctx.test.db.article.create({
    data: {
      sourceId: source.id,
      ...articleUrls('news.example', slug),
      title: `Story ${slug}`,
      publishedAt: new Date(Date.now() - daysAgo * 86_400_000),
      contentHtml: `<p>Body of ${slug}</p>`,
      contentText: `Body of ${slug}`,
      contentHash: slug,
    },
  });
  return article.id;
}

async function startWorker(retentionDays: number | null): Promise<RunningWorker> {
  ctx.worker = await startTestWorker(ctx.test, { retentionDays, handlers: [applyRetentionHandler] });
  return ctx.worker;
}

const text = (id: number) =>
  ctx.test.db.article.findUniqueOrThrow({ where: { id }, select: { contentText: true, title: true } });

describe('the nightly retention job', () => {
  it('drops the full text of articles older than WIRELENS_RETENTION_DAYS and keeps the recent ones', async () => {
    const old = await storeArticle('old', 40);
    const recent = await storeArticle('recent', 2);
    const running = await startWorker(30);

    const jobId = await running.jobs.send(JOBS.applyRetention, {});

    await expect
      .poll(() => text(old), { timeout: 30_000, interval: 200 })
      .toEqual({
        contentText: null,
        title: 'Story old',
      });
    expect((await text(recent)).contentText).toBe('Body of recent');
    expect(jobId).not.toBeNull();
  });

  it('keeps everything when no retention is configured', async () => {
    const old = await storeArticle('old', 400);
    const running = await startWorker(null);

    const jobId = await running.jobs.send(JOBS.applyRetention, {});
    if (!jobId) throw new Error('the job was not queued');

    await expect
      .poll(async () => (await running.boss.getJobById(JOBS.applyRetention.name, jobId))?.state, {
        timeout: 30_000,
        interval: 200,
      })
      .toBe('completed');
    expect((await text(old)).contentText).toBe('Body of old');
    expect(await ctx.test.db.auditEntry.count({ where: { action: 'article.retention' } })).toBe(0);
  });
});
