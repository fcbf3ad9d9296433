import { builder } from '../builder.js';
import { listCost } from '../http/cost.js';
import { describedEnum, rowNode } from '../schema-helpers.js';
import { Article, ArticleConnection, resolveSubjectArticles, subjectArticleArgs } from './article.js';
import { SentimentSeries, seriesArgs, subjectSeries } from './series.js';

export const TopicKindEnum = describedEnum('TopicKind', 'Where a topic comes from.', {
  TAXONOMY: 'Part of the fixed, documented taxonomy.',
  EDITOR: 'Added by an editor.',
});

export const Topic = builder.prismaNode('Topic', {
  ...rowNode,
  select: { id: true },
  description: 'A subject articles are classified under (e.g. AI, earnings, regulation & policy).',
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable identifier, e.g. "regulation-policy".' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    description: t.exposeString('description', { nullable: true, description: 'What the topic covers.' }),
    kind: t.expose('kind', { type: TopicKindEnum, description: 'Taxonomy or editor-defined.' }),
    articles: t.connection(
      {
        type: Article,
        description: 'Articles under this topic (same filters and order as `Query.articles`).',
        args: subjectArticleArgs(t.arg),
        resolve: (topic, args, ctx, info) =>
          resolveSubjectArticles(ctx, info, args, { topicIds: [topic.id] }),
      },
      ArticleConnection,
    ),
    sentimentSeries: t.field({
      type: SentimentSeries,
      description: "This topic's sentiment series.",
      args: seriesArgs(t.arg),
      resolve: (topic, args, ctx) => subjectSeries(ctx, 'TOPIC', topic.id, args),
    }),
  }),
});

builder.queryFields((t) => ({
  topics: t.prismaField({
    type: ['Topic'],
    description: 'Every topic, taxonomy first, then by name.',
    authScopes: { viewer: true },
    // About the size of the built-in taxonomy.
    extensions: listCost(() => 25),
    resolve: (query, _parent, _args, ctx) =>
      ctx.db.topic.findMany({ ...query, orderBy: [{ kind: 'desc' }, { name: 'asc' }] }),
  }),
  topic: t.prismaField({
    type: 'Topic',
    nullable: true,
    description: 'One topic by slug.',
    authScopes: { viewer: true },
    args: { slug: t.arg.string({ required: true, description: 'Topic slug.' }) },
    resolve: (query, _parent, args, ctx) => ctx.db.topic.findUnique({ ...query, where: { slug: args.slug } }),
  }),
}));
