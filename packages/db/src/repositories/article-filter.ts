import type { SentimentLabelEnum } from '@wirelens/core/review';

import { Prisma, type ReviewStatus } from '../generated/prisma/client.js';
import { searchQueryFrom, tsQueryText } from './article-search.js';

/** Feed filters; every present filter must match (AND); list filters match any of their values. */
export interface ArticleFilter {
  companyIds?: number[] | null;
  topicIds?: number[] | null;
  sentiments?: SentimentLabelEnum[] | null;
  minScore?: number | null;
  maxScore?: number | null;
  minImportance?: number | null;
  sourceIds?: number[] | null;
  languages?: string[] | null;
  publishedAfter?: Date | null;
  publishedBefore?: Date | null;
  reviewStatuses?: ReviewStatus[] | null;
  /** Full-text search: words, "phrases", prefix*, -exclusions, or (see `parseSearchQuery`). */
  search?: string | null;
  /** Only articles that have an analysis (the review queue). */
  analyzedOnly?: boolean;
  /** Only these articles (alert evaluation asks whether one article matches). */
  articleIds?: number[] | null;
  /** One of these must match as well (a watchlist: its companies, its topics, each saved filter). */
  anyOf?: ArticleFilter[] | null;
}

/** FROM clause for article statements: `a` (driven by link table `l` if given), plus `q` with a search. */
export function articlesFrom(search: string | null | undefined, driver?: { table: Prisma.Sql }): Prisma.Sql {
  const base = driver
    ? Prisma.sql`${driver.table} l JOIN "Article" a ON a."id" = l."articleId"`
    : Prisma.sql`"Article" a`;
  return search ? Prisma.sql`${base} CROSS JOIN ${searchQueryFrom(search)}` : base;
}

/** The top-level search's tsquery (`q` from `articlesFrom`). */
export const TS_QUERY = Prisma.sql`q."query"`;

/** WHERE conditions over `a` (and `q` with a search: use with `articlesFrom`). */
export function articleFilterSql(filter: ArticleFilter, tsQuery: Prisma.Sql = TS_QUERY): Prisma.Sql {
  const conditions = articleConditions(filter, tsQuery);
  return conditions.length > 0 ? Prisma.join(conditions, ' AND ') : Prisma.sql`TRUE`;
}

/** `articleFilterSql`'s conditions, one per filter present. */
export function articleConditions(filter: ArticleFilter, tsQuery: Prisma.Sql = TS_QUERY): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filter.companyIds?.length) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "ArticleCompany" j WHERE j."articleId" = a."id" AND j."companyId" = ANY(${filter.companyIds}::int[]))`,
    );
  }
  if (filter.topicIds?.length) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "ArticleTopic" j WHERE j."articleId" = a."id" AND j."topicId" = ANY(${filter.topicIds}::int[]))`,
    );
  }
  if (filter.sentiments?.length)
    conditions.push(Prisma.sql`a."sentimentLabel" = ANY(${filter.sentiments}::"SentimentLabel"[])`);
  if (filter.minScore !== null && filter.minScore !== undefined)
    conditions.push(Prisma.sql`a."sentimentScore" >= ${filter.minScore}`);
  if (filter.maxScore !== null && filter.maxScore !== undefined)
    conditions.push(Prisma.sql`a."sentimentScore" <= ${filter.maxScore}`);
  if (filter.minImportance !== null && filter.minImportance !== undefined) {
    conditions.push(Prisma.sql`a."importance" >= ${filter.minImportance}`);
  }
  if (filter.sourceIds?.length) conditions.push(Prisma.sql`a."sourceId" = ANY(${filter.sourceIds}::int[])`);
  if (filter.languages?.length) conditions.push(Prisma.sql`a."language" = ANY(${filter.languages}::text[])`);
  if (filter.publishedAfter)
    conditions.push(Prisma.sql`a."publishedAt" >= ${filter.publishedAfter}::timestamp`);
  if (filter.publishedBefore)
    conditions.push(Prisma.sql`a."publishedAt" < ${filter.publishedBefore}::timestamp`);
  if (filter.reviewStatuses?.length)
    conditions.push(Prisma.sql`a."reviewStatus" = ANY(${filter.reviewStatuses}::"ReviewStatus"[])`);
  if (filter.search) conditions.push(Prisma.sql`a."searchVector" @@ ${tsQuery}`);
  if (filter.analyzedOnly) conditions.push(Prisma.sql`a."latestAnalysisId" IS NOT NULL`);
  if (filter.articleIds) conditions.push(Prisma.sql`a."id" = ANY(${filter.articleIds}::int[])`);
  if (filter.anyOf) conditions.push(anyOfSql(filter.anyOf));
  return conditions;
}

/** OR over sub-filters (none: nothing matches); each parses its own search, only the top level's is `q`. */
function anyOfSql(filters: ArticleFilter[]): Prisma.Sql {
  if (filters.length === 0) return Prisma.sql`FALSE`;
  const own = (f: ArticleFilter) =>
    f.search ? Prisma.sql`to_tsquery('english', ${tsQueryText(f.search)})` : TS_QUERY;
  return Prisma.sql`(${Prisma.join(
    filters.map((f) => Prisma.sql`(${articleFilterSql(f, own(f))})`),
    ' OR ',
  )})`;
}
