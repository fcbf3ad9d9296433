import { describe, expect, it } from 'vitest';

import { evaluateArticleAlerts } from '@wirelens/services/alerts';

import { globalId, insertArticle, startFileTestApi } from './testing/harness.js';

const api = await startFileTestApi();

const CREATE = `mutation($input: CreateAlertRuleInput!) {
  createAlertRule(input: $input) { id name kind params cooldownMinutes enabled company { slug } }
}`;

const ruleInput = (name: string) => ({
  name,
  kind: 'ARTICLE',
  params: { minImportance: 7, sentiments: ['BEARISH'] },
  cooldownMinutes: 0,
  target: { companyId: globalId('Company', api.ids.companies.tesla as number) },
});

interface Rule {
  id: string;
  name: string;
  params: Record<string, unknown>;
  enabled: boolean;
}

describe('alert rules over HTTP', () => {
  it('analysts and above manage their own rules; viewers and anonymous callers are refused', async () => {
    const viewer = await api.gql(CREATE, { input: ruleInput('v') }, { token: api.users.VIEWER.token });
    expect(viewer.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await api.gql(CREATE, { input: ruleInput('a') });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const created = await api.gql<{ createAlertRule: Rule }>(
      CREATE,
      { input: ruleInput('Tesla bad news') },
      { token: api.users.ANALYST.token },
    );
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data?.createAlertRule).toMatchObject({
      name: 'Tesla bad news',
      kind: 'ARTICLE',
      params: { minImportance: 7, sentiments: ['BEARISH'] },
      cooldownMinutes: 0,
      enabled: true,
      company: { slug: 'tesla' },
    });
    const ruleId = created.body.data?.createAlertRule.id as string;

    // Someone else's rule (even an admin's view of it) is not found, and cannot be changed.
    const update = `mutation($input: UpdateAlertRuleInput!) { updateAlertRule(input: $input) { enabled } }`;
    const foreign = await api.gql(
      update,
      { input: { id: ruleId, enabled: false } },
      { token: api.users.ADMIN.token },
    );
    expect(foreign.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const del = await api.gql(
      `mutation($id: ID!) { deleteAlertRule(id: $id) }`,
      { id: ruleId },
      { token: api.users.EDITOR.token },
    );
    expect(del.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const own = await api.gql<{ updateAlertRule: { enabled: boolean } }>(
      update,
      { input: { id: ruleId, enabled: false } },
      { token: api.users.ANALYST.token },
    );
    expect(own.body.data?.updateAlertRule.enabled).toBe(false);
    const invalid = await api.gql(
      update,
      { input: { id: ruleId, params: { minImportance: 11 } } },
      { token: api.users.ANALYST.token },
    );
    expect(invalid.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const audit = await api.db.auditEntry.findMany({
      where: { entityType: 'AlertRule' },
      select: { action: true, actorId: true },
      orderBy: { id: 'asc' },
    });
    expect(audit).toEqual([
      { action: 'alertRule.create', actorId: api.users.ANALYST.id },
      { action: 'alertRule.update', actorId: api.users.ANALYST.id },
    ]);
  });

  it('a firing reaches its owner as an unread notification with its figures and article; marking it read clears the bell', async () => {
    const created = await api.gql<{ createAlertRule: Rule }>(
      CREATE,
      { input: ruleInput('Tesla alerts') },
      { token: api.users.EDITOR.token },
    );
    expect(created.body.errors).toBeUndefined();
    const articleId = await insertArticle(api, {
      title: 'Tesla recalls every car',
      publishedAt: new Date(),
      analysis: { score: -0.8, importance: 9, companies: [{ id: api.ids.companies.tesla as number }] },
    });
    // What the worker's alerts-evaluate-article job does after the analysis is stored.
    expect(await evaluateArticleAlerts({ db: api.db, articleIds: [articleId] })).toHaveLength(1);

    const token = api.users.EDITOR.token;
    const bell = await api.gql<{
      unreadNotificationCount: number;
      notifications: {
        edges: {
          node: {
            id: string;
            readAt: string | null;
            firing: {
              kind: string;
              figures: Record<string, unknown>;
              rule: { name: string };
              articles: { title: string }[];
            };
          };
        }[];
      };
    }>(
      `{ unreadNotificationCount notifications(first: 10) { edges { node { id readAt firing { kind figures rule { name } articles { title } } } } } }`,
      {},
      { token },
    );
    expect(bell.body.errors).toBeUndefined();
    expect(bell.body.data?.unreadNotificationCount).toBe(1);
    expect(bell.body.data?.notifications.edges.map((e) => e.node.firing)).toEqual([
      {
        kind: 'ARTICLE',
        figures: { importance: 9, sentimentLabel: 'BEARISH', sentimentScore: -0.8, minImportance: 7 },
        rule: { name: 'Tesla alerts' },
        articles: [{ title: 'Tesla recalls every car' }],
      },
    ]);
    // The rule shows its last firing and why.
    const rules = await api.gql<{
      alertRules: { lastFiring: { kind: string; figures: Record<string, unknown> } | null }[];
    }>('{ alertRules { lastFiring { kind figures } } }', {}, { token });
    expect(rules.body.errors).toBeUndefined();
    expect(rules.body.data?.alertRules).toEqual([
      {
        lastFiring: {
          kind: 'ARTICLE',
          figures: { importance: 9, sentimentLabel: 'BEARISH', sentimentScore: -0.8, minImportance: 7 },
        },
      },
    ]);
    // Nobody else sees it.
    const other = await api.gql<{ unreadNotificationCount: number }>(
      '{ unreadNotificationCount }',
      {},
      { token: api.users.ADMIN.token },
    );
    expect(other.body.data?.unreadNotificationCount).toBe(0);

    const marked = await api.gql<{ markNotificationsRead: number }>(
      'mutation { markNotificationsRead }',
      {},
      { token },
    );
    expect(marked.body.data?.markNotificationsRead).toBe(1);
    const after = await api.gql<{ unreadNotificationCount: number }>(
      '{ unreadNotificationCount }',
      {},
      { token },
    );
    expect(after.body.data?.unreadNotificationCount).toBe(0);
  });

  it("an editor's correction queues the alert evaluation of the article", async () => {
    const articleId = await insertArticle(api, {
      title: 'Shell outlook',
      publishedAt: new Date(),
      analysis: { score: 0.1, importance: 4 },
    });
    const { reviewVersion } = await api.db.article.findUniqueOrThrow({ where: { id: articleId } });
    const response = await api.gql(
      `mutation($input: CorrectAnalysisInput!) { correctAnalysis(input: $input) { __typename } }`,
      {
        input: {
          articleId: globalId('Article', articleId),
          expectedVersion: reviewVersion,
          sentimentScore: -0.7,
        },
      },
      { token: api.users.EDITOR.token },
    );
    expect(response.body.data).toEqual({ correctAnalysis: { __typename: 'ReviewSuccess' } });
    expect((await api.queuedJobs()).filter((j) => j.name === 'alerts-evaluate-article')).toContainEqual({
      name: 'alerts-evaluate-article',
      data: { articleId },
      singletonKey: `alerts-${articleId}`,
    });
  });
});
