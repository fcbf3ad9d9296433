import { describe, expect, it } from 'vitest';

import { rebuildSentimentBuckets } from '@wirelens/db/repositories';
import { storeAnalysisRun } from '@wirelens/services/analysis';

import {
  addUser,
  analysisResult,
  globalId,
  insertArticle,
  PASSWORD,
  startFileTestApi,
  startTestApi,
  type TestApi,
} from './testing/harness.js';

const api = await startFileTestApi();

const bucketsSnapshot = async () =>
  (
    await api.db.sentimentBucket.findMany({
      where: { count: { gt: 0 } },
      orderBy: [{ subject: 'asc' }, { subjectId: 'asc' }, { granularity: 'asc' }, { bucketStart: 'asc' }],
    })
  ).map((b) => ({ ...b, scoreSum: Math.round(b.scoreSum * 1e9) / 1e9 }));

async function expectBucketsConsistent() {
  const incremental = await bucketsSnapshot();
  await rebuildSentimentBuckets({ db: api.db });
  expect(await bucketsSnapshot()).toEqual(incremental);
}

describe('companies', () => {
  it('creates a company, finds it by ticker, and merges a duplicate into it', async () => {
    const created = await api.gql<{ createCompany: { id: string; slug: string; aliases: string[] } }>(
      'mutation { createCompany(input: { name: "Mistral AI", aliases: ["Mistral"], tickers: [{ symbol: "mstr", exchange: "private" }], country: "FR" }) { id slug aliases } }',
      {},
      { token: api.users.EDITOR.token },
    );
    expect(created.body.data?.createCompany).toMatchObject({ slug: 'mistral-ai', aliases: ['Mistral'] });
    const byTicker = await api.gql(
      '{ company(ticker: "MSTR") { name } }',
      {},
      { token: api.users.VIEWER.token },
    );
    expect(byTicker.body.data).toEqual({ company: { name: 'Mistral AI' } });
    const duplicate = await api.gql(
      'mutation { createCompany(input: { name: "Mistral AI" }) { id } }',
      {},
      { token: api.users.EDITOR.token },
    );
    expect(duplicate.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'slug' });

    const mistral = Number(
      Buffer.from(created.body.data?.createCompany.id ?? '', 'base64')
        .toString()
        .split(':')[1],
    );
    // The analyzer proposes an unknown organisation: a PROPOSED company appears.
    const articleId = await insertArticle(api, {
      title: 'Mistral raises money',
      publishedAt: new Date('2026-04-01T09:00:00Z'),
    });
    const result = analysisResult({ score: 0.5, importance: 6, topics: [{ slug: 'ai' }] });
    result.companies = [
      {
        companyId: null,
        proposedName: 'Mistral SAS',
        name: 'Mistral SAS',
        relevance: 0.9,
        sentimentScore: 0.5,
        sentences: ['Mistral SAS raised.'],
      },
    ];
    await storeAnalysisRun({ db: api.db, articleId, result, durationMs: 1 });
    const proposed = await api.db.company.findUniqueOrThrow({ where: { slug: 'mistral-sas' } });
    expect(proposed.status).toBe('PROPOSED');
    await insertArticle(api, {
      title: 'Mistral ships a model',
      publishedAt: new Date('2026-04-01T10:00:00Z'),
      analysis: { score: -0.5, importance: 5, companies: [{ id: mistral }] },
    });

    const merged = await api.gql(
      'mutation($s: ID!, $t: ID!) { mergeCompanies(sourceId: $s, targetId: $t) { name articles(first: 10) { totalCount } } }',
      { s: globalId('Company', proposed.id), t: globalId('Company', mistral) },
      { token: api.users.EDITOR.token },
    );
    expect(merged.body.data).toEqual({ mergeCompanies: { name: 'Mistral AI', articles: { totalCount: 2 } } });
    expect((await api.db.company.findUniqueOrThrow({ where: { id: proposed.id } })).mergedIntoId).toBe(
      mistral,
    );
    const series = await api.db.sentimentBucket.findMany({
      where: { subject: 'COMPANY', subjectId: mistral, granularity: 'DAY', count: { gt: 0 } },
    });
    expect(series).toEqual([expect.objectContaining({ count: 2, bullish: 1, bearish: 1 })]);
    // A later run naming the merged company lands on the target.
    await storeAnalysisRun({ db: api.db, articleId, result, durationMs: 1 });
    expect(
      await api.db.articleCompany.findMany({ where: { articleId }, select: { companyId: true } }),
    ).toEqual([{ companyId: mistral }]);
    await expectBucketsConsistent();
  });

  it('rejecting a proposed company removes it from articles and series', async () => {
    const articleId = await insertArticle(api, {
      title: 'Acme rumours',
      publishedAt: new Date('2026-04-02T09:00:00Z'),
    });
    const result = analysisResult({ score: 0.2, importance: 3 });
    result.companies = [
      {
        companyId: null,
        proposedName: 'The Board',
        name: 'The Board',
        relevance: 0.5,
        sentimentScore: 0.2,
        sentences: [],
      },
    ];
    await storeAnalysisRun({ db: api.db, articleId, result, durationMs: 1 });
    const proposed = await api.db.company.findUniqueOrThrow({ where: { slug: 'the-board' } });
    const response = await api.gql(
      'mutation($c: ID!) { rejectCompany(id: $c) { status } }',
      { c: globalId('Company', proposed.id) },
      { token: api.users.EDITOR.token },
    );
    expect(response.body.data).toEqual({ rejectCompany: { status: 'REJECTED' } });
    expect(await api.db.articleCompany.count({ where: { companyId: proposed.id } })).toBe(0);
    const again = await api.gql(
      'mutation($c: ID!) { confirmCompany(id: $c) { status } }',
      { c: globalId('Company', proposed.id) },
      { token: api.users.EDITOR.token },
    );
    expect(again.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
    await expectBucketsConsistent();
  });
});

