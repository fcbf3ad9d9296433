import { auditRow } from '@wirelens/db/repositories';

import { ownedWatchlist, type WatchlistActionOptions } from './owned-watchlist.js';

export type DeleteWatchlistOptions = WatchlistActionOptions;

/** Deletes the list with its items (alert rules that target it go with it). */
export async function deleteWatchlist({ db, actor, watchlistId }: DeleteWatchlistOptions): Promise<number> {
  return db.$transaction(async (tx) => {
    const list = await ownedWatchlist(tx, watchlistId, actor.userId);
    await tx.watchlist.delete({ where: { id: watchlistId } });
    return auditRow(tx, actor, 'watchlist.delete', 'Watchlist', watchlistId, { before: { name: list.name } });
  });
}
