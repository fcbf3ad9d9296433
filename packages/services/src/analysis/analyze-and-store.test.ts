import { readFileSync } from 'node:fs';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { coverageFactor } from '@wirelens/core/analysis';
import { demoContentSchema, demoPublishedAt, type DemoArticle } from '@wirelens/core/demo';
import { JOBS } from '@wirelens/core/jobs';
import { parseImportanceFactors, readCompanySeed, seedDatabase } from '@wirelens/db';
import { createTestDatabase, type TestDatabase } from '@wirelens/db/testing';

import { startJobQueue, type JobQueue } from '../queue/job-queue.js';
import { correctAnalysis } from '../review/correct-analysis.js';
import { analyzeAndStore, type AnalyzeAndStoreOptions } from './analyze-and-store.js';
import { createAnalyzerSet, LLM_NOT_CONFIGURED, type AnalyzerSet } from './analyzer-set.js';

// The bundled demo content holds one story told by three sources (nvidia-export-rules-1..3).
const demo = demoContentSchema.parse(
  JSON.parse(
    readFileSync(
      new URL('../../../../packages/db/prisma/seed-data/demo-articles.json', import.meta.url),
      'utf8',
    ),
  ),
);
const now = new Date('2026-11-27T12:00:00Z');

let test: TestDatabase;
let analyzers: AnalyzerSet;
let jobs: JobQueue;

beforeEach(async () => {
  test = await createTestDatabase();
  const registry = (await readCompanySeed()).filter((c) =>
    ['nvidia', 'amd', 'tsmc', 'apple', 'microsoft', 'pfizer', 'exxonmobil', 'tesla'].includes(c.slug),
  );
  await seedDatabase({
    db: test.db,
    adminEmail: 'admin@example.com',
    adminPassword: 'admin-password-1',
    companies: registry,
  });
  analyzers = createAnalyzerSet({
    db: test.db,
    config: {
      kind: 'builtin',
      llm: { baseUrl: undefined, model: undefined, apiKey: undefined, timeoutMs: 1000, concurrency: 1 },
    },
  });
  jobs = await startJobQueue({ connectionString: test.url, onError: () => undefined });
});

afterEach(async () => {
  await jobs.stop();
  await test.drop();
});

const analyzeArticle = (options: Omit<AnalyzeAndStoreOptions, 'db' | 'jobs' | 'analyzers'>) =>
  analyzeAndStore({ db: test.db, jobs, analyzers, ...options });

async function queuedCoverageRuns(): Promise<number[]> {
  const rows = await test.db.$queryRawUnsafe<{ data: { articleId: number } }[]>(
    `SELECT data FROM pgboss.job WHERE name = 'analysis-analyze-article' AND state = 'created' AND data->>'reason' = 'coverage' ORDER BY (data->>'articleId')::int`,
  );
  return rows.map((r) => r.data.articleId);
}

async function queuedAlertEvaluations(): Promise<number[]> {
  const rows = await test.db.$queryRawUnsafe<{ data: { articleId: number } }[]>(
    `SELECT data FROM pgboss.job WHERE name = '${JOBS.evaluateArticleAlerts.name}' AND state = 'created' ORDER BY (data->>'articleId')::int`,
  );
  return rows.map((r) => r.data.articleId);
}

async function insert(article: DemoArticle): Promise<number> {
  const source = await test.db.source.upsert({
    where: { url: `https://demo.example/${article.source}.xml` },
    create: { url: `https://demo.example/${article.source}.xml`, title: article.source },
    update: {},
  });
  const text = article.body.join('\n\n');
  const created = await test.db.article.create({
    data: {
      sourceId: source.id,
      url: `https://demo.example/a/${article.key}`,
      canonicalUrl: `https://demo.example/a/${article.key}`,
      urlKey: `demo.example/a/${article.key}`,
      title: article.title,
      author: article.author,
      publishedAt: demoPublishedAt(article.hoursAgo, now),
      excerpt: article.teaser,
      contentText: text,
      contentHtml: article.body.map((p) => `<p>${p}</p>`).join(''),
      fullTextStatus: 'FROM_FEED',
      contentHash: article.key,
    },
  });
  return created.id;
}

function demoArticle(key: string): DemoArticle {
  const found = demo.articles.find((a) => a.key === key);
  if (!found) throw new Error(`no demo article ${key}`);
  return found;
}

