import type { DbClient } from '@wirelens/db';
import { notFound, type Actor } from '@wirelens/db/repositories';

import { changeWatchlistItems } from './owned-watchlist.js';

export type WatchlistItemRef =
  | { kind: 'COMPANY'; companyId: number }
  | { kind: 'TOPIC'; topicId: number }
  | { kind: 'FILTER'; savedFilterId: number };

export interface RemoveWatchlistItemOptions {
  db: DbClient;
  actor: Actor & { userId: number };
  watchlistId: number;
  item: WatchlistItemRef;
}

/** Takes a company, topic or saved filter off the viewer's list (one that is not there: NOT_FOUND). */
export async function removeWatchlistItem({
  db,
  actor,
  watchlistId,
  item,
}: RemoveWatchlistItemOptions): Promise<number> {
  return changeWatchlistItems(db, actor, watchlistId, async (tx) => {
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
