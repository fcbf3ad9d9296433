import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { JOBS } from '@wirelens/core/jobs';
import type { AnalysisResult } from '@wirelens/core/review';
import { sampleAnalysisResult } from '@wirelens/core/testing';
import { parseAlertFigures, readCompanySeed, seedDatabase } from '@wirelens/db';
import { createTestDatabase, type TestDatabase } from '@wirelens/db/testing';

import { storeAnalysisRun } from '../analysis/store-analysis-run.js';
import type { JobQueue } from '../queue/job-queue.js';
import { correctAnalysis } from '../review/correct-analysis.js';
import { addWatchlistItem } from '../watchlists/add-watchlist-item.js';
import { createWatchlist } from '../watchlists/create-watchlist.js';
import { createAlertRule } from './create-alert-rule.js';
import { evaluateArticleAlerts } from './evaluate-article-alerts.js';
import { evaluateWindowAlerts } from './evaluate-window-alerts.js';

let test: TestDatabase;
let analyst: { userId: number };
let nvidia: number;
let sources: number[];
const NOW = new Date('2026-12-02T12:00:00Z');
const hoursBefore = (hours: number, from = NOW) => new Date(from.getTime() - hours * 3600_000);
const minutesAfter = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

beforeEach(async () => {
  test = await createTestDatabase();
  const companies = (await readCompanySeed()).filter((c) => c.slug === 'nvidia');
  await seedDatabase({
    db: test.db,
    adminEmail: 'admin@example.com',
    adminPassword: 'admin-password-1',
    companies,
  });
  nvidia = (await test.db.company.findUniqueOrThrow({ where: { slug: 'nvidia' } })).id;
  const user = await test.db.user.create({
    data: { email: 'analyst@example.com', passwordHash: 'x', role: 'ANALYST' },
  });
  analyst = { userId: user.id };
  sources = [];
  for (const name of ['wire', 'daily', 'weekly']) {
    sources.push(
      (await test.db.source.create({ data: { url: `https://${name}.example/feed.xml`, title: name } })).id,
    );
  }
});

afterEach(async () => {
  await test.drop();
});

/** What an analyzer would answer for an article about Nvidia with this score and importance. */
function result(score: number, importance: number): AnalysisResult {
  return sampleAnalysisResult({
    score,
    importance,
    confidence: 0.8,
    factors: { sentimentMagnitude: 0.5 },
    companies: [
      {
        companyId: String(nvidia),
        proposedName: null,
        name: 'Nvidia',
        relevance: 0.9,
        sentimentScore: score,
        sentences: ['Nvidia.'],
      },
    ],
  });
}

/** The analyst's new watchlist holding one item. */
async function analystWatchlist(name: string, item: Parameters<typeof addWatchlistItem>[0]['item']) {
  const list = await createWatchlist({ db: test.db, actor: analyst, name });
  await addWatchlistItem({ db: test.db, actor: analyst, watchlistId: list, item });
  return list;
}

/** The analyst's saved full-text search (on a watchlist of its own). */
async function savedSearch(name: string, search: string) {
  const list = await analystWatchlist('Themes', { kind: 'FILTER', name, filter: { search } });
  return test.db.savedFilter.findFirstOrThrow({ where: { watchlistId: list } });
}

/** A queue that records what a use case sends (name and payload), in order. */
function recordingQueue() {
  const queued: { name: string; payload: unknown }[] = [];
  const jobs: JobQueue = {
    send: (job, payload) => {
      queued.push({ name: job.name, payload });
      return Promise.resolve('1');
    },
    sendMany: (job, items) => {
      for (const { payload } of items) queued.push({ name: job.name, payload });
      return Promise.resolve();
    },
    stop: () => Promise.resolve(),
  };
  return { jobs, queued };
}

let counter = 0;
/** An analysed article about Nvidia (stored the worker's way), optionally in a story cluster. */
async function article(options: {
  score: number;
  importance?: number;
  publishedAt: Date;
  clusterId?: number;
  source?: number;
  title?: string;
}) {
  counter += 1;
  const key = `a${counter}`;
  const row = await test.db.article.create({
    data: {
      sourceId: options.source ?? (sources[0] as number),
      url: `https://news.example/${key}`,
      canonicalUrl: `https://news.example/${key}`,
      urlKey: `news.example/${key}`,
      title: options.title ?? `Nvidia story ${counter}`,
      publishedAt: options.publishedAt,
      contentHash: key,
      clusterId: options.clusterId ?? null,
    },
  });
  await storeAnalysisRun({
    db: test.db,
    articleId: row.id,
    result: result(options.score, options.importance ?? 5),
    durationMs: 1,
  });
  return row.id;
}

