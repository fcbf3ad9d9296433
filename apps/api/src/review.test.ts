import { describe, expect, it } from 'vitest';

import { storeAnalysisRun } from '@wirelens/services/analysis';
import { decideAnalysis } from '@wirelens/services/review';
import { createApiToken } from '@wirelens/services/tokens';

import {
  analysisResult,
  editorCorrects,
  globalId,
  insertArticle,
  startFileTestApi,
  startTestApi,
  type TestApi,
} from './testing/harness.js';

const api = await startFileTestApi();

const ARTICLE = `query Article($id: ID!) {
  article(id: $id) {
    reviewStatus reviewVersion
    analysis { sentimentLabel sentimentScore importance summary correctedFields reviewVersion }
    aiAnalysis { sentimentScore importance summary }
    analyses(first: 10) { totalCount }
    companies { company { slug } relevance }
    corrections {
      action version note editor { name } changedFields
      before { importance sentimentScore }
      after { importance sentimentScore companies { companyId company { slug } } }
      values { importance summary }
    }
  }
}`;

const CORRECT = `mutation Correct($input: CorrectAnalysisInput!) {
  correctAnalysis(input: $input) {
    __typename
    ... on ReviewSuccess { version reviewStatus article { analysis { importance summary sentimentLabel } } }
    ... on AnalysisConflict { currentVersion current { importance summary } yourValues { importance summary } lastChangedBy { name } lastChangedAt }
  }
}`;

interface ArticleData {
  article: {
    reviewStatus: string;
    reviewVersion: number;
    analysis: {
      sentimentLabel: string;
      sentimentScore: number;
      importance: number;
      summary: string;
      correctedFields: string[];
      reviewVersion: number;
    };
    aiAnalysis: { sentimentScore: number; importance: number; summary: string };
    analyses: { totalCount: number };
    companies: { company: { slug: string }; relevance: number }[];
    corrections: {
      action: string;
      version: number;
      note: string | null;
      editor: { name: string };
      changedFields: string[];
      before: Record<string, unknown>;
      after: Record<string, unknown> & { companies: { companyId: string; company: { slug: string } }[] };
      values: { importance: number | null; summary: string | null };
    }[];
  };
}

async function read(id: string) {
  const response = await api.gql<ArticleData>(ARTICLE, { id }, { token: api.users.VIEWER.token });
  expect(response.body.errors).toBeUndefined();
  return (response.body.data as ArticleData).article;
}

async function secondEditor(): Promise<string> {
  const created = await api.gql<{ createUser: { user: { id: string } } }>(
    'mutation { createUser(email: "editor2@example.com", name: "EDITOR2", role: EDITOR, password: "another long password") { user { id } } }',
    {},
    { token: api.users.ADMIN.token },
  );
  expect(created.body.errors).toBeUndefined();
  const user = await api.db.user.findUniqueOrThrow({ where: { email: 'editor2@example.com' } });
  return (await createApiToken({ db: api.db, actor: { userId: user.id }, name: 'e2' })).secret;
}

