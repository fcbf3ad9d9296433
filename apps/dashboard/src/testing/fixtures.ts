/** Plain GraphQL result data, shaped like the API's answers, for the mocked client. */

export const NVIDIA = { id: 'Q29tcGFueToxMg==', slug: 'nvidia', name: 'NVIDIA' };
export const AI_TOPIC = { id: 'VG9waWM6MQ==', slug: 'ai', name: 'AI' };

export function cardNode(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Article',
    id: 'QXJ0aWNsZTox',
    title: 'Chip export rules tighten',
    url: 'https://news.example.com/chips',
    excerpt: 'New controls on advanced chips.',
    publishedAt: '2026-11-26T10:00:00.000Z',
    importance: 7,
    sentimentLabel: 'BEARISH',
    reviewStatus: 'UNREVIEWED',
    source: {
      __typename: 'Source',
      id: 'U291cmNlOjE=',
      title: 'Example Wire',
      url: 'https://news.example.com/feed',
    },
    analysis: { __typename: 'EffectiveAnalysis', sentimentScore: -0.62, correctedFields: [] },
    companies: [
      {
        __typename: 'ArticleCompany',
        relevance: 0.9,
        sentimentScore: -0.7,
        company: { __typename: 'Company', ...NVIDIA },
      },
    ],
    topics: [{ __typename: 'ArticleTopic', topic: { __typename: 'Topic', ...AI_TOPIC } }],
    ...overrides,
  };
}

export function feedData(
  nodes: ReturnType<typeof cardNode>[],
  { hasNextPage = false, totalCount = nodes.length, totalCountIsEstimate = false } = {},
) {
  return {
    articles: {
      __typename: 'ArticleConnection',
      totalCount,
      totalCountIsEstimate,
      pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: hasNextPage ? 'cursor-1' : null },
      edges: nodes.map((node) => ({ __typename: 'ArticleEdge', cursor: `c-${node.id}`, node })),
    },
  };
}

export const topicsData = {
  topics: [
    { __typename: 'Topic', ...AI_TOPIC, description: 'Artificial intelligence', kind: 'TAXONOMY' },
    {
      __typename: 'Topic',
      id: 'VG9waWM6Ng==',
      slug: 'regulation-policy',
      name: 'Regulation & policy',
      description: null,
      kind: 'TAXONOMY',
    },
  ],
};

export const sourceOptionsData = {
  sources: {
    __typename: 'QuerySourcesConnection',
    edges: [
      {
        __typename: 'QuerySourcesConnectionEdge',
        node: {
          __typename: 'Source',
          id: 'U291cmNlOjE=',
          title: 'Example Wire',
          url: 'https://news.example.com/feed',
        },
      },
    ],
  },
};

export const buckets = [
  {
    __typename: 'SentimentBucket',
    start: '2026-11-24T00:00:00.000Z',
    meanScore: 0.2,
    count: 3,
    bullish: 2,
    neutral: 1,
    bearish: 0,
  },
  {
    __typename: 'SentimentBucket',
    start: '2026-11-25T00:00:00.000Z',
    meanScore: -0.4,
    count: 5,
    bullish: 0,
    neutral: 1,
    bearish: 4,
  },
];

/** `sentimentSeries` (SeriesFields) for NVIDIA and the AI topic, each with `totalCount` articles. */
export function seriesData(counts: { company: number; topic: number }) {
  return {
    sentimentSeries: [
      {
        subjectId: NVIDIA.id,
        subject: 'COMPANY',
        meanScore: -0.1,
        totalCount: counts.company,
        company: NVIDIA,
        topic: null,
        buckets,
      },
      {
        subjectId: AI_TOPIC.id,
        subject: 'TOPIC',
        meanScore: 0.1,
        totalCount: counts.topic,
        company: null,
        topic: AI_TOPIC,
        buckets,
      },
    ],
  };
}

/** Handlers every page with a feed needs besides its own query. */
export const feedSupport = {
  Topics: { data: topicsData },
  SourceOptions: { data: sourceOptionsData },
  CompanyBySlug: { data: { company: { __typename: 'Company', ...NVIDIA } } },
};

export const WATCHLIST_ID = 'V2F0Y2hsaXN0OjE=';

/** A list as WatchlistFields answers it: NVIDIA, AI and a saved search. */
export const watchlistData = {
  __typename: 'Watchlist',
  id: WATCHLIST_ID,
  name: 'Chips',
  companies: [{ __typename: 'Company', ...NVIDIA }],
  topics: [{ __typename: 'Topic', ...AI_TOPIC }],
  savedFilters: [
    {
      __typename: 'SavedFilter',
      id: 'U2F2ZWRGaWx0ZXI6MQ==',
      name: 'export curbs',
      feedQuery: 'q=export+curbs',
      search: 'export curbs',
    },
  ],
};

/** Handlers for the user's lists: WatchlistNames and each list by ID (WatchlistQuery). */
export function watchlistHandlers(list: typeof watchlistData | null = watchlistData) {
  return {
    WatchlistNames: { data: { watchlists: list ? [{ id: list.id, name: list.name }] : [] } },
    Watchlist: { data: { node: list } },
  };
}

/**
 * The API's answer to a correction when Olga saved version 5 of the analysis meanwhile: `current` is what she
 * saved, `yourValues` what the editor sent.
 */
export function analysisConflict(
  current: Record<string, unknown> | null,
  yourValues: Record<string, unknown>,
) {
  return {
    correctAnalysis: {
      __typename: 'AnalysisConflict',
      currentVersion: 5,
      reviewStatus: 'APPROVED',
      lastChangedAt: '2026-11-26T12:00:00.000Z',
      lastChangedBy: { id: 'VXNlcjo5', name: 'Olga' },
      current,
      yourValues,
    },
  };
}
