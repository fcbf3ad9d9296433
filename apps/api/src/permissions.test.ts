import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RoleName } from '@wirelens/core';
import { lockOutUser } from '@wirelens/db/testing';

import {
  globalId,
  insertArticle,
  PASSWORD,
  ROLE_NAMES,
  startTestApi,
  type TestApi,
} from './testing/harness.js';

let api: TestApi;
let fx: {
  article: string;
  company: string;
  proposed: string;
  proposed2: string;
  mergeSource: string;
  source: string;
  user: string;
  locked: string;
  topic: string;
};

beforeAll(async () => {
  api = await startTestApi();
  const articleId = await insertArticle(api, {
    title: 'Matrix',
    publishedAt: new Date('2026-01-01T00:00:00Z'),
    analysis: { score: 0.2, importance: 5 },
  });
  const proposed = await api.db.company.create({
    data: { slug: 'acme-labs', name: 'Acme Labs', status: 'PROPOSED' },
  });
  const proposed2 = await api.db.company.create({
    data: { slug: 'bogus-co', name: 'Bogus Co', status: 'PROPOSED' },
  });
  const mergeSource = await api.db.company.create({
    data: { slug: 'nvidia-corp-dup', name: 'NVIDIA Corp', status: 'CONFIRMED' },
  });
  const source = await api.db.source.create({
    data: { url: 'https://feeds.example.net/matrix', title: 'Matrix feed' },
  });
  const user = await api.db.user.create({
    data: { email: 'target@example.com', passwordHash: 'x', role: 'VIEWER' },
  });
  const locked = await api.db.user.create({
    data: { email: 'locked@example.com', passwordHash: 'x', role: 'VIEWER' },
  });
  await lockOutUser(api.db, locked);
  fx = {
    locked: globalId('User', locked.id),
    article: globalId('Article', articleId),
    company: globalId('Company', api.ids.companies.nvidia as number),
    proposed: globalId('Company', proposed.id),
    proposed2: globalId('Company', proposed2.id),
    mergeSource: globalId('Company', mergeSource.id),
    source: globalId('Source', source.id),
    user: globalId('User', user.id),
    topic: globalId('Topic', api.ids.topics.ai as number),
  };
});
afterAll(async () => {
  await api.close();
});

