import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

import { SENTIMENT_LABELS, type ChartPeriod, type SentimentLabel } from '@wirelens/ui';

/** The feed's filters as they appear in the URL, so a view can be bookmarked and shared. */
export interface FeedFilters {
  /** Company slugs. */
  companies: string[];
  /** Topic slugs. */
  topics: string[];
  sentiments: SentimentLabel[];
  minImportance: number | null;
  /** Source global IDs. */
  sources: string[];
  /** A date (YYYY-MM-DD, whole UTC day) or an instant (ISO, e.g. a chart bucket's start). */
  from: string | null;
  /** A date (inclusive day) or an instant (exclusive). */
  to: string | null;
  q: string;
}

export const EMPTY_FILTERS: FeedFilters = {
  companies: [],
  topics: [],
  sentiments: [],
  minImportance: null,
  sources: [],
  from: null,
  to: null,
  q: '',
};

const KEYS = ['company', 'topic', 'sentiment', 'minImportance', 'source', 'from', 'to', 'q'] as const;

const isSentiment = (value: string): value is SentimentLabel =>
  (SENTIMENT_LABELS as readonly string[]).includes(value);

export function parseFeedFilters(params: URLSearchParams): FeedFilters {
  const importance = Number(params.get('minImportance'));
  return {
    companies: params.getAll('company').filter(Boolean),
    topics: params.getAll('topic').filter(Boolean),
    sentiments: params.getAll('sentiment').filter(isSentiment),
    minImportance: Number.isInteger(importance) && importance >= 1 && importance <= 10 ? importance : null,
    sources: params.getAll('source').filter(Boolean),
    from: validTime(params.get('from')),
    to: validTime(params.get('to')),
    q: params.get('q')?.trim() ?? '',
  };
}

function validTime(value: string | null): string | null {
  if (!value) return null;
  return Number.isNaN(Date.parse(value)) ? null : value;
}

/** Writes the filters into `params`, keeping unrelated parameters (e.g. a chart's interval) as they are. */
export function writeFeedFilters(params: URLSearchParams, filters: FeedFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of KEYS) next.delete(key);
  for (const slug of filters.companies) next.append('company', slug);
  for (const slug of filters.topics) next.append('topic', slug);
  for (const label of filters.sentiments) next.append('sentiment', label);
  if (filters.minImportance !== null) next.set('minImportance', String(filters.minImportance));
  for (const id of filters.sources) next.append('source', id);
  if (filters.from) next.set('from', filters.from);
  if (filters.to) next.set('to', filters.to);
  if (filters.q) next.set('q', filters.q);
  return next;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** `from` as an instant: a bare date means the start of that UTC day. */
export function fromInstant(from: string | null): string | null {
  if (!from) return null;
  return DATE_ONLY.test(from) ? `${from}T00:00:00.000Z` : new Date(from).toISOString();
}

/** `to` as an exclusive instant: a bare date includes that whole UTC day. */
export function toInstant(to: string | null): string | null {
  if (!to) return null;
  if (!DATE_ONLY.test(to)) return new Date(to).toISOString();
  const end = new Date(`${to}T00:00:00.000Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return end.toISOString();
}

/** The date part for a date input: "2026-11-20" from either form. */
export function dateInputValue(value: string | null): string {
  if (!value) return '';
  return DATE_ONLY.test(value) ? value : new Date(value).toISOString().slice(0, 10);
}

/**
 * The last day `to` includes, for the "To" date input: a bare date is inclusive, an instant is an exclusive end
 * (a day bucket clicked in a chart ends at the next midnight, which is not part of it).
 */
export function lastDayInputValue(to: string | null): string {
  if (!to) return '';
  return DATE_ONLY.test(to) ? to : new Date(Date.parse(to) - 1).toISOString().slice(0, 10);
}

/** The filters' date range as a chart period of instants (for shading), or null without one. */
export function periodOf(filters: Pick<FeedFilters, 'from' | 'to'>): ChartPeriod | null {
  return filters.from || filters.to ? { from: fromInstant(filters.from), to: toInstant(filters.to) } : null;
}

export function hasActiveFilters(filters: FeedFilters): boolean {
  return writeFeedFilters(new URLSearchParams(), filters).toString() !== '';
}

/** Feed filters read from and written to the URL's query string. */
export function useFeedFilters(): [
  FeedFilters,
  (patch: Partial<FeedFilters>, options?: { replace?: boolean }) => void,
] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFeedFilters(params), [params]);
  const update = useCallback(
    (patch: Partial<FeedFilters>, options?: { replace?: boolean }) => {
      void setParams((current) => writeFeedFilters(current, { ...parseFeedFilters(current), ...patch }), {
        replace: options?.replace,
        // Filtering should not scroll the page back to the top while the user works the controls.
        preventScrollReset: true,
      });
    },
    [setParams],
  );
  return [filters, update];
}
