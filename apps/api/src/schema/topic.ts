import { builder } from '../builder.js';
import { listCost } from '../http/cost.js';
import { describedEnum, selectRowNode } from '../schema-helpers.js';
import { subjectFields } from './subject-fields.js';

export const TopicKindEnum = describedEnum('TopicKind', 'Where a topic comes from.', {
  TAXONOMY: 'Part of the fixed, documented taxonomy.',
  EDITOR: 'Added by an editor.',
});

export const Topic = builder.prismaNode('Topic', {
  ...selectRowNode(),
  description: 'A subject articles are classified under (e.g. AI, earnings, regulation & policy).',
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable identifier, e.g. "regulation-policy".' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    description: t.exposeString('description', { nullable: true, description: 'What the topic covers.' }),
    kind: t.expose('kind', { type: TopicKindEnum, description: 'Taxonomy or editor-defined.' }),
  }),
});

subjectFields('Topic', {
  articles: 'Articles under this topic (same filters and order as `Query.articles`).',
  sentimentSeries: "This topic's sentiment series.",
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