describe('analyzeAndStore', () => {
  it('clusters three sources of one story together and keeps unrelated stories apart', async () => {
    const story = demo.articles.filter((a) => a.story === 'nvidia-export-rules');
    expect(story.length).toBeGreaterThanOrEqual(3);
    const others = demo.articles
      .filter((a) => a.story !== 'nvidia-export-rules' && a.companies.length > 0)
      .slice(0, 2);
    const ids: number[] = [];
    for (const article of [...story, ...others].sort((a, b) => b.hoursAgo - a.hoursAgo))
      ids.push(await insert(article));
    for (const id of ids) {
      const outcome = await analyzeArticle({ articleId: id, reason: 'new' });
      expect(outcome.status).toBe('analyzed');
    }
    const rows = await test.db.article.findMany({
      select: { id: true, title: true, clusterId: true, importance: true, sourceId: true },
    });
    const storyRows = rows.filter((r) => story.some((s) => s.title === r.title));
    const otherRows = rows.filter((r) => others.some((o) => o.title === r.title));
    expect(new Set(storyRows.map((r) => r.clusterId)).size).toBe(1);
    for (const other of otherRows) expect(storyRows.map((r) => r.clusterId)).not.toContain(other.clusterId);
    expect(otherRows[0]?.clusterId).not.toBe(otherRows[1]?.clusterId);

    const cluster = await test.db.storyCluster.findUniqueOrThrow({
      where: { id: storyRows[0]?.clusterId ?? -1 },
    });
    expect(cluster.articleCount).toBe(story.length);
    expect(cluster.sourceCount).toBe(new Set(story.map((s) => s.source)).size);

    // Every article has effective values, company rows and a single AI run.
    expect(await test.db.analysis.count()).toBe(ids.length);
    const nvidia = await test.db.company.findUniqueOrThrow({ where: { slug: 'nvidia' } });
    expect(await test.db.articleCompany.count({ where: { companyId: nvidia.id } })).toBeGreaterThanOrEqual(
      story.length,
    );
    for (const row of rows) expect(row.importance).toBeGreaterThanOrEqual(1);
  });

  it('is safe to run twice for a new article, and re-analysis adds a row without touching corrections', async () => {
    const id = await insert(demoArticle('nvidia-export-rules-1'));
    await analyzeArticle({ articleId: id, reason: 'new' });
    expect(await analyzeArticle({ articleId: id, reason: 'new' })).toEqual({
      status: 'skipped',
    });
    expect(await test.db.analysis.count({ where: { articleId: id } })).toBe(1);

    const before = await test.db.article.findUniqueOrThrow({ where: { id } });
    expect(before.sentimentLabel === 'BEARISH' || before.sentimentLabel === 'SOMEWHAT_BEARISH').toBe(true);
    const admin = await test.db.user.findFirstOrThrow();
    const corrected = await correctAnalysis({
      db: test.db,
      articleId: id,
      expectedVersion: before.reviewVersion,
      actor: { userId: admin.id },
      values: { sentimentLabel: 'BULLISH', sentimentScore: 0.6, summary: 'An editor rewrote this summary.' },
      note: 'test correction',
    });
    expect(corrected.kind).toBe('success');

    const again = await analyzeArticle({ articleId: id, reason: 'reanalyze' });
    expect(again.status).toBe('analyzed');
    expect(await test.db.analysis.count({ where: { articleId: id } })).toBe(2);
    const after = await test.db.article.findUniqueOrThrow({ where: { id } });
    expect(after.sentimentLabel).toBe('BULLISH');
    expect(after.sentimentScore).toBe(0.6);
    // The AI still disagrees with the editor, so a person has to look again.
    expect(after.reviewStatus).toBe('NEEDS_REREVIEW');
    expect(await test.db.correction.count({ where: { articleId: id } })).toBe(1);
  });

  it('re-scores a story’s earlier built-in runs when a new source joins, once per change, never LLM runs', async () => {
    const story = demo.articles
      .filter((a) => a.story === 'nvidia-export-rules')
      .sort((a, b) => b.hoursAgo - a.hoursAgo);
    const [first, second, third] = await Promise.all(story.slice(0, 3).map((a) => insert(a)));
    if (!first || !second || !third) throw new Error('the demo story needs three articles');
    expect(new Set(story.slice(0, 3).map((a) => a.source)).size).toBe(3);
    const coverageOf = async (id: number) => {
      const row = await test.db.article.findUniqueOrThrow({
        where: { id },
        select: { latestAnalysis: true },
      });
      return row.latestAnalysis && parseImportanceFactors(row.latestAnalysis.importanceFactors).coverage;
    };

    const alone = await analyzeArticle({ articleId: first, reason: 'new' });
    expect(alone.status === 'analyzed' && alone.rescore).toEqual([]);
    expect(await coverageOf(first)).toBe(0);

    const joined = await analyzeArticle({ articleId: second, reason: 'new' });
    expect(joined.status === 'analyzed' && joined.rescore).toEqual([first]);
    expect(await queuedCoverageRuns()).toEqual([first]);
    expect(await coverageOf(second)).toBe(coverageFactor(2));

    // The first article's run now counts two sources; a repeated job adds nothing.
    const rescored = await analyzeArticle({ articleId: first, reason: 'coverage' });
    expect(rescored.status).toBe('analyzed');
    expect(await coverageOf(first)).toBe(coverageFactor(2));
    expect(await test.db.analysis.count({ where: { articleId: first } })).toBe(2);
    expect(await analyzeArticle({ articleId: first, reason: 'coverage' })).toEqual({
      status: 'skipped',
    });
    expect(await test.db.analysis.count({ where: { articleId: first } })).toBe(2);

    // Re-analysing an article already in the story brings no new source.
    const again = await analyzeArticle({ articleId: second, reason: 'reanalyze' });
    expect(again.status === 'analyzed' && again.rescore).toEqual([]);

    // A third source: both earlier articles are due; an LLM run is left alone (each call costs).
    const latestOfSecond = await test.db.article.findUniqueOrThrow({
      where: { id: second },
      select: { latestAnalysisId: true },
    });
    await test.db.analysis.update({
      where: { id: latestOfSecond.latestAnalysisId ?? -1 },
      data: { analyzer: 'llm' },
    });
    const third3 = await analyzeArticle({ articleId: third, reason: 'new' });
    expect(third3.status === 'analyzed' && [...third3.rescore].sort()).toEqual([first, second].sort());
    expect(await analyzeArticle({ articleId: second, reason: 'coverage' })).toEqual({
      status: 'skipped',
    });
    expect((await analyzeArticle({ articleId: first, reason: 'coverage' })).status).toBe('analyzed');
    expect(await coverageOf(first)).toBe(coverageFactor(3));
  });

  it('stores runs and their follow-up jobs together: a failure in between keeps neither, a retry keeps both', async () => {
    const story = demo.articles
      .filter((a) => a.story === 'nvidia-export-rules')
      .sort((a, b) => b.hoursAgo - a.hoursAgo);
    const [first, second] = await Promise.all(story.slice(0, 2).map((a) => insert(a)));
    if (!first || !second) throw new Error('the demo story needs two articles');
    expect((await analyzeArticle({ articleId: first, reason: 'new' })).status).toBe('analyzed');

    // As a worker killed after the run was written and before its alert evaluation was queued.
    const dying: JobQueue = {
      ...jobs,
      async sendMany(job, items, options) {
        if (job.name === JOBS.evaluateArticleAlerts.name) throw new Error('worker killed');
        return jobs.sendMany(job, items, options);
      },
    };
    await expect(
      analyzeAndStore({ db: test.db, jobs: dying, analyzers, articleId: second, reason: 'new' }),
    ).rejects.toThrow('worker killed');
    expect(await test.db.analysis.count({ where: { articleId: second } })).toBe(0);
    expect(await test.db.article.findUniqueOrThrow({ where: { id: second } })).toMatchObject({
      latestAnalysisId: null,
    });
    expect(await queuedCoverageRuns()).toEqual([]);
    expect(await queuedAlertEvaluations()).toEqual([first]);

    // The retry stores the run, evaluates its alerts and rescores the story the second source joined.
    const retried = await analyzeArticle({ articleId: second, reason: 'new' });
    expect(retried).toMatchObject({ status: 'analyzed', rescore: [first] });
    expect(await test.db.analysis.count({ where: { articleId: second } })).toBe(1);
    expect(await queuedCoverageRuns()).toEqual([first]);
    expect(await queuedAlertEvaluations()).toEqual([first, second]);
  });
});

