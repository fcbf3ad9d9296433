import type { DbClient } from '@wirelens/db';
import { writeAudit, type Actor } from '@wirelens/db/repositories';

import { ownedWatchlist } from './owned-watchlist.js';

export interface DeleteWatchlistOptions {
  db: DbClient;
  actor: Actor & { userId: number };
  watchlistId: number;
}

/** Deletes the list with its items (alert rules that target it go with it). */
export async function deleteWatchlist({ db, actor, watchlistId }: DeleteWatchlistOptions): Promise<number> {
  return db.$transaction(async (tx) => {
    const list = await ownedWatchlist(tx, watchlistId, actor.userId);
    await tx.watchlist.delete({ where: { id: watchlistId } });
    await writeAudit(tx, actor, {
      action: 'watchlist.delete',
      entityType: 'Watchlist',
      entityId: watchlistId,
      before: { name: list.name },
    });
    return watchlistId;
  });
}
