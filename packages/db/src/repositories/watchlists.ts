import { parseSavedFilter } from '../json-columns.js';
import type { ArticleFilter } from './article-filter.js';
import type { Tx } from './types.js';

export interface WatchlistScope {
  id: number;
  ownerId: number;
  companyIds: number[];
  topicIds: number[];
  /** Matches the articles on the list: about one of its companies or topics, or matching a saved filter. */
  filter: ArticleFilter;
}

/** What a watchlist covers, as a feed filter (an empty list matches nothing); null when there is no such list. */
export async function loadWatchlistScope(db: Tx, watchlistId: number): Promise<WatchlistScope | null> {
  const list = await db.watchlist.findUnique({
    where: { id: watchlistId },
    select: {
      id: true,
      ownerId: true,
      companies: { select: { companyId: true } },
      topics: { select: { topicId: true } },
      filters: { select: { filter: true } },
    },
  });
  if (!list) return null;
  const companyIds = list.companies.map((c) => c.companyId);
  const topicIds = list.topics.map((t) => t.topicId);
  const anyOf: ArticleFilter[] = [
    ...(companyIds.length > 0 ? [{ companyIds }] : []),
    ...(topicIds.length > 0 ? [{ topicIds }] : []),
    ...list.filters.map((f) => parseSavedFilter(f.filter)),
  ];
  return { id: list.id, ownerId: list.ownerId, companyIds, topicIds, filter: { anyOf } };
}
