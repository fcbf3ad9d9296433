import { parseInput } from '@wirelens/core';
import { watchlistNameSchema } from '@wirelens/core/watchlists';
import { auditRow, uniqueOrConflict } from '@wirelens/db/repositories';

import { ownedWatchlist, type WatchlistActionOptions } from './owned-watchlist.js';

export interface RenameWatchlistOptions extends WatchlistActionOptions {
  name: string;
}

export async function renameWatchlist({
  db,
  actor,
  watchlistId,
  name,
}: RenameWatchlistOptions): Promise<number> {
  const clean = parseInput(watchlistNameSchema, name, 'name');
  return uniqueOrConflict(
    () =>
      db.$transaction(async (tx) => {
        const list = await ownedWatchlist(tx, watchlistId, actor.userId);
        await tx.watchlist.update({ where: { id: watchlistId }, data: { name: clean } });
        return auditRow(tx, actor, 'watchlist.rename', 'Watchlist', watchlistId, {
          before: { name: list.name },
          after: { name: clean },
        });
      }),
    'name',
    'You already have a watchlist with this name',
  );
}
