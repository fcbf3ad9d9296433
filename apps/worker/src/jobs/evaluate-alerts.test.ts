import { describe, expect, it } from 'vitest';

import { JOBS } from '@wirelens/core/jobs';
import { sampleAnalysisResult } from '@wirelens/core/testing';
import { createAlertRule } from '@wirelens/services/alerts';
import { storeAnalysisRun } from '@wirelens/services/analysis';
import { createAlertFixture } from '@wirelens/services/testing';

import { startTestWorker } from '../testing/test-worker.js';
import { workerTestContext } from '../testing/worker-test-context.js';
import { evaluateArticleAlertsHandler, evaluateWindowRulesHandler } from './evaluate-alerts.js';

const ctx = workerTestContext({ feedServer: false });

describe('alert evaluation jobs', () => {
  it('fire the article rule at once and the window rule through its own queued job', async () => {
    const { db } = ctx.test;
    const owner = await db.user.create({
      data: { email: 'desk@example.com', passwordHash: 'x', role: 'ANALYST' },
    });
    const { rule: articleRule, article, company } = await createAlertFixture(db, owner.id);
    await db.article.update({
      where: { id: article.id },
      data: { publishedAt: new Date(Date.now() - 5 * 60_000) },
    });
    const attentionRule = await createAlertRule({
      db,
      actor: { userId: owner.id },
      name: 'Anything at all on Nvidia this hour',
      kind: 'ATTENTION',
      params: { window: 'HOUR', mode: 'RATIO', k: 1, baselineWindows: 2, minArticles: 1 },
      target: { companyId: company.id, topicId: null, watchlistId: null, savedFilterId: null },
    });
    await storeAnalysisRun({
      db,
      articleId: article.id,
      durationMs: 1,
      result: sampleAnalysisResult({
        score: -0.5,
        importance: 8,
        companies: [
          {
            companyId: String(company.id),
            proposedName: null,
            name: 'Nvidia',
            relevance: 0.9,
            sentimentScore: -0.5,
            sentences: ['Nvidia falls.'],
          },
        ],
      }),
    });
    ctx.worker = await startTestWorker(ctx.test, {
      handlers: [evaluateArticleAlertsHandler, evaluateWindowRulesHandler],
    });

    await ctx.worker.jobs.send(JOBS.evaluateArticleAlerts, { articleId: article.id });

    const firedRules = () =>
      db.alertFiring.findMany({ orderBy: { id: 'asc' } }).then((rows) => rows.map((f) => f.ruleId));
    await expect
      .poll(firedRules, { timeout: 30_000, interval: 200 })
      .toEqual([articleRule.id, attentionRule]);
    const windowJobs = () =>
      db.$queryRawUnsafe<{ state: string; data: { ruleIds: number[] } }[]>(
        `SELECT state::text AS state, data FROM pgboss.job WHERE name = $1`,
        JOBS.evaluateWindowRules.name,
      );
    await expect
      .poll(windowJobs, { timeout: 10_000, interval: 100 })
      .toEqual([{ state: 'completed', data: { ruleIds: [attentionRule] } }]);
    expect(await db.notification.count({ where: { userId: owner.id } })).toBe(2);
  });
});
