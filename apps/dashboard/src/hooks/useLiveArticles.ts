import { useCallback, useMemo, useState } from 'react';
import { useSubscription } from 'urql';

import { graphql } from '../graphql.js';
import type { ArticleFilterInput } from './usePagedArticles.js';

export const ArticleAnalyzedSubscription = graphql(`
  subscription ArticleAnalyzed($filter: ArticleFilter, $watchlist: ID) {
    articleAnalyzed(filter: $filter, watchlist: $watchlist) {
      id
      publishedAt
    }
  }
`);

/** An article the feed lists: its id and when it was published. */
export interface ShownArticle {
  id: string;
  publishedAt: string;
}

export interface LiveArticles {
  /** Articles analysed since the feed loaded that match its filter and belong among the articles shown. */
  count: number;
  /** The feed is about to show them: forget them. */
  acknowledge: () => void;
}

/**
 * Counts newly analysed articles matching `filter` (null: paused), and on `watchlist` when given, that
 * `shown` does not list yet. An article published before everything shown is not new to this view: it is
 * an older one analysed again (a correction, a re-analysis, another source joining its story), further
 * down the feed, so it is not counted.
 */
export function useLiveArticles(
  filter: ArticleFilterInput | null,
  shown: readonly ShownArticle[],
  watchlist: string | null = null,
): LiveArticles {
  const variables = useMemo(() => ({ filter, watchlist }), [filter, watchlist]);
  const [result] = useSubscription(
    { query: ArticleAnalyzedSubscription, variables, pause: filter === null },
    (analysed: ShownArticle[] = [], data) =>
      analysed.some((article) => article.id === data.articleAnalyzed.id)
        ? analysed
        : [...analysed, data.articleAnalyzed],
  );
  const [acknowledged, setAcknowledged] = useState<ReadonlySet<string>>(new Set());
  const analysed = result.data;
  const count = useMemo(() => {
    const onScreen = new Set(shown.map((article) => article.id));
    // Nothing shown (an empty feed): every analysed article is new to it.
    const oldestShown =
      shown.length === 0 ? -Infinity : Math.min(...shown.map((article) => Date.parse(article.publishedAt)));
    return (analysed ?? []).filter(
      (article) =>
        !onScreen.has(article.id) &&
        !acknowledged.has(article.id) &&
        Date.parse(article.publishedAt) >= oldestShown,
    ).length;
  }, [analysed, shown, acknowledged]);
  const acknowledge = useCallback(
    () => setAcknowledged(new Set((analysed ?? []).map((article) => article.id))),
    [analysed],
  );
  return { count, acknowledge };
}
