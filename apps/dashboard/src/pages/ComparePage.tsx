import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';

import { CompareChart, EmptyState, MAX_COMPARE_SERIES } from '@wirelens/ui';

import { ChartExportButtons } from '../components/ChartExportButtons.js';
import { ChipRow } from '../components/ChipRow.js';
import { CompanyPicker } from '../components/CompanyPicker.js';
import { AddSelect } from '../components/Field.js';
import { IntervalSwitch } from '../components/IntervalSwitch.js';
import { Page } from '../components/Page.js';
import { QueryState } from '../components/QueryState.js';
import { SeriesFields } from '../components/SeriesFields.js';
import { SubjectSummaryTable } from '../components/SubjectSummaryTable.js';
import { graphql, readFragment } from '../graphql.js';
import { EMPTY_FILTERS } from '../hooks/useFeedFilters.js';
import { useRefetchableQuery } from '../hooks/useRefetchableQuery.js';
import { TopicsQuery, useResolvedFilter } from '../hooks/useResolvedFilter.js';
import { granularityOf, useSeriesInterval, windowStart } from '../hooks/useSeriesWindow.js';
import { downloadCsv, exportName, SERIES_COLUMNS } from '../lib/exports.js';
import { companyPath, topicPath } from '../lib/links.js';
import { WatchlistNamesQuery, watchlistOf, WatchlistQuery } from './watchlists/queries.js';

export const CompareQuery = graphql(
  `
    query Compare($companyIds: [ID!], $topicIds: [ID!], $interval: SeriesInterval!, $from: DateTime) {
      sentimentSeries(companyIds: $companyIds, topicIds: $topicIds, interval: $interval, from: $from) {
        ...SeriesFields
      }
    }
  `,
  [SeriesFields],
);

