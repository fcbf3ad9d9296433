import { AppError, parseInput } from '@wirelens/core';
import { MAX_WATCHLISTS_PER_USER, watchlistNameSchema } from '@wirelens/core/watchlists';
import type { DbClient } from '@wirelens/db';
import { auditRow, uniqueOrConflict, type Actor } from '@wirelens/db/repositories';

export interface CreateWatchlistOptions {
  db: DbClient;
  actor: Actor & { userId: number };
  name: string;
}

/** A new, empty watchlist of the acting user. */
export async function createWatchlist({ db, actor, name }: CreateWatchlistOptions): Promise<number> {
  const clean = parseInput(watchlistNameSchema, name, 'name');
  return uniqueOrConflict(
    () =>
      db.$transaction(async (tx) => {
        const owned = await tx.watchlist.count({ where: { ownerId: actor.userId } });
        if (owned >= MAX_WATCHLISTS_PER_USER) {
          throw new AppError('INVALID_INPUT', `You already have ${MAX_WATCHLISTS_PER_USER} watchlists`, {
            details: { field: 'name' },
          });
        }
        const list = await tx.watchlist.create({
          data: { ownerId: actor.userId, name: clean },
          select: { id: true },
        });
        return auditRow(tx, actor, 'watchlist.create', 'Watchlist', list.id, { after: { name: clean } });
      }),
    'name',
    'You already have a watchlist with this name',
  );
}
