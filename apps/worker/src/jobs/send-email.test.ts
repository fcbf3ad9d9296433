import { afterEach, describe, expect, it } from 'vitest';

import { digestPeriod, type EmailConfig } from '@wirelens/core/email';
import { JOBS } from '@wirelens/core/jobs';
import { findFreePort } from '@wirelens/core/net';
import { articleUrls } from '@wirelens/db/testing';
import { createAlertRule, recordFiring } from '@wirelens/services/alerts';
import { createAnalyzerSet } from '@wirelens/services/analysis';
import { createMailer } from '@wirelens/services/email';
import { QUEUE_SCHEMA } from '@wirelens/services/queue';
import { startSmtpSink, testIngestConfig, type SmtpSink } from '@wirelens/services/testing';

import { runWorker, type RunningWorker } from '../run-worker.js';
import { workerTestContext } from '../testing/worker-test-context.js';
import { queueDigestEmailsHandler, sendDigestEmailHandler, sendFiringEmailHandler } from './send-email.js';

const ctx = workerTestContext({ feedServer: false });
let sink: SmtpSink | null = null;

afterEach(async () => {
  await sink?.close();
  sink = null;
});

function emailConfig(smtpUrl: string, digestHour = 7): EmailConfig {
  return {
    smtpUrl,
    from: 'Wirelens <alerts@wirelens.example>',
    publicUrl: 'https://wirelens.example',
    secret: 'a-test-secret-that-is-at-least-32-chars',
    digestHour,
  };
}

async function startWorker(config: EmailConfig): Promise<RunningWorker> {
  ctx.worker = await runWorker({
    connectionString: ctx.test.url,
    db: ctx.test.db,
    concurrency: 2,
    handlers: [sendFiringEmailHandler, queueDigestEmailsHandler, sendDigestEmailHandler],
    analyzers: createAnalyzerSet({
      db: ctx.test.db,
      config: {
        kind: 'builtin',
        llm: { baseUrl: undefined, model: undefined, apiKey: undefined, timeoutMs: 1000, concurrency: 1 },
      },
    }),
    ingest: testIngestConfig(),
    email: { config, mailer: createMailer(config) },
    superviseIntervalSeconds: 1,
  });
  return ctx.worker;
}

/** A rule of a new analyst on a new company with one article to fire about. */
async function ruleWithArticle(emailMode: 'IMMEDIATE' | 'DIGEST') {
  const owner = await ctx.test.db.user.create({
    data: { email: `${emailMode.toLowerCase()}@example.com`, passwordHash: 'x', role: 'ANALYST' },
  });
  const company = await ctx.test.db.company.create({ data: { name: 'ACME', slug: `acme-${emailMode}` } });
  const source = await ctx.test.db.source.create({ data: { url: `https://${emailMode}.example/feed.xml` } });
  const article = await ctx.test.db.article.create({
    data: {
      sourceId: source.id,
      ...articleUrls('news.example', emailMode),
      title: 'ACME recalls everything',
      publishedAt: new Date(),
      contentHash: emailMode,
    },
  });
  const ruleId = await createAlertRule({
    db: ctx.test.db,
    actor: { userId: owner.id },
    name: 'ACME news',
    kind: 'ARTICLE',
    params: {},
    cooldownMinutes: 0,
    emailMode,
    target: { companyId: company.id, topicId: null, watchlistId: null, savedFilterId: null },
  });
  return {
    rule: await ctx.test.db.alertRule.findUniqueOrThrow({ where: { id: ruleId } }),
    articleId: article.id,
  };
}

const jobState = async (name: string) =>
  (
    await ctx.test.db.$queryRawUnsafe<{ state: string }[]>(
      `SELECT state::text AS state FROM ${QUEUE_SCHEMA}.job WHERE name = $1`,
      name,
    )
  ).map((job) => job.state);

describe('the e-mail jobs', () => {
  it('retry while the SMTP server is down and deliver once it is back, losing nothing', async () => {
    const port = await findFreePort();
    const running = await startWorker(emailConfig(`smtp://127.0.0.1:${port}`));
    const { rule, articleId } = await ruleWithArticle('IMMEDIATE');
    const firingId = await recordFiring(ctx.test.db, {
      rule,
      dedupKey: 'cluster:1',
      figures: { importance: 9 },
      articleIds: [articleId],
      now: new Date(),
      jobs: running.jobs,
    });
    expect(firingId).not.toBeNull();

    // Nothing listens on the port: the first attempt fails and the job waits for its retry.
    await expect
      .poll(() => jobState(JOBS.sendFiringEmail.name), { timeout: 30_000, interval: 200 })
      .toEqual(['retry']);
    expect(await ctx.test.db.emailDelivery.count()).toBe(0);

    sink = await startSmtpSink({ port });
    // The backoff would wait a minute: bring the retry forward instead of sleeping.
    await ctx.test.db.$executeRawUnsafe(
      `UPDATE ${QUEUE_SCHEMA}.job SET start_after = now() WHERE name = $1`,
      JOBS.sendFiringEmail.name,
    );
    const arrived = sink;
    await expect.poll(() => arrived.messages.length, { timeout: 30_000, interval: 200 }).toBe(1);
    expect(arrived.messages[0]?.subject).toBe('[Wirelens] ACME news on ACME: ACME recalls everything');
    await expect
      .poll(() => jobState(JOBS.sendFiringEmail.name), { timeout: 30_000, interval: 200 })
      .toEqual(['completed']);
    expect(await ctx.test.db.emailDelivery.findMany({ select: { key: true } })).toEqual([
      { key: `firing:${firingId}` },
    ]);
  });

  it('queue and send the daily digest of a user with digest firings', async () => {
    sink = await startSmtpSink();
    const digestHour = new Date().getUTCHours();
    const running = await startWorker(emailConfig(sink.url, digestHour));
    const { rule, articleId } = await ruleWithArticle('DIGEST');
    const { end } = digestPeriod(new Date(), digestHour);
    await recordFiring(ctx.test.db, {
      rule,
      dedupKey: 'cluster:2',
      figures: { importance: 9 },
      articleIds: [articleId],
      now: new Date(end.getTime() - 3600_000),
      jobs: running.jobs,
    });
    // A digest firing queues no immediate e-mail.
    expect(await jobState(JOBS.sendFiringEmail.name)).toEqual([]);

    await running.jobs.send(JOBS.queueDigestEmails, {}, { singletonKey: JOBS.queueDigestEmails.name });
    const arrived = sink;
    await expect.poll(() => arrived.messages.length, { timeout: 30_000, interval: 200 }).toBe(1);
    expect(arrived.messages[0]?.subject).toBe(
      `[Wirelens] Daily digest for ${end.toISOString().slice(0, 10)}: 1 alert`,
    );
    expect(arrived.messages[0]?.to).toMatchObject({ text: 'digest@example.com' });
  });
});
