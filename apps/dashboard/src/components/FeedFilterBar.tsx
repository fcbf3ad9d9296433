import { useEffect, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';

import { graphql } from '../graphql.js';
import {
  dateInputValue,
  EMPTY_FILTERS,
  hasActiveFilters,
  lastDayInputValue,
  type FeedFilters,
} from '../hooks/useFeedFilters.js';
import { TopicsQuery, type NamedRef } from '../hooks/useResolvedFilter.js';
import { sourceName } from './ArticleFeedCard.js';
import { ChipRow } from './ChipRow.js';
import { CompanyPicker } from './CompanyPicker.js';
import { AddSelect, Field, TextField } from './Field.js';
import { SentimentChecks } from './SentimentChecks.js';

export const SourceOptionsQuery = graphql(`
  query SourceOptions {
    sources(first: 100) {
      edges {
        node {
          id
          title
          url
        }
      }
    }
  }
`);

export interface FeedFilterBarProps {
  filters: FeedFilters;
  onChange: (patch: Partial<FeedFilters>, options?: { replace?: boolean }) => void;
  /** Names of the companies and topics in the URL, for the "active filter" chips. */
  companies: readonly NamedRef[];
  topics: readonly NamedRef[];
  /** Filters fixed by the page (a company page's own company) are not offered. */
  hide?: { companies?: boolean; topics?: boolean };
}

/** Every feed filter as a labelled control; each change goes straight into the URL. */
export function FeedFilterBar({ filters, onChange, companies, topics, hide = {} }: FeedFilterBarProps) {
  const [topicsResult] = useQuery({ query: TopicsQuery });
  const [sourcesResult] = useQuery({ query: SourceOptionsQuery });
  const [text, setText] = useState(filters.q);
  // Back/forward and shared links change `q` from outside; the box follows.
  useEffect(() => setText(filters.q), [filters.q]);

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    onChange({ q: text.trim() });
  };
  const sources = sourcesResult.data?.sources.edges.map((edge) => edge.node) ?? [];
  const topicOptions = (topicsResult.data?.topics ?? []).filter(
    (topic) => !filters.topics.includes(topic.slug),
  );
  const sourceLabel = (id: string) => {
    const source = sources.find((item) => item.id === id);
    return source ? sourceName(source) : 'Unknown source';
  };

  const active: { key: string; label: string; remove: () => void }[] = [
    ...filters.companies.map((slug) => ({
      key: `company:${slug}`,
      label: `Company: ${companies.find((c) => c.slug === slug)?.name ?? slug}`,
      remove: () => onChange({ companies: filters.companies.filter((item) => item !== slug) }),
    })),
    ...filters.topics.map((slug) => ({
      key: `topic:${slug}`,
      label: `Topic: ${topics.find((t) => t.slug === slug)?.name ?? slug}`,
      remove: () => onChange({ topics: filters.topics.filter((item) => item !== slug) }),
    })),
    ...filters.sources.map((id) => ({
      key: `source:${id}`,
      label: `Source: ${sourceLabel(id)}`,
      remove: () => onChange({ sources: filters.sources.filter((item) => item !== id) }),
    })),
    ...(filters.from || filters.to
      ? [
          {
            key: 'dates',
            label: `Dates: ${filters.from ? shortTime(filters.from) : '…'} – ${filters.to ? shortTime(filters.to) : '…'}`,
            remove: () => onChange({ from: null, to: null }),
          },
        ]
      : []),
    ...(filters.q ? [{ key: 'q', label: `Search: “${filters.q}”`, remove: () => onChange({ q: '' }) }] : []),
  ];

  return (
    <section className="filters" aria-label="Feed filters">
      <form className="filters__search" role="search" onSubmit={submitSearch}>
        <TextField
          label="Search articles"
          type="search"
          value={text}
          placeholder='Words, "a phrase", -exclude'
          onChange={setText}
        />
        <button type="submit" className="button">
          Search
        </button>
      </form>
      <details className="filters__more" open={openByDefault()}>
        <summary>
          Filters
          {active.length + filters.sentiments.length + (filters.minImportance !== null ? 1 : 0) > 0 &&
            ` (${active.length + filters.sentiments.length + (filters.minImportance !== null ? 1 : 0)} active)`}
        </summary>
        <div className="filters__grid">
          <SentimentChecks
            legend="Sentiment"
            value={filters.sentiments}
            onChange={(sentiments) => onChange({ sentiments })}
          />
          <Field label="Minimum importance">
            <select
              value={filters.minImportance ?? ''}
              onChange={(event) =>
                onChange({ minImportance: event.target.value ? Number(event.target.value) : null })
              }
            >
              <option value="">Any</option>
              {Array.from({ length: 10 }, (_, index) => index + 1).map((value) => (
                <option key={value} value={value}>
                  {value}+
                </option>
              ))}
            </select>
          </Field>
          {!hide.topics && (
            <AddSelect
              label="Add topic"
              prompt="Choose a topic…"
              options={topicOptions.map((topic) => ({ value: topic.slug, label: topic.name }))}
              onAdd={(slug) => onChange({ topics: [...filters.topics, slug] })}
            />
          )}
          {sources.length > 0 && (
            <AddSelect
              label="Add source"
              prompt="Choose a source…"
              options={sources
                .filter((source) => !filters.sources.includes(source.id))
                .map((source) => ({ value: source.id, label: sourceName(source) }))}
              onAdd={(id) => onChange({ sources: [...filters.sources, id] })}
            />
          )}
          <DateField
            label="From"
            value={dateInputValue(filters.from)}
            onChange={(from) => onChange({ from })}
          />
          <DateField label="To" value={lastDayInputValue(filters.to)} onChange={(to) => onChange({ to })} />
          {!hide.companies && (
            <CompanyPicker
              exclude={filters.companies}
              onPick={(company) => onChange({ companies: [...filters.companies, company.slug] })}
            />
          )}
        </div>
      </details>
      {hasActiveFilters(filters) && (
        <div className="filters__active">
          <ChipRow label="Active filters" chips={active} removeText="Remove filter" />
          <button type="button" className="button button--ghost" onClick={() => onChange(EMPTY_FILTERS)}>
            Clear all filters
          </button>
        </div>
      )}
    </section>
  );
}

/** A day picker; clearing it gives null. */
function DateField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (day: string | null) => void;
}) {
  return (
    <Field label={label}>
      <input type="date" value={value} onChange={(event) => onChange(event.target.value || null)} />
    </Field>
  );
}

/** Open on wide screens; on a phone the filters would push every article below the fold. */
function openByDefault(): boolean {
  return typeof window.matchMedia !== 'function' || window.matchMedia('(min-width: 600px)').matches;
}

function shortTime(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? value
    : new Date(value).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}
