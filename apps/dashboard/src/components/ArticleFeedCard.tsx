import { ArticleCard, type ArticleCardData, type ReviewStatus } from '@wirelens/ui';

import { ArticleHeadlineFields, MentionFields } from '../fragments.js';
import { graphql, readFragment, type FragmentOf } from '../graphql.js';
import { articlePath, companyPath, topicPath } from '../lib/links.js';
import { RouterLink } from './RouterLink.js';

export const ArticleCardFields = graphql(
  `
    fragment ArticleCardFields on Article {
      ...ArticleHeadlineFields
      url
      excerpt
      analysis {
        sentimentScore
        correctedFields
      }
      ...MentionFields
    }
  `,
  [ArticleHeadlineFields, MentionFields],
);

export type ArticleCardFragment = FragmentOf<typeof ArticleCardFields>;

/** A feed without a title still needs a name for its source; the feed's host is the next best thing. */
export function sourceName(source: { title: string | null; url: string }): string {
  if (source.title) return source.title;
  try {
    return new URL(source.url).hostname;
  } catch {
    return source.url;
  }
}

/** Approved with editor changes reads "Corrected", so readers can tell confirmed AI values from edited ones. */
export function reviewStatusOf(
  status: ReviewStatus,
  correctedFields: readonly string[] | undefined,
): ReviewStatus {
  return status === 'APPROVED' && correctedFields && correctedFields.length > 0 ? 'CORRECTED' : status;
}

export function toCardData(fragment: ArticleCardFragment): ArticleCardData {
  const article = readFragment(ArticleCardFields, fragment);
  return {
    id: article.id,
    title: article.title,
    href: articlePath(article.id),
    source: { name: sourceName(article.source) },
    publishedAt: article.publishedAt,
    excerpt: article.excerpt,
    sentiment: article.sentimentLabel
      ? { label: article.sentimentLabel, score: article.analysis?.sentimentScore ?? null }
      : null,
    importance: article.importance,
    companies: article.companies.map((item) => ({
      id: item.company.id,
      name: item.company.name,
      href: companyPath(item.company.slug),
      sentiment: item.sentimentScore,
      relevance: item.relevance,
    })),
    topics: article.topics.map((item) => ({
      id: item.topic.id,
      name: item.topic.name,
      href: topicPath(item.topic.slug),
    })),
    // Before analysis there is nothing to review, so no mark rather than a misleading "not reviewed".
    review: article.analysis
      ? { status: reviewStatusOf(article.reviewStatus, article.analysis.correctedFields) }
      : null,
  };
}

export function ArticleFeedCard({ article, now }: { article: ArticleCardFragment; now?: Date }) {
  return <ArticleCard article={toCardData(article)} linkComponent={RouterLink} now={now} headingLevel={3} />;
}
