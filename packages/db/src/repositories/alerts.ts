import { readRows } from '../client.js';
import { Prisma } from '../generated/prisma/client.js';
import { articleFilterSql, countArticles, type ArticleFilter } from './article-feed.js';
import type { Tx } from './types.js';

/** Articles of one window: effective values, analysed and not rejected (as in the series). */
export interface AlertWindowRow {
  count: number;
  scoreSum: number;
  /** The window's most important articles (at most `maxIds`), most important first. */
  articleIds: number[];
}

/**
 * Count, score sum and leading articles of the articles matching `filter` in each window, in one
 * statement (windows may be many: an attention or anomaly baseline). The filter is wrapped in
 * `anyOf`, so a saved full-text search parses its own query.
 */
export async function loadAlertWindows({
  db,
  filter,
  windows,
  maxIds = 20,
}: {
  db: Tx;
  filter: ArticleFilter;
  windows: { start: Date; end: Date }[];
  maxIds?: number;
}): Promise<AlertWindowRow[]> {
  if (windows.length === 0) return [];
  const starts = windows.map((w) => w.start);
  const ends = windows.map((w) => w.end);
  const rows = await readRows<{ i: number; n: number; sum: number; ids: number[] | null }>(
    db,
    Prisma.sql`
    SELECT w.i::int AS i, count(a."id")::int AS n, coalesce(sum(a."sentimentScore"), 0)::float8 AS sum,
           (array_agg(a."id" ORDER BY a."importance" DESC NULLS LAST, a."id" DESC) FILTER (WHERE a."id" IS NOT NULL))[1:${maxIds}] AS ids
    FROM unnest(${starts}::timestamp[], ${ends}::timestamp[]) WITH ORDINALITY AS w(s, e, i)
    LEFT JOIN "Article" a
      ON a."publishedAt" >= w.s AND a."publishedAt" < w.e
     AND a."latestAnalysisId" IS NOT NULL AND a."reviewStatus" <> 'REJECTED'
     AND ${articleFilterSql({ anyOf: [filter] })}
    GROUP BY w.i
    ORDER BY w.i`,
  );
  return rows.map((row) => ({ count: row.n, scoreSum: row.sum, articleIds: row.ids ?? [] }));
}

/** Whether one article matches a feed filter (a watchlist's or a saved one). */
export async function articleMatches(db: Tx, filter: ArticleFilter, articleId: number): Promise<boolean> {
  const { count } = await countArticles({ db, filter: { anyOf: [filter], articleIds: [articleId] } });
  return count > 0;
}