describe('sources', () => {
  it('adds a source and queues its first fetch; refuses private and malformed URLs by field', async () => {
    const added = await api.gql<{ addSource: { id: string; status: string } }>(
      'mutation { addSource(input: { url: "https://feeds.example.org/tech.xml", intervalSeconds: 600 }) { id status } }',
      {},
      { token: api.users.ADMIN.token },
    );
    expect(added.body.data?.addSource.status).toBe('ACTIVE');
    const sourceId = Number(
      Buffer.from(added.body.data?.addSource.id ?? '', 'base64')
        .toString()
        .split(':')[1],
    );
    expect(await api.queuedJobs()).toContainEqual({
      name: 'ingest-fetch-source',
      data: { sourceId, force: true },
      singletonKey: `source-${sourceId}`,
    });
    for (const url of [
      'http://169.254.169.254/latest/meta-data',
      'file:///etc/passwd',
      'http://localhost:4000/feed',
      // IPv6 forms that carry an IPv4 address: IPv4-compatible, IPv4-translated, NAT64, 6to4.
      'http://[::127.0.0.1]/feed',
      'http://[::ffff:0:127.0.0.1]/feed',
      'http://[64:ff9b::a9fe:a9fe]/latest/meta-data',
      'http://[2002:7f00:1::]/feed',
    ]) {
      const refused = await api.gql(
        'mutation($u: String!) { addSource(input: { url: $u }) { id } }',
        { u: url },
        { token: api.users.ADMIN.token },
      );
      expect(refused.body.errors?.[0]?.extensions, url).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.url',
      });
    }
    const duplicate = await api.gql(
      'mutation { addSource(input: { url: "https://feeds.example.org/tech.xml" }) { id } }',
      {},
      { token: api.users.ADMIN.token },
    );
    expect(duplicate.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.url' });
    const health = await api.gql<{
      sources: { edges: { node: { url: string; healthy: boolean; fetchLogs: { totalCount: number } } }[] };
    }>(
      '{ sources(first: 10) { edges { node { url healthy fetchLogs(first: 5) { totalCount } } } } }',
      {},
      { token: api.users.ADMIN.token },
    );
    expect(health.body.data?.sources.edges.map((e) => e.node.url)).toContain(
      'https://feeds.example.org/tech.xml',
    );
  });

  /** An admin adding a source with this URL gets a BAD_USER_INPUT error on the URL field. */
  async function expectFeedUrlRefused(server: TestApi, url: string) {
    const refused = await server.gql(
      'mutation($u: String!) { addSource(input: { url: $u }) { id } }',
      { u: url },
      { token: server.users.ADMIN.token },
    );
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.url',
    });
  }

  it('accepts a private feed host only when the operator allowed it (FETCH_ALLOW_HOSTS)', async () => {
    const allowing = await startTestApi({ server: { fetchAllowHosts: ['127.0.0.1', 'feeds.internal'] } });
    try {
      for (const url of ['http://127.0.0.1:8080/feed.xml', 'http://feeds.internal/rss']) {
        const added = await allowing.gql<{ addSource: { url: string } }>(
          'mutation($u: String!) { addSource(input: { url: $u }) { url } }',
          { u: url },
          { token: allowing.users.ADMIN.token },
        );
        expect(added.body.data?.addSource.url, url).toBe(url);
      }
      // Other private addresses stay refused.
      await expectFeedUrlRefused(allowing, 'http://169.254.169.254/latest/meta-data');
    } finally {
      await allowing.close();
    }
    // The server without an allow-list refuses the same loopback feed.
    await expectFeedUrlRefused(api, 'http://127.0.0.1:8080/feed.xml');
  });

  it('imports and exports OPML', async () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
      <outline text="Markets"><outline type="rss" text="Wire A" xmlUrl="https://a.example.com/rss"/><outline type="rss" text="Wire B" xmlUrl="https://b.example.com/atom"/></outline>
      <outline type="rss" text="Intranet" xmlUrl="http://10.0.0.5/feed"/></body></opml>`;
    const imported = await api.gql<{
      importOpml: { added: { url: string; title: string }[]; skipped: { url: string; reason: string }[] };
    }>(
      'mutation($o: String!) { importOpml(opml: $o) { added { url title } skipped { url reason } } }',
      { o: opml },
      { token: api.users.ADMIN.token },
    );
    expect(imported.body.data?.importOpml.added).toEqual([
      { url: 'https://a.example.com/rss', title: 'Wire A' },
      { url: 'https://b.example.com/atom', title: 'Wire B' },
    ]);
    expect(imported.body.data?.importOpml.skipped).toEqual([
      { url: 'http://10.0.0.5/feed', reason: expect.stringContaining('private') as string },
    ]);
    const again = await api.gql<{ importOpml: { added: unknown[]; skipped: { reason: string }[] } }>(
      'mutation($o: String!) { importOpml(opml: $o) { added { url } skipped { reason } } }',
      { o: opml },
      { token: api.users.ADMIN.token },
    );
    expect(again.body.data?.importOpml.added).toEqual([]);
    expect(again.body.data?.importOpml.skipped.map((s) => s.reason)).toContain('already added');
    const exported = await api.gql<{ exportOpml: string }>(
      'mutation { exportOpml }',
      {},
      { token: api.users.ADMIN.token },
    );
    expect(exported.body.data?.exportOpml).toContain('xmlUrl="https://a.example.com/rss"');
    const bad = await api.gql(
      'mutation { importOpml(opml: "<rss/>") { added { url } } }',
      {},
      { token: api.users.ADMIN.token },
    );
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'opml' });
  });

  it('pausing, resuming and deleting keep the series consistent', async () => {
    const source = await api.db.source.create({
      data: { url: 'https://doomed.example.com/rss', title: 'Doomed' },
    });
    const nvidia = api.ids.companies.nvidia as number;
    await insertArticle(api, {
      title: 'Doomed story',
      sourceId: source.id,
      publishedAt: new Date('2026-05-01T08:00:00Z'),
      analysis: { score: 0.7, importance: 4, companies: [{ id: nvidia }], topics: [{ slug: 'ai' }] },
    });
    await insertArticle(api, {
      title: 'Surviving story',
      publishedAt: new Date('2026-05-01T08:30:00Z'),
      analysis: { score: -0.7, importance: 4, companies: [{ id: nvidia }], topics: [{ slug: 'ai' }] },
    });
    const id = globalId('Source', source.id);
    const asAdmin = async (mutation: string) =>
      (await api.gql(mutation, { s: id }, { token: api.users.ADMIN.token })).body.data;
    expect(await asAdmin('mutation($s: ID!) { pauseSource(id: $s) { status } }')).toEqual({
      pauseSource: { status: 'PAUSED' },
    });
    expect(await asAdmin('mutation($s: ID!) { resumeSource(id: $s) { status } }')).toEqual({
      resumeSource: { status: 'ACTIVE' },
    });
    expect(await asAdmin('mutation($s: ID!) { deleteSource(id: $s) }')).toEqual({ deleteSource: id });
    const day = await api.db.sentimentBucket.findFirstOrThrow({
      where: {
        subject: 'COMPANY',
        subjectId: nvidia,
        granularity: 'DAY',
        bucketStart: new Date('2026-05-01T00:00:00Z'),
      },
    });
    expect(day).toMatchObject({ count: 1, bearish: 1, bullish: 0 });
    await expectBucketsConsistent();
    const audit = await api.db.auditEntry.findFirstOrThrow({
      where: { action: 'source.delete', entityId: String(source.id) },
    });
    expect(audit.before).toMatchObject({ url: 'https://doomed.example.com/rss', _count: { articles: 1 } });
  });
});

describe('users', () => {
  it('protects the last admin and deactivation ends sessions and tokens', async () => {
    // Its own users: promoting and deactivating the shared ones would change what other tests see.
    const editor = await addUser(api.db, { role: 'EDITOR', email: 'promoted@example.com', name: 'Promoted' });
    const viewer = await addUser(api.db, { role: 'VIEWER', email: 'leaving@example.com', name: 'Leaving' });
    // The seeded admin is the only one: it can be neither demoted nor deactivated.
    const demote = await api.gql(
      'mutation($u: ID!) { setUserRole(userId: $u, role: EDITOR) { role } }',
      { u: globalId('User', api.users.ADMIN.id) },
      { token: api.users.ADMIN.token },
    );
    expect(demote.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
    const lastAdmin = await api.gql(
      'mutation($u: ID!) { deactivateUser(userId: $u) { active } }',
      { u: globalId('User', api.users.ADMIN.id) },
      { token: api.users.ADMIN.token },
    );
    expect(lastAdmin.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
    const promoted = await api.gql(
      'mutation($u: ID!) { setUserRole(userId: $u, role: ADMIN) { role } }',
      { u: globalId('User', editor.id) },
      { token: api.users.ADMIN.token },
    );
    expect(promoted.body.data).toEqual({ setUserRole: { role: 'ADMIN' } });
    const nowAllowed = await api.gql(
      'mutation($u: ID!) { setUserRole(userId: $u, role: EDITOR) { role } }',
      { u: globalId('User', editor.id) },
      { token: api.users.ADMIN.token },
    );
    expect(nowAllowed.body.data).toEqual({ setUserRole: { role: 'EDITOR' } });

    const login = await api.gql(
      'mutation($p: String!) { login(email: "leaving@example.com", password: $p) { expiresAt } }',
      { p: PASSWORD },
    );
    const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    expect((await api.gql('{ me { email } }', {}, { cookie })).body.data).toEqual({
      me: { email: 'leaving@example.com' },
    });
    const deactivated = await api.gql(
      'mutation($u: ID!) { deactivateUser(userId: $u) { active } }',
      { u: globalId('User', viewer.id) },
      { token: api.users.ADMIN.token },
    );
    expect(deactivated.body.data).toEqual({ deactivateUser: { active: false } });
    expect((await api.gql('{ me { email } }', {}, { cookie })).body.data).toEqual({ me: null });
    expect((await api.gql('{ me { email } }', {}, { token: viewer.token })).status).toBe(401);
    const relogin = await api.gql(
      'mutation($p: String!) { login(email: "leaving@example.com", password: $p) { expiresAt } }',
      { p: PASSWORD },
    );
    expect(relogin.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
