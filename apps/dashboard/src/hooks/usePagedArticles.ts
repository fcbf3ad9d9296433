import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useClient, useQuery, type CombinedError } from 'urql';

import { ArticleCardFields, type ArticleCardFragment } from '../components/ArticleFeedCard.js';
import { graphql, type VariablesOf } from '../graphql.js';

export const FeedQuery = graphql(
  `
    query Feed($filter: ArticleFilter, $orderBy: ArticleOrder, $first: Int!, $after: String, $watchlist: ID) {
      articles(filter: $filter, orderBy: $orderBy, first: $first, after: $after, watchlist: $watchlist) {
        totalCount
        totalCountIsEstimate
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            id
            ...ArticleCardFields
          }
        }
      }
    }
  `,
  [ArticleCardFields],
);

export type ArticleFilterInput = NonNullable<VariablesOf<typeof FeedQuery>['filter']>;
export type ArticleOrder = NonNullable<VariablesOf<typeof FeedQuery>['orderBy']>;

export const PAGE_SIZE = 20;

export interface FeedItem {
  id: string;
  card: ArticleCardFragment;
}

export interface PagedArticles {
  items: FeedItem[];
  totalCount: number | null;
  /** totalCount is the server's estimate (many matches), to be shown as "about N". */
  totalCountIsEstimate: boolean;
  hasNextPage: boolean;
  /** The first page is loading and there is nothing to show yet. */
  loading: boolean;
  /** New results are on their way while the previous ones are still shown (filters changed). */
  refreshing: boolean;
  loadingMore: boolean;
  error: CombinedError | undefined;
  loadMoreError: CombinedError | undefined;
  loadMore: () => void;
  retry: () => void;
}

interface ExtraPages {
  key: string;
  items: FeedItem[];
  hasNextPage: boolean;
  endCursor: string | null;
}

function toItems(edges: readonly { node: { id: string } & ArticleCardFragment }[]): FeedItem[] {
  return edges.map((edge) => ({ id: edge.node.id, card: edge.node }));
}

/**
 * Cursor paging with "Load more": later pages are appended to the first, and while a new filter loads the
 * previous results stay on screen (dimmed) instead of collapsing into a skeleton.
 */
export function usePagedArticles(
  filter: ArticleFilterInput | null,
  orderBy?: ArticleOrder,
  /** Only articles on this watchlist of the user's. */
  watchlist?: string | null,
): PagedArticles {
  const client = useClient();
  const variables = useMemo(
    () => ({ filter, orderBy: orderBy ?? null, first: PAGE_SIZE, after: null, watchlist: watchlist ?? null }),
    [filter, orderBy, watchlist],
  );
  const key = JSON.stringify(variables);
  const [result, reexecute] = useQuery({ query: FeedQuery, variables, pause: filter === null });
  const [extra, setExtra] = useState<ExtraPages | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState<CombinedError | undefined>();

  const lastData = useRef(result.data);
  useEffect(() => {
    if (result.data) lastData.current = result.data;
  }, [result.data]);
  const data = result.data ?? lastData.current;
  // urql keeps the previous variables' data while new ones load; either way the old list stays visible.
  const refreshing = Boolean(data) && (result.fetching || filter === null);

  const pages = extra?.key === key ? extra : null;
  const first = data?.articles;
  const items = useMemo(() => {
    const firstItems = first ? toItems(first.edges) : [];
    return pages ? [...firstItems, ...pages.items] : firstItems;
  }, [first, pages]);
  const hasNextPage = pages ? pages.hasNextPage : Boolean(first?.pageInfo.hasNextPage);
  const endCursor = pages ? pages.endCursor : (first?.pageInfo.endCursor ?? null);

  const loadMore = useCallback(() => {
    if (!endCursor || loadingMore || !result.data) return;
    setLoadingMore(true);
    setLoadMoreError(undefined);
    void client
      .query(FeedQuery, { ...variables, after: endCursor })
      .toPromise()
      .then((next) => {
        setLoadingMore(false);
        if (next.error || !next.data) {
          setLoadMoreError(next.error);
          return;
        }
        const page = next.data.articles;
        setExtra((previous) => ({
          key,
          items: [...(previous?.key === key ? previous.items : []), ...toItems(page.edges)],
          hasNextPage: page.pageInfo.hasNextPage,
          endCursor: page.pageInfo.endCursor ?? null,
        }));
      });
  }, [client, endCursor, key, loadingMore, result.data, variables]);

  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);

  return {
    items,
    totalCount: first?.totalCount ?? null,
    totalCountIsEstimate: first?.totalCountIsEstimate ?? false,
    hasNextPage,
    loading: !data && !result.error,
    refreshing,
    loadingMore,
    error: result.error,
    loadMoreError,
    loadMore,
    retry,
  };
}
