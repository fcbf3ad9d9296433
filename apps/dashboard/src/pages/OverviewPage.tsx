import { useMemo, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';

import { CompareChart, EmptyState, formatScore, type ChartPeriod } from '@wirelens/ui';

import { ArticleFeed } from '../components/ArticleFeed.js';
import { ArticleCardFields, ArticleFeedCard } from '../components/ArticleFeedCard.js';
import { ChartExportButtons } from '../components/ChartExportButtons.js';
import { QueryState } from '../components/QueryState.js';
import { SeriesFields } from '../components/SeriesFields.js';
import { SubjectSummaryTable } from '../components/SubjectSummaryTable.js';
import { CompanyRefFields } from '../fragments.js';
import { graphql, readFragment, type ResultOf } from '../graphql.js';
import { periodOf, useFeedFilters } from '../hooks/useFeedFilters.js';
import { useRefetchableQuery } from '../hooks/useRefetchableQuery.js';
import { windowStart } from '../hooks/useSeriesWindow.js';
import { downloadCsv, exportName, SERIES_COLUMNS } from '../lib/exports.js';
import { companyPath, topicPath } from '../lib/links.js';
import { coMentioned } from '../lib/related.js';
import { WatchlistSwitch } from './watchlists/WatchlistSwitch.js';

const MOOD_SUBJECTS = 5;
const MAX_SERIES_SUBJECTS = 20;

export const OverviewQuery = graphql(
  `
    query Overview($since: DateTime!, $watchlist: ID) {
      topics {
        id
        slug
        name
      }
      topMovers(window: WEEK, limit: 8, watchlist: $watchlist) {
        change
        currentMeanScore
        currentCount
        company {
          id
          slug
          name
        }
      }
      important: articles(
        filter: { publishedAfter: $since, minImportance: 6 }
        orderBy: IMPORTANCE
        first: 5
        watchlist: $watchlist
      ) {
        edges {
          node {
            id
            ...ArticleCardFields
          }
        }
      }
      recent: articles(filter: { publishedAfter: $since }, first: 100, watchlist: $watchlist) {
        edges {
          node {
            id
            companies {
              company {
                ...CompanyRefFields
              }
            }
          }
        }
      }
    }
  `,
  [ArticleCardFields, CompanyRefFields],
);

export const MarketMoodQuery = graphql(
  `
    query MarketMood($companyIds: [ID!], $topicIds: [ID!], $from: DateTime, $watchlist: ID) {
      sentimentSeries(
        companyIds: $companyIds
        topicIds: $topicIds
        interval: DAY
        from: $from
        watchlist: $watchlist
      ) {
        ...SeriesFields
      }
    }
  `,
  [SeriesFields],
);

/** Start of the overview's window: the last 7 days, rounded to the hour so the query stays cacheable. */
function weekAgo(): string {
  return new Date(Math.floor(Date.now() / 3600_000) * 3600_000 - 7 * 86_400_000).toISOString();
}

/**
 * Market mood for the most-covered companies and topics, top movers and important news, beside the feed;
 * all of it for one of the user's watchlists with `?watchlist=<id>`. A `from`/`to` period in the URL (a
 * notification's window) is shaded on the charts and narrows the feed.
 */
export function OverviewPage() {
  const since = useMemo(weekAgo, []);
  const [params] = useSearchParams();
  const watchlist = params.get('watchlist');
  const [filters] = useFeedFilters();
  const period = useMemo(() => periodOf({ from: filters.from, to: filters.to }), [filters.from, filters.to]);
  const [result, refetch] = useRefetchableQuery({ query: OverviewQuery, variables: { since, watchlist } });
  return (
    <div className="page">
      <div className="section-head">
        <h1>Market overview</h1>
        <WatchlistSwitch />
      </div>
      <div className="overview">
        <div className="overview__main">
          <QueryState result={result} retry={refetch} skeletonLines={10} loadingLabel="Loading overview">
            {(data) => {
              // "Most covered" = most articles in the last week, counted from those articles' companies.
              // On a watchlist the API picks the list's own companies and topics.
              const topCompanies = watchlist
                ? []
                : coMentioned(
                    data.recent.edges.map((edge) => edge.node.companies.map((c) => c.company)),
                    null,
                    MOOD_SUBJECTS,
                  );
              return (
                <>
                  <MarketMood
                    companyIds={topCompanies.map((c) => c.id)}
                    // The API answers at most MAX_SERIES_SUBJECTS series per request.
                    topicIds={
                      watchlist
                        ? []
                        : data.topics.slice(0, MAX_SERIES_SUBJECTS - topCompanies.length).map((t) => t.id)
                    }
                    watchlist={watchlist}
                    period={period}
                  />
                  <section aria-labelledby="movers-heading" className="panel">
                    <h2 id="movers-heading">Top movers this week</h2>
                    {data.topMovers.length === 0 ? (
                      <p className="muted">Not enough coverage yet to compare this week with last week.</p>
                    ) : (
                      <ol className="movers">
                        {data.topMovers.map((mover) => (
                          <li key={mover.company.id}>
                            <Link to={companyPath(mover.company.slug)}>{mover.company.name}</Link>
                            <span className={mover.change >= 0 ? 'mover mover--up' : 'mover mover--down'}>
                              <span aria-hidden="true">{mover.change >= 0 ? '▲' : '▼'}</span>{' '}
                              {mover.change >= 0 ? 'up' : 'down'} {formatScore(mover.change)}
                            </span>
                            <span className="muted small">
                              now {formatScore(mover.currentMeanScore)}, {mover.currentCount} articles
                            </span>
                          </li>
                        ))}
                      </ol>
                    )}
                  </section>
                  <section aria-labelledby="important-heading" className="panel">
                    <h2 id="important-heading">Latest important articles</h2>
                    {data.important.edges.length === 0 ? (
                      <p className="muted">No article of importance 6 or more in the last 7 days.</p>
                    ) : (
                      <ol className="card-list">
                        {data.important.edges.map((edge) => (
                          <li key={edge.node.id}>
                            <ArticleFeedCard article={edge.node} />
                          </li>
                        ))}
                      </ol>
                    )}
                  </section>
                </>
              );
            }}
          </QueryState>
        </div>
        <div className="overview__feed">
          <ArticleFeed heading="Latest articles" showFilters={false} watchlist={watchlist} />
        </div>
      </div>
    </div>
  );
}

function MarketMood({
  companyIds,
  topicIds,
  watchlist,
  period,
}: {
  companyIds: string[];
  topicIds: string[];
  watchlist: string | null;
  period: ChartPeriod | null;
}) {
  const from = useMemo(() => windowStart('DAY'), []);
  const [result, refetch] = useRefetchableQuery({
    query: MarketMoodQuery,
    variables: { companyIds, topicIds, from, watchlist },
  });
  return (
    <QueryState result={result} retry={refetch} skeletonLines={8} loadingLabel="Loading market mood">
      {(data) => {
        const series = data.sentimentSeries.map((item) => readFragment(SeriesFields, item));
        const companies = series.filter((item) => item.company);
        // Topics ranked by coverage; the five most covered are charted.
        const topics = series
          .filter((item) => item.topic)
          .sort((a, b) => b.totalCount - a.totalCount)
          .slice(0, MOOD_SUBJECTS)
          .filter((item) => item.totalCount > 0);
        if (companies.length === 0 && topics.length === 0) {
          return (
            <EmptyState title="No market mood yet">
              <p>Charts appear once articles have been analysed.</p>
            </EmptyState>
          );
        }
        return (
          <div className="mood">
            <MoodPanel
              id="mood-companies"
              title={watchlist ? 'Companies on the watchlist' : 'Most-covered companies'}
              series={companies}
              period={period}
            />
            <MoodPanel
              id="mood-topics"
              title={watchlist ? 'Topics on the watchlist' : 'Most-covered topics'}
              series={topics}
              period={period}
            />
          </div>
        );
      }}
    </QueryState>
  );
}

type MoodSeries = ResultOf<typeof SeriesFields>;

const nameOf = (item: MoodSeries) => item.company?.name ?? item.topic?.name ?? item.subjectId;
const hrefOf = (item: MoodSeries) =>
  item.company ? companyPath(item.company.slug) : topicPath(item.topic?.slug ?? '');

/** One group of subjects (companies or topics): a comparison chart, its exports and the numbers behind it. */
function MoodPanel({
  id,
  title,
  series,
  period,
}: {
  id: string;
  title: string;
  series: MoodSeries[];
  period: ChartPeriod | null;
}) {
  const chart = useRef<HTMLElement>(null);
  if (series.length === 0) return null;
  const subject = title.toLowerCase().replaceAll(' ', '-');
  return (
    <section aria-labelledby={id} className="panel">
      <div className="section-head">
        <h2 id={id}>{title}</h2>
        <ChartExportButtons
          target={chart}
          filename={exportName(subject, 'png')}
          onCsv={() =>
            downloadCsv(
              series.flatMap((item) => item.buckets.map((bucket) => ({ ...bucket, subject: nameOf(item) }))),
              SERIES_COLUMNS,
              exportName(subject, 'csv'),
            )
          }
        />
      </div>
      <CompareChart
        ref={chart}
        series={series.map((item) => ({ name: nameOf(item), buckets: item.buckets }))}
        title="Daily mean sentiment, last 90 days"
        height={260}
        highlight={period}
      />
      <SubjectSummaryTable
        caption="Coverage and mean sentiment (90 days)"
        rows={series.map((item) => ({ ...item, id: item.subjectId, name: nameOf(item), href: hrefOf(item) }))}
      />
    </section>
  );
}
