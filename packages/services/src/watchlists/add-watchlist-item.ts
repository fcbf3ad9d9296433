import { AppError, parseInput } from '@wirelens/core';
import { MAX_WATCHLIST_ITEMS, watchlistNameSchema } from '@wirelens/core/watchlists';
import { savedFilterSchema, toJson, type SavedFilterValues } from '@wirelens/db';
import { notFound, type Tx } from '@wirelens/db/repositories';

import { changeWatchlistItems, type WatchlistActionOptions } from './owned-watchlist.js';

export type NewWatchlistItem =
  | { kind: 'COMPANY'; companyId: number }
  | { kind: 'TOPIC'; topicId: number }
  /** A feed filter (row ids) and the dashboard feed's query string that shows it. */
  | { kind: 'FILTER'; name: string; filter: SavedFilterValues; feedQuery?: string };

export interface AddWatchlistItemOptions extends WatchlistActionOptions {
  item: NewWatchlistItem;
}

async function itemCount(tx: Tx, watchlistId: number): Promise<number> {
  const [companies, topics, filters] = await Promise.all([
    tx.watchlistCompany.count({ where: { watchlistId } }),
    tx.watchlistTopic.count({ where: { watchlistId } }),
    tx.savedFilter.count({ where: { watchlistId } }),
  ]);
  return companies + topics + filters;
}

/** Adds a company, a topic or a saved feed filter to the viewer's list (adding one already there changes nothing). */
export async function addWatchlistItem(options: AddWatchlistItemOptions): Promise<number> {
  const { watchlistId, item } = options;
  return changeWatchlistItems(options, async (tx) => {
    if ((await itemCount(tx, watchlistId)) >= MAX_WATCHLIST_ITEMS) {
      throw new AppError('INVALID_INPUT', `A watchlist holds at most ${MAX_WATCHLIST_ITEMS} items`, {
        details: { field: 'item' },
      });
    }
    let after: Record<string, unknown>;
    if (item.kind === 'COMPANY') {
      const company = await tx.company.findUnique({
        where: { id: item.companyId },
        select: { status: true },
      });
      if (!company || company.status === 'REJECTED' || company.status === 'MERGED')
        throw notFound('Company', item.companyId, 'companyId');
      await tx.watchlistCompany.createMany({
        data: { watchlistId, companyId: item.companyId },
        skipDuplicates: true,
      });
      after = { companyId: item.companyId };
    } else if (item.kind === 'TOPIC') {
      if (!(await tx.topic.findUnique({ where: { id: item.topicId }, select: { id: true } })))
        throw notFound('Topic', item.topicId, 'topicId');
      await tx.watchlistTopic.createMany({
        data: { watchlistId, topicId: item.topicId },
        skipDuplicates: true,
      });
      after = { topicId: item.topicId };
    } else {
      const name = parseInput(watchlistNameSchema, item.name, 'name');
      const filter = parseInput(savedFilterSchema, item.filter, 'filter');
      const saved = await tx.savedFilter.create({
        data: { watchlistId, name, filter: toJson(filter), feedQuery: item.feedQuery ?? '' },
        select: { id: true },
      });
      after = { savedFilterId: saved.id, name, filter };
    }
    const noun = item.kind === 'FILTER' ? 'Filter' : item.kind === 'COMPANY' ? 'Company' : 'Topic';
    return { action: `watchlist.add${noun}`, after };
  });
}
