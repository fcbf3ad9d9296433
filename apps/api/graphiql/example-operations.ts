/**
 * Saved example operations shown as tabs in /graphiql. Paste your API token into the Headers
 * pane as {"Authorization": "Bearer wl_pat_…"} (or sign in to the dashboard on this origin).
 */
export const exampleOperations = [
  {
    query: `# Live: articles as the pipeline analyses them (over WebSocket), here the bearish ones of importance 6+.
# Press run and leave the tab open; each analysed article that matches arrives as a new result.
subscription Live($filter: ArticleFilter) {
  articleAnalyzed(filter: $filter) {
    id title url publishedAt sentimentLabel importance
    source { title }
  }
}`,
    variables: JSON.stringify(
      { filter: { minImportance: 6, sentiments: ['BEARISH', 'SOMEWHAT_BEARISH'] } },
      null,
      2,
    ),
  },
  {
    query: `# The feed: newest articles about a company and topic, with a minimum importance.
# Find IDs with the "Companies" tab (company.id) and "Topics" tab (topic.id).
query Feed($filter: ArticleFilter, $after: String) {
  articles(first: 20, after: $after, filter: $filter, orderBy: PUBLISHED_AT) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        id title url publishedAt author imageUrl
        source { title siteUrl }
        analysis { sentimentLabel sentimentScore importance summary reviewStatus correctedFields }
        companies { relevance sentimentScore company { name slug } }
        topics { topic { slug name } }
      }
    }
  }
}`,
    variables: JSON.stringify(
      { filter: { minImportance: 6, sentiments: ['BEARISH', 'SOMEWHAT_BEARISH'] } },
      null,
      2,
    ),
  },
  {
    query: `# One company's daily sentiment over a year: mean score, volume and bullish/neutral/bearish split.
query CompanySeries($slug: String!, $from: DateTime, $to: DateTime) {
  company(slug: $slug) {
    id name tickers { symbol exchange }
    sentimentSeries(interval: DAY, from: $from, to: $to) {
      totalCount meanScore
      buckets { start meanScore count bullish neutral bearish }
    }
  }
}`,
    variables: JSON.stringify(
      { slug: 'nvidia', from: '2025-11-01T00:00:00Z', to: '2026-11-01T00:00:00Z' },
      null,
      2,
    ),
  },
  {
    query: `# Compare companies (and topics) in one request: one series per subject, weekly.
query Compare($companyIds: [ID!], $topicIds: [ID!]) {
  sentimentSeries(companyIds: $companyIds, topicIds: $topicIds, interval: WEEK) {
    subject company { name } topic { name }
    totalCount meanScore
    buckets { start meanScore count }
  }
}`,
    variables: JSON.stringify({ companyIds: ['Q29tcGFueTox', 'Q29tcGFueToy'], topicIds: [] }, null, 2),
  },
  {
    query: `# Full-text search (English stemming; "phrases", -exclusions, or), best match first.
query Search($q: String!) {
  articles(first: 10, filter: { search: $q }, orderBy: RELEVANCE) {
    totalCount
    edges { node { title publishedAt source { title } analysis { sentimentLabel importance } } }
  }
}`,
    variables: JSON.stringify({ q: '"export controls" chips -smartphone' }, null, 2),
  },
  {
    query: `# Editors: the review queue, most important and least confident first.
query ReviewQueue {
  reviewQueue(first: 20) {
    totalCount
    edges {
      node {
        id title reviewStatus reviewVersion
        analysis { sentimentLabel sentimentScore confidence importance summary }
        aiAnalysis { analyzer { name version model } }
        corrections { action version note editor { name } createdAt }
      }
    }
  }
}`,
  },
  {
    query: `# Editors: correct fields of an analysis. Pass the reviewVersion you loaded; a stale one
# returns AnalysisConflict with the current values instead of overwriting them.
mutation Correct($input: CorrectAnalysisInput!) {
  correctAnalysis(input: $input) {
    __typename
    ... on ReviewSuccess { version reviewStatus article { analysis { sentimentLabel importance correctedFields } } }
    ... on AnalysisConflict { currentVersion current { sentimentLabel importance } lastChangedBy { name } lastChangedAt }
  }
}`,
    variables: JSON.stringify(
      {
        input: {
          articleId: 'QXJ0aWNsZTox',
          expectedVersion: 1,
          importance: 8,
          note: 'Export ban is material',
        },
      },
      null,
      2,
    ),
  },
  {
    query: `# Companies in the registry, searchable by name, alias or ticker.
query Companies($search: String) {
  companies(search: $search, first: 10) {
    totalCount
    edges { node { id name slug sector tickers { symbol exchange } aliases } }
  }
}`,
    variables: JSON.stringify({ search: 'nvidia' }, null, 2),
  },
  {
    query: `# The topic taxonomy, and who you are.
query TopicsAndMe {
  topics { id slug name description kind }
  me { email role }
  topMovers(window: WEEK, limit: 5) { company { name } previousMeanScore currentMeanScore change }
}`,
  },
];
