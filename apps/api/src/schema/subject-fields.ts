import { builder } from '../builder.js';
import { Article, ArticleConnection, resolveSubjectArticles, subjectArticleArgs } from './article.js';
import { SentimentSeries, seriesArgs, subjectSeries } from './series.js';

/**
 * `articles` and `sentimentSeries` of a company or a topic: the feed (same filters and order as
 * `Query.articles`) and the sentiment series, narrowed to that one subject.
 */
export function subjectFields(
  model: 'Company' | 'Topic',
  descriptions: { articles: string; sentimentSeries: string },
) {
  const subject = model === 'Company' ? 'COMPANY' : 'TOPIC';
  builder.prismaObjectFields(model, (t) => ({
    articles: t.connection(
      {
        type: Article,
        description: descriptions.articles,
        args: subjectArticleArgs(t.arg),
        resolve: (row, args, ctx, info) =>
          resolveSubjectArticles(
            ctx,
            info,
            args,
            subject === 'COMPANY' ? { companyIds: [row.id] } : { topicIds: [row.id] },
          ),
      },
      ArticleConnection,
    ),
    sentimentSeries: t.field({
      type: SentimentSeries,
      description: descriptions.sentimentSeries,
      args: seriesArgs(t.arg),
      resolve: (row, args, ctx) => subjectSeries(ctx, subject, row.id, args),
    }),
  }));
}
