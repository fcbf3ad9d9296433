import { useMemo } from 'react';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { EmptyState } from '@wirelens/ui';
import { graphql } from '../graphql.js';
import { ArticleFeed } from '../components/ArticleFeed.js';
import { QueryState } from '../components/QueryState.js';
import { RelatedList } from '../components/RelatedList.js';
import { SentimentTrend } from '../components/SentimentTrend.js';
import { useFeedFilters } from '../hooks/useFeedFilters.js';
import { useSeriesInterval, windowStart } from '../hooks/useSeriesWindow.js';
import { companyPath, topicPath } from '../lib/links.js';
import { coMentioned } from '../lib/related.js';

export const TopicPageQuery = graphql(`
  query TopicPage($slug: String!, $interval: SeriesInterval!, $from: DateTime) {
    topic(slug: $slug) {
      id
      slug
      name
      description
      kind
      sentimentSeries(interval: $interval, from: $from) {
        meanScore
        totalCount
        buckets {
          start
          meanScore
          count
          bullish
          neutral
          bearish
        }
      }
      recent: articles(first: 50) {
        edges {
          node {
            id
            companies {
              company {
                id
                slug
                name
              }
            }
            topics {
              topic {
                id
                slug
                name
              }
            }
          }
        }
      }
    }
  }
`);

export function TopicPage() {
  const { slug = '' } = useParams();
  const [interval, setInterval] = useSeriesInterval();
  const [, setFilters] = useFeedFilters();
  const from = useMemo(() => windowStart(interval), [interval]);
  const [result, reexecute] = useQuery({ query: TopicPageQuery, variables: { slug, interval, from } });
  return (
    <div className="page">
      <QueryState
        result={result}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
        skeletonLines={10}
        loadingLabel="Loading topic"
      >
        {(data) => {
          const topic = data.topic;
          if (!topic) {
            return (
              <EmptyState title="Topic not found">
                <p>No topic has the identifier “{slug}”.</p>
              </EmptyState>
            );
          }
          const recent = topic.recent.edges.map((edge) => edge.node);
          return (
            <div className="subject">
              <div className="subject__main">
                <header className="subject__header">
                  <p className="eyebrow">
                    Topic · {topic.kind === 'TAXONOMY' ? 'taxonomy' : 'editor-defined'}
                  </p>
                  <h1>{topic.name}</h1>
                  {topic.description && <p>{topic.description}</p>}
                </header>
                <SentimentTrend
                  subject={topic.name}
                  buckets={topic.sentimentSeries.buckets}
                  meanScore={topic.sentimentSeries.meanScore}
                  totalCount={topic.sentimentSeries.totalCount}
                  interval={interval}
                  onIntervalChange={setInterval}
                  onSelectPeriod={(start, end) => setFilters({ from: start, to: end })}
                />
                <div className="related-grid">
                  <RelatedList
                    title="Companies in this topic"
                    items={coMentioned(
                      recent.map((a) => a.companies.map((c) => c.company)),
                      null,
                    )}
                    path={companyPath}
                  />
                  <RelatedList
                    title="Related topics"
                    items={coMentioned(
                      recent.map((a) => a.topics.map((t) => t.topic)),
                      topic.id,
                    )}
                    path={topicPath}
                  />
                </div>
              </div>
              <div className="subject__feed">
                <ArticleFeed
                  heading={`Articles on ${topic.name}`}
                  base={{ topicIds: [topic.id] }}
                  hide={{ topics: true }}
                  exportSubject={topic.slug}
                />
              </div>
            </div>
          );
        }}
      </QueryState>
    </div>
  );
}
