import { graphql } from '../graphql.js';

export const SeriesFields = graphql(`
  fragment SeriesFields on SentimentSeries {
    subjectId
    subject
    meanScore
    totalCount
    company {
      id
      slug
      name
    }
    topic {
      id
      slug
      name
    }
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