type Minimum = RoleName | 'ANYONE';
/** An operation without variables, its query fixed (one that counts calls for a fresh query each run). */
const plain = (query: string) => () => ({ query });
/** An operation whose `$id` is the global ID of a fixture, read (like a query that counts) when the test runs. */
const withId = (query: string | (() => string), fixture: keyof typeof fx) => () => ({
  query: typeof query === 'string' ? query : query(),
  variables: { id: fx[fixture] },
});
/** A `mutation(input: $input)`, its input type named as the API names them, the input built when the test runs. */
const withInput = (mutation: string, input: () => Record<string, unknown>, selection = '{ id }') => {
  const inputType = `${mutation.charAt(0).toUpperCase()}${mutation.slice(1)}Input`;
  return () => ({
    query: `mutation($input: ${inputType}!) { ${mutation}(input: $input) ${selection} }`,
    variables: { input: input() },
  });
};
let counter = 0;
const NO_WATCHLIST = globalId('Watchlist', 999_999);
const NO_ALERT_RULE = globalId('AlertRule', 999_999);
const NO_WEBHOOK = globalId('WebhookEndpoint', 999_999);
/** Allowed mutations that change nothing another user sees, so they write no audit entry. */
const UNAUDITED = new Set(['logout', 'markNotificationsRead']);
const MUTATIONS: [string, Minimum, () => { query: string; variables?: Record<string, unknown> }][] = [
  [
    'login',
    'ANYONE',
    () => ({
      query: 'mutation($p: String!) { login(email: "viewer@example.com", password: $p) { expiresAt } }',
      variables: { p: PASSWORD },
    }),
  ],
  ['logout', 'ANYONE', plain('mutation { logout }')],
  ['createApiToken', 'ANALYST', plain('mutation { createApiToken(name: "m") { secret } }')],
  [
    'revokeApiToken',
    'ANALYST',
    plain(`mutation { revokeApiToken(id: "${globalId('ApiToken', 999999)}") { id } }`),
  ],
  [
    'correctAnalysis',
    'EDITOR',
    withId(
      'mutation($id: ID!) { correctAnalysis(input: { articleId: $id, expectedVersion: 0, importance: 7 }) { __typename } }',
      'article',
    ),
  ],
  [
    'approveAnalysis',
    'EDITOR',
    withId(
      'mutation($id: ID!) { approveAnalysis(input: { articleId: $id, expectedVersion: 0 }) { __typename } }',
      'article',
    ),
  ],
  [
    'rejectAnalysis',
    'EDITOR',
    withId(
      'mutation($id: ID!) { rejectAnalysis(input: { articleId: $id, expectedVersion: 0 }) { __typename } }',
      'article',
    ),
  ],
  [
    'reanalyzeArticle',
    'EDITOR',
    withId('mutation($id: ID!) { reanalyzeArticle(id: $id) { id } }', 'article'),
  ],
  [
    'createCompany',
    'EDITOR',
    () => ({ query: `mutation { createCompany(input: { name: "New Co ${(counter += 1)}" }) { slug } }` }),
  ],
  [
    'addCompanyAlias',
    'EDITOR',
    withId(
      () =>
        `mutation($id: ID!) { addCompanyAlias(companyId: $id, alias: "Team Green ${(counter += 1)}") { slug } }`,
      'company',
    ),
  ],
  [
    'mergeCompanies',
    'EDITOR',
    () => ({
      query: 'mutation($s: ID!, $t: ID!) { mergeCompanies(sourceId: $s, targetId: $t) { slug } }',
      variables: { s: fx.mergeSource, t: fx.company },
    }),
  ],
  [
    'confirmCompany',
    'EDITOR',
    withId('mutation($id: ID!) { confirmCompany(id: $id) { status } }', 'proposed'),
  ],
  [
    'rejectCompany',
    'EDITOR',
    withId('mutation($id: ID!) { rejectCompany(id: $id) { status } }', 'proposed2'),
  ],
  [
    'removeCompanyAlias',
    'EDITOR',
    withId(
      'mutation($id: ID!) { removeCompanyAlias(companyId: $id, alias: "Team Green 1") { slug } }',
      'company',
    ),
  ],
  [
    'addCompanyTicker',
    'EDITOR',
    withId(
      () => `mutation($id: ID!) { addCompanyTicker(companyId: $id, symbol: "NV${(counter += 1)}") { slug } }`,
      'company',
    ),
  ],
  [
    'removeCompanyTicker',
    'EDITOR',
    withId('mutation($id: ID!) { removeCompanyTicker(companyId: $id, symbol: "NV1") { slug } }', 'company'),
  ],
  [
    'addSource',
    'ADMIN',
    () => ({
      query: `mutation { addSource(input: { url: "https://feeds.example.net/new-${(counter += 1)}" }) { url } }`,
    }),
  ],
  [
    'updateSource',
    'ADMIN',
    withId('mutation($id: ID!) { updateSource(input: { id: $id, title: "Renamed" }) { title } }', 'source'),
  ],
  ['pauseSource', 'ADMIN', withId('mutation($id: ID!) { pauseSource(id: $id) { status } }', 'source')],
  ['resumeSource', 'ADMIN', withId('mutation($id: ID!) { resumeSource(id: $id) { status } }', 'source')],
  ['refreshSource', 'ADMIN', withId('mutation($id: ID!) { refreshSource(id: $id) { id } }', 'source')],
  [
    'importOpml',
    'ADMIN',
    () => ({
      query: 'mutation($o: String!) { importOpml(opml: $o) { added { url } skipped { url reason } } }',
      variables: {
        o: `<opml version="2.0"><body><outline type="rss" text="A" xmlUrl="https://opml.example.com/${(counter += 1)}.xml"/><outline type="rss" text="L" xmlUrl="http://localhost/feed"/></body></opml>`,
      },
    }),
  ],
  ['exportOpml', 'ADMIN', plain('mutation { exportOpml }')],
  ['deleteSource', 'ADMIN', withId('mutation($id: ID!) { deleteSource(id: $id) }', 'source')],
  [
    'createUser',
    'ADMIN',
    () => ({
      query: `mutation { createUser(email: "new${(counter += 1)}@example.com", role: VIEWER) { generatedPassword } }`,
    }),
  ],
  [
    'setUserRole',
    'ADMIN',
    withId('mutation($id: ID!) { setUserRole(userId: $id, role: ANALYST) { role } }', 'user'),
  ],
  ['deactivateUser', 'ADMIN', withId('mutation($id: ID!) { deactivateUser(userId: $id) { id } }', 'user')],
  ['reactivateUser', 'ADMIN', withId('mutation($id: ID!) { reactivateUser(userId: $id) { id } }', 'user')],
  [
    'resetPassword',
    'ADMIN',
    withId('mutation($id: ID!) { resetPassword(userId: $id) { generatedPassword } }', 'user'),
  ],
  ['unlockUser', 'ADMIN', withId('mutation($id: ID!) { unlockUser(userId: $id) { id } }', 'locked')],
  [
    'changePassword',
    'VIEWER',
    // A wrong current password: allowed to try, nothing changes (the role's password stays for other tests).
    plain('mutation { changePassword(currentPassword: "not the password", newPassword: "x") { id } }'),
  ],
  // Watchlists are everyone's own: any signed-in user may keep them; someone else's list is NOT_FOUND.
  [
    'createWatchlist',
    'VIEWER',
    () => ({ query: `mutation { createWatchlist(name: "List ${++counter}") { id } }` }),
  ],
  [
    'renameWatchlist',
    'VIEWER',
    plain(`mutation { renameWatchlist(id: "${NO_WATCHLIST}", name: "Renamed") { id } }`),
  ],
  ['deleteWatchlist', 'VIEWER', plain(`mutation { deleteWatchlist(id: "${NO_WATCHLIST}") }`)],
  [
    'addWatchlistItem',
    'VIEWER',
    () => ({
      query: `mutation($item: WatchlistItemInput!) { addWatchlistItem(watchlistId: "${NO_WATCHLIST}", item: $item) { id } }`,
      variables: { item: { companyId: fx.company } },
    }),
  ],
  [
    'removeWatchlistItem',
    'VIEWER',
    () => ({
      query: `mutation($item: WatchlistItemRefInput!) { removeWatchlistItem(watchlistId: "${NO_WATCHLIST}", item: $item) { id } }`,
      variables: { item: { companyId: fx.company } },
    }),
  ],
  // Marking your own notifications read changes nothing anyone else sees: not audited.
  ['markNotificationsRead', 'VIEWER', plain('mutation { markNotificationsRead }')],
  [
    'createAlertRule',
    'ANALYST',
    withInput('createAlertRule', () => ({
      name: `Rule ${++counter}`,
      kind: 'ARTICLE',
      params: { minImportance: 7 },
      target: { companyId: fx.company },
    })),
  ],
  ['updateAlertRule', 'ANALYST', withInput('updateAlertRule', () => ({ id: NO_ALERT_RULE, enabled: false }))],
  ['deleteAlertRule', 'ANALYST', plain(`mutation { deleteAlertRule(id: "${NO_ALERT_RULE}") }`)],
  [
    'createWebhookEndpoint',
    'ANALYST',
    withInput(
      'createWebhookEndpoint',
      () => ({ name: `Hook ${++counter}`, url: 'https://hooks.example.com/wirelens' }),
      '{ secret }',
    ),
  ],
  [
    'updateWebhookEndpoint',
    'ANALYST',
    withInput('updateWebhookEndpoint', () => ({ id: NO_WEBHOOK, enabled: false })),
  ],
  ['deleteWebhookEndpoint', 'ANALYST', plain(`mutation { deleteWebhookEndpoint(id: "${NO_WEBHOOK}") }`)],
  ['pauseWebhookEndpoint', 'ANALYST', plain(`mutation { pauseWebhookEndpoint(id: "${NO_WEBHOOK}") { id } }`)],
  [
    'resumeWebhookEndpoint',
    'ANALYST',
    plain(`mutation { resumeWebhookEndpoint(id: "${NO_WEBHOOK}") { id } }`),
  ],
  [
    'rotateWebhookSecret',
    'ANALYST',
    plain(`mutation { rotateWebhookSecret(id: "${NO_WEBHOOK}") { secret } }`),
  ],
  ['sendTestWebhook', 'ANALYST', plain(`mutation { sendTestWebhook(id: "${NO_WEBHOOK}") { id } }`)],
  ['trainAnalyzer', 'ADMIN', plain('mutation { trainAnalyzer }')],
  [
    'activateAnalyzerModel',
    'ADMIN',
    plain('mutation { activateAnalyzerModel(version: null) { activeModel { version } } }'),
  ],
];