describe('correction workflow', () => {
  it('overlays corrections on the AI values and keeps them through re-analysis', async () => {
    const nvidia = api.ids.companies.nvidia as number;
    const articleId = await insertArticle(api, {
      title: 'Nvidia beats estimates',
      publishedAt: new Date('2026-03-02T10:00:00Z'),
      analysis: {
        score: 0.5,
        importance: 6,
        companies: [{ id: nvidia }],
        topics: [{ slug: 'earnings' }],
        summary: 'AI summary',
      },
    });
    const id = globalId('Article', articleId);
    const before = await read(id);
    expect(before.analysis).toMatchObject({
      sentimentLabel: 'BULLISH',
      importance: 6,
      summary: 'AI summary',
      correctedFields: [],
    });

    const corrected = await api.gql(
      CORRECT,
      {
        input: {
          articleId: id,
          expectedVersion: before.reviewVersion,
          importance: 9,
          sentimentScore: -0.2,
          note: 'guidance was cut',
        },
      },
      { token: api.users.EDITOR.token },
    );
    expect(corrected.body.errors).toBeUndefined();
    expect(corrected.body.data).toMatchObject({
      correctAnalysis: {
        __typename: 'ReviewSuccess',
        reviewStatus: 'APPROVED',
        article: { analysis: { importance: 9, summary: 'AI summary', sentimentLabel: 'SOMEWHAT_BEARISH' } },
      },
    });

    const after = await read(id);
    expect(after.analysis).toMatchObject({ importance: 9, sentimentScore: -0.2, summary: 'AI summary' });
    expect(after.analysis.correctedFields.sort()).toEqual(['importance', 'sentimentLabel', 'sentimentScore']);
    expect(after.aiAnalysis).toMatchObject({ importance: 6, sentimentScore: 0.5 });
    expect(after.corrections).toHaveLength(1);
    expect(after.corrections[0]).toMatchObject({
      action: 'CORRECT',
      note: 'guidance was cut',
      editor: { name: 'EDITOR' },
    });
    expect(after.corrections[0]?.before).toMatchObject({ importance: 6, sentimentScore: 0.5 });
    expect(after.corrections[0]?.after).toMatchObject({
      importance: 9,
      sentimentScore: -0.2,
      companies: [{ companyId: globalId('Company', nvidia), company: { slug: 'nvidia' } }],
    });
    // The editor's own values: what they corrected, null for the rest.
    expect(after.corrections[0]?.values).toEqual({ importance: 9, summary: null });
    expect(after.corrections[0]?.changedFields.sort()).toEqual([
      'importance',
      'sentimentLabel',
      'sentimentScore',
    ]);

    // A new AI run that disagrees: history grows, corrections stay, review is requested again.
    await storeAnalysisRun({
      db: api.db,
      articleId,
      result: analysisResult({
        score: 0.6,
        importance: 5,
        companies: [{ id: nvidia }],
        summary: 'New AI summary',
      }),
      durationMs: 1,
    });
    const rerun = await read(id);
    expect(rerun.analyses.totalCount).toBe(2);
    expect(rerun.reviewStatus).toBe('NEEDS_REREVIEW');
    expect(rerun.analysis).toMatchObject({ importance: 9, sentimentScore: -0.2, summary: 'New AI summary' });
    expect(rerun.aiAnalysis).toMatchObject({ importance: 5, summary: 'New AI summary' });

    // The sentiment series follows the effective value.
    const series = await api.db.sentimentBucket.findMany({
      where: { subject: 'COMPANY', subjectId: nvidia, granularity: 'DAY' },
    });
    expect(series).toEqual([
      expect.objectContaining({
        count: 1,
        scoreSum: expect.closeTo(-0.2, 9) as number,
        bearish: 1,
        bullish: 0,
      }),
    ]);

    // Rejecting removes the article from the series; the history keeps everything.
    const rejected = await api.gql(
      'mutation R($input: ReviewDecisionInput!) { rejectAnalysis(input: $input) { __typename ... on ReviewSuccess { reviewStatus } } }',
      { input: { articleId: id, expectedVersion: rerun.reviewVersion, note: 'duplicate wire copy' } },
      { token: api.users.EDITOR.token },
    );
    expect(rejected.body.data).toEqual({
      rejectAnalysis: { __typename: 'ReviewSuccess', reviewStatus: 'REJECTED' },
    });
    const emptied = await api.db.sentimentBucket.findMany({
      where: { subject: 'COMPANY', subjectId: nvidia, count: { gt: 0 } },
    });
    expect(emptied).toEqual([]);
    expect((await read(id)).corrections.map((c) => c.action)).toEqual(['CORRECT', 'REJECT']);
  });

  it('detects two editors correcting concurrently: one wins, one gets CONFLICT, nothing lost, both audited', async () => {
    const token2 = await secondEditor();
    const articleId = await insertArticle(api, {
      title: 'Tesla recalls cars',
      publishedAt: new Date('2026-03-03T10:00:00Z'),
      analysis: { score: -0.4, importance: 5, summary: 'Original' },
    });
    const id = globalId('Article', articleId);
    const { reviewVersion } = await read(id);
    const [a, b] = await Promise.all([
      api.gql(
        CORRECT,
        { input: { articleId: id, expectedVersion: reviewVersion, importance: 8, note: 'editor one' } },
        { token: api.users.EDITOR.token },
      ),
      api.gql(
        CORRECT,
        {
          input: {
            articleId: id,
            expectedVersion: reviewVersion,
            summary: 'Editor two text',
            note: 'editor two',
          },
        },
        { token: token2 },
      ),
    ]);
    const results = [a, b].map(
      (r) => (r.body.data as { correctAnalysis: { __typename: string } }).correctAnalysis,
    );
    expect(results.map((r) => r.__typename).sort()).toEqual(['AnalysisConflict', 'ReviewSuccess']);
    const conflict = results.find((r) => r.__typename === 'AnalysisConflict') as unknown as {
      currentVersion: number;
      current: { importance: number; summary: string };
      yourValues: { importance: number | null; summary: string | null };
      lastChangedBy: { name: string };
      lastChangedAt: string;
    };
    expect(conflict.currentVersion).toBe(reviewVersion + 1);
    expect(conflict.lastChangedBy.name).toMatch(/^EDITOR2?$/);
    expect(conflict.lastChangedAt).toEqual(expect.any(String));

    // The loser retries on the current version: both edits are in force, nothing lost.
    const loserToken = conflict.yourValues.summary ? token2 : api.users.EDITOR.token;
    const retry = await api.gql(
      CORRECT,
      {
        input: {
          articleId: id,
          expectedVersion: conflict.currentVersion,
          ...(conflict.yourValues.summary
            ? { summary: conflict.yourValues.summary }
            : { importance: conflict.yourValues.importance }),
        },
      },
      { token: loserToken },
    );
    expect((retry.body.data as { correctAnalysis: { __typename: string } }).correctAnalysis.__typename).toBe(
      'ReviewSuccess',
    );
    const final = await read(id);
    expect(final.analysis).toMatchObject({ importance: 8, summary: 'Editor two text' });
    expect(final.corrections.map((c) => c.version)).toEqual([reviewVersion + 1, reviewVersion + 2]);
    const audit = await api.db.auditEntry.findMany({
      where: { entityType: 'Article', entityId: String(articleId) },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((e) => e.action).sort()).toEqual([
      'analysis.correct',
      'analysis.correct',
      'analysis.correct.conflict',
    ]);
    const failed = audit.find((e) => e.action === 'analysis.correct.conflict');
    expect(failed?.before).toEqual({ expectedVersion: reviewVersion, currentVersion: reviewVersion + 1 });
  });

  it('approves with a version check and validates correction input by field', async () => {
    const articleId = await insertArticle(api, {
      title: 'Apple event',
      publishedAt: new Date('2026-03-04T10:00:00Z'),
      analysis: { score: 0.1, importance: 3 },
    });
    const id = globalId('Article', articleId);
    const { reviewVersion } = await read(id);
    const stale = await api.gql(
      'mutation A($input: ReviewDecisionInput!) { approveAnalysis(input: $input) { __typename ... on AnalysisConflict { currentVersion } } }',
      { input: { articleId: id, expectedVersion: reviewVersion + 5 } },
      { token: api.users.EDITOR.token },
    );
    expect(stale.body.data).toEqual({
      approveAnalysis: { __typename: 'AnalysisConflict', currentVersion: reviewVersion },
    });
    const approved = await api.gql(
      'mutation A($input: ReviewDecisionInput!) { approveAnalysis(input: $input) { __typename ... on ReviewSuccess { reviewStatus version } } }',
      { input: { articleId: id, expectedVersion: reviewVersion } },
      { token: api.users.EDITOR.token },
    );
    expect(approved.body.data).toEqual({
      approveAnalysis: { __typename: 'ReviewSuccess', reviewStatus: 'APPROVED', version: reviewVersion + 1 },
    });

    const invalid = await api.gql(
      CORRECT,
      { input: { articleId: id, expectedVersion: 0, importance: 11, summary: 'x'.repeat(5000) } },
      { token: api.users.EDITOR.token },
    );
    expect(invalid.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'input.importance', message: expect.any(String) as string },
        { field: 'input.summary', message: 'must be at most 4000 characters' },
      ],
    });
    const contradiction = await api.gql(
      CORRECT,
      {
        input: {
          articleId: id,
          expectedVersion: reviewVersion + 1,
          sentimentLabel: 'BULLISH',
          sentimentScore: -0.9,
        },
      },
      {
        token: api.users.EDITOR.token,
      },
    );
    expect(contradiction.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.sentimentLabel',
    });
    const nothing = await api.gql(
      CORRECT,
      { input: { articleId: id, expectedVersion: 1 } },
      { token: api.users.EDITOR.token },
    );
    expect(nothing.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
  });

  it('keeps APPROVED when a new run agrees with the editor, and flags an approved article whose new run disagrees', async () => {
    const corrected = await insertArticle(api, {
      title: 'Agreeing run',
      publishedAt: new Date('2026-03-06T10:00:00Z'),
      analysis: { score: 0.1, importance: 4 },
    });
    await editorCorrects(api, corrected, { importance: 7 });
    const agreeing = await storeAnalysisRun({
      db: api.db,
      articleId: corrected,
      result: analysisResult({ score: 0.12, importance: 7 }),
      durationMs: 1,
    });
    expect(agreeing.reviewStatus).toBe('APPROVED');

    const approvedOnly = await insertArticle(api, {
      title: 'Approved only',
      publishedAt: new Date('2026-03-06T11:00:00Z'),
      analysis: { score: 0.1, importance: 4 },
    });
    await decideAnalysis({
      decision: 'APPROVE',
      db: api.db,
      articleId: approvedOnly,
      expectedVersion: 1,
      actor: { userId: api.users.EDITOR.id },
    });
    expect(
      (
        await storeAnalysisRun({
          db: api.db,
          articleId: approvedOnly,
          result: analysisResult({ score: 0.11, importance: 4 }),
          durationMs: 1,
        })
      ).reviewStatus,
    ).toBe('APPROVED');
    expect(
      (
        await storeAnalysisRun({
          db: api.db,
          articleId: approvedOnly,
          result: analysisResult({ score: -0.8, importance: 4 }),
          durationMs: 1,
        })
      ).reviewStatus,
    ).toBe('NEEDS_REREVIEW');
    // The approval carried no corrected fields, so the new AI values are in force.
    expect((await read(globalId('Article', approvedOnly))).analysis).toMatchObject({
      sentimentLabel: 'BEARISH',
      sentimentScore: -0.8,
    });
  });

  it('queues a re-analysis and audits it', async () => {
    const { articleId, response } = await reanalyzeNewArticle(api, 'Shell results');
    expect(response.body.data).toEqual({ reanalyzeArticle: { title: 'Shell results' } });
    expect((await api.queuedJobs()).at(-1)).toEqual({
      name: 'analysis-analyze-article',
      data: { articleId, reason: 'reanalyze' },
      singletonKey: `reanalyze-${articleId}`,
    });
    expect(
      await api.db.auditEntry.count({ where: { action: 'analysis.reanalyze', entityId: String(articleId) } }),
    ).toBe(1);
  });

  it('refuses an LLM run up front when no LLM is configured, queueing and auditing nothing', async () => {
    const before = (await api.queuedJobs()).length;
    const { articleId, response } = await reanalyzeNewArticle(api, 'Tesla deliveries', 'llm');
    expect(response.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'analyzer',
    });
    expect(response.body.errors?.[0]?.message).toMatch(/LLM_BASE_URL/);
    expect((await api.queuedJobs()).length).toBe(before);
    expect(
      await api.db.auditEntry.count({ where: { action: 'analysis.reanalyze', entityId: String(articleId) } }),
    ).toBe(0);

    const withLlm = await startTestApi({ server: { llmConfigured: true } });
    try {
      const queued = await reanalyzeNewArticle(withLlm, 'Tesla deliveries', 'llm');
      expect(queued.response.body.errors).toBeUndefined();
      expect((await withLlm.queuedJobs()).at(-1)).toMatchObject({
        data: { articleId: queued.articleId, analyzer: 'llm' },
      });
    } finally {
      await withLlm.close();
    }
  });
});

/** Adds an article to `on` and asks, as an editor, for its re-analysis (by `analyzer` when given). */
async function reanalyzeNewArticle(on: TestApi, title: string, analyzer?: string) {
  const articleId = await insertArticle(on, {
    title,
    publishedAt: new Date('2026-03-05T10:00:00Z'),
    analysis: { score: 0.2, importance: 4 },
  });
  const response = await on.gql(
    `mutation R($id: ID!) { reanalyzeArticle(id: $id${analyzer ? `, analyzer: "${analyzer}"` : ''}) { title } }`,
    { id: globalId('Article', articleId) },
    { token: on.users.EDITOR.token },
  );
  return { articleId, response };
}
