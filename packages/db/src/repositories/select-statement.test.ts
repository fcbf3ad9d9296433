import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readRows } from '../client.js';
import { Prisma } from '../generated/prisma/client.js';
import { createTestDatabase, insertSampleRows, type TestDatabase } from '../testing/index.js';
import { findArticlePageRows } from './article-feed.js';
import { compileSelect, isCompiledRow } from './select-statement.js';

// A compiled select must give exactly the rows Prisma gives for the same select: same keys, same
// values, same JS types (Dates, numbers, parsed JSON, lists), same order of related rows.

let test: TestDatabase;

beforeAll(async () => {
  test = await createTestDatabase();
  await insertSampleRows(test.url);
  // Make the sample less uniform: a NaN-free float with many digits, a null relation, an empty list,
  // several corrections on one article, and an article in no cluster with no analysis.
  await test.db.$executeRaw`UPDATE "ArticleCompany" SET "relevance" = 0.1 + 0.2 WHERE "articleId" % 2 = 0`;
  await test.db
    .$executeRaw`UPDATE "Article" SET "clusterId" = NULL, "latestAnalysisId" = NULL WHERE "guid" = 'guid-12'`;
  await test.db
    .$executeRaw`DELETE FROM "ArticleTopic" WHERE "articleId" IN (SELECT "id" FROM "Article" WHERE "guid" = 'guid-3')`;
  await test.db.$executeRaw`
    INSERT INTO "Correction" ("articleId", "analysisId", "editorId", "action", "version", "values", "before", "after")
    SELECT "articleId", "analysisId", "editorId", 'CORRECT', 2, '{"summary": "Later"}', '{}', '{}' FROM "Correction"`;
  await test.db.$executeRaw`
    INSERT INTO "ArticleCompany" ("articleId", "companyId", "relevance", "sentimentScore", "mentions", "sentences", "publishedAt")
    SELECT a."id", c."id", 0.9, -0.25, 1, ARRAY[]::text[], a."publishedAt"
    FROM "Article" a CROSS JOIN "Company" c WHERE c."slug" = 'globex' AND a."guid" IN ('guid-1', 'guid-4')`;
});

afterAll(async () => {
  await test.drop();
});

/** Every article, loaded by the compiled statement, by id. */
async function compiledRows(query: { select?: object; include?: object }): Promise<unknown[]> {
  const compiled = compileSelect('Article', query, 'a');
  if (!compiled) throw new Error('not compiled');
  const rows = await readRows<{ row: unknown }>(
    test.db,
    Prisma.sql`SELECT ${compiled.json} AS "row" FROM "Article" a ORDER BY a."id"`,
  );
  return rows.map((r) => compiled.decode(r.row));
}

const prismaRows = (query: { select?: object; include?: object }) =>
  test.db.article.findMany({ ...(query as { select: Prisma.ArticleSelect }), orderBy: { id: 'asc' } });

const SHAPES: Record<string, { select?: object; include?: object }> = {
  'feed card (the benchmark page)': {
    select: {
      id: true,
      title: true,
      url: true,
      publishedAt: true,
      reviewStatus: true,
      reviewVersion: true,
      source: { select: { id: true, title: true } },
      companies: {
        orderBy: [{ relevance: 'desc' }, { companyId: 'asc' }],
        select: {
          company: { select: { id: true, name: true, slug: true } },
          relevance: true,
          companyId: true,
        },
      },
      topics: {
        orderBy: [{ relevance: 'desc' }, { topicId: 'asc' }],
        select: { topic: { select: { id: true, slug: true } }, topicId: true },
      },
      latestAnalysis: {
        select: {
          sentimentLabel: true,
          sentimentScore: true,
          paragraphs: true,
          takeaways: true,
          createdAt: true,
        },
      },
      corrections: { orderBy: { version: 'desc' }, take: 1, select: { values: true } },
    },
  },
  'whole rows (include mode) with nested includes': {
    include: {
      cluster: {
        include: {
          articles: { take: 3, orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }], select: { id: true } },
        },
      },
      corrections: { orderBy: { version: 'asc' } },
      titleHistory: true,
      analyses: { orderBy: { id: 'desc' }, take: 3, skip: 0, select: { id: true, importanceFactors: true } },
    },
  },
  'lists without an order, skip, JSON and list columns': {
    select: {
      id: true,
      companies: { select: { sentences: true, sentimentScore: true, publishedAt: true } },
      corrections: { skip: 1, select: { version: true, before: true, createdAt: true } },
      latestAnalysis: {
        select: { companies: true, topics: true, eventTypes: true, importanceFactors: true },
      },
    },
  },
};

