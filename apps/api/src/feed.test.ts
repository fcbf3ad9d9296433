import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  editorCorrects,
  globalId,
  insertArticle,
  startTestApi,
  type GraphqlResponse,
  type TestApi,
} from './testing/harness.js';

let api: TestApi;

interface Row {
  id: number;
  title: string;
  publishedAt: Date;
  sourceId: number;
  language: string;
  score: number | null;
  label: string | null;
  importance: number | null;
  confidence: number | null;
  reviewStatus: string;
  companyIds: number[];
  topicIds: number[];
}

let rows: Row[] = [];
const WORDS = [
  'chip export controls',
  'quarterly earnings beat',
  'antitrust lawsuit filed',
  'merger talks collapse',
  'battery factory opens',
];

function labelOf(score: number): string {
  return score <= -0.35
    ? 'BEARISH'
    : score <= -0.15
      ? 'SOMEWHAT_BEARISH'
      : score < 0.15
        ? 'NEUTRAL'
        : score < 0.35
          ? 'SOMEWHAT_BULLISH'
          : 'BULLISH';
}

beforeAll(async () => {
  api = await startTestApi();
  const second = await api.db.source.create({
    data: { url: 'https://other.example.org/rss', title: 'Other Wire', language: 'de' },
  });
  const companyIds = Object.values(api.ids.companies);
  const topicSlugs = ['ai', 'earnings', 'regulation-policy', 'energy'];
  // A deterministic spread over sources, languages, companies, topics, scores and importance.
  for (let i = 0; i < 36; i += 1) {
    const analysed = i % 9 !== 8;
    const score = Math.round((((i * 37) % 21) / 10 - 1) * 100) / 100;
    const sourceId = i % 3 === 0 ? second.id : api.ids.sourceId;
    const id = await insertArticle(api, {
      title: `${WORDS[i % WORDS.length] ?? ''} number ${i}`,
      excerpt: i % 4 === 0 ? 'Regulators and chip makers react.' : 'Markets move.',
      publishedAt: new Date(Date.UTC(2026, 0, 1 + (i % 17), (i * 5) % 24)),
      sourceId,
      language: sourceId === second.id ? 'de' : 'en',
      analysis: analysed
        ? {
            score,
            confidence: ((i * 13) % 10) / 10,
            importance: 1 + ((i * 7) % 10),
            companies: companyIds.filter((_, k) => (i + k) % 3 === 0).map((cid) => ({ id: cid })),
            topics: topicSlugs.filter((_, k) => (i + k) % 2 === 0).map((slug) => ({ slug })),
          }
        : undefined,
    });
    if (i % 7 === 0 && analysed) {
      // Some editor corrections: the feed filters on effective values.
      await editorCorrects(api, id, { importance: 10 });
    }
  }
  const stored = await api.db.article.findMany({ include: { companies: true, topics: true } });
  rows = stored.map((a) => ({
    id: a.id,
    title: a.title,
    publishedAt: a.publishedAt,
    sourceId: a.sourceId,
    language: a.language ?? '',
    score: a.sentimentScore,
    label: a.sentimentLabel,
    importance: a.importance,
    confidence: a.confidence,
    reviewStatus: a.reviewStatus,
    companyIds: a.companies.map((c) => c.companyId),
    topicIds: a.topics.map((t) => t.topicId),
  }));
  expect(rows.filter((r) => r.label !== null && r.label !== labelOf(r.score ?? 0))).toEqual([]);
});

afterAll(async () => {
  await api.close();
});

const FEED = `query Feed($filter: ArticleFilter, $orderBy: ArticleOrder, $first: Int, $after: String) {
  articles(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id title } }
  }
}`;

interface FeedData {
  articles: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; title: string } }[];
  };
}

async function all(
  filter: Record<string, unknown>,
  orderBy?: string,
): Promise<{ ids: number[]; total: number }> {
  const ids: number[] = [];
  let after: string | null = null;
  let total = -1;
  for (let page = 0; page < 20; page += 1) {
    const response: GraphqlResponse<FeedData> = await api.gql<FeedData>(
      FEED,
      { filter, orderBy, first: 7, after },
      { token: api.users.VIEWER.token },
    );
    expect(response.body.errors).toBeUndefined();
    const data: FeedData['articles'] = (response.body.data as FeedData).articles;
    total = data.totalCount;
    ids.push(...data.edges.map((e) => Number(Buffer.from(e.node.id, 'base64').toString().split(':')[1])));
    if (!data.pageInfo.hasNextPage) break;
    after = data.pageInfo.endCursor;
  }
  return { ids, total };
}

const byPublished = (a: Row, b: Row) => b.publishedAt.getTime() - a.publishedAt.getTime() || b.id - a.id;

