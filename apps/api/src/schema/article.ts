import { queryFromInfo } from '@pothos/plugin-prisma';
import type { GraphQLResolveInfo } from 'graphql';

import {
  countArticles,
  EXACT_COUNT_LIMIT,
  findArticlePageRows,
  type ArticleCount,
  type ArticleOrder,
  type ArticleFilter as FeedFilter,
} from '@wirelens/db/repositories';

import { builder, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Arg } from '../builder.js';
import type { Context } from '../context.js';
import { listCost, sizeArgument } from '../http/cost.js';
import { describedEnum, selectRowNode } from '../schema-helpers.js';
import { rowId } from '../validation.js';
import { EffectiveAnalysis, ReviewStatusEnum, SentimentLabelEnum } from './analysis.js';
import {
  ArticleFilterInput,
  articleOrder,
  ArticleOrderEnum,
  parseArticleFilter,
  type ArticleFilterShape,
} from './article-filter.js';
import { watchlistArg, watchlistScopeOf } from './watchlist-scope.js';

export const FullTextStatusEnum = describedEnum(
  'FullTextStatus',
  "Whether the article's full text is available.",
  {
    FROM_FEED: 'The feed carried the full text.',
    PENDING: 'Waiting for the page to be fetched and extracted.',
    EXTRACTED: 'Extracted from the page.',
    FAILED: 'Extraction failed; only the excerpt is available.',
  },
);

export const ArticleCompany = builder.prismaObject('ArticleCompany', {
  select: {},
  description:
    'A company an article is about, with effective (editor-corrected where corrected) relevance and sentiment.',
  fields: (t) => ({
    company: t.relation('company', { description: 'The company.' }),
    relevance: t.exposeFloat('relevance', { description: 'How central the company is to the article, 0–1.' }),
    sentimentScore: t.exposeFloat('sentimentScore', { description: 'Sentiment towards this company, -1–1.' }),
    mentions: t.exposeInt('mentions', { description: 'How many sentences mention it.' }),
    sentences: t.exposeStringList('sentences', {
      description: 'Sentences mentioning the company (from the AI run).',
    }),
  }),
});

export const ArticleTopic = builder.prismaObject('ArticleTopic', {
  select: {},
  description: 'A topic an article is classified under, with effective relevance.',
  fields: (t) => ({
    topic: t.relation('topic', { description: 'The topic.' }),
    relevance: t.exposeFloat('relevance', {
      description: 'How strongly the article is about the topic, 0–1.',
    }),
  }),
});

const RELATED_MAX = 20;

