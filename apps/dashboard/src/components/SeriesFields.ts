import { graphql } from '../graphql.js';
import { CompanyRefFields, TopicRefFields, TrendFields } from '../fragments.js';

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
