import { useEffect, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';

import { SENTIMENT_LABELS, sentimentLabelText } from '@wirelens/ui';

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
import { CompanyPicker } from './CompanyPicker.js';
import { Field } from './Field.js';

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
        <Field label="Search articles">
          <input
            type="search"
            value={text}
            placeholder='Words, "a phrase", -exclude'
            onChange={(event) => setText(event.target.value)}
          />
        </Field>
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
          <fieldset className="field sentiments">
            <legend>Sentiment</legend>
            {SENTIMENT_LABELS.map((label) => (
              <label key={label} className="check">
                <input
                  type="checkbox"
                  checked={filters.sentiments.includes(label)}
                  onChange={(event) =>
                    onChange({
                      sentiments: event.target.checked
                        ? [...filters.sentiments, label]
                        : filters.sentiments.filter((item) => item !== label),
                    })
                  }
                />
                {sentimentLabelText(label)}
              </label>
            ))}
          </fieldset>
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
            <Field label="Add topic">
              <select
                value=""
                onChange={(event) => {
                  if (event.target.value) onChange({ topics: [...filters.topics, event.target.value] });
                }}
              >
                <option value="">Choose a topic…</option>
                {topicOptions.map((topic) => (
                  <option key={topic.id} value={topic.slug}>
                    {topic.name}
                  </option>
                ))}
              </select>
            </Field>
          )}
          {sources.length > 0 && (
            <Field label="Add source">
              <select
                value=""
                onChange={(event) => {
                  if (event.target.value) onChange({ sources: [...filters.sources, event.target.value] });
                }}
              >
                <option value="">Choose a source…</option>
                {sources
                  .filter((source) => !filters.sources.includes(source.id))
                  .map((source) => (
                    <option key={source.id} value={source.id}>
                      {sourceName(source)}
                    </option>
                  ))}
              </select>
            </Field>
          )}
          <Field label="From">
            <input
              type="date"
              value={dateInputValue(filters.from)}
              onChange={(event) => onChange({ from: event.target.value || null })}
            />
          </Field>
          <Field label="To">
            <input
              type="date"
              value={lastDayInputValue(filters.to)}
              onChange={(event) => onChange({ to: event.target.value || null })}
            />
          </Field>
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
          <ul className="chip-row" aria-label="Active filters">
            {active.map((item) => (
              <li key={item.key}>
                <button
                  type="button"
                  className="filter-chip"
                  aria-label={`Remove filter ${item.label}`}
                  onClick={item.remove}
                >
                  {item.label} <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="button button--ghost" onClick={() => onChange(EMPTY_FILTERS)}>
            Clear all filters
          </button>
        </div>
      )}
    </section>
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
