import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { JOBS } from '@wirelens/core/jobs';
import { createDbClient, readCompanySeed, seedDatabase, type DbClient } from '@wirelens/db';
import { startJobQueue } from '@wirelens/services/queue';

import { openBenchDatabase } from './bench-database.js';

export interface PipelineBenchOptions {
  articles: number;
  workers: number;
  /** Feeds the articles are spread over (one fetch job each). */
  feeds: number;
  /** Extra environment for the worker processes (WORKER_CONCURRENCY, WORKER_ANALYSIS_BATCH, …). */
  env?: Record<string, string>;
  label: string;
}

export interface PipelineBenchResult {
  articles: number;
  workers: number;
  /** From the first fetch job sent to the last article stored. */
  storedSeconds: number;
  /** From the first fetch job sent to every article analysed (its first run stored). */
  analysedSeconds: number;
  /** Until the queue is empty too (coverage re-analyses of earlier articles included). */
  drainedSeconds: number;
  /** CPU time (user + system) the worker processes used, summed. */
  workerCpuSeconds: number;
  analyses: number;
  clusters: number;
  bucketRows: number;
}

const workerRoot = path.resolve(import.meta.dirname, '..');
const CLOCK_TICKS = 100;

const TEMPLATES: ((c: string, d: string, n: number) => { title: string; body: string })[] = [
  (c, d, n) => ({
    title: `${c} reports quarterly revenue of $${n}.${n % 10} billion, beating estimates`,
    body: `${c} said on ${d} that revenue rose ${n % 40}% to $${n}.${n % 10} billion in the quarter, ahead of analyst expectations. Profit margins improved and the company raised its full-year guidance. Shares gained ${n % 9}% in early trading as investors welcomed the stronger outlook and record demand.`,
  }),
  (c, d, n) => ({
    title: `${c} to cut ${n * 10} jobs as demand slows`,
    body: `${c} announced on ${d} that it will cut about ${n * 10} jobs, citing weaker demand and rising costs. The restructuring is expected to cost $${n} million. Analysts warned the layoffs point to a difficult year and the shares fell ${n % 7}% after the announcement, extending losses.`,
  }),
  (c, d, n) => ({
    title: `${c} faces regulatory probe over ${n % 2 ? 'data privacy' : 'pricing'}`,
    body: `Regulators opened an investigation into ${c} on ${d}, examining whether the company breached rules. A fine of up to $${n} million is possible. ${c} said it would cooperate fully with the authorities. Critics called the probe overdue while the company denied any wrongdoing.`,
  }),
  (c, d, n) => ({
    title: `${c} agrees to acquire rival in $${n} million deal`,
    body: `${c} agreed on ${d} to buy a smaller competitor for $${n} million in cash, the latest acquisition in the sector. The merger is expected to close next year subject to regulatory approval. Executives said the deal would add ${n % 30}% to revenue and create savings.`,
  }),
  (c, d, n) => ({
    title: `${c} launches new product line, targets ${n % 50} markets`,
    body: `${c} unveiled a new product line on ${d}, aiming to reach customers in ${n % 50} markets by the end of the year. The launch follows heavy investment in research. The company expects the products to contribute ${n % 12}% of sales and hired ${n} engineers for the effort.`,
  }),
];