async function cluster(title: string) {
  return (await test.db.storyCluster.create({ data: { title, firstSeenAt: NOW, lastSeenAt: NOW } })).id;
}

describe('article rules', () => {
  it('fire once for a story covered by three sources, and again for the next story', async () => {
    const ruleId = await createAlertRule({
      db: test.db,
      actor: analyst,
      name: 'Important Nvidia news',
      kind: 'ARTICLE',
      params: { minImportance: 6 },
      cooldownMinutes: 0,
      target: { companyId: nvidia, topicId: null, watchlistId: null, savedFilterId: null },
    });
    const story = await cluster('Nvidia export ban');
    const fired: number[] = [];
    for (const [i, source] of sources.entries()) {
      const id = await article({
        score: -0.5,
        importance: 8,
        publishedAt: hoursBefore(1),
        clusterId: story,
        source,
      });
      fired.push(...(await evaluateArticleAlerts({ db: test.db, articleIds: [id], now: minutesAfter(i) })));
    }
    expect(fired).toHaveLength(1);
    const unimportant = await article({
      score: -0.5,
      importance: 3,
      publishedAt: hoursBefore(1),
      clusterId: await cluster('Minor'),
    });
    expect(
      await evaluateArticleAlerts({ db: test.db, articleIds: [unimportant], now: minutesAfter(5) }),
    ).toEqual([]);
    const next = await article({
      score: 0.5,
      importance: 7,
      publishedAt: hoursBefore(1),
      clusterId: await cluster('Nvidia earnings'),
    });
    expect(
      await evaluateArticleAlerts({ db: test.db, articleIds: [next], now: minutesAfter(6) }),
    ).toHaveLength(1);

    const firings = await test.db.alertFiring.findMany({ where: { ruleId }, orderBy: { id: 'asc' } });
    expect(firings.map((f) => [f.dedupKey, f.articleIds.length])).toEqual([
      [`cluster:${story}`, 1],
      [expect.stringMatching(/^cluster:/), 1],
    ]);
    expect(parseAlertFigures(firings[0]?.figures ?? {})).toMatchObject({
      importance: 8,
      minImportance: 6,
      sentimentLabel: 'BEARISH',
    });
    expect(await test.db.notification.count({ where: { userId: analyst.userId, readAt: null } })).toBe(2);
  });

  it('respect the cooldown: a second story within it is not announced, one after it is', async () => {
    await createAlertRule({
      db: test.db,
      actor: analyst,
      name: 'Any Nvidia news',
      kind: 'ARTICLE',
      params: {},
      cooldownMinutes: 60,
      target: { companyId: nvidia, topicId: null, watchlistId: null, savedFilterId: null },
    });
    const evaluate = async (minutes: number) => {
      const id = await article({
        score: 0.3,
        publishedAt: hoursBefore(1),
        clusterId: await cluster(`Story ${minutes}`),
      });
      return (await evaluateArticleAlerts({ db: test.db, articleIds: [id], now: minutesAfter(minutes) }))
        .length;
    };
    expect(await evaluate(0)).toBe(1);
    expect(await evaluate(30)).toBe(0);
    expect(await evaluate(59)).toBe(0);
    expect(await evaluate(61)).toBe(1);
  });

  it('evaluate a batch as one article at a time would: one firing per story, cooldowns within the batch', async () => {
    const target = { companyId: nvidia, topicId: null, watchlistId: null, savedFilterId: null };
    const rule = (name: string, cooldownMinutes: number) =>
      createAlertRule({
        db: test.db,
        actor: analyst,
        name,
        kind: 'ARTICLE',
        params: {},
        cooldownMinutes,
        target,
      });
    const everyStory = await rule('Every Nvidia story', 0);
    const hourly = await rule('Nvidia, hourly', 60);
    const story = await cluster('Nvidia export ban');
    const batch = [
      await article({ score: -0.5, publishedAt: hoursBefore(1), clusterId: story, source: sources[0] }),
      await article({ score: -0.5, publishedAt: hoursBefore(1), clusterId: story, source: sources[1] }),
      await article({ score: 0.4, publishedAt: hoursBefore(1), clusterId: await cluster('Nvidia earnings') }),
    ];
    const fired = await evaluateArticleAlerts({ db: test.db, articleIds: batch, now: NOW });
    const firings = await test.db.alertFiring.findMany({
      where: { id: { in: fired } },
      orderBy: { id: 'asc' },
    });
    expect(firings.map((f) => [f.ruleId, f.articleIds])).toEqual([
      [everyStory, [batch[0]]],
      [hourly, [batch[0]]],
      [everyStory, [batch[2]]],
    ]);
    expect(await test.db.notification.count({ where: { userId: analyst.userId } })).toBe(3);
    // The same batch again (a retried job): nothing new.
    expect(await evaluateArticleAlerts({ db: test.db, articleIds: batch, now: minutesAfter(1) })).toEqual([]);
  });
});

