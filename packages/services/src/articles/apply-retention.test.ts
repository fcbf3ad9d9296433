import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { findArticlePage } from '@wirelens/db/repositories';
import { createTestDatabase, insertSampleRows, type TestDatabase } from '@wirelens/db/testing';

import { applyRetention } from './apply-retention.js';

let test: TestDatabase;

beforeEach(async () => {
  test = await createTestDatabase();
  await insertSampleRows(test.url);
  // Three articles from over a year ago (two of them corrected by an editor), nine recent ones;
  // the oldest and the newest get words of their own in the headline and the body.
  await test.db.$executeRawUnsafe(`
    UPDATE "Article" SET "publishedAt" = now() - interval '400 days' - ("id" || ' hours')::interval
      WHERE "guid" IN ('guid-1', 'guid-2', 'guid-3');
    UPDATE "Article" SET "title" = 'Acme sells its airship division',
      "contentHtml" = '<p>The zeppelin hangar in Ohio closes.</p>', "contentText" = 'The zeppelin hangar in Ohio closes.'
      WHERE "guid" = 'guid-1';
    UPDATE "Article" SET "contentHtml" = '<p>A hovercraft prototype was shown.</p>', "contentText" = 'A hovercraft prototype was shown.'
      WHERE "guid" = 'guid-12';
    UPDATE "ArticleCompany" l SET "publishedAt" = a."publishedAt" FROM "Article" a WHERE a."id" = l."articleId";
    UPDATE "ArticleTopic" l SET "publishedAt" = a."publishedAt" FROM "Article" a WHERE a."id" = l."articleId";
    DELETE FROM "SentimentBucket";
    INSERT INTO "SentimentBucket" ("subject", "subjectId", "granularity", "bucketStart", "count", "scoreSum", "bullish")
      SELECT 'COMPANY', "companyId", 'DAY', date_trunc('day', "publishedAt"), count(*), sum("sentimentScore"), count(*)
      FROM "ArticleCompany" GROUP BY "companyId", date_trunc('day', "publishedAt");`);
});

afterEach(async () => {
  await test.drop();
});

/** Everything retention must leave alone, as comparable JSON. */
async function keptState(): Promise<unknown[]> {
  const tables = [
    `SELECT "id", "title", "excerpt", "publishedAt", "sentimentLabel", "importance", "reviewStatus", "reviewVersion", "latestAnalysisId" FROM "Article"`,
    `SELECT * FROM "Analysis"`,
    `SELECT * FROM "Correction"`,
    `SELECT * FROM "ArticleCompany"`,
    `SELECT * FROM "ArticleTopic"`,
    `SELECT * FROM "SentimentBucket"`,
    `SELECT * FROM "StoryCluster"`,
  ];
  return Promise.all(
    tables.map((sql) =>
      test.db.$queryRawUnsafe(`SELECT row_to_json(t)::text AS row FROM (${sql}) t ORDER BY 1`),
    ),
  );
}

async function fullText(): Promise<Record<string, { html: string | null; text: string | null }>> {
  const rows = await test.db.article.findMany({
    select: { guid: true, contentHtml: true, contentText: true },
  });
  return Object.fromEntries(
    rows.map((row) => [row.guid ?? '', { html: row.contentHtml, text: row.contentText }]),
  );
}

async function search(words: string): Promise<number[]> {
  const page = await findArticlePage({
    db: test.db,
    filter: { search: words },
    order: 'PUBLISHED_AT',
    page: { first: 50 },
    maxPageSize: 50,
  });
  return page.ids;
}

describe('applyRetention', () => {
  it('counts on a dry run and changes nothing', async () => {
    const kept = await keptState();
    const text = await fullText();
    const audits = await test.db.auditEntry.count();

    const plan = await applyRetention({ db: test.db, days: 365, dryRun: true });

    expect(plan).toMatchObject({ articles: 3, dryRun: true });
    expect(plan.bytes).toBeGreaterThan(100);
    expect(await fullText()).toEqual(text);
    expect(await keptState()).toEqual(kept);
    expect(await test.db.auditEntry.count()).toBe(audits);
  });

  it('drops only the old articles’ full text, in batches, and keeps analyses, corrections and the series', async () => {
    const kept = await keptState();
    const before = await fullText();
    const old = await test.db.article.findFirstOrThrow({ where: { guid: 'guid-1' }, select: { id: true } });
    const recent = await test.db.article.findFirstOrThrow({
      where: { guid: 'guid-12' },
      select: { id: true },
    });
    expect(await search('zeppelin')).toEqual([old.id]);
    const plan = await applyRetention({ db: test.db, days: 365, dryRun: true });

    const result = await applyRetention({ db: test.db, days: 365, batchSize: 2 });

    expect(result).toMatchObject({ articles: 3, bytes: plan.bytes, dryRun: false });
    const after = await fullText();
    for (const guid of ['guid-1', 'guid-2', 'guid-3'])
      expect(after[guid]).toEqual({ html: null, text: null });
    for (const guid of Object.keys(before).filter((guid) => !['guid-1', 'guid-2', 'guid-3'].includes(guid))) {
      expect(after[guid]).toEqual(before[guid]);
    }
    expect(await keptState()).toEqual(kept);

    // The body is no longer searchable; the headline (and the recent article's body) still is.
    expect(await search('zeppelin')).toEqual([]);
    expect(await search('airship')).toEqual([old.id]);
    expect(await search('hovercraft')).toEqual([recent.id]);

    const audit = await test.db.auditEntry.findMany({ where: { action: 'article.retention' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ days: 365, articles: 3, bytes: plan.bytes });
  });

  it('finds nothing more to drop on the next run and writes no audit entry for it', async () => {
    await applyRetention({ db: test.db, days: 365 });
    const again = await applyRetention({ db: test.db, days: 365 });
    expect(again).toMatchObject({ articles: 0, bytes: 0 });
    expect(await test.db.auditEntry.count({ where: { action: 'article.retention' } })).toBe(1);
  });

  it('refuses a retention period that is not a whole number of days', async () => {
    await expect(applyRetention({ db: test.db, days: 0 })).rejects.toThrow(/at least 1/);
    await expect(applyRetention({ db: test.db, days: 1.5 })).rejects.toThrow(/whole number/);
  });
});
