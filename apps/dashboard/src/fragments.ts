import { graphql } from './graphql.js';

// Selections several documents share. `@_unmask` (gql.tada, stripped before sending) keeps them plain fields,
// so pages read them directly instead of through readFragment.

export const CompanyRefFields = graphql(`
  fragment CompanyRefFields on Company @_unmask {
    id
    slug
    name
  }
`);

export const TopicRefFields = graphql(`
  fragment TopicRefFields on Topic @_unmask {
    id
    slug
    name
  }
`);

/** What an alert rule watches: one of a watchlist, a company or a topic (or a saved filter, selected apart). */
export const AlertRuleTargetFields = graphql(`
  fragment AlertRuleTargetFields on AlertRule @_unmask {
    watchlist {
      id
      name
    }
    company {
      slug
      name
    }
    topic {
      slug
      name
    }
  }
`);

export const SourceNameFields = graphql(`
  fragment SourceNameFields on Source @_unmask {
    title
    url
  }
`);

export const TrendFields = graphql(`
  fragment TrendFields on SentimentSeries @_unmask {
    meanScore
    totalCount
    buckets {
      start
      meanScore
      count
      bullish
      neutral
      bearish
    }
  }
`);

/** An article's companies and topics with their relevance: the chips on article and review pages. */
export const MentionFields = graphql(
  `
    fragment MentionFields on Article @_unmask {
      companies {
        relevance
        sentimentScore
        company {
          ...CompanyRefFields
        }
      }
      topics {
        relevance
        topic {
          ...TopicRefFields
        }
      }
    }
  `,
  [CompanyRefFields, TopicRefFields],
);

export const AnalyzerFields = graphql(`
  fragment AnalyzerFields on AnalyzerInfo @_unmask {
    name
    version
    model
  }
`);

/** The effective analysis as the article and review pages show it, with its provenance. */
export const EffectiveAnalysisFields = graphql(
  `
    fragment EffectiveAnalysisFields on EffectiveAnalysis @_unmask {
      analyzer {
        ...AnalyzerFields
      }
      analyzedAt
      confidence
      correctedFields
      importance
      paragraphs
      reviewStatus
      sentimentLabel
      sentimentScore
      summary
      takeaways
    }
  `,
  [AnalyzerFields],
);

/** Which companies and topics a subject's recent articles mention, for its "related" lists. */
export const RecentMentionsFields = graphql(
  `
    fragment RecentMentionsFields on ArticleConnection @_unmask {
      edges {
        node {
          id
          companies {
            company {
              ...CompanyRefFields
            }
          }
          topics {
            topic {
              ...TopicRefFields
            }
          }
        }
      }
    }
  `,
  [CompanyRefFields, TopicRefFields],
);

/** What an article's headline row shows: in feed cards and the review queue. */
export const ArticleHeadlineFields = graphql(
  `
    fragment ArticleHeadlineFields on Article @_unmask {
      id
      title
      publishedAt
      importance
      sentimentLabel
      reviewStatus
      source {
        id
        ...SourceNameFields
      }
    }
  `,
  [SourceNameFields],
);
