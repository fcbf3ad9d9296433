import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { correctAnalysis } from '@wirelens/services/review';

import { editorCorrects, insertArticle, startTestApi, type TestApi } from './testing/harness.js';

// Feed pages read their rows through a compiled statement, and the fields of those rows skip the
// Prisma plugin's per-row lookup once it has answered a field from a row (compiled-rows.ts). Each
// field must still get its own data: the same relation asked for with different arguments, the
// same fragment in two places, lists that start empty. And skipping the lookup must not cost a
// statement.

let api: TestApi;
let statements = 0;
let recording = false;
const texts: string[] = [];
const ids: number[] = [];

beforeAll(async () => {
  api = await startTestApi({
    onQuery: (sql) => {
      if (!recording) return;
      statements += 1;
      texts.push(sql);
    },
  });
  const companies = Object.values(api.ids.companies);
  const cluster = await api.db.storyCluster.create({
    data: { title: 'Cluster', firstSeenAt: new Date(), lastSeenAt: new Date() },
  });
  for (let i = 0; i < 12; i += 1) {
    ids.push(
      await insertArticle(api, {
        title: `Story ${i}`,
        publishedAt: new Date(Date.UTC(2026, 4, 1) + i * 3600_000),
        clusterId: i % 3 === 0 ? null : cluster.id,
        // The newest article (i = 11) has no analysis; the second newest one no companies or topics.
        analysis:
          i === 11
            ? undefined
            : {
                score: 0.3,
                importance: 1 + (i % 9),
                summary: `Summary ${i}`,
                companies:
                  i === 10 ? [] : companies.filter((_, k) => (i + k) % 2 === 0).map((id) => ({ id })),
                topics: i === 10 ? [] : [{ slug: 'ai' }, { slug: i % 2 ? 'earnings' : 'energy' }],
              },
      }),
    );
  }
  // Two corrections on two articles: the effective summary is the second one's.
  for (const id of [ids[9], ids[8]] as number[]) {
    await editorCorrects(api, id, { summary: 'First correction' });
    await correctAnalysis({
      db: api.db,
      articleId: id,
      expectedVersion: 2,
      values: { summary: 'Second correction' },
      actor: { userId: api.users.EDITOR.id },
    });
  }
  await api.gql('{ __typename }', {}, { token: api.users.VIEWER.token });
});

afterAll(async () => {
  await api.close();
});

async function query<T>(source: string): Promise<T> {
  const response = await api.gql(source, {}, { token: api.users.VIEWER.token });
  expect(response.body.errors).toBeUndefined();
  return response.body.data as T;
}

async function statementsOf(source: string): Promise<number> {
  statements = 0;
  texts.length = 0;
  recording = true;
  await query(source);
  recording = false;
  return statements;
}

interface Node {
  id: string;
  analysis: { summary: string; correctedFields: string[] } | null;
  corrections: { version: number; note: string | null }[];
  one: { id: string }[];
  three: { id: string }[];
  companies: { company: { name: string } }[];
}