describe('articles filters match a brute-force computation', () => {
  const c = (slug: string) => globalId('Company', api.ids.companies[slug] as number);
  const t = (slug: string) => globalId('Topic', api.ids.topics[slug] as number);
  const cases: [string, () => Record<string, unknown>, (r: Row) => boolean][] = [
    ['no filter', () => ({}), () => true],
    [
      'companies (any of)',
      () => ({ companyIds: [c('nvidia'), c('tesla')] }),
      (r) => r.companyIds.some((id) => [api.ids.companies.nvidia, api.ids.companies.tesla].includes(id)),
    ],
    [
      'one company (its link table drives the page and the count)',
      () => ({ companyIds: [c('nvidia')] }),
      (r) => r.companyIds.includes(api.ids.companies.nvidia as number),
    ],
    [
      'topics',
      () => ({ topicIds: [t('earnings')] }),
      (r) => r.topicIds.includes(api.ids.topics.earnings as number),
    ],
    [
      'sentiment labels',
      () => ({ sentiments: ['BULLISH', 'SOMEWHAT_BEARISH'] }),
      (r) => r.label === 'BULLISH' || r.label === 'SOMEWHAT_BEARISH',
    ],
    [
      'score range',
      () => ({ minScore: -0.3, maxScore: 0.4 }),
      (r) => r.score !== null && r.score >= -0.3 && r.score <= 0.4,
    ],
    ['minimum importance (effective)', () => ({ minImportance: 8 }), (r) => (r.importance ?? 0) >= 8],
    [
      'sources',
      () => ({ sourceIds: [globalId('Source', api.ids.sourceId)] }),
      (r) => r.sourceId === api.ids.sourceId,
    ],
    ['language', () => ({ languages: ['de'] }), (r) => r.language === 'de'],
    [
      'published range',
      () => ({ publishedAfter: '2026-01-05T00:00:00Z', publishedBefore: '2026-01-11T00:00:00Z' }),
      (r) =>
        r.publishedAt >= new Date('2026-01-05T00:00:00Z') && r.publishedAt < new Date('2026-01-11T00:00:00Z'),
    ],
    ['review state', () => ({ reviewStatuses: ['APPROVED'] }), (r) => r.reviewStatus === 'APPROVED'],
    [
      'combined company + topic + min importance',
      () => ({ companyIds: [c('apple')], topicIds: [t('ai')], minImportance: 5 }),
      (r) =>
        r.companyIds.includes(api.ids.companies.apple as number) &&
        r.topicIds.includes(api.ids.topics.ai as number) &&
        (r.importance ?? 0) >= 5,
    ],
  ];

  it.each(cases)('%s', async (_name, filter, predicate) => {
    const expected = rows
      .filter(predicate)
      .sort(byPublished)
      .map((r) => r.id);
    // Each filter must select something and (except "no filter") leave something out, or it proves nothing.
    expect(expected.length).toBeGreaterThan(0);
    if (_name !== 'no filter') expect(expected.length).toBeLessThan(rows.length);
    const { ids, total } = await all(filter());
    expect(ids).toEqual(expected);
    expect(total).toBe(expected.length);
  });

  it('full-text search matches stems and ranks by relevance', async () => {
    const { ids } = await all({ search: 'export control' });
    const expected = rows.filter((r) => /export controls/.test(r.title)).map((r) => r.id);
    expect([...ids].sort()).toEqual([...expected].sort());
    const phrase = await all({ search: '"chip makers"' });
    expect(phrase.ids.length).toBeGreaterThan(0);
    const weighted = await all({ search: 'chip' }, 'RELEVANCE');
    // Title matches (weight A) rank above excerpt-only matches (weight B).
    const titleHits = rows.filter((r) => r.title.includes('chip')).length;
    expect(
      weighted.ids.slice(0, titleHits).every((id) => rows.find((r) => r.id === id)?.title.includes('chip')),
    ).toBe(true);
  });

  it('orders by importance then recency, and pages without gaps or repeats', async () => {
    const { ids } = await all({}, 'IMPORTANCE');
    const expected = [...rows]
      .sort((a, b) => (b.importance ?? 0) - (a.importance ?? 0) || byPublished(a, b))
      .map((r) => r.id);
    expect(ids).toEqual(expected);
  });

  it('orders the review queue by importance desc, then confidence asc', async () => {
    const query = `query Q($after: String) { reviewQueue(first: 5, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;
    const ids: number[] = [];
    let after: string | null = null;
    for (;;) {
      const response: GraphqlResponse<{ reviewQueue: FeedData['articles'] }> = await api.gql<{
        reviewQueue: FeedData['articles'];
      }>(query, { after }, { token: api.users.EDITOR.token });
      expect(response.body.errors).toBeUndefined();
      const page: FeedData['articles'] = (response.body.data as { reviewQueue: FeedData['articles'] })
        .reviewQueue;
      ids.push(...page.edges.map((e) => Number(Buffer.from(e.node.id, 'base64').toString().split(':')[1])));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const expected = rows
      .filter(
        (r) =>
          r.importance !== null && (r.reviewStatus === 'UNREVIEWED' || r.reviewStatus === 'NEEDS_REREVIEW'),
      )
      .sort(
        (a, b) =>
          (b.importance ?? 0) - (a.importance ?? 0) ||
          (a.confidence ?? 0) - (b.confidence ?? 0) ||
          a.id - b.id,
      )
      .map((r) => r.id);
    expect(ids).toEqual(expected);
  });

  it('pages backwards with last/before', async () => {
    const forward = await api.gql<FeedData>(FEED, { first: 10 }, { token: api.users.VIEWER.token });
    const edges = (forward.body.data as FeedData).articles.edges as unknown as {
      cursor: string;
      node: { id: string };
    }[];
    const back = await api.gql<{
      articles: { edges: { node: { id: string } }[]; pageInfo: { hasPreviousPage: boolean } };
    }>(
      `query B($before: String) { articles(last: 3, before: $before) { pageInfo { hasPreviousPage } edges { node { id } } } }`,
      { before: edges[6]?.cursor },
      { token: api.users.VIEWER.token },
    );
    expect(back.body.data?.articles.edges.map((e) => e.node.id)).toEqual(
      edges.slice(3, 6).map((e) => e.node.id),
    );
    expect(back.body.data?.articles.pageInfo.hasPreviousPage).toBe(true);
  });

  it('caps page size at 100', async () => {
    const response = await api.gql(FEED, { first: 101 }, { token: api.users.VIEWER.token });
    expect(response.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'articles.first',
    });
  });
});