describe('window rules', () => {
  it("an editor's correction fires a shift rule: rules read effective values", async () => {
    const list = await analystWatchlist('Chips', { kind: 'COMPANY', companyId: nvidia });
    const ruleId = await createAlertRule({
      db: test.db,
      actor: analyst,
      name: 'Chips turn',
      kind: 'SENTIMENT_SHIFT',
      params: { window: 'DAY', minDelta: 0.5, minArticles: 2 },
      target: { watchlistId: list, companyId: null, topicId: null, savedFilterId: null },
    });
    // Yesterday: 0.4 on average; today: 0.2 — a drop of 0.2, under the rule's 0.5.
    await article({ score: 0.4, publishedAt: hoursBefore(30) });
    await article({ score: 0.4, publishedAt: hoursBefore(40) });
    const kept = await article({ score: 0.2, publishedAt: hoursBefore(3) });
    const corrected = await article({ score: 0.2, publishedAt: hoursBefore(2) });
    expect(await evaluateArticleAlerts({ db: test.db, articleIds: [kept], now: NOW })).toEqual([]);

    const { jobs, queued } = recordingQueue();
    const editor = await test.db.user.findFirstOrThrow({ where: { role: 'ADMIN' } });
    const outcome = await correctAnalysis({
      db: test.db,
      jobs,
      articleId: corrected,
      expectedVersion: (await test.db.article.findUniqueOrThrow({ where: { id: corrected } })).reviewVersion,
      actor: { userId: editor.id },
      values: { sentimentScore: -0.9, sentimentLabel: 'BEARISH' },
    });
    expect(outcome.kind).toBe('success');
    expect(queued).toEqual([{ name: JOBS.evaluateArticleAlerts.name, payload: { articleId: corrected } }]);

    // What the queued job does: today's mean is now (0.2 − 0.9) / 2 = −0.35, 0.75 below yesterday.
    const fired = await evaluateArticleAlerts({ db: test.db, articleIds: [corrected], now: NOW });
    expect(fired).toHaveLength(1);
    const firing = await test.db.alertFiring.findFirstOrThrow({ where: { ruleId } });
    expect(parseAlertFigures(firing.figures)).toMatchObject({
      currentMean: -0.35,
      previousMean: 0.4,
      delta: -0.75,
      currentCount: 2,
      previousCount: 2,
    });
    expect([...firing.articleIds].sort()).toEqual([kept, corrected].sort());
    expect(firing.windowEnd?.toISOString()).toBe(NOW.toISOString());
    expect((firing.windowEnd?.getTime() ?? 0) - (firing.windowStart?.getTime() ?? 0)).toBe(86_400_000);
    expect(firing.firedAt.toISOString()).toBe(NOW.toISOString());
    const notification = await test.db.notification.findFirstOrThrow({ where: { firingId: firing.id } });
    expect(notification.createdAt.toISOString()).toBe(NOW.toISOString());
    // Same period: evaluating again adds nothing.
    expect(await evaluateArticleAlerts({ db: test.db, articleIds: [kept], now: minutesAfter(90) })).toEqual(
      [],
    );
  });

  it("reach rules through lists holding the article's company or a saved search it matches, and no other list", async () => {
    const holdsNvidia = await createWatchlist({ db: test.db, actor: analyst, name: 'Chips' });
    await addWatchlistItem({
      db: test.db,
      actor: analyst,
      watchlistId: holdsNvidia,
      item: { kind: 'COMPANY', companyId: nvidia },
    });
    const searches = async (name: string, search: string) => {
      const list = await createWatchlist({ db: test.db, actor: analyst, name });
      await addWatchlistItem({
        db: test.db,
        actor: analyst,
        watchlistId: list,
        item: { kind: 'FILTER', name, filter: { search } },
      });
      return list;
    };
    const exportBans = await searches('Export bans', 'export ban');
    const earnings = await searches('Earnings', 'earnings');
    const rule = (name: string, watchlistId: number) =>
      createAlertRule({
        db: test.db,
        actor: analyst,
        name,
        kind: 'ARTICLE',
        params: { minImportance: 1 },
        cooldownMinutes: 0,
        target: { watchlistId, companyId: null, topicId: null, savedFilterId: null },
      });
    // Two rules share the first list: each fires.
    const expected = [
      await rule('Chips, any', holdsNvidia),
      await rule('Chips, again', holdsNvidia),
      await rule('Bans', exportBans),
    ];
    await rule('Earnings', earnings);
    const id = await article({
      score: -0.4,
      importance: 6,
      publishedAt: hoursBefore(1),
      title: 'New export ban on chips',
    });
    const fired = await evaluateArticleAlerts({ db: test.db, articleIds: [id], now: NOW });
    const firings = await test.db.alertFiring.findMany({ where: { id: { in: fired } } });
    expect(firings.map((f) => f.ruleId).sort((a, b) => a - b)).toEqual(expected);
  });

  it('the periodic job fires an attention rule on a saved full-text search', async () => {
    const saved = await savedSearch('Export bans', 'export ban');
    await createAlertRule({
      db: test.db,
      actor: analyst,
      name: 'Export-ban buzz',
      kind: 'ATTENTION',
      params: { window: 'HOUR', mode: 'RATIO', k: 3, baselineWindows: 4, minArticles: 3 },
      target: { savedFilterId: saved.id, watchlistId: null, companyId: null, topicId: null },
    });
    // One matching article per hour for four hours, then three in the last hour (3× the baseline),
    // and articles that do not match the search, which must not count.
    for (const hours of [1.5, 2.5, 3.5, 4.5])
      await article({ score: 0, publishedAt: hoursBefore(hours), title: 'Chip export ban talk' });
    for (const minutes of [10, 20, 30])
      await article({ score: 0, publishedAt: hoursBefore(minutes / 60), title: 'New export ban on chips' });
    for (const minutes of [15, 25])
      await article({ score: 0, publishedAt: hoursBefore(minutes / 60), title: 'Nvidia earnings call' });
    expect(await evaluateWindowAlerts({ db: test.db, now: hoursBefore(0.5) })).toEqual([]);
    const fired = await evaluateWindowAlerts({ db: test.db, now: NOW });
    expect(fired).toHaveLength(1);
    const firing = await test.db.alertFiring.findUniqueOrThrow({ where: { id: fired[0] } });
    expect(parseAlertFigures(firing.figures)).toMatchObject({ currentCount: 3, baselineMean: 1, ratio: 3 });
  });

  it('evaluated together, each of sixty rules is judged on its own target and its own k', async () => {
    const saved = await savedSearch('Export bans', 'export ban');
    // Every article is about Nvidia: one an hour for four hours, then six in the last hour, three of
    // them about export bans. Nvidia's count is 6× its baseline, the search's 3×.
    for (const hours of [1.5, 2.5, 3.5, 4.5])
      await article({ score: 0, publishedAt: hoursBefore(hours), title: 'Chip export ban talk' });
    for (const minutes of [10, 20, 30])
      await article({ score: 0, publishedAt: hoursBefore(minutes / 60), title: 'New export ban on chips' });
    for (const minutes of [15, 25, 35])
      await article({ score: 0, publishedAt: hoursBefore(minutes / 60), title: 'Nvidia earnings call' });
    const expected = new Map<number, number>();
    for (let i = 0; i < 60; i += 1) {
      const k = 1 + (i % 8);
      const onCompany = i % 2 === 0;
      const ruleId = await createAlertRule({
        db: test.db,
        actor: analyst,
        name: `Buzz ${i}`,
        kind: 'ATTENTION',
        params: { window: 'HOUR', mode: 'RATIO', k, baselineWindows: 4, minArticles: 3 },
        target: onCompany
          ? { companyId: nvidia, savedFilterId: null, watchlistId: null, topicId: null }
          : { savedFilterId: saved.id, companyId: null, watchlistId: null, topicId: null },
      });
      const count = onCompany ? 6 : 3;
      if (k <= count) expected.set(ruleId, count);
    }
    const fired = await evaluateWindowAlerts({ db: test.db, now: NOW });
    const firings = await test.db.alertFiring.findMany({ where: { id: { in: fired } } });
    expect(new Map(firings.map((f) => [f.ruleId, parseAlertFigures(f.figures).currentCount]))).toEqual(
      expected,
    );
  });
});

