import { notFound } from '@wirelens/db/repositories';

import { changeWatchlistItems, type WatchlistActionOptions } from './owned-watchlist.js';

export type WatchlistItemRef =
  | { kind: 'COMPANY'; companyId: number }
  | { kind: 'TOPIC'; topicId: number }
  | { kind: 'FILTER'; savedFilterId: number };

export interface RemoveWatchlistItemOptions extends WatchlistActionOptions {
  item: WatchlistItemRef;
}

/** Takes a company, topic or saved filter off the viewer's list (one that is not there: NOT_FOUND). */
export async function removeWatchlistItem(options: RemoveWatchlistItemOptions): Promise<number> {
  const { watchlistId, item } = options;
  return changeWatchlistItems(options, async (tx) => {
    const removed =
      item.kind === 'COMPANY'
        ? await tx.watchlistCompany.deleteMany({ where: { watchlistId, companyId: item.companyId } })
        : item.kind === 'TOPIC'
          ? await tx.watchlistTopic.deleteMany({ where: { watchlistId, topicId: item.topicId } })
          : await tx.savedFilter.deleteMany({ where: { watchlistId, id: item.savedFilterId } });
    if (removed.count === 0) {
      const [entity, id] =
        item.kind === 'COMPANY'
          ? ['Company', item.companyId]
          : item.kind === 'TOPIC'
            ? ['Topic', item.topicId]
            : ['SavedFilter', item.savedFilterId];
      throw notFound(`${entity} on this watchlist:`, id, 'item');
    }
    return { action: 'watchlist.removeItem', before: item };
  });
}
