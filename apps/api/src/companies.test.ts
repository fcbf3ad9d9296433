import { describe, expect, it } from 'vitest';

import { storeAnalysisRun } from '@wirelens/services/analysis';

import { analysisResult, globalId, insertArticle, startFileTestApi } from './testing/harness.js';

const api = await startFileTestApi();

let day = 0;

/** An analysed article naming the given organisations the registry does not know (they become PROPOSED). */
async function articleNaming(names: string[], registryIds: number[] = []): Promise<number> {
  day += 1;
  const articleId = await insertArticle(api, {
    title: `Story ${day} about ${names.join(' and ')}`,
    publishedAt: new Date(Date.UTC(2026, 4, day, 9)),
  });
  const result = analysisResult({
    score: 0.4,
    importance: 5,
    companies: registryIds.map((id) => ({ id })),
  });
  result.companies.push(
    ...names.map((name) => ({
      companyId: null,
      proposedName: name,
      name,
      relevance: 0.7,
      sentimentScore: 0.4,
      sentences: [`${name} did something.`, `${name} said so.`],
    })),
  );
  await storeAnalysisRun({ db: api.db, articleId, result, durationMs: 1 });
  return articleId;
}

const idOf = async (slug: string) => (await api.db.company.findUniqueOrThrow({ where: { slug } })).id;
const editor = () => ({ token: api.users.EDITOR.token });

interface ProposalPage {
  companyProposals: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string };
    edges: { node: { name: string; status: string; articleCount: number } }[];
  };
}
const PROPOSALS = `query P($first: Int, $after: String, $search: String) {
  companyProposals(first: $first, after: $after, search: $search) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { name status articleCount } }
  }
}`;

