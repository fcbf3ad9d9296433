import { CompanyRefFields, TopicRefFields, TrendFields } from '../fragments.js';
import { graphql } from '../graphql.js';

export const SeriesFields = graphql(
  `
    fragment SeriesFields on SentimentSeries {
      subjectId
      subject
      ...TrendFields
      company {
        ...CompanyRefFields
      }
      topic {
        ...TopicRefFields
      }
    }
  `,
  [TrendFields, CompanyRefFields, TopicRefFields],
);
