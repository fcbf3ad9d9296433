import { CompanyRefFields, TopicRefFields } from '../../fragments.js';
import { graphql, type ResultOf } from '../../graphql.js';

export const WatchlistFields = graphql(
  `
    fragment WatchlistFields on Watchlist @_unmask {
      id
      name
      companies {
        ...CompanyRefFields
      }
      topics {
        ...TopicRefFields
      }
      savedFilters {
        id
        name
        feedQuery
        search
      }
    }
  `,
  [CompanyRefFields, TopicRefFields],
);

export type WatchlistData = ResultOf<typeof WatchlistFields>;

/**
 * One list with its items. Lists are loaded one by one: all of a user's lists with all their items at once
 * (50 lists × 600 items) would be over the API's query cost limit.
 */
export const WatchlistQuery = graphql(
  `
    query Watchlist($id: ID!) {
      node(id: $id) {
        ... on Watchlist {
          ...WatchlistFields
        }
      }
    }
  `,
  [WatchlistFields],
);

/** Your lists by name, without their items: the watchlists page, the overview switch, the rule form. */
export const WatchlistNamesQuery = graphql(`
  query WatchlistNames {
    watchlists {
      id
      name
    }
  }
`);

export const CreateWatchlistMutation = graphql(
  `
    mutation CreateWatchlist($name: String!) {
      createWatchlist(name: $name) {
        ...WatchlistFields
      }
    }
  `,
  [WatchlistFields],
);

export const RenameWatchlistMutation = graphql(
  `
    mutation RenameWatchlist($id: ID!, $name: String!) {
      renameWatchlist(id: $id, name: $name) {
        ...WatchlistFields
      }
    }
  `,
  [WatchlistFields],
);

export const DeleteWatchlistMutation = graphql(`
  mutation DeleteWatchlist($id: ID!) {
    deleteWatchlist(id: $id)
  }
`);

export const AddWatchlistItemMutation = graphql(
  `
    mutation AddWatchlistItem($watchlistId: ID!, $item: WatchlistItemInput!) {
      addWatchlistItem(watchlistId: $watchlistId, item: $item) {
        ...WatchlistFields
      }
    }
  `,
  [WatchlistFields],
);

export const RemoveWatchlistItemMutation = graphql(
  `
    mutation RemoveWatchlistItem($watchlistId: ID!, $item: WatchlistItemRefInput!) {
      removeWatchlistItem(watchlistId: $watchlistId, item: $item) {
        ...WatchlistFields
      }
    }
  `,
  [WatchlistFields],
);

/** The list in a WatchlistQuery answer (null when the ID names no list of yours). */
export function watchlistOf(data: ResultOf<typeof WatchlistQuery> | undefined): WatchlistData | null {
  const node = data?.node;
  return node && 'companies' in node ? node : null;
}
