import type { Prisma } from '../generated/prisma/client.js';
import type { ArticleFilter } from './article-filter.js';

/**
 * Prisma's `where` for a filter that tests only the article's own columns, the same conditions
 * `articleFilterSql` writes; null when the filter needs more (companies, topics, a search, anyOf).
 * Empty lists are no condition there, except `articleIds` (nothing matches), and so here.
 */
export function columnOnlyWhere(filter: ArticleFilter): Prisma.ArticleWhereInput | null {
  if (filter.companyIds?.length || filter.topicIds?.length || filter.search || filter.anyOf) return null;
  const present = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;
  const where: Prisma.ArticleWhereInput = {};
  if (filter.sentiments?.length) where.sentimentLabel = { in: filter.sentiments };
  if (present(filter.minScore) || present(filter.maxScore)) {
    where.sentimentScore = {
      ...(present(filter.minScore) && { gte: filter.minScore }),
      ...(present(filter.maxScore) && { lte: filter.maxScore }),
    };
  }
  if (present(filter.minImportance)) where.importance = { gte: filter.minImportance };
  if (filter.sourceIds?.length) where.sourceId = { in: filter.sourceIds };
  if (filter.languages?.length) where.language = { in: filter.languages };
  if (filter.reviewStatuses?.length) where.reviewStatus = { in: filter.reviewStatuses };
  if (filter.analyzedOnly) where.latestAnalysisId = { not: null };
  if (filter.articleIds) where.id = { in: filter.articleIds };
  const published = {
    ...(filter.publishedAfter && { gte: filter.publishedAfter }),
    ...(filter.publishedBefore && { lt: filter.publishedBefore }),
  };
  return { ...where, ...(Object.keys(published).length > 0 && { publishedAt: published }) };
}

/**
 * The `where`, `orderBy` and `take` of a newest-first page (publishedAt, then id, both descending)
 * after an optional cursor position, for one `findMany` that loads the page's articles with their
 * relations. `publishedAt <= cursor` is written apart from the tie-break so PostgreSQL starts its
 * (publishedAt, id) index walk at the cursor instead of filtering every newer row.
 */
export function newestFirstPageArgs({
  where,
  after,
  size,
}: {
  where: Prisma.ArticleWhereInput;
  after: { publishedAt: Date; id: number } | null;
  size: number;
}) {
  const keyset: Prisma.ArticleWhereInput[] = after
    ? [
        { publishedAt: { lte: after.publishedAt } },
        { OR: [{ publishedAt: { lt: after.publishedAt } }, { id: { lt: after.id } }] },
      ]
    : [];
  return {
    where: keyset.length > 0 ? { AND: [where, ...keyset] } : where,
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }] satisfies Prisma.ArticleOrderByWithRelationInput[],
    // One more than the page: whether another page follows.
    take: size + 1,
  };
}
