import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { overlayCorrections } from '@wirelens/core/review';
import { parseCorrectionValues } from '@wirelens/db';
import { aiValuesOf, findArticlePage, type ArticleFilter } from '@wirelens/db/repositories';

import { MAX_PAGE_SIZE } from './builder.js';
import { editorCorrects, globalId, insertArticle, startTestApi, type TestApi } from './testing/harness.js';

// A newest-first page filtered only on article columns is served by one statement
// (findArticlePageRows); every other page by the general path (findArticlePage, then the nodes).
// Both must agree row for row, cursor for cursor, through runs of equal publishedAt.

let api: TestApi;
let statements = 0;
let recording = false;
let otherSourceId = 0;

const PAGE = `query Page($first: Int, $after: String, $last: Int, $before: String, $filter: ArticleFilter) {
  articles(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: PUBLISHED_AT) {
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id publishedAt } }
  }
}`;

interface PageData {
  articles: {
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string | null;
      endCursor: string | null;
    };
    edges: { cursor: string; node: { id: string; publishedAt: string } }[];
  };
}

beforeAll(async () => {
  api = await startTestApi({
    onQuery: () => {
      if (recording) statements += 1;
    },
  });
  otherSourceId = (
    await api.db.source.create({
      data: { url: 'https://wire.example.org/rss', title: 'Other Wire', language: 'de' },
    })
  ).id;
  // Four instants shared by many articles (ids interleaved across them), and a few of their own.
  const instants = [
    Date.UTC(2026, 2, 1, 9),
    Date.UTC(2026, 2, 1, 12),
    Date.UTC(2026, 2, 2, 8),
    Date.UTC(2026, 2, 3, 7, 30, 0, 250),
  ];
  const nvidia = api.ids.companies.nvidia as number;
  for (let i = 0; i < 30; i += 1) {
    const own = i % 7 === 6;
    const id = await insertArticle(api, {
      title: `Tied story ${i}`,
      publishedAt: new Date(own ? Date.UTC(2026, 2, 4, i) : (instants[i % instants.length] as number)),
      sourceId: i % 3 === 0 ? otherSourceId : api.ids.sourceId,
      language: i % 3 === 0 ? 'de' : 'en',
      analysis:
        i % 5 === 4
          ? undefined
          : {
              score: ((i % 9) - 4) / 5,
              importance: 1 + (i % 10),
              companies: [{ id: nvidia }],
              topics: [{ slug: i % 2 ? 'ai' : 'earnings' }],
            },
    });
    if (i % 8 === 1) {
      await editorCorrects(api, id, {
        importance: 9,
        summary: `Corrected summary ${i}`,
        takeaways: ['An editor wrote this.'],
      });
    }
  }
  await api.gql('{ __typename }', {}, { token: api.users.VIEWER.token });
});

afterAll(async () => {
  await api.close();
});

async function apiPage(variables: Record<string, unknown>): Promise<{ data: PageData; statements: number }> {
  statements = 0;
  recording = true;
  const response = await api.gql<PageData>(PAGE, variables, { token: api.users.VIEWER.token });
  recording = false;
  expect(response.body.errors).toBeUndefined();
  return { data: response.body.data as PageData, statements };
}

/** Statements a trivial request costs (authentication): subtracted from a page's. */
async function baseline(): Promise<number> {
  statements = 0;
  recording = true;
  await api.gql('{ __typename }', {}, { token: api.users.VIEWER.token });
  recording = false;
  return statements;
}

/** Column-only filters, as the API takes them and as the repository does. */
const FILTERS: { name: string; api: () => Record<string, unknown>; repository: () => ArticleFilter }[] = [
  { name: 'no filter', api: () => ({}), repository: () => ({}) },
  {
    name: 'one source',
    api: () => ({ sourceIds: [globalId('Source', otherSourceId)] }),
    repository: () => ({ sourceIds: [otherSourceId] }),
  },
  {
    name: 'language, importance and a date range',
    api: () => ({
      languages: ['en'],
      minImportance: 3,
      publishedAfter: '2026-03-01T12:00:00Z',
      publishedBefore: '2026-03-04T05:00:00Z',
    }),
    repository: () => ({
      languages: ['en'],
      minImportance: 3,
      publishedAfter: new Date('2026-03-01T12:00:00Z'),
      publishedBefore: new Date('2026-03-04T05:00:00Z'),
    }),
  },
  {
    name: 'sentiments, score range and review states',
    api: () => ({
      sentiments: ['BEARISH', 'NEUTRAL', 'BULLISH'],
      minScore: -0.8,
      maxScore: 0.6,
      reviewStatuses: ['UNREVIEWED', 'APPROVED'],
    }),
    repository: () => ({
      sentiments: ['BEARISH', 'NEUTRAL', 'BULLISH'],
      minScore: -0.8,
      maxScore: 0.6,
      reviewStatuses: ['UNREVIEWED', 'APPROVED'],
    }),
  },
];

const rowIdOf = (id: string) => Number(Buffer.from(id, 'base64').toString('utf8').split(':')[1]);