function feedXml(items: { title: string; link: string; body: string; date: Date }[]): string {
  const entries = items
    .map(
      (item) =>
        `<item><title>${item.title}</title><link>${item.link}</link><guid isPermaLink="false">${item.link}</guid><pubDate>${item.date.toUTCString()}</pubDate><description><![CDATA[${item.body}]]></description></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench feed</title><link>https://bench.invalid/</link><description>Bench</description>${entries}</channel></rss>`;
}

/**
 * Many similar but distinct stories: the same few templates with different companies, figures
 * and days, so clustering, companies, topics and buckets see a realistic mix.
 */
export async function benchFeeds(articles: number, feeds: number): Promise<string[]> {
  const companies = (await readCompanySeed()).map((c) => c.name);
  const now = Date.now();
  const bodies: { title: string; link: string; body: string; date: Date }[][] = Array.from(
    { length: feeds },
    () => [],
  );
  for (let i = 0; i < articles; i += 1) {
    const company = companies[(i * 7919) % companies.length] ?? 'Acme';
    const other = companies[(i * 104_729 + 13) % companies.length] ?? 'Globex';
    const date = new Date(now - ((i * 3_607_000) % (30 * 86_400_000)));
    const template = TEMPLATES[i % TEMPLATES.length];
    if (!template) continue;
    const story = template(company, date.toUTCString().slice(0, 16), 17 + ((i * 31) % 900));
    // Longer than the teaser threshold (500 characters of text): the feed carries the full text, so
    // the bench times analysis, not full-text fetches of pages that do not exist.
    const paragraphs = [
      story.body,
      `Separately, ${other} was mentioned by analysts as a peer to watch.`,
      `Market observers said the coming weeks would show whether the move changes the competitive picture, and several investors said they would wait for the next quarterly report before adjusting their positions.`,
    ]
      .map((p) => `<p>${p}</p>`)
      .join('');
    bodies[i % feeds]?.push({
      title: story.title,
      link: `https://bench.invalid/${i % feeds}/story-${i}`,
      body: paragraphs,
      date,
    });
  }
  return bodies.map(feedXml);
}

export async function serveFeeds(
  documents: string[],
): Promise<{ url: (i: number) => string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const match = /^\/feed-(\d+)\.xml$/.exec(req.url ?? '');
    const body = match ? documents[Number(match[1])] : undefined;
    if (body === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (i) => `http://127.0.0.1:${port}/feed-${i}.xml`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** user + system CPU seconds of a running process (Linux /proc). */
export async function cpuSecondsOf(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

export function startWorker(
  url: string,
  env: Record<string, string>,
): { child: ChildProcess; ready: Promise<void> } {
  // BENCH_CPU_PROF=dir writes a V8 CPU profile of each worker there (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'src/main.ts'], {
    cwd: workerRoot,
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: url,
      FETCH_ALLOW_HOSTS: '127.0.0.1',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (process.env.BENCH_VERBOSE) process.stderr.write(chunk);
      if (log.includes('worker running')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`worker exited (${code}): ${log.slice(-2000)}`)));
  });
  return { child, ready };
}

