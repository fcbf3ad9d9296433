import { invalidInput } from '@wirelens/core';
import { MAX_WATCHLIST_ITEMS, MAX_WATCHLISTS_PER_USER } from '@wirelens/core/watchlists';
import { parseSavedFilter } from '@wirelens/db';
import {
  addWatchlistItem,
  createWatchlist,
  deleteWatchlist,
  removeWatchlistItem,
  renameWatchlist,
  type NewWatchlistItem,
  type WatchlistItemRef,
} from '@wirelens/services/watchlists';

import { builder } from '../builder.js';
import { listCost } from '../http/cost.js';
import {
  changedRow,
  deleteOwnedRow,
  ownedByViewer,
  selectRowNode,
  viewerOwnedRows,
} from '../schema-helpers.js';
import { rowId } from '../validation.js';
import { ArticleFilterInput, parseArticleFilter } from './article-filter.js';
import { Company } from './company.js';
import { Topic } from './topic.js';

export const SavedFilter = builder.prismaNode('SavedFilter', {
  ...selectRowNode({ watchlist: { select: { ownerId: true } } }),
  description: 'A feed filter saved on a watchlist (the feed’s filters, full-text search included).',
  authScopes: (saved, ctx) => ownedByViewer(saved.watchlist, ctx),
  fields: (t) => ({
    name: t.exposeString('name', { description: 'What the filter is for.' }),
    feedQuery: t.exposeString('feedQuery', {
      description: 'The dashboard feed’s URL query string for this filter (e.g. `company=acme&q=recall`).',
    }),
    search: t.string({
      nullable: true,
      description: 'The full-text search, if any.',
      select: { filter: true },
      resolve: (saved) => parseSavedFilter(saved.filter).search ?? null,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was saved.' }),
  }),
});

export const Watchlist = builder.prismaNode('Watchlist', {
  ...selectRowNode({ ownerId: true }),
  description:
    'A named list of companies, topics and saved feed filters (visible to its owner only). An article is on the list when it is about one of its companies or topics or matches one of its saved filters.',
  authScopes: ownedByViewer,
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Name (unique per user).' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'Last change to the list.' }),
    companies: t.prismaField({
      type: [Company],
      description: 'Companies on the list, by name.',
      extensions: listCost(() => MAX_WATCHLIST_ITEMS),
      resolve: (query, list, _args, ctx) =>
        ctx.db.company.findMany({
          ...query,
          where: { watchlists: { some: { watchlistId: list.id } } },
          orderBy: [{ name: 'asc' }, { id: 'asc' }],
        }),
    }),
    topics: t.prismaField({
      type: [Topic],
      description: 'Topics on the list, by name.',
      extensions: listCost(() => MAX_WATCHLIST_ITEMS),
      resolve: (query, list, _args, ctx) =>
        ctx.db.topic.findMany({
          ...query,
          where: { watchlists: { some: { watchlistId: list.id } } },
          orderBy: [{ name: 'asc' }, { id: 'asc' }],
        }),
    }),
    savedFilters: t.relation('filters', {
      description: 'Saved feed filters, oldest first.',
      query: { orderBy: { id: 'asc' } },
      extensions: listCost(() => MAX_WATCHLIST_ITEMS),
    }),
  }),
});

const WatchlistItemInput = builder.inputType('WatchlistItemInput', {
  description:
    'One item to add: a company, a topic, or the current feed filter (give exactly one of companyId, topicId, filter).',
  fields: (t) => ({
    companyId: t.globalID({ for: Company, required: false, description: 'A company.' }),
    topicId: t.globalID({ for: Topic, required: false, description: 'A topic.' }),
    filter: t.field({
      type: ArticleFilterInput,
      required: false,
      description: 'A feed filter to save (its date range is not saved: a watchlist is a standing query).',
    }),
    filterName: t.string({ required: false, description: 'Name of the saved filter (with `filter`).' }),
    feedQuery: t.string({
      required: false,
      description: 'The dashboard feed’s URL query string that shows this filter (with `filter`).',
    }),
  }),
});

const WatchlistItemRefInput = builder.inputType('WatchlistItemRefInput', {
  description: 'One item to remove (give exactly one).',
  fields: (t) => ({
    companyId: t.globalID({ for: Company, required: false, description: 'A company on the list.' }),
    topicId: t.globalID({ for: Topic, required: false, description: 'A topic on the list.' }),
    savedFilterId: t.globalID({ for: SavedFilter, required: false, description: 'A saved filter.' }),
  }),
});

