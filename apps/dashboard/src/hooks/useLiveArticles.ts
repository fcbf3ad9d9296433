import { useCallback, useMemo, useState } from 'react';
import { useSubscription } from 'urql';

import { graphql } from '../graphql.js';
import type { ArticleFilterInput, FeedItem } from './usePagedArticles.js';

export const ArticleAnalyzedSubscription = graphql(`
  subscription ArticleAnalyzed($filter: ArticleFilter, $watchlist: ID) {
    articleAnalyzed(filter: $filter, watchlist: $watchlist) {
      id
    }
  }
`);

export interface LiveArticles {
  /** Articles analysed since the feed loaded that match its filter and are not on screen. */
  count: number;
  /** The feed is about to show them: forget them. */
  acknowledge: () => void;
}

/**
 * Counts newly analysed articles matching `filter` (null: paused), and on `watchlist` when given,
 * that `shown` does not list yet.
 */
export function useLiveArticles(
  filter: ArticleFilterInput | null,
  shown: readonly FeedItem[],
  watchlist: string | null = null,
): LiveArticles {
  const variables = useMemo(() => ({ filter, watchlist }), [filter, watchlist]);
  const [result] = useSubscription(
    { query: ArticleAnalyzedSubscription, variables, pause: filter === null },
    (ids: string[] = [], data) =>
      ids.includes(data.articleAnalyzed.id) ? ids : [...ids, data.articleAnalyzed.id],
  );
  const [acknowledged, setAcknowledged] = useState<ReadonlySet<string>>(new Set());
  const ids = result.data;
  const count = useMemo(() => {
    const onScreen = new Set(shown.map((item) => item.id));
    return (ids ?? []).filter((id) => !onScreen.has(id) && !acknowledged.has(id)).length;
  }, [ids, shown, acknowledged]);
  const acknowledge = useCallback(() => setAcknowledged(new Set(ids ?? [])), [ids]);
  return { count, acknowledge };
}
