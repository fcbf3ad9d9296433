import { readRows } from '../client.js';
import { Prisma } from '../generated/prisma/client.js';
import { articleFilterSql, type ArticleFilter } from './article-filter.js';
import type { Tx } from './types.js';

/** Articles of one window: effective values, analysed and not rejected (as in the series). */
export interface AlertWindowRow {
  count: number;
  scoreSum: number;
  /** The window's most important articles (at most `maxIds`), most important first. */
  articleIds: number[];
}

/** The windows one rule reads over its target. */
export interface AlertWindowRequest {
  filter: ArticleFilter;
  windows: { start: Date; end: Date }[];
}

/** Requests per statement: one round trip for many rules, each branch still planned on its own. */
const WINDOW_REQUESTS_PER_STATEMENT = 50;

/**
 * A superset of the articles `filter` matches in [from, to), read from the link tables' (company,
 * date) and (topic, date) indexes; null when the filter does not narrow by company or topic (or a
 * part of its `anyOf` does not), and its articles have to be found by date.
 */
function linkedCandidates(filter: ArticleFilter, from: Date, to: Date): Prisma.Sql | null {
  const span = Prisma.sql`"publishedAt" >= ${from}::timestamp AND "publishedAt" < ${to}::timestamp`;
  if (filter.companyIds?.length)
    return Prisma.sql`SELECT "articleId" FROM "ArticleCompany" WHERE "companyId" = ANY(${filter.companyIds}::int[]) AND ${span}`;
  if (filter.topicIds?.length)
    return Prisma.sql`SELECT "articleId" FROM "ArticleTopic" WHERE "topicId" = ANY(${filter.topicIds}::int[]) AND ${span}`;
  if (!filter.anyOf?.length) return null;
  const parts = filter.anyOf.map((part) => linkedCandidates(part, from, to));
  return parts.every((part): part is Prisma.Sql => part !== null) ? Prisma.join(parts, ' UNION ') : null;
}

/**
 * Count, score sum and leading articles of the articles matching each request's filter in each of
 * its windows: the result's i-th entry answers `requests[i]`, window by window. Fifty requests per
 * statement (a window rule's windows each cost a few milliseconds; a round trip each was most of an
 * evaluation). Each filter is wrapped in `anyOf`, so a saved full-text search parses its own query.
 */