describe('analyzeAndStore without an LLM', () => {
  it('keeps many stories from one template apart and pairs each with its copy from a second feed', async () => {
    // Two feeds of earnings stories written from one template: another company, other figures.
    // The second feed words each story differently. Every story must end as its own cluster
    // of two, never chained into one cluster of everything.
    const companies = ['Nvidia', 'AMD', 'TSMC', 'Apple', 'Microsoft', 'Pfizer', 'ExxonMobil', 'Tesla'];
    const stories = Array.from({ length: 24 }, (_, i) => ({
      company: companies[i % companies.length] ?? 'Nvidia',
      quarter: ['first', 'second', 'third'][Math.floor(i / companies.length)] ?? 'third',
      revenue: 1_200 + 173 * i,
      growth: (2.5 + 0.7 * i).toFixed(1),
      eps: (0.8 + 0.07 * i).toFixed(2),
    }));
    const ids = { wire: [] as number[], desk: [] as number[] };
    for (const [i, s] of stories.entries()) {
      ids.wire.push(
        await insert({
          ...demoArticle('nvidia-export-rules-1'),
          key: `wire-${i}`,
          source: 'template-wire',
          hoursAgo: 30 - i,
          title: `${s.company} ${s.quarter}-quarter revenue rises ${s.growth}% to $${s.revenue} million`,
          teaser: '',
          body: [
            `${s.company} reported ${s.quarter}-quarter revenue of $${s.revenue} million, up ${s.growth}% from a year earlier, and earnings of $${s.eps} a share.`,
            'The company kept its full-year outlook and said demand stayed steady in its main markets. Shares were little changed in early trading.',
          ],
        }),
      );
    }
    for (const [i, s] of stories.entries()) {
      ids.desk.push(
        await insert({
          ...demoArticle('nvidia-export-rules-1'),
          key: `desk-${i}`,
          source: 'template-desk',
          hoursAgo: 29.5 - i,
          title: `${s.company} earns $${s.eps} a share as ${s.quarter}-quarter sales climb ${s.growth}%`,
          teaser: '',
          body: [
            `${s.company} said on Tuesday that ${s.quarter}-quarter revenue rose ${s.growth}% to $${s.revenue} million and that it earned $${s.eps} per share.`,
            'It kept its full-year outlook, citing steady demand in its main markets; the shares barely moved in early trading.',
          ],
        }),
      );
    }
    for (const id of ids.wire)
      expect((await analyzeArticle({ articleId: id, reason: 'new' })).status).toBe('analyzed');
    const rescored: number[][] = [];
    for (const id of ids.desk) {
      const outcome = await analyzeArticle({ articleId: id, reason: 'new' });
      rescored.push(outcome.status === 'analyzed' ? outcome.rescore : []);
    }
    const clusterOf = new Map(
      (await test.db.article.findMany({ select: { id: true, clusterId: true } })).map((a) => [
        a.id,
        a.clusterId,
      ]),
    );
    const clusters = await test.db.storyCluster.findMany({
      select: { articleCount: true, sourceCount: true },
    });
    expect(clusters).toHaveLength(stories.length);
    expect(clusters.every((c) => c.articleCount === 2 && c.sourceCount === 2)).toBe(true);
    for (const [i, wireId] of ids.wire.entries()) {
      expect(clusterOf.get(ids.desk[i] ?? -1)).toBe(clusterOf.get(wireId));
      // The second source re-scores its twin, and only its twin.
      expect(rescored[i]).toEqual([wireId]);
    }
    expect(await queuedCoverageRuns()).toEqual([...ids.wire].sort((a, b) => a - b));
  });

  it('answers a job asking for the LLM with the built-in analyzer and records why, instead of failing', async () => {
    const id = await insert(demoArticle('nvidia-export-rules-1'));
    const outcome = await analyzeArticle({ articleId: id, reason: 'reanalyze', analyzer: 'llm' });
    expect(outcome).toMatchObject({ status: 'analyzed', fallbackReason: LLM_NOT_CONFIGURED });
    const stored = await test.db.analysis.findFirstOrThrow({ where: { articleId: id } });
    expect(stored).toMatchObject({ analyzer: 'builtin', fallbackReason: LLM_NOT_CONFIGURED });
  });
});
