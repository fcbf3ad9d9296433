import { AppError } from '@wirelens/core';

import { readRows, utcDate } from '../client.js';
import { Prisma, type Article } from '../generated/prisma/client.js';
import { articleConditions, articleFilterSql, articlesFrom, type ArticleFilter } from './article-filter.js';
import { columnOnlyWhere, newestFirstPageArgs } from './article-page-query.js';
import { EXACT_COUNT_LIMIT, SEARCH_CANDIDATES } from './article-search.js';
import { findSearchMatches, type SearchMatch } from './search-matches.js';
import { compileSelect, type CompiledSelect } from './select-statement.js';
import type { Tx } from './types.js';

export type ArticleOrder = 'PUBLISHED_AT' | 'IMPORTANCE' | 'RELEVANCE' | 'REVIEW_PRIORITY';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface ArticlePage {
  ids: number[];
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

interface SortKey {
  sql: Prisma.Sql;
  desc: boolean;
  kind: 'date' | 'number';
}

/**
 * RELEVANCE's candidates, the newest SEARCH_CANDIDATES matches with their scores
 * (`findSearchMatches`), as a FROM item `a("id", "score")`.
 */
export function rankedCandidatesSql(matches: SearchMatch[]): Prisma.Sql {
  return Prisma.sql`(SELECT * FROM unnest(${matches.map((m) => m.id)}::int[], ${matches.map((m) => m.score)}::float8[]) AS r("id", "score")) a`;
}

function sortKeys(order: ArticleOrder, search: string | null): SortKey[] {
  const id: SortKey = { sql: Prisma.sql`a."id"`, desc: true, kind: 'number' };
  const published: SortKey = { sql: Prisma.sql`a."publishedAt"`, desc: true, kind: 'date' };
  switch (order) {
    case 'PUBLISHED_AT':
      return [published, id];
    case 'IMPORTANCE':
      return [{ sql: Prisma.sql`COALESCE(a."importance", 0)`, desc: true, kind: 'number' }, published, id];
    case 'REVIEW_PRIORITY':
      return [
        { sql: Prisma.sql`COALESCE(a."importance", 0)`, desc: true, kind: 'number' },
        { sql: Prisma.sql`COALESCE(a."confidence", 0)`, desc: false, kind: 'number' },
        { sql: Prisma.sql`a."id"`, desc: false, kind: 'number' },
      ];
    case 'RELEVANCE':
      if (!search)
        throw new AppError('INVALID_INPUT', 'Ordering by RELEVANCE needs filter.search', {
          details: { field: 'orderBy' },
        });
      // Over rankedCandidatesSql.
      return [{ sql: Prisma.sql`a."score"`, desc: true, kind: 'number' }, id];
  }
}

/** A sort key as it goes into a cursor: dates as UTC ISO strings. */
function cursorValue(value: unknown): string | number {
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'string' ? value : Number(value);
}

function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

function decodeCursor(cursor: string, keys: SortKey[], field: string): (Date | number)[] {
  const invalid = () =>
    new AppError('INVALID_INPUT', 'Invalid cursor (cursors belong to one query and order)', {
      details: { field },
    });
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(values) || values.length !== keys.length) throw invalid();
  return keys.map((key, index) => {
    const value: unknown = values[index];
    if (key.kind === 'date') {
      const date = typeof value === 'string' ? utcDate(value) : null;
      if (!date || Number.isNaN(date.getTime())) throw invalid();
      return date;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid();
    return value;
  });
}

/** Keyset condition "row comes after `values` in this order" (lexicographic over the keys). */
function afterCondition(keys: SortKey[], values: (Date | number)[], reverse: boolean): Prisma.Sql {
  const param = (key: SortKey, value: Date | number) =>
    key.kind === 'date' ? Prisma.sql`${value}::timestamp` : Prisma.sql`${value}::float8`;
  const op = (key: SortKey) => Prisma.raw(key.desc !== reverse ? '<' : '>');
  if (keys.every((key) => key.desc === keys[0]?.desc)) {
    const first = keys[0] as SortKey;
    return Prisma.sql`(${Prisma.join(keys.map((k) => k.sql))}) ${op(first)} (${Prisma.join(keys.map((k, i) => param(k, values[i] as Date | number)))})`;
  }
  const ors = keys.map((key, i) => {
    const equal = keys
      .slice(0, i)
      .map((k, j) => Prisma.sql`${k.sql} = ${param(k, values[j] as Date | number)}`);
    return Prisma.sql`(${Prisma.join([...equal, Prisma.sql`${key.sql} ${op(key)} ${param(key, values[i] as Date | number)}`], ' AND ')})`;
  });
  return Prisma.sql`(${Prisma.join(ors, ' OR ')})`;
}

/** The page's direction and size, checked: `first`/`after` read forwards, `last`/`before` backwards. */
function pageShape(page: PageArgs, maxPageSize: number): { backward: boolean; size: number } {
  if (page.first != null && page.last != null) {
    throw new AppError('INVALID_INPUT', 'Pass either first or last, not both', {
      details: { field: 'last' },
    });
  }
  const backward = page.last != null || (page.before != null && page.first == null);
  const size = backward ? (page.last ?? 20) : (page.first ?? 20);
  if (size < 0 || size > maxPageSize) {
    throw new AppError('INVALID_INPUT', `must be between 0 and ${maxPageSize}`, {
      details: { field: backward ? 'last' : 'first' },
    });
  }
  return { backward, size };
}

/**
 * Newest articles of one company (or one topic): walk that link table's (subject, publishedAt)
 * index instead of scanning every article by date and probing the link for each. Null when the
 * filter does not name exactly one company (or no company and one topic).
 */
function linkDriver(filter: ArticleFilter) {
  if (filter.companyIds?.length === 1) {
    return {
      table: Prisma.raw('"ArticleCompany"'),
      column: Prisma.raw('"companyId"'),
      id: filter.companyIds[0] as number,
      rest: { ...filter, companyIds: null },
    };
  }
  if (!filter.companyIds?.length && filter.topicIds?.length === 1) {
    return {
      table: Prisma.raw('"ArticleTopic"'),
      column: Prisma.raw('"topicId"'),
      id: filter.topicIds[0] as number,
      rest: { ...filter, topicIds: null },
    };
  }
  return null;
}

/**
 * One page of article ids in the requested order, by keyset pagination over an index-friendly
 * ORDER BY (one statement). Nodes are loaded separately by id, so relation loading stays batched.
 */
export async function findArticlePage({
  db,
  filter,
  order,
  page,
  maxPageSize,
}: {
  db: Tx;
  filter: ArticleFilter;
  order: ArticleOrder;
  page: PageArgs;
  maxPageSize: number;
}): Promise<ArticlePage> {
  const { backward, size } = pageShape(page, maxPageSize);
  const driver = order === 'PUBLISHED_AT' ? linkDriver(filter) : null;
  const search = filter.search?.trim() || null;
  const keys: SortKey[] = driver
    ? [
        { sql: Prisma.sql`l."publishedAt"`, desc: true, kind: 'date' },
        { sql: Prisma.sql`l."articleId"`, desc: true, kind: 'number' },
      ]
    : sortKeys(order, search);
  // A search newest first, forwards, with no link table to drive it: its matches, page by page.
  if (order === 'PUBLISHED_AT' && search && !driver && !backward && !page.before) {
    const after = page.after ? decodeCursor(page.after, keys, 'after') : null;
    const matches = await findSearchMatches({
      db,
      filter: { ...filter, search },
      limit: size + 1,
      after: after && { publishedAt: after[0] as Date, id: after[1] as number },
    });
    const pageRows = matches.slice(0, size);
    return {
      ids: pageRows.map((match) => match.id),
      cursors: pageRows.map((match) => encodeCursor([match.publishedAt.toISOString(), match.id])),
      hasNextPage: matches.length > size,
      hasPreviousPage: page.after != null,
    };
  }
  const ranked =
    order === 'RELEVANCE' && search
      ? rankedCandidatesSql(
          await findSearchMatches({
            db,
            filter: { ...filter, search },
            limit: SEARCH_CANDIDATES,
            score: true,
          }),
        )
      : null;
  const conditions = driver
    ? [Prisma.sql`l.${driver.column} = ${driver.id}`, articleFilterSql(driver.rest)]
    : ranked
      ? []
      : [articleFilterSql(filter)];
  if (page.after) conditions.push(afterCondition(keys, decodeCursor(page.after, keys, 'after'), false));
  if (page.before) conditions.push(afterCondition(keys, decodeCursor(page.before, keys, 'before'), true));
  const orderBy = keys.map(
    (key) => Prisma.sql`${key.sql} ${Prisma.raw(key.desc !== backward ? 'DESC' : 'ASC')}`,
  );
  // Keys are selected as columns the ORDER BY repeats, so PostgreSQL computes each (e.g. a
  // ts_rank_cd) once per row.
  const rows = await readRows<Record<string, unknown> & { id: number }>(
    db,
    Prisma.sql`
    SELECT a."id", ${Prisma.join(keys.map((k, i) => Prisma.sql`${k.sql} AS ${Prisma.raw(`"k${i}"`)}`))}
    FROM ${ranked ?? articlesFrom(filter.search, driver ?? undefined)}
    WHERE ${conditions.length > 0 ? Prisma.join(conditions, ' AND ') : Prisma.sql`TRUE`}
    ORDER BY ${Prisma.join(orderBy)}
    LIMIT ${size + 1}`,
  );
  const more = rows.length > size;
  const pageRows = rows.slice(0, size);
  if (backward) pageRows.reverse();
  return {
    ids: pageRows.map((row) => row.id),
    cursors: pageRows.map((row) => encodeCursor(keys.map((_, i) => cursorValue(row[`k${i}`])))),
    hasNextPage: backward ? page.before != null : more,
    hasPreviousPage: backward ? more : page.after != null,
  };
}

/** What to load with each article: a Prisma `select` or `include` (e.g. Pothos' query for a page's nodes). */
export interface ArticleLoad {
  select?: Prisma.ArticleSelect;
  include?: Prisma.ArticleInclude;
}

/** Compiled loads by their JSON: a schema's queries come in a handful of shapes. */
const compiledLoads = new Map<string, CompiledSelect | null>();
const COMPILED_LOADS_MAX = 500;

/** `load` as one SQL expression over `a` (see select-statement.ts), or null for Prisma to load. */
function compiledLoad(load: ArticleLoad): CompiledSelect | null {
  const key = JSON.stringify(load);
  let compiled = compiledLoads.get(key);
  if (compiled === undefined) {
    compiled = compileSelect('Article', load, 'a');
    if (compiledLoads.size >= COMPILED_LOADS_MAX) compiledLoads.clear();
    compiledLoads.set(key, compiled);
  }
  return compiled;
}

/** The articles with these ids loaded with `load`, in no particular order. */
async function loadArticles(db: Tx, ids: number[], load: ArticleLoad): Promise<Article[]> {
  const compiled = compiledLoad(load);
  if (!compiled) return db.article.findMany({ ...load, where: { id: { in: ids } } });
  const rows = await readRows<{ row: unknown }>(
    db,
    Prisma.sql`SELECT ${compiled.json} AS "row" FROM "Article" a WHERE a."id" = ANY(${ids}::int[])`,
  );
  return rows.map((r) => compiled.decode(r.row) as unknown as Article);
}

/**
 * A newest-first page of articles matching `filter` (its article-column conditions only) after
 * `after`, one more than `size`, loaded with `load`: one statement. The page is cut first (its
 * (publishedAt, id) index walk stops after size + 1 rows) and its relations are read for those rows only.
 */
async function loadNewestPage(
  db: Tx,
  filter: ArticleFilter,
  where: Prisma.ArticleWhereInput,
  after: { publishedAt: Date; id: number } | null,
  size: number,
  load: ArticleLoad,
): Promise<Article[]> {
  const compiled = compiledLoad(load);
  // The page size is written into the statement (see select-statement.ts): an integer only.
  if (!compiled || !Number.isInteger(size)) {
    return db.article.findMany({ ...load, ...newestFirstPageArgs({ where, after, size }) });
  }
  const keyset = after
    ? Prisma.sql` AND a."publishedAt" <= ${after.publishedAt}::timestamp
        AND (a."publishedAt" < ${after.publishedAt}::timestamp OR a."id" < ${after.id})`
    : Prisma.empty;
  const rows = await readRows<{ row: unknown }>(
    db,
    Prisma.sql`SELECT ${compiled.json} AS "row"
    FROM (SELECT * FROM "Article" a WHERE ${articleFilterSql(filter)}${keyset}
          ORDER BY a."publishedAt" DESC, a."id" DESC LIMIT ${Prisma.raw(String(size + 1))}) a
    ORDER BY a."publishedAt" DESC, a."id" DESC`,
  );
  return rows.map((r) => compiled.decode(r.row) as unknown as Article);
}

/**
 * A page of articles loaded with `load`, in page order. A newest-first page whose filter tests only
 * the article's own columns (the unfiltered feed, a source, a date range, …) is one statement: the
 * page and every relation together. Any other page takes two: its ids and cursors
 * (`findArticlePage`), then its articles by id. Both give the same rows, cursors and page info,
 * and either's cursors continue the other. Rows hold what `load` selects (typed as whole rows:
 * Pothos' query is not typed by field). A `load` that `compileSelect` maps to SQL is read straight
 * from the pool as JSON rows; any other goes through Prisma.
 */
export async function findArticlePageRows({
  db,
  filter,
  order,
  page,
  maxPageSize,
  load,
}: {
  db: Tx;
  filter: ArticleFilter;
  order: ArticleOrder;
  page: PageArgs;
  maxPageSize: number;
  load: ArticleLoad;
}): Promise<{ page: ArticlePage; rows: Article[] }> {
  const { backward, size } = pageShape(page, maxPageSize);
  const where = order === 'PUBLISHED_AT' && !backward && !page.before ? columnOnlyWhere(filter) : null;
  if (!where) {
    const ids = await findArticlePage({ db, filter, order, page, maxPageSize });
    if (ids.ids.length === 0) return { page: ids, rows: [] };
    const found = await loadArticles(db, ids.ids, load);
    const byId = new Map(found.map((row) => [row.id, row]));
    const kept = ids.ids.flatMap((id, index) => {
      const row = byId.get(id);
      return row ? [{ row, cursor: ids.cursors[index] ?? '' }] : [];
    });
    return {
      page: { ...ids, ids: kept.map((k) => k.row.id), cursors: kept.map((k) => k.cursor) },
      rows: kept.map((k) => k.row),
    };
  }
  const keys = sortKeys('PUBLISHED_AT', null);
  const after = page.after ? decodeCursor(page.after, keys, 'after') : null;
  // The cursor is made of publishedAt and id: a `select` must load them.
  const withKeys = load.select ? { select: { ...load.select, id: true, publishedAt: true } } : load;
  const found = await loadNewestPage(
    db,
    filter,
    where,
    after && { publishedAt: after[0] as Date, id: after[1] as number },
    size,
    withKeys,
  );
  const rows = found.slice(0, size);
  return {
    page: {
      ids: rows.map((row) => row.id),
      cursors: rows.map((row) => encodeCursor([row.publishedAt.toISOString(), row.id])),
      hasNextPage: found.length > size,
      hasPreviousPage: page.after != null,
    },
    rows,
  };
}

/**
 * The dates of the articles matching a filter without a search, newest first: through the link
 * table when it names one company or topic (its index alone when nothing else is filtered), else
 * by the articles' date index. Ties stay unordered: a count and the oldest date do not depend on them.
 */
function newestMatching(filter: ArticleFilter): Prisma.Sql {
  const driver = filter.search ? null : linkDriver(filter);
  if (!driver) {
    return Prisma.sql`SELECT a."publishedAt" FROM ${articlesFrom(filter.search)} WHERE ${articleFilterSql(filter)}
      ORDER BY a."publishedAt" DESC, a."id" DESC`;
  }
  const rest = articleConditions(driver.rest);
  return Prisma.sql`SELECT l."publishedAt" FROM ${driver.table} l${
    rest.length > 0 ? Prisma.sql` JOIN "Article" a ON a."id" = l."articleId"` : Prisma.empty
  }
    WHERE ${Prisma.join([Prisma.sql`l.${driver.column} = ${driver.id}`, ...rest], ' AND ')}
    ORDER BY l."publishedAt" DESC`;
}

/** How many of the newest EXACT_COUNT_LIMIT + 1 matches there are, and the oldest one's date. */
async function newestMatches(
  db: Tx,
  filter: ArticleFilter,
): Promise<{ newest: number; oldest: Date | null }> {
  const search = filter.search?.trim() || null;
  if (search) {
    const matches = await findSearchMatches({
      db,
      filter: { ...filter, search },
      limit: EXACT_COUNT_LIMIT + 1,
    });
    return { newest: matches.length, oldest: matches.at(-1)?.publishedAt ?? null };
  }
  const [row] = await readRows<{ n: number; oldest: Date | string | null }>(
    db,
    Prisma.sql`SELECT count(*)::int AS n, min(m."publishedAt") AS oldest FROM (${newestMatching(filter)} LIMIT ${EXACT_COUNT_LIMIT + 1}) m`,
  );
  return { newest: row?.n ?? 0, oldest: row?.oldest ? utcDate(row.oldest) : null };
}

export interface ArticleCount {
  count: number;
  /** True when more than EXACT_COUNT_LIMIT articles match and `count` is an estimate. */
  isEstimate: boolean;
}

/** The planner's row estimate for `SELECT 1 FROM "Article" a WHERE …` (planning only, nothing read). */
async function estimatedRows(db: Tx, where: Prisma.Sql): Promise<number> {
  const plan = await readRows<{ 'QUERY PLAN': unknown }>(
    db,
    Prisma.sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM "Article" a WHERE ${where}`,
  );
  const raw = plan[0]?.['QUERY PLAN'];
  const parsed = (typeof raw === 'string' ? JSON.parse(raw) : raw) as [{ Plan: { 'Plan Rows': number } }];
  return Math.max(1, parsed[0].Plan['Plan Rows']);
}

/**
 * How many articles match: counted exactly up to EXACT_COUNT_LIMIT, estimated above it — so the
 * cost does not grow with the number of matches. The estimate scales the newest matches to the
 * filter's whole date range: if the newest 1,001 matches reach back to D, and the articles since
 * D are a fifth of the articles in the range, about 5,005 match.
 */
export async function countArticles({
  db,
  filter,
}: {
  db: Tx;
  filter: ArticleFilter;
}): Promise<ArticleCount> {
  const { newest, oldest } = await newestMatches(db, filter);
  if (newest <= EXACT_COUNT_LIMIT || !oldest) return { count: newest, isEstimate: false };
  const dates = articleFilterSql({
    publishedAfter: filter.publishedAfter,
    publishedBefore: filter.publishedBefore,
  });
  const all = await estimatedRows(db, dates);
  const since = await estimatedRows(db, Prisma.sql`${dates} AND a."publishedAt" >= ${oldest}::timestamp`);
  return { count: Math.max(newest, Math.round((newest * all) / Math.min(all, since))), isEstimate: true };
}