async function queueLength(db: DbClient): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pgboss.job
    WHERE name IN (${JOBS.fetchSource.name}, ${JOBS.analyzeArticle.name}) AND state IN ('created', 'retry', 'active')`;
  return row?.n ?? 0;
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Feeds `articles` new articles through real worker processes: fetch + parse + store, analysis,
 * story clusters and sentiment buckets, and times each stage from the moment the fetches are queued.
 */
export async function runPipelineBench(options: PipelineBenchOptions): Promise<PipelineBenchResult> {
  const database = await openBenchDatabase(options.label);
  const feeds = await serveFeeds(await benchFeeds(options.articles, options.feeds));
  const db = createDbClient({ connectionString: database.url });
  const workers: ChildProcess[] = [];
  try {
    await seedDatabase({ db, adminEmail: 'bench@wirelens.local', adminPassword: 'bench-password-123' });
    const producer = await startJobQueue({ connectionString: database.url, onError: () => undefined });
    const sources = [];
    for (let i = 0; i < options.feeds; i += 1) {
      // Not due before the bench queues its fetch, so the worker's own poll does not race it.
      sources.push(
        await db.source.create({
          data: { url: feeds.url(i), nextAttemptAt: new Date(Date.now() + 86_400_000) },
        }),
      );
    }
    for (let i = 0; i < options.workers; i += 1) {
      const worker = startWorker(database.url, options.env ?? {});
      workers.push(worker.child);
      await worker.ready;
    }
    // Let the startup poll pass before the clock starts.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const cpuBefore = await Promise.all(workers.map((w) => cpuSecondsOf(w.pid ?? 0)));
    const started = performance.now();
    const elapsed = () => (performance.now() - started) / 1000;
    await producer.sendMany(
      JOBS.fetchSource,
      sources.map((s) => ({ payload: { sourceId: s.id, force: true }, singletonKey: `fetch-${s.id}` })),
    );
    const timeoutMs = Number(process.env.BENCH_TIMEOUT_MS ?? Math.max(600_000, options.articles * 1000));
    let lastReport = 0;
    const report = (label: string, done: number) => {
      if (performance.now() - lastReport < 1000) return;
      lastReport = performance.now();
      process.stderr.write(
        `\r${label}: ${done}/${options.articles} (${Math.round(done / elapsed())}/s)     `,
      );
    };
    await waitFor(
      async () => {
        const n = await db.article.count();
        report('stored', n);
        return n >= options.articles;
      },
      'articles stored',
      timeoutMs,
    ).catch(async (error: unknown) => {
      const states = await db.$queryRaw<{ name: string; state: string; output: unknown }[]>`
        SELECT name, state::text AS state, output FROM pgboss.job WHERE name = ${JOBS.fetchSource.name}`;
      const errors = await db.source.findMany({ select: { url: true, lastError: true } });
      throw new Error(`${String(error)}: ${JSON.stringify({ states, errors })}`);
    });
    const storedSeconds = elapsed();
    await waitFor(
      async () => {
        const n = await db.article.count({ where: { latestAnalysisId: { not: null } } });
        report('analysed', n);
        return n >= options.articles;
      },
      'articles analysed',
      timeoutMs,
    );
    const analysedSeconds = elapsed();
    await waitFor(async () => (await queueLength(db)) === 0, 'queue drained', timeoutMs);
    const drainedSeconds = elapsed();
    process.stderr.write('\n');
    const cpuAfter = await Promise.all(workers.map((w) => cpuSecondsOf(w.pid ?? 0)));
    const workerCpuSeconds = cpuAfter.reduce((sum, cpu, i) => sum + cpu - (cpuBefore[i] ?? 0), 0);
    await producer.stop();
    return {
      articles: options.articles,
      workers: options.workers,
      storedSeconds,
      analysedSeconds,
      drainedSeconds,
      workerCpuSeconds,
      analyses: await db.analysis.count(),
      clusters: await db.storyCluster.count(),
      bucketRows: await db.sentimentBucket.count(),
    };
  } finally {
    for (const worker of workers) {
      worker.removeAllListeners('exit');
      worker.stderr?.removeAllListeners();
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.kill('SIGTERM');
      await exited;
    }
    await db.$disconnect();
    await feeds.close();
    await database.close();
  }
}

/**
 * What the figures were measured under, printed above the table: a run on a machine whose load
 * average exceeds its cores measured the contention, not the code, and is a lower bound.
 */
export function benchConditions(env: Record<string, string> = {}): string {
  const [one, five] = os.loadavg();
  const cores = os.availableParallelism();
  const loaded = (one ?? 0) > cores;
  const settings = Object.entries(env)
    .filter(([key]) => key.startsWith('WORKER_'))
    .map(([key, value]) => `${key}=${value}`);
  return [
    `conditions: ${new Date().toISOString()}, ${cores} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, built-in analyzer,`,
    `  worker settings: ${settings.length > 0 ? settings.join(' ') : 'defaults (WORKER_ANALYSIS_BATCH=100, WORKER_CONCURRENCY=4)'},`,
    `  load average at the end: ${one?.toFixed(1)} (1 min), ${five?.toFixed(1)} (5 min) → ${loaded ? 'LOADED machine: other work shared the cores, so these figures are lower bounds' : 'quiet machine'}.`,
    `  articles/s analysed = articles / seconds from queueing the fetches until every article has its first analysis stored`,
    `  (fetch, parse and store included); CPU ms/article = worker CPU seconds / articles.`,
  ].join('\n');
}

/** The bench's table: one row per run. */
export function pipelineTable(results: PipelineBenchResult[]): string {
  const header =
    '| workers | articles | stored s | analysed s (wall) | articles/s analysed | queue drained s | worker CPU s | CPU ms/article | analyses | clusters |';
  const rule = '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|';
  const rows = results.map(
    (r) =>
      `| ${r.workers} | ${r.articles} | ${r.storedSeconds.toFixed(1)} | ${r.analysedSeconds.toFixed(1)} | ${Math.round(r.articles / r.analysedSeconds)} | ${r.drainedSeconds.toFixed(1)} | ${r.workerCpuSeconds.toFixed(1)} | ${((r.workerCpuSeconds * 1000) / r.articles).toFixed(1)} | ${r.analyses} | ${r.clusters} |`,
  );
  return [header, rule, ...rows].join('\n');
}
