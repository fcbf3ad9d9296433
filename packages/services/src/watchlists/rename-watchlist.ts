import { parseInput } from '@wirelens/core';
import { watchlistNameSchema } from '@wirelens/core/watchlists';
import type { DbClient } from '@wirelens/db';
import { uniqueOrConflict, writeAudit, type Actor } from '@wirelens/db/repositories';

import { ownedWatchlist } from './owned-watchlist.js';

export interface RenameWatchlistOptions {
  db: DbClient;
  actor: Actor & { userId: number };
  watchlistId: number;
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
        await writeAudit(tx, actor, {
          action: 'watchlist.rename',
          entityType: 'Watchlist',
          entityId: watchlistId,
          before: { name: list.name },
          after: { name: clean },
        });
        return watchlistId;
      }),
    'name',
    'You already have a watchlist with this name',
  );
}
