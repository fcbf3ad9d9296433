import { readRows } from '../client.js';
import { Prisma } from '../generated/prisma/client.js';
import { articleConditions, TS_QUERY, type ArticleFilter } from './article-filter.js';
import { searchQueryFrom, searchScoreSql } from './article-search.js';
import type { Tx } from './types.js';
import { utcDate } from './utc-date.js';

/**
 * A search's newest matches, with a cost that follows the number wanted rather than the number
 * that match. The vectors have a time-partitioned copy (`search."ArticleVector"`, migration
 * `time_partitioned_search`) with a GIN index and a date index per partition, and one statement
 * reads it partition by partition, newest first: a UNION ALL of one branch per partition, each
 * with its own ORDER BY and LIMIT, under one LIMIT. PostgreSQL runs the branches in order and
 * stops when the LIMIT is reached, and plans each branch for its own partition: a walk by date
 * where the words are common, the GIN index where they are rare. A rare combination of common
 * words then costs a scan of the newest partition's index, not of the whole collection's.
 *
 * (One statement over the partitioned table would be read in the same order, but PostgreSQL
 * costs that walk as if the LIMIT were spread over every partition's matches and walks where the
 * GIN index is far cheaper: 842 ms against 17 ms for the newest partition at 10M articles.)
 * Branches run in order because the application's connections run without parallel workers
 * (`max_parallel_workers_per_gather=0`, client.ts); each row carries its branch, and rows are
 * ordered by it.
 */

/** A match: the article, its date and (when asked) its relevance (`searchScoreSql`). */
export interface SearchMatch {
  id: number;
  publishedAt: Date;
  score: number;
}

/** A position in newest-first order: matches strictly older than it (a page's cursor). */
export interface SearchPosition {
  publishedAt: Date;
  id: number;
}

/**
 * Start of the search partition holding `at`, or null for the first partition (unbounded below).
 * The same ranges as the migration: before 2000, years 2000–2019, quarters 2020–2039, from 2040.
 */
export function searchPartitionStart(at: Date): Date | null {
  const year = at.getUTCFullYear();
  if (year < 2000) return null;
  if (year < 2020) return new Date(Date.UTC(year, 0, 1));
  if (year < 2040) return new Date(Date.UTC(year, Math.floor(at.getUTCMonth() / 3) * 3, 1));
  return new Date(Date.UTC(2040, 0, 1));
}

/** The search partitions from the one holding `top` back to the one holding `floor`, newest first. */
export function searchPartitions(top: Date, floor: Date): { from: Date | null; to: Date | null }[] {
  const partitions: { from: Date | null; to: Date | null }[] = [];
  let to: Date | null = null;
  let from = searchPartitionStart(top);
  for (;;) {
    partitions.push({ from, to });
    if (from === null || from <= floor) return partitions;
    to = from;
    from = searchPartitionStart(new Date(from.getTime() - 1));
  }
}

/** Runs one statement and returns its rows (a Prisma client, or a plain `pg` client in a benchmark). */
export type RunSql = (statement: Prisma.Sql) => Promise<Record<string, unknown>[]>;

interface MatchRow {
  id: number;
  publishedAt: Date | string;
  score?: number;
}

/**
 * The newest `limit` articles matching `filter` (which has a search), older than `after` if given,
 * newest first; `score` adds each one's relevance. Runs through `run`, one statement at a time.
 */