export async function loadAlertWindows({
  db,
  requests,
  maxIds = 20,
}: {
  db: Tx;
  requests: readonly AlertWindowRequest[];
  maxIds?: number;
}): Promise<AlertWindowRow[][]> {
  // A window without articles has no row.
  const answers = requests.map(({ windows }) =>
    windows.map((): AlertWindowRow => ({ count: 0, scoreSum: 0, articleIds: [] })),
  );
  for (let from = 0; from < requests.length; from += WINDOW_REQUESTS_PER_STATEMENT) {
    const branches = requests
      .slice(from, from + WINDOW_REQUESTS_PER_STATEMENT)
      .flatMap(({ filter, windows }, offset) => {
        if (windows.length === 0) return [];
        const spanStart = new Date(Math.min(...windows.map((w) => w.start.getTime())));
        const spanEnd = new Date(Math.max(...windows.map((w) => w.end.getTime())));
        // The filter is checked once per article in the span, not once per window: a 31-day
        // anomaly baseline probed every article 31 times. A company's or topic's articles (a
        // list's: the union of its companies' and topics') come from the link tables' indexes;
        // walking every article of the span by date checked the filter against all of them, for
        // each of a pass's hundreds of targets (most of PostgreSQL's time in bench:alerts).
        const candidates = linkedCandidates(filter, spanStart, spanEnd);
        return [
          Prisma.sql`(
    SELECT ${from + offset}::int AS r, w.i::int AS i, count(*)::int AS n,
           coalesce(sum(a."sentimentScore"), 0)::float8 AS sum,
           (array_agg(a."id" ORDER BY a."importance" DESC NULLS LAST, a."id" DESC))[1:${maxIds}] AS ids
    FROM "Article" a
    JOIN unnest(${windows.map((w) => w.start)}::timestamp[], ${windows.map((w) => w.end)}::timestamp[]) WITH ORDINALITY AS w(s, e, i)
      ON a."publishedAt" >= w.s AND a."publishedAt" < w.e
    WHERE a."publishedAt" >= ${spanStart}::timestamp AND a."publishedAt" < ${spanEnd}::timestamp
      AND a."latestAnalysisId" IS NOT NULL AND a."reviewStatus" <> 'REJECTED'
      ${candidates ? Prisma.sql`AND a."id" IN (${candidates})` : Prisma.empty}
      AND ${articleFilterSql({ anyOf: [filter] })}
    GROUP BY w.i)`,
        ];
      });
    if (branches.length === 0) continue;
    const rows = await readRows<{ r: number; i: number; n: number; sum: number; ids: number[] | null }>(
      db,
      Prisma.join(branches, ' UNION ALL '),
    );
    for (const row of rows) {
      const answer = answers[row.r];
      if (answer && row.i >= 1 && row.i <= answer.length)
        answer[row.i - 1] = { count: row.n, scoreSum: row.sum, articleIds: row.ids ?? [] };
    }
  }
  return answers;
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

/** The de-duplication key a window rule's firing at this moment would take, per window (core's windowPeriodKey). */
export type PeriodKeys = Record<'HOUR' | 'DAY' | 'WEEK', string>;

/** Rules that can fire at `now`: the rest are left out in SQL instead of being loaded and evaluated. */
export interface DueAt {
  now: Date;
  periodKeys: PeriodKeys;
}

/**
 * The enabled rules the articles reach directly, in one statement: rules on one of an article's
 * (effective) companies or topics, and rules on lists holding one of them. Rules whose target is
 * a saved filter, or a list with saved filters, need the filter checked as well
 * (`filteredAlertRuleIds`, `articlesMatchingFilters`).
 *
 * With `due`, pairs that cannot fire at `due.now` are left out: the rule is cooling down; an
 * article rule's minimum importance or sentiment labels rule the article out, the article is
 * rejected or its story already fired the rule; a window rule already fired in the current period,
 * or the article was published before every window the rule reads (its verdict now cannot depend on
 * it; the periodic evaluation covers time passing). These mirror core's evaluators and
 * `recordFirings`, which still decide: the filter only spares them the pairs that would be refused.
 */
export async function alertRulesCovering(
  db: Tx,
  articleIds: readonly number[],
  due?: DueAt,
): Promise<RuleCoverage[]> {
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
  const ready = due ? Prisma.sql`AND ${coolSql(due.now)}` : Prisma.empty;
  const branches = subjects.flatMap(({ link, listLink, column }) => [
    Prisma.sql`SELECT r."id" AS "ruleId", j."articleId" FROM ${link} j
      JOIN "AlertRule" r ON r.${column} = j.${column}
     WHERE j."articleId" = ANY(${ids}::int[]) AND r."enabled" ${ready}`,
    Prisma.sql`SELECT r."id" AS "ruleId", j."articleId" FROM ${link} j
      JOIN ${listLink} w ON w.${column} = j.${column}
      JOIN "AlertRule" r ON r."watchlistId" = w."watchlistId"
     WHERE j."articleId" = ANY(${ids}::int[]) AND r."enabled" ${ready}`,
  ]);
  if (!due) return readRows<RuleCoverage>(db, Prisma.join(branches, ' UNION '));
  const week = Prisma.sql`interval '7 days'`;
  const window = Prisma.sql`(CASE r."params"->>'window' WHEN 'HOUR' THEN interval '1 hour' WHEN 'WEEK' THEN ${week} ELSE interval '1 day' END)`;
  return readRows<RuleCoverage>(
    db,
    Prisma.sql`
    SELECT c."ruleId", c."articleId"
      FROM (${Prisma.join(branches, ' UNION ')}) c
      JOIN "AlertRule" r ON r."id" = c."ruleId"
      JOIN "Article" a ON a."id" = c."articleId"
     WHERE CASE WHEN r."kind" = 'ARTICLE' THEN
             a."reviewStatus" <> 'REJECTED'
             AND (r."params"->>'minImportance' IS NULL
                  OR coalesce(a."importance", 0) >= (r."params"->>'minImportance')::int)
             AND (jsonb_typeof(r."params"->'sentiments') IS DISTINCT FROM 'array'
                  OR jsonb_array_length(r."params"->'sentiments') = 0
                  OR r."params"->'sentiments' @> to_jsonb(a."sentimentLabel"::text))
             AND NOT EXISTS (SELECT 1 FROM "AlertFiring" f WHERE f."ruleId" = r."id" AND f."dedupKey" =
                   CASE WHEN a."clusterId" IS NULL THEN 'article:' || a."id" ELSE 'cluster:' || a."clusterId" END)
           ELSE
             -- The span of the windows the rule reads (core's trailingWindows), ending now.
             a."publishedAt" >= ${due.now}::timestamp - CASE r."kind"
               WHEN 'SENTIMENT_SHIFT' THEN 2 * ${window}
               WHEN 'ATTENTION' THEN (coalesce((r."params"->>'baselineWindows')::int, 7) + 1) * ${window}
               ELSE (coalesce((r."params"->>'baselineDays')::int, 30) + 1) * interval '1 day' END
             AND NOT EXISTS (SELECT 1 FROM "AlertFiring" f WHERE f."ruleId" = r."id" AND f."dedupKey" =
                   CASE WHEN r."kind" = 'SENTIMENT_ANOMALY' THEN ${due.periodKeys.DAY}
                        ELSE CASE r."params"->>'window' WHEN 'HOUR' THEN ${due.periodKeys.HOUR}
                          WHEN 'WEEK' THEN ${due.periodKeys.WEEK} ELSE ${due.periodKeys.DAY} END END)
           END`,
  );
}

/** Not cooling down at `now` (as `recordFirings` decides: fired at most `cooldownMinutes` before). */
function coolSql(now: Date): Prisma.Sql {
  return Prisma.sql`(r."lastFiredAt" IS NULL OR r."lastFiredAt" <= ${now}::timestamp - r."cooldownMinutes" * interval '1 minute')`;
}

/**
 * Enabled rules whose target is a saved filter or a list with saved filters: any article may match
 * them. With `now`, rules cooling down at that moment are left out.
 */
export async function filteredAlertRuleIds(db: Tx, now?: Date): Promise<number[]> {
  const rows = await readRows<{ id: number }>(
    db,
    Prisma.sql`
    SELECT r."id" FROM "AlertRule" r
     WHERE r."enabled" AND (r."savedFilterId" IS NOT NULL OR EXISTS (
       SELECT 1 FROM "SavedFilter" f WHERE f."watchlistId" = r."watchlistId"))
       ${now ? Prisma.sql`AND ${coolSql(now)}` : Prisma.empty}`,
  );
  return rows.map((row) => row.id);
}
