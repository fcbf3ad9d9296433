import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createBuiltinAnalyzer } from '@wirelens/core/analysis';
import { loadCompanyRegistry, readCompanySeed, seedDatabase } from '@wirelens/db';
import { articleUrls, createTestDatabase, type TestDatabase } from '@wirelens/db/testing';

import { analyzeAndStore } from '../analysis/analyze-and-store.js';
import { createAnalyzerSet, type AnalyzerSet } from '../analysis/analyzer-set.js';
import type { JobQueue } from '../queue/job-queue.js';
import { correctAnalysis } from '../review/correct-analysis.js';
import { decideAnalysis } from '../review/decide-analysis.js';
import { BUILTIN_ANALYZER_CONFIG } from '../testing/analyzer-config.js';
import { activateAnalyzerModel } from './activate-analyzer-model.js';
import { analyzerQuality } from './analyzer-quality.js';
import { trainAnalyzer } from './train-analyzer.js';

let test: TestDatabase;
let adminId: number;
/** Stories with no other source: analysis queues no follow-up work. */
const jobs: JobQueue = {
  send: () => Promise.resolve(null),
  sendMany: () => Promise.resolve(),
  stop: () => Promise.resolve(),
};
/** A new set per step: a set caches the active model for minutes, as a running worker does. */
const freshAnalyzers = (): AnalyzerSet => createAnalyzerSet({ db: test.db, config: BUILTIN_ANALYZER_CONFIG });

beforeEach(async () => {
  test = await createTestDatabase();
  const companies = (await readCompanySeed()).filter((c) => ['nvidia', 'tesla'].includes(c.slug));
  await seedDatabase({
    db: test.db,
    adminEmail: 'admin@example.com',
    adminPassword: 'admin-password-1',
    companies,
  });
  adminId = (await test.db.user.findFirstOrThrow()).id;
});

afterEach(async () => {
  await test.drop();
});

let articleCount = 0;
async function addArticle(title: string, text = 'The company said so on Monday.'): Promise<number> {
  const source = await test.db.source.upsert({
    where: { url: 'https://learn.example/feed.xml' },
    create: { url: 'https://learn.example/feed.xml', title: 'Learn' },
    update: {},
  });
  const key = `a${++articleCount}-${Math.random().toString(36).slice(2)}`;
  const article = await test.db.article.create({
    data: {
      sourceId: source.id,
      ...articleUrls('learn.example', key),
      title,
      contentText: text,
      publishedAt: new Date('2026-12-01T10:00:00Z'),
      contentHash: key,
    },
  });
  return article.id;
}

async function analyze(articleId: number, analyzers: AnalyzerSet, reason: 'new' | 'reanalyze' = 'new') {
  const outcome = await analyzeAndStore({ db: test.db, jobs, analyzers, articleId, reason });
  if (outcome.status !== 'analyzed') throw new Error('not analysed');
  return test.db.analysis.findUniqueOrThrow({ where: { id: outcome.analysisId } });
}

async function review(articleId: number, sentimentScore: number | null) {
  const { reviewVersion } = await test.db.article.findUniqueOrThrow({ where: { id: articleId } });
  const common = { db: test.db, articleId, expectedVersion: reviewVersion, actor: { userId: adminId } };
  const result =
    sentimentScore === null
      ? await decideAnalysis({ ...common, decision: 'APPROVE' })
      : await correctAnalysis({ ...common, values: { sentimentScore } });
  expect(result.kind).toBe('success');
}

const PLACES = ['Ohio', 'Texas', 'Bavaria', 'Lyon', 'Osaka', 'Quebec', 'Perth', 'Leeds', 'Turin', 'Porto'];

/** Editors of this deployment read "zorble" as good news and "flonk" as bad; the rules know neither word. */
async function reviewedDeployment(analyzers: AnalyzerSet): Promise<number[]> {
  const ids: number[] = [];
  for (const place of PLACES) {
    for (const [title, score] of [
      [`Widget orders zorble in ${place}`, 0.5],
      [`Widget orders flonk in ${place}`, -0.5],
      [`Widget plant opens in ${place}`, null],
    ] as const) {
      const id = await addArticle(title);
      await analyze(id, analyzers);
      await review(id, score);
      ids.push(id);
    }
  }
  return ids;
}

