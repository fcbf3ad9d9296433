import { SubjectPage } from '../components/SubjectPage.js';
import { RecentMentionsFields, TrendFields } from '../fragments.js';
import { graphql } from '../graphql.js';

export const TopicPageQuery = graphql(
  `
    query TopicPage($slug: String!, $interval: SeriesInterval!, $from: DateTime) {
      topic(slug: $slug) {
        id
        slug
        name
        description
        kind
        sentimentSeries(interval: $interval, from: $from) {
          ...TrendFields
        }
        recent: articles(first: 50) {
          ...RecentMentionsFields
        }
      }
    }
  `,
  [TrendFields, RecentMentionsFields],
);

export function TopicPage() {
  return (
    <SubjectPage
      kind="topic"
      query={TopicPageQuery}
      select={(data) => data.topic}
      eyebrow={(topic) => `Topic · ${topic.kind === 'TAXONOMY' ? 'taxonomy' : 'editor-defined'}`}
    />
  );
}