export async function collectSearchMatches(
  run: RunSql,
  {
    filter,
    limit,
    after = null,
    score = false,
  }: {
    filter: ArticleFilter & { search: string };
    limit: number;
    after?: SearchPosition | null;
    score?: boolean;
  },
): Promise<SearchMatch[]> {
  if (limit <= 0) return [];
  const query = searchQueryFrom(filter.search);
  const rest = articleConditions({ ...filter, search: null, publishedAfter: null, publishedBefore: null });
  const scored = (inner: Prisma.Sql) =>
    score
      ? Prisma.sql`SELECT m."k", m."id", m."publishedAt", ${searchScoreSql(Prisma.sql`m."vector"`)} AS "score" FROM (${inner}) m CROSS JOIN ${query}`
      : Prisma.sql`SELECT m."k", m."id", m."publishedAt" FROM (${inner}) m`;
  const toMatches = (rows: MatchRow[]) =>
    rows.map((row) => ({
      id: Number(row.id),
      publishedAt: utcDate(row.publishedAt),
      score: Number(row.score ?? 0),
    }));

  // Bounds on a date column (of the articles, then of each partition): the cursor, the filter's range.
  const bounds = (date: Prisma.Sql, id: Prisma.Sql) => {
    const conditions: Prisma.Sql[] = [];
    if (after) {
      conditions.push(Prisma.sql`${date} <= ${after.publishedAt}::timestamp`);
      conditions.push(Prisma.sql`(${date}, ${id}) < (${after.publishedAt}::timestamp, ${after.id}::int)`);
    }
    if (filter.publishedBefore) conditions.push(Prisma.sql`${date} < ${filter.publishedBefore}::timestamp`);
    if (filter.publishedAfter) conditions.push(Prisma.sql`${date} >= ${filter.publishedAfter}::timestamp`);
    return conditions;
  };
  const where = (conditions: Prisma.Sql[]) =>
    conditions.length > 0 ? Prisma.join(conditions, ' AND ') : Prisma.sql`TRUE`;

  // The dates the matches can have: the newest and oldest articles in range (two index reads).
  const [range] = await run(
    Prisma.sql`SELECT max(a."publishedAt") AS "top", min(a."publishedAt") AS "floor" FROM "Article" a
      WHERE ${where(bounds(Prisma.sql`a."publishedAt"`, Prisma.sql`a."id"`))}`,
  );
  if (!range?.top || !range.floor) return [];
  const top = utcDate(range.top as Date | string);
  const from = Prisma.sql`"search"."ArticleVector" v CROSS JOIN ${query}${
    rest.length > 0 ? Prisma.sql` JOIN "Article" a ON a."id" = v."articleId"` : Prisma.empty
  }`;
  const branches = searchPartitions(top, utcDate(range.floor as Date | string)).map((partition, k) => {
    const conditions = [
      Prisma.sql`v."vector" @@ ${TS_QUERY}`,
      Prisma.sql`v."publishedAt" <= ${top}::timestamp`,
      ...bounds(Prisma.sql`v."publishedAt"`, Prisma.sql`v."articleId"`),
      ...rest,
    ];
    if (partition.from) conditions.push(Prisma.sql`v."publishedAt" >= ${partition.from}::timestamp`);
    if (partition.to) conditions.push(Prisma.sql`v."publishedAt" < ${partition.to}::timestamp`);
    return Prisma.sql`(SELECT ${k}::int AS "k", v."articleId" AS "id", v."publishedAt", v."vector" FROM ${from}
      WHERE ${where(conditions)} ORDER BY v."publishedAt" DESC, v."articleId" DESC LIMIT ${limit})`;
  });
  const rows = await run(
    scored(Prisma.sql`SELECT * FROM (${Prisma.join(branches, ' UNION ALL ')}) u LIMIT ${limit}`),
  );
  return toMatches(
    (rows as unknown as (MatchRow & { k: number })[]).sort(
      (x, y) =>
        x.k - y.k ||
        utcDate(y.publishedAt).getTime() - utcDate(x.publishedAt).getTime() ||
        Number(y.id) - Number(x.id),
    ),
  );
}

/** `collectSearchMatches` through the application's database client. */
export function findSearchMatches({
  db,
  ...options
}: { db: Tx } & Parameters<typeof collectSearchMatches>[1]): Promise<SearchMatch[]> {
  return collectSearchMatches((statement) => readRows<Record<string, unknown>>(db, statement), options);
}
