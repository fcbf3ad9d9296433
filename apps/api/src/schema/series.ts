import { encodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';

import { invalidInput, parseInput } from '@wirelens/core';
import {
  bucketSpan,
  loadSentimentSeries,
  loadTopMovers,
  type Mover,
  type SeriesBucket,
  type SeriesResult,
} from '@wirelens/db/repositories';

import { builder, type Arg } from '../builder.js';
import type { Context } from '../context.js';
import { listCost, sizeArgument } from '../http/cost.js';
import { describedEnum, optionalRowReference, rowReference } from '../schema-helpers.js';
import { rowIds } from '../validation.js';
import { Company } from './company.js';
import { Topic } from './topic.js';
import { watchlistArg, watchlistScopeOf } from './watchlist-scope.js';

/** At most this many buckets per series, and subjects per request. */
export const MAX_SERIES_BUCKETS = 1100;
export const MAX_SERIES_SUBJECTS = 20;

export const SeriesIntervalEnum = describedEnum(
  'SeriesInterval',
  'Bucket size of a series (UTC; weeks start on Monday).',
  {
    HOUR: 'One hour.',
    DAY: 'One UTC day.',
    WEEK: 'One ISO week.',
  },
);

export const SeriesSubjectEnum = describedEnum('SeriesSubject', 'What a series is about.', {
  COMPANY: 'A company.',
  TOPIC: 'A topic.',
});

export const SentimentBucket = builder.objectRef<SeriesBucket>('SentimentBucket').implement({
  description:
    'Aggregated effective sentiment of the articles published in one bucket (rejected articles excluded). Bullish = Somewhat-Bullish + Bullish, bearish = Somewhat-Bearish + Bearish.',
  fields: (t) => ({
    // Exposed rather than resolved: graphql-jit reads a field without a resolver in place, where a
    // resolver is a call per bucket.
    start: t.expose('start', { type: 'DateTime', description: 'Start of the bucket (UTC).' }),
    meanScore: t.exposeFloat('meanScore', { description: 'Mean effective sentiment score, -1–1.' }),
    count: t.exposeInt('count', { description: 'Number of articles.' }),
    bullish: t.exposeInt('bullish', { description: 'Articles labelled Somewhat-Bullish or Bullish.' }),
    neutral: t.exposeInt('neutral', { description: 'Articles labelled Neutral.' }),
    bearish: t.exposeInt('bearish', { description: 'Articles labelled Somewhat-Bearish or Bearish.' }),
  }),
});

export const SentimentSeries = builder.objectRef<SeriesResult>('SentimentSeries').implement({
  description: 'A sentiment time series for one company or topic. Only non-empty buckets are listed.',
  fields: (t) => ({
    subject: t.expose('subject', { type: SeriesSubjectEnum, description: 'Company or topic.' }),
    // Encoded here rather than through t.globalID, whose resolver is async: one promise per series
    // keeps graphql-js waiting on the microtask queue behind all of the series' buckets.
    subjectId: t.id({
      description: 'Global ID of the company or topic.',
      resolve: (s) => encodeGlobalID(s.subject === 'COMPANY' ? 'Company' : 'Topic', s.subjectId),
    }),
    company: optionalRowReference(t, 'Company', 'The company, for company series.', (s) =>
      s.subject === 'COMPANY' ? s.subjectId : null,
    ),
    topic: optionalRowReference(t, 'Topic', 'The topic, for topic series.', (s) =>
      s.subject === 'TOPIC' ? s.subjectId : null,
    ),
    totalCount: t.int({
      description: 'Articles over the whole range.',
      resolve: (s) => s.buckets.reduce((n, b) => n + b.count, 0),
    }),
    meanScore: t.float({
      nullable: true,
      description: 'Mean score over the whole range; null without articles.',
      resolve: (s) => {
        const n = s.buckets.reduce((sum, b) => sum + b.count, 0);
        return n === 0 ? null : s.buckets.reduce((sum, b) => sum + b.scoreSum, 0) / n;
      },
    }),
    buckets: t.expose('buckets', {
      type: [SentimentBucket],
      description: 'Non-empty buckets in time order.',
    }),
  }),
});

export interface SeriesArgs {
  interval: 'HOUR' | 'DAY' | 'WEEK';
  from?: Date | null;
  to?: Date | null;
}

const DEFAULT_RANGE_MS = { HOUR: 2 * 86_400_000, DAY: 90 * 86_400_000, WEEK: 365 * 86_400_000 } as const;

/** Checks the range and bucket count; defaults: `to` = now, `from` = a typical window before it. */
export function seriesRange(args: SeriesArgs, field = ''): { from: Date; to: Date } {
  const to = args.to ?? new Date();
  const from = args.from ?? new Date(to.getTime() - DEFAULT_RANGE_MS[args.interval]);
  const prefix = field ? `${field}.` : '';
  if (from >= to) throw invalidInput([{ field: `${prefix}from`, message: 'must be before `to`' }]);
  if (bucketSpan(args.interval, from, to) > MAX_SERIES_BUCKETS) {
    throw invalidInput([
      {
        field: `${prefix}from`,
        message: `the range spans more than ${MAX_SERIES_BUCKETS} ${args.interval.toLowerCase()} buckets`,
      },
    ]);
  }
  return { from, to };
}

/** Arguments of `Company.sentimentSeries` and `Topic.sentimentSeries`. */
export function seriesArgs(arg: Arg) {
  return {
    interval: arg({ type: SeriesIntervalEnum, required: true, description: 'Bucket size.' }),
    from: arg({ type: 'DateTime', required: false, description: 'Start (rounded down to its bucket).' }),
    to: arg({ type: 'DateTime', required: false, description: 'End (exclusive); default now.' }),
  };
}

/** One company's or topic's series. */
export async function subjectSeries(
  ctx: Context,
  subject: 'COMPANY' | 'TOPIC',
  subjectId: number,
  args: SeriesArgs,
): Promise<SeriesResult> {
  const [series] = await loadSentimentSeries({
    db: ctx.db,
    subjects: [{ subject, subjectId }],
    interval: args.interval,
    ...seriesRange(args),
  });
  return series as SeriesResult;
}

const TopMover = builder.objectRef<Mover>('TopMover').implement({
  description: 'A company whose mean sentiment moved between two consecutive windows.',
  fields: (t) => ({
    company: rowReference(t, 'Company', 'The company.', (m) => m.companyId),
    currentMeanScore: t.exposeFloat('currentMean', { description: 'Mean score in the latest window.' }),
    previousMeanScore: t.exposeFloat('previousMean', { description: 'Mean score in the window before.' }),
    change: t.exposeFloat('change', { description: 'currentMeanScore − previousMeanScore.' }),
    currentCount: t.exposeInt('currentCount', { description: 'Articles in the latest window.' }),
    previousCount: t.exposeInt('previousCount', { description: 'Articles in the window before.' }),
  }),
});

const MoverWindowEnum = describedEnum('MoverWindow', 'Window length for top movers.', {
  DAY: '24 hours (hour buckets).',
  WEEK: '7 days.',
  MONTH: '30 days.',
});

export const MAX_MOVERS = 50;
const DEFAULT_MOVERS = 10;

function lengthOf(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

builder.queryFields((t) => ({
  sentimentSeries: t.field({
    type: [SentimentSeries],
    description: `Sentiment series, one per requested company and topic (in the order asked), from effective values. At most ${MAX_SERIES_SUBJECTS} subjects and ${MAX_SERIES_BUCKETS} buckets per series.`,
    authScopes: { viewer: true },
    args: {
      companyIds: t.arg.globalIDList({ for: Company, required: false, description: 'Company global IDs.' }),
      topicIds: t.arg.globalIDList({ for: Topic, required: false, description: 'Topic global IDs.' }),
      interval: t.arg({ type: SeriesIntervalEnum, required: true, description: 'Bucket size.' }),
      from: t.arg({
        type: 'DateTime',
        required: false,
        description: 'Start (rounded down to its bucket); default: a typical window before `to`.',
      }),
      to: t.arg({ type: 'DateTime', required: false, description: 'End (exclusive); default now.' }),
      watchlist: watchlistArg(
        t.arg,
        `Also one series per company and topic on this watchlist of yours (companies first; at most ${MAX_SERIES_SUBJECTS} subjects in all).`,
      ),
    },
    extensions: listCost((args) =>
      args.watchlist ? MAX_SERIES_SUBJECTS : Math.max(1, lengthOf(args.companyIds) + lengthOf(args.topicIds)),
    ),
    resolve: async (_root, args, ctx) => {
      const scope = await watchlistScopeOf(ctx, args.watchlist);
      const asked = { companyIds: rowIds(args.companyIds) ?? [], topicIds: rowIds(args.topicIds) ?? [] };
      // A watchlist's subjects come after the ones asked for by id, cut to what fits.
      const room = Math.max(0, MAX_SERIES_SUBJECTS - asked.companyIds.length - asked.topicIds.length);
      const moreCompanies = (scope?.companyIds ?? [])
        .filter((id) => !asked.companyIds.includes(id))
        .slice(0, room);
      const moreTopics = (scope?.topicIds ?? [])
        .filter((id) => !asked.topicIds.includes(id))
        .slice(0, room - moreCompanies.length);
      const companyIds = [...asked.companyIds, ...moreCompanies];
      const topicIds = [...asked.topicIds, ...moreTopics];
      // An empty watchlist has no series; asking for nothing at all is a mistake.
      if (companyIds.length + topicIds.length === 0 && scope) return [];
      if (companyIds.length + topicIds.length === 0)
        throw invalidInput([{ field: 'companyIds', message: 'ask for at least one company or topic' }]);
      if (companyIds.length + topicIds.length > MAX_SERIES_SUBJECTS) {
        throw invalidInput([
          { field: 'companyIds', message: `at most ${MAX_SERIES_SUBJECTS} companies and topics together` },
        ]);
      }
      const range = seriesRange(args);
      return loadSentimentSeries({
        db: ctx.db,
        subjects: [
          ...companyIds.map((subjectId) => ({ subject: 'COMPANY' as const, subjectId })),
          ...topicIds.map((subjectId) => ({ subject: 'TOPIC' as const, subjectId })),
        ],
        interval: args.interval,
        ...range,
      });
    },
  }),
  topMovers: t.field({
    type: [TopMover],
    description:
      'Confirmed companies whose mean sentiment changed most between the latest window and the one before (largest absolute change first).',
    authScopes: { viewer: true },
    args: {
      window: t.arg({ type: MoverWindowEnum, required: true, description: 'Window length.' }),
      limit: t.arg.int({ defaultValue: DEFAULT_MOVERS, description: `How many (1–${MAX_MOVERS}).` }),
      minArticles: t.arg.int({ defaultValue: 3, description: 'Minimum articles in each window (1–1000).' }),
      asOf: t.arg({
        type: 'DateTime',
        required: false,
        description: 'End of the latest window; default now.',
      }),
      watchlist: watchlistArg(t.arg, 'Only companies on this watchlist of yours.'),
    },
    extensions: listCost((args) => sizeArgument(args.limit) ?? DEFAULT_MOVERS),
    resolve: async (_root, args, ctx) => {
      const scope = await watchlistScopeOf(ctx, args.watchlist);
      const parsed = parseInput(
        z.object({
          limit: z.number().int().min(1).max(MAX_MOVERS),
          minArticles: z.number().int().min(1).max(1000),
        }),
        { limit: args.limit ?? DEFAULT_MOVERS, minArticles: args.minArticles ?? 3 },
        '',
      );
      return loadTopMovers({
        db: ctx.db,
        window: args.window,
        asOf: args.asOf ?? new Date(),
        companyIds: scope?.companyIds,
        ...parsed,
      });
    },
  }),
}));