describe('window rules the worker way', () => {
  it('queued apart from the article rules, then judged in one pass, each on its own baseline', async () => {
    const onNvidia = { companyId: nvidia, topicId: null, watchlistId: null, savedFilterId: null };
    const articleRule = await createAlertRule({
      db: test.db,
      actor: analyst,
      name: 'Anything on Nvidia',
      kind: 'ARTICLE',
      params: {},
      cooldownMinutes: 0,
      target: onNvidia,
    });
    const attention = (baselineWindows: number) =>
      createAlertRule({
        db: test.db,
        actor: analyst,
        name: `Nvidia buzz over ${baselineWindows} hours`,
        kind: 'ATTENTION',
        params: { window: 'HOUR', mode: 'RATIO', k: 3, baselineWindows, minArticles: 3 },
        target: onNvidia,
      });
    const overFour = await attention(4);
    const overEight = await attention(8);
    // Hourly counts, newest first: 6 in the last hour; 1 in each of the four before; 3 in each of
    // the four before those. Over 4 hours the baseline is 1 (6×), over 8 it is 2 (3×).
    for (const hours of [1.5, 2.5, 3.5, 4.5]) await article({ score: 0, publishedAt: hoursBefore(hours) });
    for (const hours of [5.5, 6.5, 7.5, 8.5])
      for (const minutes of [0, 10, 20])
        await article({ score: 0, publishedAt: hoursBefore(hours + minutes / 60) });
    const latest: number[] = [];
    for (const minutes of [5, 10, 15, 20, 25, 30])
      latest.push(await article({ score: 0, publishedAt: hoursBefore(minutes / 60) }));

    const { jobs, queued } = recordingQueue();
    const fired = await evaluateArticleAlerts({
      db: test.db,
      articleIds: latest.slice(0, 1),
      now: NOW,
      windowRules: { queue: jobs },
    });
    // The article alert is out; the window rules wait in one job of their own.
    const firings = await test.db.alertFiring.findMany({ where: { id: { in: fired } } });
    expect(firings.map((f) => f.ruleId)).toEqual([articleRule]);
    expect(queued).toEqual([
      { name: JOBS.evaluateWindowRules.name, payload: { ruleIds: [overFour, overEight] } },
    ]);

    const windowFired = await evaluateWindowAlerts({ db: test.db, now: NOW, ruleIds: [overFour, overEight] });
    const figures = await test.db.alertFiring.findMany({ where: { id: { in: windowFired } } });
    expect(new Map(figures.map((f) => [f.ruleId, parseAlertFigures(f.figures)]))).toEqual(
      new Map([
        [overFour, expect.objectContaining({ currentCount: 6, baselineMean: 1, ratio: 6 })],
        [overEight, expect.objectContaining({ currentCount: 6, baselineMean: 2, ratio: 3 })],
      ]),
    );
  });
});

