import type { DbClient } from '@wirelens/db';
import {
  auditRow,
  loadWatchlistScope,
  notFound,
  type Actor,
  type Tx,
  type WatchlistScope,
} from '@wirelens/db/repositories';

/** What a change to one of the viewer's watchlists takes: the database, the viewer, and which list. */
export interface WatchlistActionOptions {
  db: DbClient;
  actor: Actor & { userId: number };
  watchlistId: number;
}

/**
 * The viewer's own watchlist: someone else's answers NOT_FOUND, exactly like a missing one, so
 * list ids of other users cannot be probed.
 */
export async function ownedWatchlist(
  tx: Tx,
  watchlistId: number,
  userId: number,
  field = 'watchlistId',
): Promise<{ id: number; name: string }> {
  const list = await tx.watchlist.findUnique({
    where: { id: watchlistId },
    select: { id: true, name: true, ownerId: true },
  });
  if (!list || list.ownerId !== userId) throw notFound('Watchlist', watchlistId, field);
  return { id: list.id, name: list.name };
}

/** What the viewer's watchlist covers, as a feed filter plus its companies and topics. */
export async function loadOwnWatchlistScope({
  db,
  watchlistId,
  userId,
  field = 'watchlist',
}: {
  db: Tx;
  watchlistId: number;
  userId: number;
  field?: string;
}): Promise<WatchlistScope> {
  const scope = await loadWatchlistScope(db, watchlistId);
  if (!scope || scope.ownerId !== userId) throw notFound('Watchlist', watchlistId, field);
  return scope;
}

/**
 * One change to the items of the viewer's list, in a transaction: the owner check, the change, the
 * list's `updatedAt`, and the audit entry of what `change` answers.
 */
export function changeWatchlistItems(
  { db, actor, watchlistId }: WatchlistActionOptions,
  change: (tx: Tx) => Promise<{ action: string; before?: unknown; after?: unknown }>,
): Promise<number> {
  return db.$transaction(async (tx) => {
    await ownedWatchlist(tx, watchlistId, actor.userId);
    const { action, before, after } = await change(tx);
    await tx.watchlist.update({ where: { id: watchlistId }, data: { updatedAt: new Date() } });
    return auditRow(tx, actor, action, 'Watchlist', watchlistId, { before, after });
  });
}
