import { useMemo, type ReactNode } from 'react';
import { useParams } from 'react-router';
import type { TypedDocumentNode } from 'urql';

import { EmptyState } from '@wirelens/ui';

import type { RecentMentionsFields, TrendFields } from '../fragments.js';
import type { ResultOf } from '../graphql.js';
import { periodOf, useFeedFilters } from '../hooks/useFeedFilters.js';
import { useRefetchableQuery } from '../hooks/useRefetchableQuery.js';
import { useSeriesInterval, windowStart, type SeriesInterval } from '../hooks/useSeriesWindow.js';
import { companyPath, topicPath } from '../lib/links.js';
import { coMentioned } from '../lib/related.js';
import { ArticleFeed } from './ArticleFeed.js';
import { QueryState } from './QueryState.js';
import { RelatedList } from './RelatedList.js';
import { SentimentTrend } from './SentimentTrend.js';

/** What a company or topic page needs from its query, whatever else the kind adds. */
export interface SubjectData {
  id: string;
  slug: string;
  name: string;
  sentimentSeries: ResultOf<typeof TrendFields>;
  recent: ResultOf<typeof RecentMentionsFields>;
}

export type SubjectVariables = { slug: string; interval: SeriesInterval; from: string | null };

/** How company and topic pages differ beyond their own header. */
const KINDS = {
  company: {
    title: 'Company',
    companiesTitle: 'Related companies',
    feedHeading: (name: string) => `Articles about ${name}`,
    base: (id: string) => ({ companyIds: [id] }),
    hide: { companies: true },
  },
  topic: {
    title: 'Topic',
    companiesTitle: 'Companies in this topic',
    feedHeading: (name: string) => `Articles on ${name}`,
    base: (id: string) => ({ topicIds: [id] }),
    hide: { topics: true },
  },
};

export interface SubjectPageProps<Data, Subject extends SubjectData> {
  kind: keyof typeof KINDS;
  query: TypedDocumentNode<Data, SubjectVariables>;
  /** The subject in the answer; null when the slug names none. */
  select: (data: Data) => Subject | null;
  /** The line above the name, e.g. "Company · Energy". */
  eyebrow: (subject: Subject) => string;
  /** Anything the header shows below the description. */
  facts?: (subject: Subject) => ReactNode;
}

/** A company's or topic's page: header, sentiment trend, related subjects and its feed. */
export function SubjectPage<Data, Subject extends SubjectData & { description: string | null }>({
  kind,
  query,
  select,
  eyebrow,
  facts,
}: SubjectPageProps<Data, Subject>) {
  const config = KINDS[kind];
  const { slug = '' } = useParams();
  const [interval, setInterval] = useSeriesInterval();
  const [filters, setFilters] = useFeedFilters();
  // URL dates are whole days; the chart compares instants.
  const selectedPeriod = useMemo(
    () => periodOf({ from: filters.from, to: filters.to }),
    [filters.from, filters.to],
  );
  const from = useMemo(() => windowStart(interval), [interval]);
  const [result, retry] = useRefetchableQuery({ query, variables: { slug, interval, from } });
  return (
    <div className="page">
      <QueryState result={result} retry={retry} skeletonLines={10} loadingLabel={`Loading ${kind}`}>
        {(data) => {
          const subject = select(data);
          if (!subject) {
            return (
              <EmptyState title={`${config.title} not found`}>
                <p>
                  No {kind} has the identifier “{slug}”.
                </p>
              </EmptyState>
            );
          }
          const recent = subject.recent.edges.map((edge) => edge.node);
          return (
            <div className="subject">
              <div className="subject__main">
                <header className="subject__header">
                  <p className="eyebrow">{eyebrow(subject)}</p>
                  <h1>{subject.name}</h1>
                  {subject.description && <p>{subject.description}</p>}
                  {facts?.(subject)}
                </header>
                <SentimentTrend
                  subject={subject.name}
                  buckets={subject.sentimentSeries.buckets}
                  meanScore={subject.sentimentSeries.meanScore}
                  totalCount={subject.sentimentSeries.totalCount}
                  interval={interval}
                  onIntervalChange={setInterval}
                  onSelectPeriod={(start, end) => setFilters({ from: start, to: end })}
                  selectedPeriod={selectedPeriod}
                />
                <div className="related-grid">
                  <RelatedList
                    title={config.companiesTitle}
                    items={coMentioned(
                      recent.map((a) => a.companies.map((c) => c.company)),
                      kind === 'company' ? subject.id : null,
                    )}
                    path={companyPath}
                  />
                  <RelatedList
                    title="Related topics"
                    items={coMentioned(
                      recent.map((a) => a.topics.map((t) => t.topic)),
                      kind === 'topic' ? subject.id : null,
                    )}
                    path={topicPath}
                  />
                </div>
              </div>
              <div className="subject__feed">
                <ArticleFeed
                  heading={config.feedHeading(subject.name)}
                  base={config.base(subject.id)}
                  hide={config.hide}
                  exportSubject={subject.slug}
                />
              </div>
            </div>
          );
        }}
      </QueryState>
    </div>
  );
}
