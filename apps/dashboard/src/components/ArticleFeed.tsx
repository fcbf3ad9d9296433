import { useMemo, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';

import { EmptyState, ErrorState, sentimentLabelText, Skeleton, Spinner, type CsvColumn } from '@wirelens/ui';

import { readFragment } from '../graphql.js';
import { hasActiveFilters, useFeedFilters } from '../hooks/useFeedFilters.js';
import { useLiveArticles } from '../hooks/useLiveArticles.js';
import {
  usePagedArticles,
  type ArticleFilterInput,
  type ArticleOrder,
  type FeedItem,
} from '../hooks/usePagedArticles.js';
import { useResolvedFilter } from '../hooks/useResolvedFilter.js';
import { articleCount } from '../lib/articleCount.js';
import { describeError } from '../lib/errors.js';
import { downloadCsv, exportName } from '../lib/exports.js';
import { ArticleCardFields, ArticleFeedCard, sourceName } from './ArticleFeedCard.js';
import { FeedFilterBar } from './FeedFilterBar.js';
import { SelectField } from './Field.js';
import { QueryState } from './QueryState.js';

const FEED_COLUMNS: CsvColumn<FeedItem>[] = [
  { header: 'published_at', value: (item) => read(item).publishedAt },
  { header: 'source', value: (item) => sourceName(read(item).source) },
  { header: 'title', value: (item) => read(item).title },
  {
    header: 'sentiment',
    value: (item) => {
      const label = read(item).sentimentLabel;
      return label ? sentimentLabelText(label) : '';
    },
  },
  { header: 'score', value: (item) => read(item).analysis?.sentimentScore },
  { header: 'importance', value: (item) => read(item).importance },
  {
    header: 'companies',
    value: (item) =>
      read(item)
        .companies.map((c) => c.company.name)
        .join('; '),
  },
  {
    header: 'topics',
    value: (item) =>
      read(item)
        .topics.map((t) => t.topic.name)
        .join('; '),
  },
  { header: 'review_status', value: (item) => read(item).reviewStatus },
  { header: 'url', value: (item) => read(item).url },
];

function read(item: FeedItem) {
  return readFragment(ArticleCardFields, item.card);
}

const ORDERS: { value: ArticleOrder; label: string }[] = [
  { value: 'PUBLISHED_AT', label: 'Newest first' },
  { value: 'IMPORTANCE', label: 'Most important first' },
  { value: 'RELEVANCE', label: 'Best match (with a search)' },
];

function isOrder(value: string | null): value is ArticleOrder {
  return ORDERS.some((order) => order.value === value);
}

export interface ArticleFeedProps {
  heading: string;
  /** Constraints the page fixes (e.g. a company page's company); URL filters are added on top. */
  base?: ArticleFilterInput;
  hide?: { companies?: boolean; topics?: boolean };
  /** Used in the CSV file name. */
  exportSubject?: string;
  headingId?: string;
  /** Off for a compact feed beside other content (the overview); it then links to the full feed. */
  showFilters?: boolean;
  /** 1 when the feed is the page's main content, 2 when it sits beside a chart. */
  headingLevel?: 1 | 2;
  /** Only articles on this watchlist of the user's (the overview switched to a list). */
  watchlist?: string | null;
  /** More actions beside Sort and Export (the feed page's "Save filter to a watchlist"). */
  tools?: ReactNode;
}

/** The article feed with its URL filters, sort, "Load more" paging and CSV export of what is loaded. */
export function ArticleFeed({
  heading,
  base,
  hide,
  exportSubject = 'feed',
  headingId = 'feed-heading',
  headingLevel = 2,
  showFilters = true,
  watchlist,
  tools,
}: ArticleFeedProps) {
  const [filters, setFilters] = useFeedFilters();
  const [params, setParams] = useSearchParams();
  const sort = params.get('sort');
  const orderBy = isOrder(sort) ? sort : undefined;
  const resolved = useResolvedFilter(filters, base);
  const feed = usePagedArticles(resolved.impossible ? null : resolved.filter, orderBy, watchlist);
  const shown = useMemo(
    () => feed.items.map((item) => ({ id: item.id, publishedAt: read(item).publishedAt })),
    [feed.items],
  );
  const live = useLiveArticles(resolved.impossible ? null : resolved.filter, shown, watchlist ?? null);
  const now = new Date();
  const Heading = headingLevel === 1 ? 'h1' : 'h2';

  return (
    <section className="feed" aria-labelledby={headingId}>
      <div className="section-head">
        <Heading id={headingId}>{heading}</Heading>
        {feed.totalCount !== null && (
          <p className="muted" aria-live="polite">
            {articleCount(feed.totalCount, feed.totalCountIsEstimate)}
          </p>
        )}
      </div>
      {showFilters ? (
        <FeedFilterBar
          filters={filters}
          onChange={setFilters}
          companies={resolved.companies}
          topics={resolved.topics}
          hide={hide}
        />
      ) : (
        <p>
          <Link to="/feed">Open the full feed with filters</Link>
        </p>
      )}
      {showFilters && (
        <div className="feed__tools">
          <SelectField
            label="Sort"
            className="field--inline"
            value={orderBy ?? 'PUBLISHED_AT'}
            options={ORDERS}
            onChange={(order) =>
              void setParams(
                (current) => {
                  const next = new URLSearchParams(current);
                  if (order === 'PUBLISHED_AT') next.delete('sort');
                  else next.set('sort', order);
                  return next;
                },
                { preventScrollReset: true },
              )
            }
          />
          <button
            type="button"
            className="button button--ghost"
            disabled={feed.items.length === 0}
            onClick={() => downloadCsv(feed.items, FEED_COLUMNS, exportName(exportSubject, 'csv'))}
          >
            Export CSV ({feed.items.length} loaded)
          </button>
          {tools}
        </div>
      )}
      {live.count > 0 && (
        <p className="live-banner" role="status">
          <button
            type="button"
            className="button button--ghost"
            onClick={() => {
              live.acknowledge();
              feed.retry();
            }}
          >
            {live.count === 1 ? '1 new article' : `${live.count} new articles`} — show them
          </button>
        </p>
      )}
      {resolved.unknown.length > 0 && (
        <p className="notice" role="status">
          Not found: {resolved.unknown.join(', ')}. The link may be out of date.
        </p>
      )}
      {resolved.error && (
        <QueryState result={{ data: undefined, error: resolved.error, fetching: false }} retry={feed.retry}>
          {() => null}
        </QueryState>
      )}
      {resolved.impossible ? (
        <EmptyState title="No articles match these filters">
          <p>None of the companies or topics in this link exist any more. Remove them to see articles.</p>
        </EmptyState>
      ) : feed.error ? (
        <QueryState result={{ data: undefined, error: feed.error, fetching: false }} retry={feed.retry}>
          {() => null}
        </QueryState>
      ) : feed.loading ? (
        <Skeleton lines={8} label="Loading articles" />
      ) : feed.items.length === 0 ? (
        <EmptyState title={hasActiveFilters(filters) ? 'No articles match these filters' : 'No articles yet'}>
          <p>
            {hasActiveFilters(filters)
              ? 'Try removing a filter or widening the date range.'
              : 'Articles appear here as soon as the sources have been fetched and analysed.'}
          </p>
        </EmptyState>
      ) : (
        <div
          className={feed.refreshing ? 'feed__list is-refreshing' : 'feed__list'}
          aria-busy={feed.refreshing}
        >
          {feed.refreshing && <Spinner size="sm" label="Updating articles" />}
          <ol className="card-list" aria-label="Articles">
            {feed.items.map((item) => (
              <li key={item.id}>
                <ArticleFeedCard article={item.card} now={now} />
              </li>
            ))}
          </ol>
          {feed.loadMoreError && (
            <ErrorState
              kind={describeError(feed.loadMoreError).kind}
              message={describeError(feed.loadMoreError).message}
              onRetry={feed.loadMore}
            />
          )}
          {feed.hasNextPage && (
            <button
              type="button"
              className="button load-more"
              onClick={feed.loadMore}
              disabled={feed.loadingMore}
            >
              {feed.loadingMore ? 'Loading more…' : 'Load more'}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