describe('newest-first feed pages in one statement', () => {
  for (const f of FILTERS) {
    it(`${f.name}: the same articles, cursors and page info as the general path, page by page`, async () => {
      const filter = f.repository();
      const apiFilter = f.api();
      const empty = await baseline();
      let after: string | null = null;
      const seen: string[] = [];
      for (let pages = 0; pages < 20; pages += 1) {
        const { data, statements: used } = await apiPage({ first: 4, after, filter: apiFilter });
        expect(used - empty).toBe(1);
        const general = await findArticlePage({
          db: api.db,
          filter,
          order: 'PUBLISHED_AT',
          page: { first: 4, after },
          maxPageSize: MAX_PAGE_SIZE,
        });
        const { edges, pageInfo } = data.articles;
        expect(edges.map((e) => e.node.id)).toEqual(general.ids.map((id) => globalId('Article', id)));
        expect(edges.map((e) => e.cursor)).toEqual(general.cursors);
        expect(pageInfo).toEqual({
          hasNextPage: general.hasNextPage,
          hasPreviousPage: general.hasPreviousPage,
          startCursor: general.cursors[0] ?? null,
          endCursor: general.cursors.at(-1) ?? null,
        });
        seen.push(...edges.map((e) => e.node.id));
        if (!pageInfo.hasNextPage) break;
        after = pageInfo.endCursor;
      }
      // Every match exactly once, newest first and by id within a tie.
      const all = await findArticlePage({
        db: api.db,
        filter,
        order: 'PUBLISHED_AT',
        page: { first: MAX_PAGE_SIZE },
        maxPageSize: MAX_PAGE_SIZE,
      });
      expect(seen).toEqual(all.ids.map((id) => globalId('Article', id)));
      const keys = (await api.db.article.findMany({ where: { id: { in: all.ids } } })).map((a) => ({
        id: a.id,
        time: a.publishedAt.getTime(),
      }));
      const time = new Map(keys.map((k) => [k.id, k.time]));
      const ordered = [...keys].sort((a, b) => b.time - a.time || b.id - a.id).map((k) => k.id);
      expect(seen.map(rowIdOf)).toEqual(ordered);
      expect(new Set(seen.map((id) => time.get(rowIdOf(id)))).size).toBeLessThan(seen.length);
      expect(seen.length).toBeGreaterThan(4);
    });
  }

  it('a tie split across pages continues without a gap or a repeat, and backwards pages return the same rows', async () => {
    const first = (await apiPage({ first: 5 })).data.articles;
    const second = (await apiPage({ first: 5, after: first.pageInfo.endCursor })).data.articles;
    const times = [...first.edges, ...second.edges].map((e) => e.node.publishedAt);
    // The page boundary falls inside a run of equal publishedAt values.
    expect(times[4]).toBe(times[5]);
    const back = (await apiPage({ last: 5, before: second.pageInfo.startCursor })).data.articles;
    expect(back.edges).toEqual(first.edges);
    expect(back.pageInfo.hasPreviousPage).toBe(false);
  });

  it('a page with a company filter takes the general path and agrees with the same page in one statement', async () => {
    const nvidia = globalId('Company', api.ids.companies.nvidia as number);
    const analysed = await api.db.article.count({ where: { latestAnalysisId: { not: null } } });
    const withCompany = (await apiPage({ first: 50, filter: { companyIds: [nvidia] } })).data.articles;
    const all = (await apiPage({ first: 50 })).data.articles;
    expect(withCompany.edges).toHaveLength(analysed);
    const analysedIds = new Set(withCompany.edges.map((e) => e.node.id));
    expect(withCompany.edges).toEqual(all.edges.filter((e) => analysedIds.has(e.node.id)));
  });
});

describe('Article.analysis', () => {
  it('shows the latest run overlaid with the latest correction', async () => {
    const query = `query A($first: Int) { articles(first: $first) { edges { node { id analysis {
      sentimentLabel sentimentScore confidence importance summary paragraphs takeaways correctedFields
      analyzer { name version model } analyzedAt reviewStatus reviewVersion } } } } }`;
    const response = await api.gql<{
      articles: { edges: { node: { id: string; analysis: Record<string, unknown> | null } }[] };
    }>(query, { first: 50 }, { token: api.users.VIEWER.token });
    expect(response.body.errors).toBeUndefined();
    const rows = await api.db.article.findMany({
      include: { latestAnalysis: true, corrections: { orderBy: { version: 'desc' }, take: 1 } },
    });
    const byId = new Map(rows.map((r) => [globalId('Article', r.id), r]));
    const edges = response.body.data?.articles.edges ?? [];
    expect(edges.length).toBe(rows.length);
    let corrected = 0;
    for (const { node } of edges) {
      const row = byId.get(node.id);
      const ai = row?.latestAnalysis;
      if (!row || !ai) {
        expect(node.analysis).toBeNull();
        continue;
      }
      const corrections = parseCorrectionValues(row.corrections[0]?.values);
      if (corrections.summary) corrected += 1;
      const values = overlayCorrections(aiValuesOf(ai), corrections);
      expect(node.analysis).toEqual({
        sentimentLabel: values.sentimentLabel,
        sentimentScore: values.sentimentScore,
        confidence: values.confidence,
        importance: values.importance,
        summary: values.summary,
        paragraphs: values.paragraphs,
        takeaways: values.takeaways,
        correctedFields: expect.arrayContaining(Object.keys(corrections)) as unknown,
        analyzer: { name: ai.analyzer, version: ai.analyzerVersion, model: ai.model },
        analyzedAt: ai.createdAt.toISOString(),
        reviewStatus: row.reviewStatus,
        reviewVersion: row.reviewVersion,
      });
    }
    expect(corrected).toBeGreaterThan(0);
  });
});