export const Article = builder.prismaNode('Article', {
  // latestAnalysisId: whether the article has an effective analysis (`analysis` is null without one).
  ...selectRowNode({ latestAnalysisId: true }),
  description: 'A news item from a feed, with its effective analysis, companies, topics and review history.',
  fields: (t) => ({
    title: t.exposeString('title', { description: 'Headline.' }),
    url: t.exposeString('url', { description: 'Link to the original ("Read original").' }),
    canonicalUrl: t.exposeString('canonicalUrl', {
      description: 'The URL with tracking parameters removed; unique per article.',
    }),
    author: t.exposeString('author', { nullable: true, description: 'Author as given by the feed.' }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', description: 'Publication time.' }),
    fetchedAt: t.expose('fetchedAt', { type: 'DateTime', description: 'When Wirelens first saw it.' }),
    imageUrl: t.exposeString('imageUrl', { nullable: true, description: 'Lead image URL.' }),
    excerpt: t.exposeString('excerpt', { nullable: true, description: 'Teaser from the feed.' }),
    contentHtml: t.exposeString('contentHtml', {
      nullable: true,
      description: 'Sanitised full text as HTML.',
    }),
    contentText: t.exposeString('contentText', { nullable: true, description: 'Full text as plain text.' }),
    fullTextStatus: t.expose('fullTextStatus', {
      type: FullTextStatusEnum,
      description: 'Full-text availability.',
    }),
    language: t.exposeString('language', { nullable: true, description: 'Language (ISO 639-1).' }),
    source: t.relation('source', { description: 'The feed it came from.' }),
    cluster: t.relation('cluster', {
      nullable: true,
      description: 'The story cluster (same event across sources).',
    }),
    analysis: t.variant(EffectiveAnalysis, {
      description:
        'Effective analysis: the latest AI run overlaid with editor corrections; null until analysed.',
      isNull: (article) => article.latestAnalysisId === null,
    }),
    aiAnalysis: t.relation('latestAnalysis', {
      nullable: true,
      description: 'The latest AI run as the analyzer produced it (no corrections).',
    }),
    analyses: t.relatedConnection('analyses', {
      cursor: 'id',
      maxSize: MAX_PAGE_SIZE,
      defaultSize: DEFAULT_PAGE_SIZE,
      description: 'Every AI run on this article, newest first.',
      query: { orderBy: { id: 'desc' } },
      totalCount: true,
    }),
    reviewStatus: t.expose('reviewStatus', { type: ReviewStatusEnum, description: 'Review state.' }),
    reviewVersion: t.exposeInt('reviewVersion', {
      description: 'Optimistic-lock version; pass as `expectedVersion` to review mutations.',
    }),
    corrections: t.relation('corrections', {
      description: 'Every editor action on this article (corrections, approvals, rejections), oldest first.',
      query: { orderBy: { version: 'asc' } },
    }),
    companies: t.relation('companies', {
      description: 'Companies the article is about (effective), most relevant first.',
      query: { orderBy: [{ relevance: 'desc' }, { companyId: 'asc' }] },
    }),
    topics: t.relation('topics', {
      description: 'Topics (effective), most relevant first.',
      query: { orderBy: [{ relevance: 'desc' }, { topicId: 'asc' }] },
    }),
    sentimentLabel: t.expose('sentimentLabel', {
      type: SentimentLabelEnum,
      nullable: true,
      description: 'Effective sentiment label (shortcut for analysis.sentimentLabel).',
    }),
    importance: t.exposeInt('importance', {
      nullable: true,
      description: 'Effective importance 1–10 (shortcut for analysis.importance).',
    }),
  }),
});

builder.prismaObjectField(Article, 'related', (t) =>
  t.field({
    type: [Article],
    description: `Other articles in the same story cluster, newest first (at most ${RELATED_MAX}).`,
    args: { limit: t.arg.int({ defaultValue: 5, description: `How many (1–${RELATED_MAX}).` }) },
    extensions: listCost((args) => relatedLimit(sizeArgument(args.limit))),
    select: (args, _ctx, nestedSelection) => ({
      cluster: {
        select: {
          articles: nestedSelection({
            take: relatedLimit(args.limit) + 1,
            orderBy: [{ publishedAt: 'desc' as const }, { id: 'desc' as const }],
          }),
        },
      },
    }),
    resolve: (article, args) =>
      (article.cluster?.articles ?? []).filter((a) => a.id !== article.id).slice(0, relatedLimit(args.limit)),
  }),
);

function relatedLimit(limit: number | null | undefined): number {
  return Math.min(Math.max(limit ?? 5, 1), RELATED_MAX);
}

interface ArticleConnectionShape {
  count: () => Promise<ArticleCount>;
}

export const ArticleConnection = builder.connectionObject(
  {
    type: Article,
    name: 'ArticleConnection',
    description: 'A page of articles.',
    fields: (t) => ({
      totalCount: t.int({
        description: `How many articles match the filter (all pages): exact up to ${EXACT_COUNT_LIMIT}, an estimate above (see totalCountIsEstimate).`,
        resolve: async (connection) =>
          (await (connection as unknown as ArticleConnectionShape).count()).count,
      }),
      totalCountIsEstimate: t.boolean({
        description: `True when more than ${EXACT_COUNT_LIMIT} articles match: totalCount is then the database's estimate (show it as "about N"), not an exact count.`,
        resolve: async (connection) =>
          (await (connection as unknown as ArticleConnectionShape).count()).isEstimate,
      }),
    }),
  },
  { name: 'ArticleEdge', description: 'An article and its cursor.' },
);

interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/**
 * The page and its nodes (one statement for a newest-first page filtered on article columns, else
 * the page's ids and then its nodes: see findArticlePageRows), totalCount only when asked for.
 */
export async function resolveArticleConnection(
  ctx: Context,
  info: GraphQLResolveInfo,
  filter: FeedFilter,
  order: ArticleOrder,
  args: ConnectionArgs,
) {
  const { page, rows } = await findArticlePageRows({
    db: ctx.db,
    filter,
    order,
    page: args,
    maxPageSize: MAX_PAGE_SIZE,
    load: queryFromInfo({ context: ctx, info, path: ['edges', 'node'] }),
  });
  let count: Promise<ArticleCount> | null = null;
  const edges = rows.map((node, index) => ({ cursor: page.cursors[index] ?? '', node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    count: () => (count ??= countArticles({ db: ctx.db, filter })),
  };
}

/** Arguments of `Company.articles` and `Topic.articles`. */
export function subjectArticleArgs(arg: Arg) {
  return {
    filter: arg({ type: ArticleFilterInput, required: false, description: 'Further filters (AND).' }),
    orderBy: arg({
      type: ArticleOrderEnum,
      required: false,
      description: 'Order; default PUBLISHED_AT (RELEVANCE with a search).',
    }),
  };
}

/** `Company.articles` / `Topic.articles`: the feed narrowed to one subject. */
export function resolveSubjectArticles(
  ctx: Context,
  info: GraphQLResolveInfo,
  args: ConnectionArgs & {
    filter?: ArticleFilterShape | null;
    orderBy?: ArticleOrder | null;
  },
  subject: Pick<FeedFilter, 'companyIds' | 'topicIds'>,
) {
  const filter = { ...parseArticleFilter(args.filter), ...subject };
  return resolveArticleConnection(ctx, info, filter, articleOrder(args.orderBy, filter), args);
}

builder.queryFields((t) => ({
  articles: t.connection(
    {
      type: Article,
      description: 'The article feed: filter, order, and page through articles (effective values).',
      authScopes: { viewer: true },
      args: {
        filter: t.arg({ type: ArticleFilterInput, required: false, description: 'Filters (AND).' }),
        orderBy: t.arg({
          type: ArticleOrderEnum,
          required: false,
          description: 'Order; default RELEVANCE with a search, else PUBLISHED_AT.',
        }),
        watchlist: watchlistArg(t.arg, 'Only articles on this watchlist of yours (with the filters, AND).'),
      },
      resolve: async (_root, args, ctx, info) => {
        const scope = await watchlistScopeOf(ctx, args.watchlist);
        const filter = { ...parseArticleFilter(args.filter), ...(scope && { anyOf: [scope.filter] }) };
        return resolveArticleConnection(ctx, info, filter, articleOrder(args.orderBy, filter), args);
      },
    },
    ArticleConnection,
  ),
  article: t.prismaField({
    type: 'Article',
    nullable: true,
    description: 'One article by global ID.',
    authScopes: { viewer: true },
    args: { id: t.arg.globalID({ for: Article, required: true, description: 'Article ID.' }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.article.findUnique({ ...query, where: { id: rowId(args.id) } }),
  }),
  reviewQueue: t.connection(
    {
      type: Article,
      description:
        'Analysed articles waiting for review (UNREVIEWED or NEEDS_REREVIEW unless filter.reviewStatuses says otherwise): most important first, then least confident.',
      authScopes: { editor: true },
      args: {
        filter: t.arg({ type: ArticleFilterInput, required: false, description: 'Narrow the queue (AND).' }),
      },
      resolve: (_root, args, ctx, info) => {
        const filter = parseArticleFilter(args.filter);
        return resolveArticleConnection(
          ctx,
          info,
          {
            ...filter,
            reviewStatuses: filter.reviewStatuses ?? ['UNREVIEWED', 'NEEDS_REREVIEW'],
            analyzedOnly: true,
          },
          'REVIEW_PRIORITY',
          args,
        );
      },
    },
    ArticleConnection,
  ),
}));