describe('learning from editors', () => {
  it('behaves exactly like the built-in analyzer on a fresh install', async () => {
    const id = await addArticle(
      'Nvidia shares jump after record data-center sales',
      'Nvidia beat estimates.',
    );
    const run = await analyze(id, freshAnalyzers());
    const builtin = createBuiltinAnalyzer({ registry: await loadCompanyRegistry(test.db) }).analyzeSync({
      title: 'Nvidia shares jump after record data-center sales',
      text: 'Nvidia beat estimates.',
      publishedAt: new Date('2026-12-01T10:00:00Z'),
      sourceName: 'Learn',
      language: null,
    });
    expect(run).toMatchObject({
      analyzer: 'builtin',
      model: null,
      learnedModelId: null,
      sentimentScore: builtin.sentiment.score,
      importance: builtin.importance.score,
      summary: builtin.summary,
      eventTypes: builtin.eventTypes,
    });
    expect(await trainAnalyzer({ db: test.db, actor: { userId: null } })).toEqual({
      status: 'skipped',
      newCorrections: 0,
      exampleCount: 0,
    });
    expect(await test.db.analyzerModel.count()).toBe(0);
  });

  it('trains from corrections, activates a model that beats the rules, records it on runs, keeps corrections, and rolls back', async () => {
    const ids = await reviewedDeployment(freshAnalyzers());
    expect(
      await trainAnalyzer({ db: test.db, actor: { userId: null }, minNewCorrections: 31 }),
    ).toMatchObject({
      status: 'skipped',
      newCorrections: 30,
    });

    const trained = await trainAnalyzer({ db: test.db, actor: { userId: adminId }, minNewCorrections: 30 });
    if (trained.status !== 'trained') throw new Error('expected a model');
    expect(trained.exampleCount).toBe(30);
    expect(trained.activated).toBe(true);
    expect(trained.crossValidation.sentiment).toMatchObject({ n: 30, used: true });
    expect(trained.crossValidation.sentiment?.learned).toBeGreaterThan(
      trained.crossValidation.sentiment?.builtin ?? 1,
    );
    const model = await test.db.analyzerModel.findUniqueOrThrow({ where: { id: trained.modelId } });
    expect(model).toMatchObject({ active: true, improves: true, exampleCount: 30 });
    expect(
      await test.db.auditEntry.count({ where: { action: 'analyzer-model.train', actorId: adminId } }),
    ).toBe(1);

    // A new article in the editors' sense of the word, and re-analysis of a corrected one.
    const fresh = await analyze(await addArticle('Widget orders zorble in Nice'), freshAnalyzers());
    expect(fresh).toMatchObject({ learnedModelId: model.id, model: `learned-${model.id}` });
    expect(fresh.sentimentScore).toBeGreaterThanOrEqual(0.15);
    const corrected = ids[1] ?? -1;
    const rerun = await analyze(corrected, freshAnalyzers(), 'reanalyze');
    expect(rerun.learnedModelId).toBe(model.id);
    const article = await test.db.article.findUniqueOrThrow({ where: { id: corrected } });
    expect(article.sentimentScore).toBe(-0.5);
    expect(await test.db.correction.count({ where: { articleId: corrected } })).toBe(1);

    // Roll back to the rules alone, then forward again.
    await activateAnalyzerModel({ db: test.db, actor: { userId: adminId }, modelId: null });
    const plain = await analyze(await addArticle('Widget orders zorble in Graz'), freshAnalyzers());
    expect(plain).toMatchObject({ learnedModelId: null, model: null, sentimentScore: 0 });
    await activateAnalyzerModel({ db: test.db, actor: { userId: adminId }, modelId: model.id });
    expect(await test.db.analyzerModel.count({ where: { active: true } })).toBe(1);
    const audits = await test.db.auditEntry.findMany({
      where: { action: 'analyzer-model.activate' },
      orderBy: { id: 'asc' },
      select: { before: true, after: true },
    });
    expect(audits).toEqual([
      { before: { activeModelId: model.id }, after: { activeModelId: null } },
      { before: { activeModelId: null }, after: { activeModelId: model.id } },
    ]);
    await expect(
      activateAnalyzerModel({ db: test.db, actor: { userId: adminId }, modelId: model.id + 1 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps the current model when a new one does not beat the rules', async () => {
    await reviewedDeployment(freshAnalyzers());
    const first = await trainAnalyzer({ db: test.db, actor: { userId: null } });
    if (first.status !== 'trained') throw new Error('expected a model');
    // Editors now agree with the rules everywhere they look: nothing left to learn.
    await test.db.correction.deleteMany();
    for (const place of PLACES.concat(PLACES.map((p) => `${p} North`))) {
      const id = await addArticle(`Widget profit jumps 20% in ${place}`);
      await analyze(id, freshAnalyzers());
      await review(id, null);
    }
    const second = await trainAnalyzer({ db: test.db, actor: { userId: null } });
    expect(second).toMatchObject({ status: 'trained', activated: false });
    const active = await test.db.analyzerModel.findFirstOrThrow({ where: { active: true } });
    expect(active.id).toBe(first.modelId);
    if (second.status !== 'trained') throw new Error('expected a model');
    await expect(
      activateAnalyzerModel({ db: test.db, actor: { userId: adminId }, modelId: second.modelId }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('reports agreement per field and day, and the models', async () => {
    await reviewedDeployment(freshAnalyzers());
    await trainAnalyzer({ db: test.db, actor: { userId: null } });
    const quality = await analyzerQuality({ db: test.db });
    const today = new Date().toISOString().slice(0, 10);
    expect(quality.agreement.find((p) => p.field === 'sentiment')).toEqual({
      day: today,
      field: 'sentiment',
      approvals: 10,
      corrections: 20,
    });
    expect(quality.agreement.find((p) => p.field === 'topics')).toMatchObject({
      approvals: 30,
      corrections: 0,
    });
    expect(quality.models).toHaveLength(1);
    expect(quality.activeModel?.crossValidation.sentiment?.used).toBe(true);
    expect(quality.newCorrections).toBe(0);
  });
});
