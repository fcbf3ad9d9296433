import { readRows } from '../client.js';
import { Prisma } from '../generated/prisma/client.js';
import { articleFilterSql, type ArticleFilter } from './article-feed.js';
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

/**
 * Which of `articleIds` each filter matches (a watchlist's or a saved one), for many filters in one
 * statement: the result's i-th entry holds the ids `filters[i]` matches. Each filter is wrapped
 * in `anyOf`, so a saved full-text search parses its own query.
 */
export async function articlesMatchingFilters(
  db: Tx,
  filters: readonly ArticleFilter[],
  articleIds: readonly number[],
): Promise<number[][]> {
  const matches = filters.map((): number[] => []);
  if (filters.length === 0 || articleIds.length === 0) return matches;
  const ids = [...articleIds];
  const rows = await readRows<{ i: number; id: number }>(
    db,
    Prisma.join(
      filters.map(
        (filter, i) =>
          Prisma.sql`SELECT ${i}::int AS i, a."id" FROM "Article" a WHERE ${articleFilterSql({ anyOf: [filter], articleIds: ids })}`,
      ),
      ' UNION ALL ',
    ),
  );
  for (const row of rows) matches[row.i]?.push(row.id);
  return matches;
}

/** An enabled alert rule and an article it covers through its company, topic or list. */
export interface RuleCoverage {
  ruleId: number;
  articleId: number;
}

/**
 * The enabled rules the articles reach directly, in one statement: rules on one of an article's
 * (effective) companies or topics, and rules on lists holding one of them. Rules whose target is
 * a saved filter, or a list with saved filters, need the filter checked as well
 * (`filteredAlertRuleIds`, `articlesMatchingFilters`).
 */
export async function alertRulesCovering(db: Tx, articleIds: readonly number[]): Promise<RuleCoverage[]> {
  if (articleIds.length === 0) return [];
  const ids = [...articleIds];
  // For companies, then topics: rules on the subject, and rules on lists holding it.
  const subjects = [
    ['ArticleCompany', 'WatchlistCompany', 'companyId'],
    ['ArticleTopic', 'WatchlistTopic', 'topicId'],
  ].map(([link, listLink, column]) => ({
    link: Prisma.raw(`"${link}"`),
    listLink: Prisma.raw(`"${listLink}"`),
    column: Prisma.raw(`"${column}"`),
  }));
  const branches = subjects.flatMap(({ link, listLink, column }) => [
    Prisma.sql`SELECT r."id" AS "ruleId", j."articleId" FROM ${link} j
      JOIN "AlertRule" r ON r.${column} = j.${column}
     WHERE j."articleId" = ANY(${ids}::int[]) AND r."enabled"`,
    Prisma.sql`SELECT r."id" AS "ruleId", j."articleId" FROM ${link} j
      JOIN ${listLink} w ON w.${column} = j.${column}
      JOIN "AlertRule" r ON r."watchlistId" = w."watchlistId"
     WHERE j."articleId" = ANY(${ids}::int[]) AND r."enabled"`,
  ]);
  return readRows<RuleCoverage>(db, Prisma.join(branches, ' UNION '));
}

/** Enabled rules whose target is a saved filter or a list with saved filters: any article may match them. */
export async function filteredAlertRuleIds(db: Tx): Promise<number[]> {
  const rows = await readRows<{ id: number }>(
    db,
    Prisma.sql`
    SELECT r."id" FROM "AlertRule" r
     WHERE r."enabled" AND (r."savedFilterId" IS NOT NULL OR EXISTS (
       SELECT 1 FROM "SavedFilter" f WHERE f."watchlistId" = r."watchlistId"))`,
  );
  return rows.map((row) => row.id);
}