function exactlyOne(given: unknown[]): void {
  if (given.filter((v) => v !== null && v !== undefined).length !== 1)
    throw invalidInput([{ field: 'item', message: 'give exactly one item' }]);
}

function newItem(input: typeof WatchlistItemInput.$inferInput): NewWatchlistItem {
  exactlyOne([input.companyId, input.topicId, input.filter]);
  if (input.companyId) return { kind: 'COMPANY', companyId: rowId(input.companyId) };
  if (input.topicId) return { kind: 'TOPIC', topicId: rowId(input.topicId) };
  // Dates are dropped: a saved filter must keep matching new articles.
  const {
    publishedAfter: _after,
    publishedBefore: _before,
    ...filter
  } = parseArticleFilter(input.filter, 'item.filter');
  return {
    kind: 'FILTER',
    name: input.filterName ?? filter.search ?? 'Saved filter',
    filter,
    feedQuery: input.feedQuery ?? '',
  };
}

function itemRef(input: typeof WatchlistItemRefInput.$inferInput): WatchlistItemRef {
  exactlyOne([input.companyId, input.topicId, input.savedFilterId]);
  if (input.companyId) return { kind: 'COMPANY', companyId: rowId(input.companyId) };
  if (input.topicId) return { kind: 'TOPIC', topicId: rowId(input.topicId) };
  return { kind: 'FILTER', savedFilterId: rowId(input.savedFilterId as { id: string }) };
}

builder.queryFields((t) => ({
  watchlists: viewerOwnedRows(t, 'Watchlist', {
    description: 'Your watchlists, by name.',
    max: MAX_WATCHLISTS_PER_USER,
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  }),
}));

builder.mutationFields((t) => ({
  createWatchlist: t.prismaField({
    type: Watchlist,
    description: 'Create an empty watchlist (any signed-in user, for themself).',
    authScopes: { viewer: true },
    args: { name: t.arg.string({ required: true, description: 'Name (1–80 characters).' }) },
    resolve: (query, _root, args, ctx) =>
      changedRow(ctx, 'Watchlist', query, (base) => createWatchlist({ ...base, name: args.name })),
  }),
  renameWatchlist: t.prismaField({
    type: Watchlist,
    description: 'Rename one of your watchlists.',
    authScopes: { viewer: true },
    args: {
      id: t.arg.globalID({ for: Watchlist, required: true, description: 'Watchlist ID.' }),
      name: t.arg.string({ required: true, description: 'New name.' }),
    },
    resolve: (query, _root, args, ctx) =>
      changedRow(ctx, 'Watchlist', query, (base) =>
        renameWatchlist({ ...base, watchlistId: rowId(args.id), name: args.name }),
      ),
  }),
  deleteWatchlist: deleteOwnedRow(t, Watchlist, 'viewer', {
    description: 'Delete one of your watchlists (and the alert rules on it); returns its ID.',
    argDescription: 'Watchlist ID.',
    remove: (run, watchlistId) => deleteWatchlist({ ...run, watchlistId }),
  }),
  addWatchlistItem: t.prismaField({
    type: Watchlist,
    description: 'Add a company, a topic or a feed filter to one of your watchlists.',
    authScopes: { viewer: true },
    args: {
      watchlistId: t.arg.globalID({ for: Watchlist, required: true, description: 'Watchlist ID.' }),
      item: t.arg({ type: WatchlistItemInput, required: true, description: 'What to add.' }),
    },
    resolve: (query, _root, args, ctx) =>
      changedRow(ctx, 'Watchlist', query, (base) =>
        addWatchlistItem({ ...base, watchlistId: rowId(args.watchlistId), item: newItem(args.item) }),
      ),
  }),
  removeWatchlistItem: t.prismaField({
    type: Watchlist,
    description: 'Remove a company, topic or saved filter from one of your watchlists.',
    authScopes: { viewer: true },
    args: {
      watchlistId: t.arg.globalID({ for: Watchlist, required: true, description: 'Watchlist ID.' }),
      item: t.arg({ type: WatchlistItemRefInput, required: true, description: 'What to remove.' }),
    },
    resolve: (query, _root, args, ctx) =>
      changedRow(ctx, 'Watchlist', query, (base) =>
        removeWatchlistItem({ ...base, watchlistId: rowId(args.watchlistId), item: itemRef(args.item) }),
      ),
  }),
}));