describe('fields of compiled rows', () => {
  it('answer each field from its own data when one relation is asked for with different arguments', async () => {
    // `analysis` reads the latest correction (version desc, take 1), `corrections` all of them
    // (version asc); `related` twice with different limits.
    const data = await query<{ articles: { edges: { node: Node }[] } }>(`{
      articles(first: 12) { edges { node {
        id
        analysis { summary correctedFields }
        corrections { version note }
        one: related(limit: 1) { id }
        three: related(limit: 3) { id }
        companies { company { name } }
      } } }
    }`);
    const nodes = data.articles.edges.map((e) => e.node);
    expect(nodes).toHaveLength(12);
    for (const node of nodes) {
      const rowId = Number(Buffer.from(node.id, 'base64').toString().split(':')[1]);
      const corrected = rowId === ids[9] || rowId === ids[8];
      expect(node.corrections.map((c) => c.version)).toEqual(corrected ? [2, 3] : []);
      if (corrected) {
        expect(node.corrections.map((c) => c.note)).toEqual([null, null]);
        expect(node.analysis).toEqual({ summary: 'Second correction', correctedFields: ['summary'] });
      }
      const clustered = ids.indexOf(rowId) % 3 !== 0;
      expect(node.one).toHaveLength(clustered ? 1 : 0);
      expect(node.three).toHaveLength(clustered ? 3 : 0);
      expect(node.three[0]).toEqual(node.one[0]);
    }
    expect(nodes[0]?.analysis).toBeNull();
    expect(nodes[1]?.companies).toEqual([]);
    expect(nodes[2]?.companies.length).toBeGreaterThan(0);
  });

  it('answer a fragment spread in two places from each place, though the places load it differently', async () => {
    // In `all`, `corrections` (every version, oldest first) comes before the fragment's `analysis`
    // (the latest correction), so that plan loads `analysis` apart; in `few` it loads it with the rest.
    interface Card {
      id: string;
      analysis: { summary: string } | null;
      companies: { company: { name: string } }[];
      corrections?: { version: number }[];
    }
    const data = await query<{ few: { edges: { node: Card }[] }; all: { edges: { node: Card }[] } }>(`{
      few: articles(first: 4) { edges { node { ...Card } } }
      all: articles(first: 12) { edges { node { corrections { version } ...Card } } }
    }
    fragment Card on Article { id analysis { summary } companies { company { name } } }`);
    const corrected = new Set([ids[9], ids[8]].map((id) => Buffer.from(`Article:${id}`).toString('base64')));
    for (const { node } of [...data.few.edges, ...data.all.edges]) {
      if (corrected.has(node.id)) expect(node.analysis?.summary).toBe('Second correction');
    }
    expect(data.all.edges.filter((e) => corrected.has(e.node.id)).map((e) => e.node.corrections)).toEqual([
      [{ version: 2 }, { version: 3 }],
      [{ version: 2 }, { version: 3 }],
    ]);
    const card = ({ id, analysis, companies }: Card) => ({ id, analysis, companies });
    expect(data.all.edges.slice(0, 4).map((e) => card(e.node))).toEqual(data.few.edges.map((e) => e.node));
    expect(data.all.edges.filter((e) => e.node.companies.length > 0)).toHaveLength(10);
  });

  it("load only the analysis columns a query shows: a feed card does not read the run's paragraphs", async () => {
    const baseline = await statementsOf('{ __typename }');
    const card = `{ articles(first: 12) { edges { node { id analysis { sentimentLabel summary } } } } }`;
    expect((await statementsOf(card)) - baseline).toBe(1);
    const cardSql = texts.join('\n');
    expect(cardSql).toContain('"summary"');
    expect(cardSql).not.toContain('"paragraphs"');
    expect(cardSql).not.toContain('"takeaways"');
    const full = `{ articles(first: 12) { edges { node {
      analysis { summary paragraphs takeaways confidence analyzer { name } correctedFields }
      aiAnalysis { summary paragraphs takeaways confidence analyzer { name } }
    } } } }`;
    expect((await statementsOf(full)) - baseline).toBe(1);
    expect(texts.join('\n')).toContain('"paragraphs"');
    interface Run {
      summary: string;
      paragraphs: string[];
      takeaways: string[];
      confidence: number;
      analyzer: { name: string };
    }
    const data = await query<{
      articles: {
        edges: { node: { analysis: (Run & { correctedFields: string[] }) | null; aiAnalysis: Run | null } }[];
      };
    }>(full);
    const nodes = data.articles.edges.map((e) => e.node);
    expect(nodes[0]?.analysis).toBeNull();
    expect(nodes.filter((n) => n.analysis?.correctedFields.includes('summary'))).toHaveLength(2);
    for (const { analysis, aiAnalysis } of nodes.slice(1)) {
      if (!analysis || !aiAnalysis) throw new Error('an analysed article without its analysis');
      const { correctedFields, ...shown } = analysis;
      expect(aiAnalysis.paragraphs.length).toBeGreaterThan(0);
      expect(shown).toEqual(
        correctedFields.includes('summary') ? { ...aiAnalysis, summary: 'Second correction' } : aiAnalysis,
      );
    }
  });

  it('cost no statement more when the newest rows have no analysis, companies or topics', async () => {
    const card = `edges { node { id analysis { summary } source { title } companies { relevance company { name } } topics { topic { slug } } } }`;
    const baseline = await statementsOf('{ __typename }');
    const fromNewest = await statementsOf(`{ articles(first: 12) { ${card} } }`);
    const fromAnalysed = await statementsOf(
      `{ articles(first: 10, after: null, filter: { minImportance: 1 }) { ${card} } }`,
    );
    expect(fromNewest - baseline).toBe(1);
    expect(fromAnalysed - baseline).toBe(1);
  });
});
