import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readRows } from '../client.js';
import { Prisma } from '../generated/prisma/client.js';
import { createTestDatabase, type TestDatabase } from '../testing/index.js';
import { countArticles, findArticlePage, type ArticleOrder } from './article-feed.js';
import type { ArticleFilter } from './article-filter.js';
import { searchPartitionStart } from './search-matches.js';

// Search reads the time-partitioned copy of the articles' search vectors (migration
// `time_partitioned_search`), kept in step with "Article" by triggers: these tests change articles
// the ways the application and an operator do, and search must follow every change.

let test: TestDatabase;
let sourceId: number;
let otherSourceId: number;

/** Inserts an article as ingestion does (the triggers compute and copy its vector). */
async function addArticle(title: string, publishedAt: string, source = sourceId): Promise<number> {
  const [row] = await readRows<{ id: number }>(
    test.db,
    Prisma.sql`INSERT INTO "Article" ("sourceId", "url", "canonicalUrl", "urlKey", "title", "excerpt", "contentText", "contentHash", "publishedAt", "updatedAt")
      VALUES (${source}, ${`https://p.example/${title}`}, ${`https://p.example/${title}`}, ${`p.example/${title}`}, ${title},
              'Shipping news.', 'Ships waited outside the port.', ${title}, ${publishedAt}::timestamp, now())
      RETURNING "id"`,
  );
  return (row as { id: number }).id;
}

async function newestFirst(filter: ArticleFilter, first = 100): Promise<number[]> {
  const ids: number[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await findArticlePage({
      db: test.db,
      filter,
      order: 'PUBLISHED_AT',
      page: { first, after },
      maxPageSize: 100,
    });
    ids.push(...page.ids);
    if (!page.hasNextPage) return ids;
    after = page.cursors[page.cursors.length - 1] ?? null;
  }
}

async function found(search: string, order: ArticleOrder = 'RELEVANCE'): Promise<number[]> {
  const page = await findArticlePage({
    db: test.db,
    filter: { search },
    order,
    page: { first: 100 },
    maxPageSize: 100,
  });
  return [...page.ids].sort((a, b) => a - b);
}

/** Each vector row with the partition it lies in, and whether it equals its article's. */
async function vectorRows() {
  return readRows<{ articleId: number; partition: string; same: boolean }>(
    test.db,
    Prisma.sql`SELECT v."articleId", v.tableoid::regclass::text AS "partition",
                      (v."vector" = a."searchVector" AND v."publishedAt" = a."publishedAt") AS "same"
               FROM "search"."ArticleVector" v LEFT JOIN "Article" a ON a."id" = v."articleId" ORDER BY 1`,
  );
}

beforeAll(async () => {
  test = await createTestDatabase();
  sourceId = (await test.db.source.create({ data: { url: 'https://p.example/feed', title: 'P' } })).id;
  otherSourceId = (await test.db.source.create({ data: { url: 'https://q.example/feed', title: 'Q' } })).id;
});

afterAll(async () => {
  await test.drop();
});

describe('search over time partitions', () => {
  it('knows the partitions the migration made: each starts where searchPartitionStart says', async () => {
    const partitions = await readRows<{ bound: string }>(
      test.db,
      Prisma.sql`SELECT pg_get_expr(c.relpartbound, c.oid) AS "bound" FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = '"search"."ArticleVector"'::regclass`,
    );
    expect(partitions.length).toBe(102);
    const at = (text: string) =>
      text === 'MINVALUE' ? null : new Date(`${text.replaceAll("'", '').replace(' ', 'T')}Z`);
    for (const { bound } of partitions) {
      const [, lower = '', upper = ''] = /FROM \((.+)\) TO \((.+)\)/.exec(bound) ?? [];
      const from = at(lower);
      const to = upper === 'MAXVALUE' ? null : at(upper);
      // The partition's first and last instant both map to its start.
      if (from) expect(searchPartitionStart(from)).toEqual(from);
      if (to) expect(searchPartitionStart(new Date(to.getTime() - 1))).toEqual(from);
      else expect(searchPartitionStart(new Date('2999-01-01T00:00:00Z'))).toEqual(from);
    }
  });

  it('finds matches in every partition, newest first across partition boundaries, and pages without gaps', async () => {
    const ancient = await addArticle('Tanker seized in the strait', '1995-06-01');
    const older = await addArticle('Tanker rates fall', '2012-03-01');
    const recent = await addArticle('Tanker operator lists shares', '2024-05-01');
    const latest = await addArticle('Tanker fleet grows', '2026-11-20');
    const future = await addArticle('Tanker order for delivery', '2045-01-01');
    const elsewhere = await addArticle('Tanker insurers raise premiums', '2026-11-21', otherSourceId);
    // Many newer articles without the word: the newest partition holds few matches among many rows.
    await test.db
      .$executeRaw`INSERT INTO "Article" ("sourceId", "url", "canonicalUrl", "urlKey", "title", "contentHash", "publishedAt", "updatedAt")
      SELECT ${sourceId}, 'https://p.example/c' || g, 'https://p.example/c' || g, 'p.example/c' || g, 'Container ships delayed ' || g,
             'c' || g, timestamp '2026-11-22' + g * interval '1 minute', now()
      FROM generate_series(1, 2500) g`;

    const all = [future, elsewhere, latest, recent, older, ancient];
    expect(await newestFirst({ search: 'tanker' })).toEqual(all);
    // Two at a time: every page boundary falls between partitions.
    expect(await newestFirst({ search: 'tanker' }, 2)).toEqual(all);
    expect(await found('tanker')).toEqual([...all].sort((a, b) => a - b));
    expect(await countArticles({ db: test.db, filter: { search: 'tanker' } })).toEqual({
      count: 6,
      isEstimate: false,
    });

    // A date range reads only its partitions; other filters join the article.
    expect(
      await newestFirst({
        search: 'tanker',
        publishedAfter: new Date('2010-01-01'),
        publishedBefore: new Date('2026-11-21'),
      }),
    ).toEqual([latest, recent, older]);
    expect(await newestFirst({ search: 'tanker', sourceIds: [otherSourceId] })).toEqual([elsewhere]);
    expect(await countArticles({ db: test.db, filter: { search: 'tanker', sourceIds: [sourceId] } })).toEqual(
      {
        count: 5,
        isEstimate: false,
      },
    );

    const partitions = new Map((await vectorRows()).map((row) => [row.articleId, row.partition]));
    expect(partitions.get(ancient)).toBe('search."ArticleVector_before_2000"');
    expect(partitions.get(older)).toBe('search."ArticleVector_2012"');
    expect(partitions.get(recent)).toBe('search."ArticleVector_2024_q2"');
    expect(partitions.get(latest)).toBe('search."ArticleVector_2026_q4"');
    expect(partitions.get(future)).toBe('search."ArticleVector_from_2040"');
  });

  it('follows edits, moved dates, upserts and deletions of articles', async () => {
    const edited = await addArticle('Refinery outage in Texas', '2025-02-01');
    const moved = await addArticle('Refinery restarts', '1999-12-31');
    const removed = await addArticle('Refinery sold', '2023-07-01');
    expect(await found('refinery')).toEqual([edited, moved, removed].sort((a, b) => a - b));

    // A new headline (the BEFORE trigger recomputes the vector, the AFTER trigger copies it).
    await test.db.article.update({ where: { id: edited }, data: { title: 'Pipeline outage in Texas' } });
    expect(await found('refinery')).toEqual([moved, removed].sort((a, b) => a - b));
    expect(await found('pipeline')).toEqual([edited]);

    // A corrected date moves the row to its new partition and its new place in the order.
    await test.db.article.update({
      where: { id: moved },
      data: { publishedAt: new Date('2026-12-01T00:00:00Z') },
    });
    expect((await newestFirst({ search: 'refinery' }))[0]).toBe(moved);

    // Ingestion's upsert (INSERT … ON CONFLICT DO UPDATE) changes text through the UPDATE path.
    await test.db
      .$executeRaw`INSERT INTO "Article" ("sourceId", "url", "canonicalUrl", "urlKey", "title", "contentHash", "publishedAt", "updatedAt")
      SELECT "sourceId", "url", "canonicalUrl", "urlKey", 'Refinery sold to a rival', 'h2', "publishedAt", now() FROM "Article" WHERE "id" = ${removed}
      ON CONFLICT ("urlKey") DO UPDATE SET "title" = EXCLUDED."title"`;
    expect(await found('rival')).toEqual([removed]);

    await test.db.article.delete({ where: { id: removed } });
    expect(await found('refinery')).toEqual([moved]);

    const rows = await vectorRows();
    expect(rows.every((row) => row.same)).toBe(true);
    expect(rows.map((row) => row.articleId)).toEqual(
      (await test.db.article.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((a) => a.id),
    );
    expect(rows.find((row) => row.articleId === moved)?.partition).toBe('search."ArticleVector_2026_q4"');
  });

  it('empties with the articles when they are truncated', async () => {
    expect((await vectorRows()).length).toBeGreaterThan(0);
    await test.db.$executeRawUnsafe('TRUNCATE "Article" CASCADE');
    expect(await vectorRows()).toEqual([]);
    const fresh = await addArticle('Freighter runs aground', '2026-11-30');
    expect(await found('freighter')).toEqual([fresh]);
  });
});