describe('mutation × role matrix', () => {
  it('covers every mutation in the schema', async () => {
    const response = await api.gql<{ __type: { fields: { name: string }[] } }>(
      '{ __type(name: "Mutation") { fields { name } } }',
    );
    expect(response.body.data?.__type.fields.map((f) => f.name).sort()).toEqual(
      MUTATIONS.map(([name]) => name).sort(),
    );
  });

  it.each(MUTATIONS)('%s needs %s', async (name, minimum, operation) => {
    const anonymous = await api.gql(operation().query, operation().variables);
    if (minimum === 'ANYONE')
      expect(anonymous.body.errors?.[0]?.extensions?.code).not.toBe('UNAUTHENTICATED');
    else expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    for (const role of ROLE_NAMES) {
      const allowed = minimum === 'ANYONE' || ROLE_NAMES.indexOf(role) >= ROLE_NAMES.indexOf(minimum);
      const auditBefore = await api.db.auditEntry.count();
      const { query, variables } = operation();
      const response = await api.gql(query, variables, { token: api.users[role].token });
      const code = response.body.errors?.[0]?.extensions?.code;
      if (allowed) {
        expect(code, `${name} as ${role}: ${JSON.stringify(response.body.errors)}`).not.toBe('FORBIDDEN');
        expect(code).not.toBe('UNAUTHENTICATED');
        // Every successful change is audited (logout by token ends no session, so it changes nothing).
        if (!response.body.errors && !UNAUDITED.has(name))
          expect(await api.db.auditEntry.count(), `${name} audited`).toBeGreaterThan(auditBefore);
      } else {
        expect(code, `${name} as ${role}`).toBe('FORBIDDEN');
        expect(await api.db.auditEntry.count()).toBe(auditBefore);
      }
    }
  });

  it('lets each role read what it may and no more', async () => {
    const health = '{ sources(first: 5) { edges { node { url consecutiveFailures } } } }';
    expect(
      (await api.gql(health, {}, { token: api.users.EDITOR.token })).body.errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await api.gql(health, {}, { token: api.users.ADMIN.token })).body.errors).toBeUndefined();
    expect(
      (
        await api.gql(
          '{ sources(first: 5) { totalCount edges { node { url } } } }',
          {},
          { token: api.users.VIEWER.token },
        )
      ).body.errors,
    ).toBeUndefined();
    expect(
      (await api.gql('{ reviewQueue(first: 1) { totalCount } }', {}, { token: api.users.ANALYST.token })).body
        .errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await api.gql('{ users(first: 1) { totalCount } }', {}, { token: api.users.EDITOR.token })).body
        .errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    const editorEmail = await api.gql<{ article: { corrections: unknown[] } }>(
      `{ auditLog(first: 3) { edges { node { action actor { name email } } } } }`,
      {},
      { token: api.users.EDITOR.token },
    );
    expect(editorEmail.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(editorEmail.body.errors?.[0]?.path?.at(-1)).toBe('email');

    // Objects fetched by global ID keep their type's rules.
    const token = await api.db.apiToken.findFirstOrThrow({ where: { userId: api.users.ANALYST.id } });
    const nodeQuery = `{ node(id: "${globalId('ApiToken', token.id)}") { ... on ApiToken { name } } }`;
    expect((await api.gql(nodeQuery, {}, { token: api.users.ANALYST.token })).body.data).toEqual({
      node: { name: 'ANALYST test token' },
    });
    expect(
      (await api.gql(nodeQuery, {}, { token: api.users.EDITOR.token })).body.errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await api.gql(nodeQuery, {}, { token: api.users.ADMIN.token })).body.errors).toBeUndefined();
    const entry = await api.db.auditEntry.findFirstOrThrow();
    const auditNode = `{ node(id: "${globalId('AuditEntry', Number(entry.id))}") { ... on AuditEntry { action } } }`;
    expect(
      (await api.gql(auditNode, {}, { token: api.users.ANALYST.token })).body.errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await api.gql(auditNode, {}, { token: api.users.EDITOR.token })).body.errors).toBeUndefined();
    const malformed = await api.gql('{ node(id: "%%%") { id } }', {}, { token: api.users.VIEWER.token });
    expect(malformed.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
