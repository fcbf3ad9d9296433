import { builder, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../builder.js';
import { rowNode } from '../schema-helpers.js';

export const StoryCluster = builder.prismaNode('StoryCluster', {
  ...rowNode,
  description:
    'Articles about the same event across sources (the basis of related articles and coverage counts).',
  fields: (t) => ({
    title: t.exposeString('title', { description: 'Title of the first article.' }),
    firstSeenAt: t.expose('firstSeenAt', { type: 'DateTime', description: 'When the story was first seen.' }),
    lastSeenAt: t.expose('lastSeenAt', { type: 'DateTime', description: 'When the story was last seen.' }),
    articleCount: t.exposeInt('articleCount', { description: 'Articles in the cluster.' }),
    sourceCount: t.exposeInt('sourceCount', { description: 'Distinct sources covering the story.' }),
    articles: t.relatedConnection('articles', {
      cursor: 'id',
      maxSize: MAX_PAGE_SIZE,
      defaultSize: DEFAULT_PAGE_SIZE,
      description: 'Articles in the cluster, oldest first.',
      query: { orderBy: [{ publishedAt: 'asc' }, { id: 'asc' }] },
      totalCount: true,
    }),
  }),
});