/** Rows without the compiled-row marks (a symbol key that points at its object; structuredClone drops it). */
const unmarked = <T>(rows: T): T => structuredClone(rows);

describe('compileSelect', () => {
  for (const [name, query] of Object.entries(SHAPES)) {
    it(`gives Prisma's rows: ${name}`, async () => {
      const [compiled, prisma] = await Promise.all([compiledRows(query), prismaRows(query)]);
      expect(prisma.length).toBe(12);
      expect(unmarked(compiled)).toEqual(prisma);
    });
  }

  it('marks the rows it decoded and their related rows, and not copies of them', async () => {
    type Card = Record<string, unknown> & { source: object; companies: object[] };
    const rows = (await compiledRows(SHAPES['feed card (the benchmark page)'] ?? {})) as Card[];
    const article = rows.find((row) => row.companies.length > 0);
    if (!article) throw new Error('the sample has no article with companies');
    expect(isCompiledRow(article)).toBe(true);
    expect(isCompiledRow(article.source)).toBe(true);
    expect(article.companies.every((company) => isCompiledRow(company))).toBe(true);
    // A copy may be changed after it was made: it no longer holds what the select read.
    expect(isCompiledRow({ ...article })).toBe(false);
    expect(isCompiledRow(structuredClone(article))).toBe(false);
    expect(Object.keys(article)).not.toContain('compiledRow');
    expect(JSON.stringify(article)).toBe(JSON.stringify(unmarked(article)));
  });

  it('leaves to Prisma what it cannot map one to one', () => {
    const refused = [
      { select: { companies: { where: { relevance: { gt: 0.5 } }, select: { relevance: true } } } },
      { select: { analyses: { cursor: { id: 1 }, select: { id: true } } } },
      { select: { _count: { select: { companies: true } } } },
      { select: { companies: { orderBy: { company: { name: 'asc' } }, select: { relevance: true } } } },
      { select: { corrections: { take: -1, select: { version: true } } } },
      { select: { corrections: { distinct: ['version'], select: { version: true } } } },
      { select: { noSuchColumn: true } },
    ];
    for (const query of refused) expect(compileSelect('Article', query, 'a')).toBeNull();
    // AuditEntry's id is a BigInt, which JSON cannot carry as Prisma returns it.
    expect(compileSelect('AuditEntry', { select: { id: true } }, 'a')).toBeNull();
  });

  it('serves a feed page from one compiled statement with the same rows, cursors and page info as Prisma', async () => {
    const select = SHAPES['feed card (the benchmark page)']?.select as Prisma.ArticleSelect;
    const page = (load: { select?: Prisma.ArticleSelect; include?: Prisma.ArticleInclude }, after?: string) =>
      findArticlePageRows({
        db: test.db,
        filter: { sentiments: ['BULLISH', 'SOMEWHAT_BULLISH'] },
        order: 'PUBLISHED_AT',
        page: { first: 5, after },
        maxPageSize: 100,
        load,
      });
    // An `include` of a `_count` is not compiled: the same page through Prisma.
    const viaPrisma = { select: { ...select, _count: { select: { corrections: true } } } };
    const first = await page({ select });
    const firstViaPrisma = await page(viaPrisma);
    expect(first.page).toEqual(firstViaPrisma.page);
    expect(unmarked(first.rows)).toEqual(
      firstViaPrisma.rows.map(({ _count, ...row }: Record<string, unknown>) => row),
    );
    expect(first.page.hasNextPage).toBe(true);
    const second = await page({ select }, first.page.cursors.at(-1));
    const secondViaPrisma = await page(viaPrisma, firstViaPrisma.page.cursors.at(-1));
    expect(second.page).toEqual(secondViaPrisma.page);
    expect(second.rows.map((r) => r.id)).toEqual(secondViaPrisma.rows.map((r) => r.id));
    expect(new Set([...first.page.ids, ...second.page.ids]).size).toBe(10);
  });
});
