import type { InputObjectRef } from '@pothos/core';
import { z } from 'zod';

import { parseInput } from '@wirelens/core';
import {
  SEARCH_CANDIDATES,
  type ArticleOrder,
  type ArticleFilter as FeedFilter,
} from '@wirelens/db/repositories';

import { builder, type BuilderTypes } from '../builder.js';
import { describedEnum } from '../schema-helpers.js';
import { rowIds } from '../validation.js';
import { ReviewStatusEnum, SentimentLabelEnum } from './analysis.js';
import { Company } from './company.js';
import { Source } from './source.js';
import { Topic } from './topic.js';

export const ArticleOrderEnum = describedEnum('ArticleOrder', 'Feed order.', {
  PUBLISHED_AT: 'Newest first.',
  IMPORTANCE: 'Most important first, then newest.',
  RELEVANCE: `Best full-text match first (needs filter.search): headline matches, then standfirst matches, then the rest by match density. Ranks the newest ${SEARCH_CANDIDATES} matches; order by PUBLISHED_AT or narrow the dates to reach older ones.`,
});

/** A decoded global ID (`t.globalIDList({ for })`). */
interface GlobalId {
  typename: string;
  id: string;
}

/**
 * What the filter arrives as. Written out because the ID lists name Company, Topic and Source,
 * whose own types include fields taking this filter: TypeScript cannot infer that cycle.
 */
export interface ArticleFilterShape {
  companyIds?: GlobalId[] | null;
  topicIds?: GlobalId[] | null;
  sentiments?: (typeof SentimentLabelEnum.$inferInput)[] | null;
  minScore?: number | null;
  maxScore?: number | null;
  minImportance?: number | null;
  sourceIds?: GlobalId[] | null;
  languages?: string[] | null;
  publishedAfter?: Date | null;
  publishedBefore?: Date | null;
  reviewStatuses?: (typeof ReviewStatusEnum.$inferInput)[] | null;
  search?: string | null;
}

export const ArticleFilterInput: InputObjectRef<BuilderTypes, ArticleFilterShape> = builder.inputType(
  'ArticleFilter',
  {
    description: 'Feed filters. Every given filter must match; list filters match any of their values.',
    fields: (t) => ({
      companyIds: t.globalIDList({
        for: Company,
        required: false,
        description: 'Articles about any of these companies.',
      }),
      topicIds: t.globalIDList({
        for: Topic,
        required: false,
        description: 'Articles under any of these topics.',
      }),
      sentiments: t.field({
        type: [SentimentLabelEnum],
        required: false,
        description: 'Effective sentiment label is one of these.',
      }),
      minScore: t.float({ required: false, description: 'Effective sentiment score ≥ this (-1–1).' }),
      maxScore: t.float({ required: false, description: 'Effective sentiment score ≤ this (-1–1).' }),
      minImportance: t.int({ required: false, description: 'Effective importance ≥ this (1–10).' }),
      sourceIds: t.globalIDList({ for: Source, required: false, description: 'From any of these sources.' }),
      languages: t.stringList({ required: false, description: 'Language is one of these ISO 639-1 codes.' }),
      publishedAfter: t.field({
        type: 'DateTime',
        required: false,
        description: 'Published at or after this instant.',
      }),
      publishedBefore: t.field({
        type: 'DateTime',
        required: false,
        description: 'Published before this instant.',
      }),
      reviewStatuses: t.field({
        type: [ReviewStatusEnum],
        required: false,
        description: 'Review state is one of these.',
      }),
      search: t.string({
        required: false,
        description:
          'Full-text search (PostgreSQL, English stemming): words (all must match), "a phrase" (words in that order), semicond* (any word starting so), -exclude, or.',
      }),
    }),
  },
);

const filterSchema = z.object({
  companyIds: z.array(z.number()).max(50, 'at most 50 companies').optional(),
  topicIds: z.array(z.number()).max(50, 'at most 50 topics').optional(),
  sourceIds: z.array(z.number()).max(200, 'at most 200 sources').optional(),
  sentiments: z.array(z.string()).optional().nullable(),
  minScore: z
    .number()
    .min(-1, 'must be between -1 and 1')
    .max(1, 'must be between -1 and 1')
    .optional()
    .nullable(),
  maxScore: z
    .number()
    .min(-1, 'must be between -1 and 1')
    .max(1, 'must be between -1 and 1')
    .optional()
    .nullable(),
  minImportance: z
    .number()
    .int()
    .min(1, 'must be between 1 and 10')
    .max(10, 'must be between 1 and 10')
    .optional()
    .nullable(),
  languages: z
    .array(z.string().regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code like "en"'))
    .max(20)
    .optional()
    .nullable(),
  search: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(200, 'must be at most 200 characters')
    .optional()
    .nullable(),
});

/** GraphQL filter → repository filter (global IDs decoded, ranges checked). */
export function parseArticleFilter(
  filter: ArticleFilterShape | null | undefined,
  field = 'filter',
): FeedFilter {
  if (!filter) return {};
  const decoded = {
    companyIds: rowIds(filter.companyIds),
    topicIds: rowIds(filter.topicIds),
    sourceIds: rowIds(filter.sourceIds),
  };
  parseInput(filterSchema, { ...filter, ...decoded }, field);
  return {
    ...decoded,
    sentiments: filter.sentiments ?? null,
    minScore: filter.minScore ?? null,
    maxScore: filter.maxScore ?? null,
    minImportance: filter.minImportance ?? null,
    languages: filter.languages ?? null,
    publishedAfter: filter.publishedAfter ?? null,
    publishedBefore: filter.publishedBefore ?? null,
    reviewStatuses: filter.reviewStatuses ?? null,
    search: filter.search?.trim() || null,
  };
}

/** The feed's order when none is asked for: best match for a search, newest first otherwise. */
export function articleOrder(
  orderBy: ArticleOrder | null | undefined,
  filter: Pick<FeedFilter, 'search'>,
): ArticleOrder {
  return orderBy ?? (filter.search ? 'RELEVANCE' : 'PUBLISHED_AT');
}
