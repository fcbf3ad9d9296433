import { useEffect, useMemo, useState } from 'react';
import { useClient, useQuery, type CombinedError } from 'urql';

import { graphql } from '../graphql.js';
import { fromInstant, toInstant, type FeedFilters } from './useFeedFilters.js';
import type { ArticleFilterInput } from './usePagedArticles.js';

export const TopicsQuery = graphql(`
  query Topics {
    topics {
      id
      slug
      name
      description
      kind
    }
  }
`);

export const CompanyBySlugQuery = graphql(`
  query CompanyBySlug($slug: String!) {
    company(slug: $slug) {
      id
      slug
      name
    }
  }
`);

export interface NamedRef {
  id: string;
  slug: string;
  name: string;
}

export interface ResolvedFilter {
  /** Null until the slugs in the URL have been turned into IDs. */
  filter: ArticleFilterInput | null;
  companies: NamedRef[];
  topics: NamedRef[];
  /** Slugs in the URL that name nothing (e.g. a stale shared link). */
  unknown: string[];
  /**
   * The URL asks for companies or topics of which none exist. The API reads an empty ID list as "no filter",
   * so sending it would widen the feed to everything; the caller shows "no match" instead.
   */
  impossible: boolean;
  error: CombinedError | undefined;
}

/**
 * The URL names companies and topics by slug (readable, stable links); the API filters by global ID. Topics
 * come from the one cached topic list; each company slug is looked up once and cached by urql.
 */
export function useResolvedFilter(filters: FeedFilters, base: ArticleFilterInput = {}): ResolvedFilter {
  const client = useClient();
  const [topicsResult] = useQuery({ query: TopicsQuery, pause: filters.topics.length === 0 });
  const slugKey = filters.companies.join('\n');
  const [companyLookup, setCompanyLookup] = useState<{
    key: string;
    found: NamedRef[];
    missing: string[];
    error?: CombinedError;
  }>({ key: '', found: [], missing: [] });

  useEffect(() => {
    if (slugKey === '') return;
    let current = true;
    const slugs = slugKey.split('\n');
    void Promise.all(slugs.map((slug) => client.query(CompanyBySlugQuery, { slug }).toPromise())).then(
      (results) => {
        if (!current) return;
        const error = results.find((result) => result.error)?.error;
        const found = results.flatMap((result) => (result.data?.company ? [result.data.company] : []));
        const missing = slugs.filter((_, index) => results[index]?.data && !results[index].data.company);
        setCompanyLookup({ key: slugKey, found, missing, error });
      },
    );
    return () => {
      current = false;
    };
  }, [client, slugKey]);

  const baseKey = JSON.stringify(base);
  return useMemo(() => {
    const companiesReady = slugKey === '' || companyLookup.key === slugKey;
    const topicsReady = filters.topics.length === 0 || Boolean(topicsResult.data);
    const topics = (topicsResult.data?.topics ?? []).filter((topic) => filters.topics.includes(topic.slug));
    const unknownTopics = topicsResult.data
      ? filters.topics.filter((slug) => !topics.some((topic) => topic.slug === slug))
      : [];
    const companies = slugKey === '' ? [] : companyLookup.found;
    const error = topicsResult.error ?? (companiesReady && slugKey !== '' ? companyLookup.error : undefined);
    if (!companiesReady || !topicsReady) {
      return { filter: null, companies, topics, unknown: [], impossible: false, error };
    }
    const filter: ArticleFilterInput = { ...(JSON.parse(baseKey) as ArticleFilterInput) };
    if (filters.companies.length > 0) filter.companyIds = companies.map((company) => company.id);
    if (filters.topics.length > 0) filter.topicIds = topics.map((topic) => topic.id);
    if (filters.sentiments.length > 0) filter.sentiments = filters.sentiments;
    if (filters.minImportance !== null) filter.minImportance = filters.minImportance;
    if (filters.sources.length > 0) filter.sourceIds = filters.sources;
    const after = fromInstant(filters.from);
    const before = toInstant(filters.to);
    if (after) filter.publishedAfter = after;
    if (before) filter.publishedBefore = before;
    if (filters.q) filter.search = filters.q;
    return {
      filter,
      companies,
      topics,
      unknown: [...(slugKey === '' ? [] : companyLookup.missing), ...unknownTopics],
      impossible:
        (filters.companies.length > 0 && companies.length === 0) ||
        (filters.topics.length > 0 && topics.length === 0),
      error,
    };
  }, [filters, topicsResult.data, topicsResult.error, companyLookup, slugKey, baseKey]);
}