/** Up to five companies or topics on one chart; the selection lives in the URL (`company=…&topic=…`). */
export function ComparePage() {
  const [params, setParams] = useSearchParams();
  const [interval, setInterval] = useSeriesInterval();
  const companySlugs = params.getAll('company');
  const topicSlugs = params.getAll('topic');
  const selectedCount = companySlugs.length + topicSlugs.length;
  const full = selectedCount >= MAX_COMPARE_SERIES;
  // The slug lists are new arrays on every render; their joined text is what identifies the selection.
  const companyKey = companySlugs.join('\n');
  const topicKey = topicSlugs.join('\n');
  const filters = useMemo(
    () => ({
      ...EMPTY_FILTERS,
      companies: companyKey ? companyKey.split('\n') : [],
      topics: topicKey ? topicKey.split('\n') : [],
    }),
    [companyKey, topicKey],
  );
  const resolved = useResolvedFilter(filters);
  const [topicsResult] = useQuery({ query: TopicsQuery });
  const from = useMemo(() => windowStart(interval), [interval]);
  const ready = resolved.filter !== null && resolved.companies.length + resolved.topics.length > 0;
  const [result, refetch] = useRefetchableQuery({
    query: CompareQuery,
    variables: {
      companyIds: resolved.companies.map((c) => c.id),
      topicIds: resolved.topics.map((t) => t.id),
      interval,
      from,
    },
    pause: !ready,
  });
  const figure = useRef<HTMLElement>(null);
  const startedFrom = useStartFromWatchlist(selectedCount === 0);

  const update = (key: 'company' | 'topic', values: string[]) =>
    void setParams((current) => {
      const next = new URLSearchParams(current);
      next.delete(key);
      for (const value of values) next.append(key, value);
      return next;
    });

  const chipsOf = (
    key: 'company' | 'topic',
    slugs: string[],
    known: readonly { slug: string; name: string }[],
  ) =>
    slugs.map((slug) => ({
      key: `${key}:${slug}`,
      label: known.find((item) => item.slug === slug)?.name ?? slug,
      remove: () =>
        update(
          key,
          slugs.filter((other) => other !== slug),
        ),
    }));
  const chosen = [
    ...chipsOf('company', companySlugs, resolved.companies),
    ...chipsOf('topic', topicSlugs, resolved.topics),
  ];

  return (
    <Page title="Compare sentiment">
      <section className="filters" aria-label="Subjects to compare">
        <div className="filters__grid">
          {!full && (
            <CompanyPicker
              label="Add a company"
              exclude={companySlugs}
              onPick={(company) => update('company', [...companySlugs, company.slug])}
            />
          )}
          {!full && (
            <AddSelect
              label="Add a topic"
              prompt="Choose a topic…"
              options={(topicsResult.data?.topics ?? [])
                .filter((topic) => !topicSlugs.includes(topic.slug))
                .map((topic) => ({ value: topic.slug, label: topic.name }))}
              onAdd={(slug) => update('topic', [...topicSlugs, slug])}
            />
          )}
          <IntervalSwitch value={interval} onChange={setInterval} />
        </div>
        <p className="muted small">
          {selectedCount} of {MAX_COMPARE_SERIES} subjects{full ? ' — remove one to add another.' : '.'}
        </p>
        {chosen.length > 0 && <ChipRow label="Compared subjects" chips={chosen} />}
        {startedFrom && selectedCount > 0 && (
          <p className="muted small">Started from your watchlist “{startedFrom}”.</p>
        )}
        {resolved.unknown.length > 0 && <p className="notice">Not found: {resolved.unknown.join(', ')}.</p>}
      </section>
      {!ready && !resolved.error && selectedCount === 0 ? (
        <EmptyState title="Choose what to compare">
          <p>Add up to {MAX_COMPARE_SERIES} companies or topics to see their sentiment on one chart.</p>
        </EmptyState>
      ) : (
        <QueryState
          result={resolved.error ? { data: undefined, error: resolved.error, fetching: false } : result}
          retry={refetch}
          skeletonLines={8}
          loadingLabel="Loading series"
        >
          {(data) => {
            const series = data.sentimentSeries.map((item) => readFragment(SeriesFields, item));
            const nameOf = (item: (typeof series)[number]) =>
              item.company?.name ?? item.topic?.name ?? item.subjectId;
            return (
              <section className="panel" aria-label="Comparison">
                <ChartExportButtons
                  target={figure}
                  filename={exportName('comparison', 'png')}
                  onCsv={() =>
                    downloadCsv(
                      series.flatMap((item) =>
                        item.buckets.map((bucket) => ({ ...bucket, subject: nameOf(item) })),
                      ),
                      SERIES_COLUMNS,
                      exportName(`comparison-${interval.toLowerCase()}`, 'csv'),
                    )
                  }
                />
                <CompareChart
                  ref={figure}
                  series={series.map((item) => ({ name: nameOf(item), buckets: item.buckets }))}
                  granularity={granularityOf(interval)}
                  title={`Mean sentiment per ${interval.toLowerCase()}`}
                />
                <SubjectSummaryTable
                  caption="Coverage and mean sentiment in this window"
                  rows={series.map((item) => ({
                    id: item.subjectId,
                    name: nameOf(item),
                    href: item.company ? companyPath(item.company.slug) : topicPath(item.topic?.slug ?? ''),
                    meanScore: item.meanScore,
                    totalCount: item.totalCount,
                  }))}
                />
              </section>
            );
          }}
        </QueryState>
      )}
    </Page>
  );
}

/**
 * An empty compare page starts from the user's first watchlist (its companies, then its topics, up to the
 * chart's limit) instead of a blank panel; once only, so removing every subject by hand leaves the page
 * empty. Returns the list's name once it has been used.
 */
function useStartFromWatchlist(empty: boolean): string | null {
  const [, setParams] = useSearchParams();
  const [names] = useQuery({ query: WatchlistNamesQuery, pause: !empty });
  const firstId = names.data?.watchlists[0]?.id;
  const [first] = useQuery({
    query: WatchlistQuery,
    variables: { id: firstId ?? '' },
    pause: !empty || !firstId,
  });
  const [startedFrom, setStartedFrom] = useState<string | null>(null);
  const decided = useRef(!empty);
  useEffect(() => {
    if (decided.current || !names.data) return;
    const list = firstId ? watchlistOf(first.data) : null;
    if (firstId && !first.data) return;
    decided.current = true;
    if (!list) return;
    const subjects = [
      ...list.companies.map((company) => ['company', company.slug] as const),
      ...list.topics.map((topic) => ['topic', topic.slug] as const),
    ].slice(0, MAX_COMPARE_SERIES);
    if (subjects.length === 0) return;
    setStartedFrom(list.name);
    void setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, slug] of subjects) next.append(key, slug);
        return next;
      },
      { replace: true },
    );
  }, [names.data, firstId, first.data, setParams]);
  return startedFrom;
}
