import {
  AnalyzerFields,
  ArticleHeadlineFields,
  EffectiveAnalysisFields,
  MentionFields,
  SourceNameFields,
} from '../../fragments.js';
import { graphql, type ResultOf } from '../../graphql.js';

export const ReviewQueueQuery = graphql(
  `
    query ReviewQueue($first: Int!) {
      reviewQueue(first: $first) {
        totalCount
        edges {
          node {
            ...ArticleHeadlineFields
            analysis {
              confidence
              sentimentScore
            }
          }
        }
      }
    }
  `,
  [ArticleHeadlineFields],
);

export const AnalysisValuesFields = graphql(`
  fragment AnalysisValuesFields on AnalysisValues {
    sentimentLabel
    sentimentScore
    importance
    summary
    paragraphs
    takeaways
    companies {
      companyId
      company {
        id
        name
      }
      relevance
      sentimentScore
    }
    topics {
      topicId
      topic {
        id
        name
      }
      relevance
    }
  }
`);

export const ReviewResultFields = graphql(
  `
    fragment ReviewResultFields on ReviewResult {
      __typename
      ... on ReviewSuccess {
        version
        reviewStatus
        article {
          id
          reviewStatus
          reviewVersion
        }
      }
      ... on AnalysisConflict {
        currentVersion
        reviewStatus
        lastChangedAt
        lastChangedBy {
          id
          name
        }
        current {
          ...AnalysisValuesFields
        }
        yourValues {
          ...AnalysisValuesFields
        }
      }
    }
  `,
  [AnalysisValuesFields],
);

export const ReviewArticleQuery = graphql(
  `
    query ReviewArticle($id: ID!) {
      article(id: $id) {
        id
        title
        url
        excerpt
        publishedAt
        reviewStatus
        reviewVersion
        source {
          ...SourceNameFields
        }
        analysis {
          ...EffectiveAnalysisFields
        }
        ...MentionFields
        corrections {
          id
          action
          createdAt
          note
          changedFields
          version
          after {
            ...AnalysisValuesFields
          }
          editor {
            id
            name
          }
          analysis {
            id
            analyzer {
              ...AnalyzerFields
            }
            sentimentLabel
            sentimentScore
            importance
            summary
            paragraphs
            takeaways
            companies
            topics
          }
        }
      }
    }
  `,
  [AnalysisValuesFields, AnalyzerFields, EffectiveAnalysisFields, MentionFields, SourceNameFields],
);

export type ReviewArticle = NonNullable<ResultOf<typeof ReviewArticleQuery>['article']>;

export const ApproveMutation = graphql(
  `
    mutation ApproveAnalysis($input: ReviewDecisionInput!) {
      approveAnalysis(input: $input) {
        ...ReviewResultFields
      }
    }
  `,
  [ReviewResultFields],
);

export const RejectMutation = graphql(
  `
    mutation RejectAnalysis($input: ReviewDecisionInput!) {
      rejectAnalysis(input: $input) {
        ...ReviewResultFields
      }
    }
  `,
  [ReviewResultFields],
);

export const CorrectMutation = graphql(
  `
    mutation CorrectAnalysis($input: CorrectAnalysisInput!) {
      correctAnalysis(input: $input) {
        ...ReviewResultFields
      }
    }
  `,
  [ReviewResultFields],
);

export const ReanalyzeMutation = graphql(`
  mutation ReanalyzeArticle($id: ID!) {
    reanalyzeArticle(id: $id) {
      id
      reviewStatus
    }
  }
`);