describe('rule ownership', () => {
  it("a rule cannot target someone else's watchlist, and creating one is audited", async () => {
    const other = await test.db.user.findFirstOrThrow({ where: { role: 'ADMIN' } });
    const theirs = await createWatchlist({ db: test.db, actor: { userId: other.id }, name: 'Private' });
    await expect(
      createAlertRule({
        db: test.db,
        actor: analyst,
        name: 'Peek',
        kind: 'ARTICLE',
        params: {},
        target: { watchlistId: theirs, companyId: null, topicId: null, savedFilterId: null },
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      createAlertRule({
        db: test.db,
        actor: analyst,
        name: 'Bad',
        kind: 'SENTIMENT_SHIFT',
        params: { window: 'DAY' },
        target: { companyId: nvidia, watchlistId: null, topicId: null, savedFilterId: null },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const id = await createAlertRule({
      db: test.db,
      actor: analyst,
      name: 'Mine',
      kind: 'ARTICLE',
      params: {},
      target: { companyId: nvidia, watchlistId: null, topicId: null, savedFilterId: null },
    });
    expect(
      await test.db.auditEntry.findMany({
        where: { entityType: 'AlertRule' },
        select: { action: true, entityId: true, actorId: true },
      }),
    ).toEqual([{ action: 'alertRule.create', entityId: String(id), actorId: analyst.userId }]);
  });
});