describe('company proposals queue', () => {
  it('lists proposed companies the most frequent first, with their counts, page by page', async () => {
    await articleNaming(['Zephyr Labs', 'Orbit Dynamics']);
    await articleNaming(['Orbit Dynamics']);
    await articleNaming(['Orbit Dynamics', 'Kestrel Foods']);
    await articleNaming(['Kestrel Foods']);
    await articleNaming(['Alder Works']);

    const first = await api.gql<ProposalPage>(PROPOSALS, { first: 2 }, editor());
    expect(first.body.errors).toBeUndefined();
    const page1 = first.body.data?.companyProposals;
    expect(page1?.totalCount).toBe(4);
    expect(page1?.edges.map((e) => e.node)).toEqual([
      { name: 'Orbit Dynamics', status: 'PROPOSED', articleCount: 3 },
      { name: 'Kestrel Foods', status: 'PROPOSED', articleCount: 2 },
    ]);
    expect(page1?.pageInfo.hasNextPage).toBe(true);
    const second = await api.gql<ProposalPage>(
      PROPOSALS,
      { first: 2, after: page1?.pageInfo.endCursor },
      editor(),
    );
    // Equal counts go by name.
    expect(second.body.data?.companyProposals.edges.map((e) => [e.node.name, e.node.articleCount])).toEqual([
      ['Alder Works', 1],
      ['Zephyr Labs', 1],
    ]);
    expect(second.body.data?.companyProposals.pageInfo.hasNextPage).toBe(false);

    const searched = await api.gql<ProposalPage>(PROPOSALS, { search: 'kestrel' }, editor());
    expect(searched.body.data?.companyProposals.edges.map((e) => e.node.name)).toEqual(['Kestrel Foods']);

    // Confirming takes it out of the queue.
    await api.gql(
      'mutation($c: ID!) { confirmCompany(id: $c) { status } }',
      {
        c: globalId('Company', await idOf('alder-works')),
      },
      editor(),
    );
    const after = await api.gql<ProposalPage>(PROPOSALS, {}, editor());
    expect(after.body.data?.companyProposals.edges.map((e) => e.node.name)).toEqual([
      'Orbit Dynamics',
      'Kestrel Foods',
      'Zephyr Labs',
    ]);
  });

  it('is for editors and admins only', async () => {
    for (const role of ['VIEWER', 'ANALYST'] as const) {
      const response = await api.gql(PROPOSALS, {}, { token: api.users[role].token });
      expect(response.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const admin = await api.gql<ProposalPage>(PROPOSALS, {}, { token: api.users.ADMIN.token });
    expect(admin.body.errors).toBeUndefined();
    const preview = await api.gql(
      'query($s: ID!, $t: ID!) { companyMergePreview(sourceId: $s, targetId: $t) { articlesMoving } }',
      {
        s: globalId('Company', api.ids.companies.tesla as number),
        t: globalId('Company', api.ids.companies.apple as number),
      },
      { token: api.users.ANALYST.token },
    );
    expect(preview.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

interface Preview {
  source: { name: string };
  target: { name: string };
  articlesMoving: number;
  articlesShared: number;
  mentionsMoving: number;
  seriesPointsMoving: number;
  aliasesJoining: string[];
  tickersJoining: { symbol: string; exchange: string }[];
}
const PREVIEW = `query($s: ID!, $t: ID!) {
  companyMergePreview(sourceId: $s, targetId: $t) {
    source { name } target { name }
    articlesMoving articlesShared mentionsMoving seriesPointsMoving aliasesJoining
    tickersJoining { symbol exchange }
  }
}`;

describe('merge preview', () => {
  it('counts exactly what the merge then moves', async () => {
    const target = await idOf('shell');
    await articleNaming(['Shell Trading Ltd']);
    await articleNaming(['Shell Trading Ltd'], [target]);
    const rejected = await articleNaming(['Shell Trading Ltd']);
    const source = await idOf('shell-trading-ltd');
    const { reviewVersion } = await api.db.article.findUniqueOrThrow({ where: { id: rejected } });
    await api.gql(
      'mutation($i: ReviewDecisionInput!) { rejectAnalysis(input: $i) { __typename } }',
      { i: { articleId: globalId('Article', rejected), expectedVersion: reviewVersion } },
      editor(),
    );
    // An alias the target already has stays behind; the other names and the listing move.
    await api.db.companyAlias.createMany({
      data: [
        { companyId: source, alias: 'Shell', normalized: 'shell' },
        { companyId: source, alias: 'Shell Trading', normalized: 'shell trading' },
      ],
    });
    await api.db.companyTicker.create({ data: { companyId: source, symbol: 'SHTR', exchange: 'LSE' } });
    const sourceRows = await api.db.articleCompany.findMany({ where: { companyId: source } });
    const targetBefore = await api.db.articleCompany.count({ where: { companyId: target } });
    const seriesBefore = await seriesCount(target);

    const response = await api.gql<{ companyMergePreview: Preview }>(
      PREVIEW,
      { s: globalId('Company', source), t: globalId('Company', target) },
      editor(),
    );
    expect(response.body.errors).toBeUndefined();
    const preview = response.body.data?.companyMergePreview;
    expect(preview).toEqual({
      source: { name: 'Shell Trading Ltd' },
      target: { name: 'Shell' },
      articlesMoving: 2,
      articlesShared: 1,
      mentionsMoving: 4,
      seriesPointsMoving: 1,
      aliasesJoining: ['Shell Trading', 'Shell Trading Ltd'],
      tickersJoining: [{ symbol: 'SHTR', exchange: 'LSE' }],
    });
    expect(sourceRows).toHaveLength(3);
    // Previewing changes nothing.
    expect(await api.db.articleCompany.count({ where: { companyId: source } })).toBe(3);
    expect((await api.db.company.findUniqueOrThrow({ where: { id: source } })).status).toBe('PROPOSED');

    const merged = await api.gql<{
      mergeCompanies: { articleCount: number; aliases: string[]; tickers: { symbol: string }[] };
    }>(
      'mutation($s: ID!, $t: ID!) { mergeCompanies(sourceId: $s, targetId: $t) { articleCount aliases tickers { symbol } } }',
      { s: globalId('Company', source), t: globalId('Company', target) },
      editor(),
    );
    expect(merged.body.data?.mergeCompanies.articleCount).toBe(targetBefore + (preview?.articlesMoving ?? 0));
    expect(merged.body.data?.mergeCompanies.aliases).toEqual(
      expect.arrayContaining(preview?.aliasesJoining ?? []),
    );
    expect(merged.body.data?.mergeCompanies.tickers.map((t) => t.symbol)).toContain('SHTR');
    expect(await seriesCount(target)).toBe(seriesBefore + (preview?.seriesPointsMoving ?? 0));
  });

  it('refuses what the merge refuses, naming the argument', async () => {
    const tesla = globalId('Company', api.ids.companies.tesla as number);
    const itself = await api.gql(PREVIEW, { s: tesla, t: tesla }, editor());
    expect(itself.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'targetId' });
    const gone = globalId('Company', await idOf('shell-trading-ltd'));
    const merged = await api.gql(PREVIEW, { s: gone, t: tesla }, editor());
    expect(merged.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'sourceId' });
    const missing = await api.gql(PREVIEW, { s: globalId('Company', 999999), t: tesla }, editor());
    expect(missing.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'sourceId' });
  });
});

async function seriesCount(companyId: number): Promise<number> {
  const buckets = await api.db.sentimentBucket.findMany({
    where: { subject: 'COMPANY', subjectId: companyId, granularity: 'DAY' },
  });
  return buckets.reduce((sum, b) => sum + b.count, 0);
}

describe('aliases and tickers', () => {
  const apple = () => globalId('Company', api.ids.companies.apple as number);
  const EDIT = `{ aliases tickers { symbol exchange } }`;

  it('adds and removes aliases and tickers, each audited', async () => {
    const added = await api.gql<{ addCompanyAlias: { aliases: string[] } }>(
      `mutation($c: ID!) { addCompanyAlias(companyId: $c, alias: "Apple Computer") ${EDIT} }`,
      { c: apple() },
      editor(),
    );
    expect(added.body.data?.addCompanyAlias.aliases).toContain('Apple Computer');
    const removed = await api.gql<{ removeCompanyAlias: { aliases: string[] } }>(
      `mutation($c: ID!) { removeCompanyAlias(companyId: $c, alias: "apple computer") ${EDIT} }`,
      { c: apple() },
      editor(),
    );
    expect(removed.body.errors).toBeUndefined();
    expect(removed.body.data?.removeCompanyAlias.aliases).not.toContain('Apple Computer');

    const listed = await api.gql<{ addCompanyTicker: { tickers: { symbol: string; exchange: string }[] } }>(
      `mutation($c: ID!) { addCompanyTicker(companyId: $c, symbol: "apc", exchange: "xetra") ${EDIT} }`,
      { c: apple() },
      editor(),
    );
    expect(listed.body.data?.addCompanyTicker.tickers).toEqual([
      { symbol: 'AAPL', exchange: 'NASDAQ' },
      { symbol: 'APC', exchange: 'XETRA' },
    ]);
    const delisted = await api.gql<{ removeCompanyTicker: { tickers: { symbol: string }[] } }>(
      `mutation($c: ID!) { removeCompanyTicker(companyId: $c, symbol: "APC", exchange: "XETRA") ${EDIT} }`,
      { c: apple() },
      editor(),
    );
    expect(delisted.body.data?.removeCompanyTicker.tickers).toEqual([{ symbol: 'AAPL', exchange: 'NASDAQ' }]);

    const audit = await api.db.auditEntry.findMany({
      where: { entityType: 'Company', entityId: String(api.ids.companies.apple) },
      orderBy: { id: 'asc' },
      select: { action: true },
    });
    expect(audit.map((a) => a.action)).toEqual([
      'company.addAlias',
      'company.removeAlias',
      'company.addTicker',
      'company.removeTicker',
    ]);
  });

  it.each([
    ['removing its own name', 'removeCompanyAlias(companyId: $c, alias: "Apple")', 'BAD_USER_INPUT', 'alias'],
    [
      'removing an alias it does not have',
      'removeCompanyAlias(companyId: $c, alias: "Pear")',
      'NOT_FOUND',
      'alias',
    ],
    [
      'a ticker another company holds',
      'addCompanyTicker(companyId: $c, symbol: "TSLA", exchange: "NASDAQ")',
      'CONFLICT',
      'symbol',
    ],
    [
      'removing a ticker it does not have',
      'removeCompanyTicker(companyId: $c, symbol: "TSLA", exchange: "NASDAQ")',
      'NOT_FOUND',
      'symbol',
    ],
    ['a malformed ticker', 'addCompanyTicker(companyId: $c, symbol: "NO WAY")', 'BAD_USER_INPUT', 'symbol'],
  ])('refuses %s', async (_case, mutation, code, field) => {
    const refused = await api.gql(`mutation($c: ID!) { ${mutation} { name } }`, { c: apple() }, editor());
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code, field });
  });
});

describe('"not this company" on an article', () => {
  interface ArticleState {
    article: {
      reviewVersion: number;
      companies: { relevance: number; sentimentScore: number; company: { id: string; slug: string } }[];
      corrections: { changedFields: string[]; values: { companies: { companyId: string }[] | null } }[];
    };
  }
  const READ = `query($id: ID!) { article(id: $id) {
    reviewVersion
    companies { relevance sentimentScore company { id slug } }
    corrections { changedFields values { companies { companyId } } }
  } }`;
  const CORRECT = `mutation($input: CorrectAnalysisInput!) {
    correctAnalysis(input: $input) { __typename ... on AnalysisConflict { currentVersion } }
  }`;
  const feedFor = async (companyId: string) =>
    (
      await api.gql<{ articles: { edges: { node: { id: string } }[] } }>(
        'query($c: [ID!]) { articles(first: 50, filter: { companyIds: $c }) { edges { node { id } } } }',
        { c: [companyId] },
        editor(),
      )
    ).body.data?.articles.edges.map((e) => e.node.id);

  it('is a correction of the company list: the article, the feed filter and the series follow, and an edit undoes it', async () => {
    const nvidia = api.ids.companies.nvidia as number;
    const tesla = api.ids.companies.tesla as number;
    const articleId = await insertArticle(api, {
      title: 'Chips and cars',
      publishedAt: new Date('2026-06-01T09:00:00Z'),
      analysis: { score: 0.5, importance: 5, companies: [{ id: nvidia }, { id: tesla }] },
    });
    const id = globalId('Article', articleId);
    const teslaId = globalId('Company', tesla);
    const before = (await api.gql<ArticleState>(READ, { id }, editor())).body.data?.article;
    if (!before) throw new Error('no article');
    expect(await feedFor(teslaId)).toContain(id);
    const seriesBefore = await seriesCount(tesla);

    // What the dashboard sends: every company but the wrong one, as the edit form would.
    const kept = before.companies
      .filter((c) => c.company.id !== teslaId)
      .map((c) => ({ companyId: c.company.id, relevance: c.relevance, sentimentScore: c.sentimentScore }));
    const removed = await api.gql(
      CORRECT,
      {
        input: {
          articleId: id,
          expectedVersion: before.reviewVersion,
          companies: kept,
          note: 'Not this company: Tesla',
        },
      },
      editor(),
    );
    expect(removed.body.data).toEqual({ correctAnalysis: { __typename: 'ReviewSuccess' } });
    const after = (await api.gql<ArticleState>(READ, { id }, editor())).body.data?.article;
    expect(after?.companies.map((c) => c.company.slug)).toEqual(['nvidia']);
    expect(after?.corrections.at(-1)?.changedFields).toEqual(['companies']);
    expect(after?.corrections.at(-1)?.values.companies?.map((c) => c.companyId)).toEqual([
      globalId('Company', nvidia),
    ]);
    expect(await feedFor(teslaId)).not.toContain(id);
    expect(await seriesCount(tesla)).toBe(seriesBefore - 1);

    // A stale version is a conflict, not a second removal.
    const stale = await api.gql(
      CORRECT,
      { input: { articleId: id, expectedVersion: before.reviewVersion, companies: kept } },
      editor(),
    );
    expect(stale.body.data).toEqual({
      correctAnalysis: { __typename: 'AnalysisConflict', currentVersion: before.reviewVersion + 1 },
    });

    // Undo is a normal edit putting it back.
    const restored = await api.gql(
      CORRECT,
      {
        input: {
          articleId: id,
          expectedVersion: after?.reviewVersion ?? 0,
          companies: before.companies.map((c) => ({
            companyId: c.company.id,
            relevance: c.relevance,
            sentimentScore: c.sentimentScore,
          })),
        },
      },
      editor(),
    );
    expect(restored.body.data).toEqual({ correctAnalysis: { __typename: 'ReviewSuccess' } });
    expect(await feedFor(teslaId)).toContain(id);
    expect(await seriesCount(tesla)).toBe(seriesBefore);
  });
});
