/**
 * pnpm bench:alerts [--rules 10000] [--watchlists 1000] [--users 100] [--rate 100] [--seconds 30] [--cold]
 *
 * Alert delivery through the real pipeline: --users analysts own --watchlists watchlists of various
 * sizes and --rules rules in the mix analysts set (alerts-rules.ts: conditional article rules, keyword
 * searches, sentiment-shift, attention and anomaly rules). By default the rules are in a steady
 * state (each last fired at a random time within its last two cooldowns, so about half are cooling
 * down); --cold starts them all unfired (the first-firing burst). Every user has a webhook endpoint
 * on a local receiver and a graphql-ws connection to a real API process, subscribed to `alertFired`.
 * Each second for --seconds, a local feed publishes --rate new articles and a fetch is queued; real
 * worker processes fetch, store, analyse, evaluate the rules and deliver. Prints, per receiver,
 * p50/p95/p99 from the analysis that fired the rule stored (the newest run of the firing's articles
 * stored before it fired) to the alert received, deliveries lost and duplicated, and the CPU the
 * evaluating worker (a process working only the alert evaluation jobs) used as a share of one core,
 * with the machine's load (`uptime`) before and after. Database: BENCH_DATABASE_NAME (default
 * wirelens_bench_alerts) on the server of BENCH_DATABASE_URL / DATABASE_URL / TEST_DATABASE_URL /
 * 127.0.0.1:5432, dropped and recreated; BENCH_KEEP=1 leaves it for inspection.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';

import pg from 'pg';

import { JOBS } from '@wirelens/core/jobs';
import { scriptArgs } from '@wirelens/core/testing';
import { applyMigrations, createDbClient, dbPaths, seedDatabase, type DbClient } from '@wirelens/db';
import { benchDatabase, percentile } from '@wirelens/db/testing';
import { startJobQueue } from '@wirelens/services/queue';

import { subscriptionReceiver, webhookReceiver, type Receiver } from './alerts-receivers.js';
import { createBenchRules, RULE_MIX } from './alerts-rules.js';
import { benchFeeds, cpuSecondsOf, serveFeeds, startWorker } from './pipeline-run.js';

const { values } = parseArgs({
  // `pnpm bench:alerts -- --rules 100` passes the `--` on.
  args: scriptArgs(),
  options: {
    rules: { type: 'string', default: '10000' },
    watchlists: { type: 'string', default: '1000' },
    users: { type: 'string', default: '100' },
    rate: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '30' },
    cold: { type: 'boolean', default: false },
  },
});
const options = {
  rules: Number(values.rules),
  watchlists: Number(values.watchlists),
  users: Number(values.users),
  rate: Number(values.rate),
  seconds: Number(values.seconds),
  cold: values.cold,
};
const articles = options.rate * options.seconds;
const EVALUATION_JOBS: string[] = [
  JOBS.evaluateArticleAlerts.name,
  JOBS.evaluateWindowRules.name,
  JOBS.evaluateWindowAlerts.name,
];

async function recreateDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const target = benchDatabase({
    ...process.env,
    BENCH_DATABASE_NAME: process.env.BENCH_DATABASE_NAME ?? 'wirelens_bench_alerts',
  });
  const admin = new pg.Client({ connectionString: target.serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${target.name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${target.name}"`);
  await admin.end();
  await applyMigrations({ connectionString: target.url, migrationsDir: dbPaths.migrations });
  return {
    url: target.url,
    drop: async () => {
      if (process.env.BENCH_KEEP) return;
      const client = new pg.Client({ connectionString: target.serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${target.name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

async function pendingJobs(db: DbClient): Promise<number> {
  const names = [
    JOBS.fetchSource,
    JOBS.analyzeArticle,
    JOBS.evaluateArticleAlerts,
    JOBS.evaluateWindowRules,
    JOBS.deliverWebhook,
  ].map((j) => j.name);
  const [row] = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM pgboss.job WHERE name = ANY($1) AND state IN ('created', 'retry', 'active')`,
    names,
  );
  return row?.n ?? 0;
}

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) {
      process.stderr.write(`\ngave up waiting for ${what} after ${timeoutMs / 1000} s\n`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function stop(worker: ChildProcess): Promise<unknown> {
  worker.removeAllListeners('exit');
  worker.stderr?.removeAllListeners();
  const exited = new Promise((resolve) => worker.once('exit', resolve));
  worker.kill('SIGTERM');
  return exited;
}

const database = await recreateDatabase();
const db = createDbClient({ connectionString: database.url });
const feeds = await serveFeeds(await benchFeeds(articles, options.seconds));
const receivers: Receiver[] = [await webhookReceiver(), await subscriptionReceiver(database.url)];
const workers: ChildProcess[] = [];
const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();
const loadBefore = uptime();
try {
  await seedDatabase({ db, adminEmail: 'bench@wirelens.local', adminPassword: 'bench-password-123' });
  const users = await createBenchRules(db, options);
  for (const receiver of receivers) await receiver.prepare({ db, userIds: users });
  const sources = [];
  for (let t = 0; t < options.seconds; t += 1) {
    sources.push(
      await db.source.create({
        data: { url: feeds.url(t), nextAttemptAt: new Date(Date.now() + 86_400_000) },
      }),
    );
  }
  const producer = await startJobQueue({ connectionString: database.url, onError: () => undefined });
  const passOn = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => entry[0].startsWith('WORKER_') && entry[1] !== undefined,
    ),
  );
  const others = Object.values(JOBS)
    .map((job) => job.name)
    .filter((name) => !EVALUATION_JOBS.includes(name));
  const pipeline = startWorker(database.url, { ...passOn, WORKER_JOBS: others.join(',') });
  const evaluator = startWorker(database.url, { ...passOn, WORKER_JOBS: EVALUATION_JOBS.join(',') });
  workers.push(pipeline.child, evaluator.child);
  await Promise.all([pipeline.ready, evaluator.ready]);
  await new Promise((resolve) => setTimeout(resolve, 1000));

  const cpuBefore = await cpuSecondsOf(evaluator.child.pid ?? 0);
  const started = Date.now();
  for (const [t, source] of sources.entries()) {
    // One feed per second carries that second's articles.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + t * 1000 - Date.now())));
    await producer.send(
      JOBS.fetchSource,
      { sourceId: source.id, force: true },
      { singletonKey: `fetch-${source.id}` },
    );
  }
  const timeoutMs = Number(process.env.BENCH_TIMEOUT_MS ?? 600_000);
  let progress = '';
  await waitUntil(
    async () => {
      const analysed = await db.article.count({ where: { latestAnalysisId: { not: null } } });
      const line = `analysed ${analysed}/${articles}, ${receivers.map((r) => `${r.name} ${r.events.length}`).join(', ')}`;
      if (line !== progress) process.stderr.write(`\r${line}   `);
      progress = line;
      return analysed >= articles && (await pendingJobs(db)) === 0;
    },
    'the pipeline to drain',
    timeoutMs,
  );
  const wallSeconds = (Date.now() - started) / 1000;
  const evaluationCpu = (await cpuSecondsOf(evaluator.child.pid ?? 0)) - cpuBefore;
  process.stderr.write('\n');
  await producer.stop();

  const loadAfter = uptime();
  // The analysis that fired a rule: the newest run of the firing's articles stored before it fired
  // (for an article rule, its article's run; for a window rule, the newest of its window's leading articles).
  const firingRows = await db.$queryRaw<{ id: number; kind: string; storedAt: Date | null }[]>`
    SELECT f."id", f."kind"::text AS kind,
      (SELECT max(an."createdAt") FROM "Analysis" an
        WHERE an."articleId" = ANY(f."articleIds") AND an."createdAt" <= f."firedAt") AS "storedAt"
    FROM "AlertFiring" f`;
  const storedAt = new Map(firingRows.map((f) => [f.id, f.storedAt?.getTime()]));
  const windowFiring = new Set(firingRows.filter((f) => f.kind !== 'ARTICLE').map((f) => f.id));
  const articleFirings = firingRows.length - windowFiring.size;
  const windowFirings = windowFiring.size;
  const cpuShare = `${((evaluationCpu / wallSeconds) * 100).toFixed(1)} %`;
  const rows: string[] = [];
  const latencyRows: string[] = [];
  for (const receiver of receivers) {
    const expected = await receiver.expectedKeys(db);
    const seen = new Map<string, number>();
    for (const event of receiver.events) seen.set(event.key, (seen.get(event.key) ?? 0) + 1);
    const lost = expected.filter((key) => !seen.has(key)).length;
    const duplicated = [...seen.values()].reduce((sum, n) => sum + n - 1, 0);
    const latenciesOf = (events: typeof receiver.events) =>
      events.flatMap((event) => {
        const at = storedAt.get(event.firingId);
        return at === undefined ? [] : [event.receivedAt - at];
      });
    const ms = (latencies: number[], p: number) =>
      latencies.length > 0 ? String(Math.round(percentile(latencies, p))) : '–';
    const all = latenciesOf(receiver.events);
    rows.push(
      `| ${receiver.name} | ${options.cold ? 'cold' : 'steady'} | ${options.rules} | ${options.watchlists} | ${options.rate} | ${articles} | ${articleFirings} + ${windowFirings} | ${expected.length} | ${receiver.events.length} | ${lost} | ${duplicated} | ${ms(all, 50)} | ${ms(all, 95)} | ${ms(all, 99)} | ${cpuShare} |`,
    );
    // Article alerts (about one article) and window alerts (about hours to weeks of articles) apart.
    for (const [what, window] of [
      ['article rules', false],
      ['window rules', true],
    ] as const) {
      const latencies = latenciesOf(receiver.events.filter((e) => windowFiring.has(e.firingId) === window));
      latencyRows.push(
        `| ${receiver.name} | ${what} | ${latencies.length} | ${ms(latencies, 50)} | ${ms(latencies, 95)} | ${ms(latencies, 99)} |`,
      );
    }
  }
  process.stdout.write(
    [
      `rule mix (${options.rules} rules): ${RULE_MIX.map((r) => `${Math.round(r.share * 100)} % ${r.what.split(':')[0]}`).join(', ')}`,
      `load before: ${loadBefore}`,
      `load after:  ${loadAfter}`,
      `run: ${wallSeconds.toFixed(1)} s until drained; evaluating worker ${evaluationCpu.toFixed(1)} CPU s`,
      '',
      '| receiver | rules state | rules | watchlists | articles/s | articles | firings (article + window) | deliveries expected | received | lost | duplicated | p50 ms | p95 ms | p99 ms | evaluation CPU (one core) |',
      '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...rows,
      '',
      '| receiver | firings of | deliveries | p50 ms | p95 ms | p99 ms |',
      '|---|---|---:|---:|---:|---:|',
      ...latencyRows,
    ].join('\n') + '\n',
  );
} finally {
  for (const worker of workers) await stop(worker);
  for (const receiver of receivers) await receiver.close();
  await feeds.close();
  await db.$disconnect();
  await database.drop();
}
