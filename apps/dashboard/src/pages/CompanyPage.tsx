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

export const CompanyPageQuery = graphql(`
  query CompanyPage($slug: String!, $interval: SeriesInterval!, $from: DateTime) {
    company(slug: $slug) {
      id
      slug
      name
      legalName
      description
      aliases
      domain
      sector
      country
      status
      tickers {
        symbol
        exchange
      }
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

export function CompanyPage() {
  const { slug = '' } = useParams();
  const [interval, setInterval] = useSeriesInterval();
  const [, setFilters] = useFeedFilters();
  const from = useMemo(() => windowStart(interval), [interval]);
  const [result, reexecute] = useQuery({ query: CompanyPageQuery, variables: { slug, interval, from } });
  return (
    <div className="page">
      <QueryState
        result={result}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
        skeletonLines={10}
        loadingLabel="Loading company"
      >
        {(data) => {
          const company = data.company;
          if (!company) {
            return (
              <EmptyState title="Company not found">
                <p>No company has the identifier “{slug}”.</p>
              </EmptyState>
            );
          }
          const recent = company.recent.edges.map((edge) => edge.node);
          return (
            <div className="subject">
              <div className="subject__main">
                <header className="subject__header">
                  <p className="eyebrow">Company{company.sector ? ` · ${company.sector}` : ''}</p>
                  <h1>{company.name}</h1>
                  {company.description && <p>{company.description}</p>}
                  <dl className="facts">
                    {company.tickers.length > 0 && (
                      <div>
                        <dt>Tickers</dt>
                        <dd>
                          {company.tickers
                            .map((t) => (t.exchange ? `${t.exchange}: ${t.symbol}` : t.symbol))
                            .join(', ')}
                        </dd>
                      </div>
                    )}
                    {company.aliases.length > 0 && (
                      <div>
                        <dt>Also known as</dt>
                        <dd>{company.aliases.join(', ')}</dd>
                      </div>
                    )}
                    {company.legalName && (
                      <div>
                        <dt>Legal name</dt>
                        <dd>{company.legalName}</dd>
                      </div>
                    )}
                    {company.domain && (
                      <div>
                        <dt>Website</dt>
                        <dd>{company.domain}</dd>
                      </div>
                    )}
                  </dl>
                </header>
                <SentimentTrend
                  subject={company.name}
                  buckets={company.sentimentSeries.buckets}
                  meanScore={company.sentimentSeries.meanScore}
                  totalCount={company.sentimentSeries.totalCount}
                  interval={interval}
                  onIntervalChange={setInterval}
                  onSelectPeriod={(start, end) => setFilters({ from: start, to: end })}
                />
                <div className="related-grid">
                  <RelatedList
                    title="Related companies"
                    items={coMentioned(
                      recent.map((a) => a.companies.map((c) => c.company)),
                      company.id,
                    )}
                    path={companyPath}
                  />
                  <RelatedList
                    title="Related topics"
                    items={coMentioned(
                      recent.map((a) => a.topics.map((t) => t.topic)),
                      null,
                    )}
                    path={topicPath}
                  />
                </div>
              </div>
              <div className="subject__feed">
                <ArticleFeed
                  heading={`Articles about ${company.name}`}
                  base={{ companyIds: [company.id] }}
                  hide={{ companies: true }}
                  exportSubject={company.slug}
                />
              </div>
            </div>
          );
        }}
      </QueryState>
    </div>
  );
}
