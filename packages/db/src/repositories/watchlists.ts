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

const scopeSelect = {
  id: true,
  ownerId: true,
  companies: { select: { companyId: true } },
  topics: { select: { topicId: true } },
  filters: { select: { filter: true } },
} as const;

/** What a watchlist covers, as a feed filter (an empty list matches nothing); null when there is no such list. */
export async function loadWatchlistScope(db: Tx, watchlistId: number): Promise<WatchlistScope | null> {
  return (await loadWatchlistScopes(db, [watchlistId])).get(watchlistId) ?? null;
}

/** `loadWatchlistScope` for many lists in one statement; lists that do not exist are absent. */
export async function loadWatchlistScopes(
  db: Tx,
  watchlistIds: readonly number[],
): Promise<Map<number, WatchlistScope>> {
  if (watchlistIds.length === 0) return new Map();
  const lists = await db.watchlist.findMany({
    where: { id: { in: [...new Set(watchlistIds)] } },
    select: scopeSelect,
  });
  return new Map(
    lists.map((list) => {
      const companyIds = list.companies.map((c) => c.companyId);
      const topicIds = list.topics.map((t) => t.topicId);
      const anyOf: ArticleFilter[] = [
        ...(companyIds.length > 0 ? [{ companyIds }] : []),
        ...(topicIds.length > 0 ? [{ topicIds }] : []),
        ...list.filters.map((f) => parseSavedFilter(f.filter)),
      ];
      return [list.id, { id: list.id, ownerId: list.ownerId, companyIds, topicIds, filter: { anyOf } }];
    }),
  );
}
