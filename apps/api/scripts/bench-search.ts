// `pnpm bench:search`: times full-text search through the public API on a dedicated database
// (`wirelens_search_bench`) of wire-style articles with a headline, a standfirst and a short body:
// a common term, a rare term, a phrase and a prefix, each as GraphQL p50/p95 and the statements' own
// time, with the count the connection reports.
//
// Env: BENCH_DATABASE_URL (server; default DATABASE_URL, TEST_DATABASE_URL, or local postgres),
// BENCH_ARTICLES (default 200000), BENCH_ITERATIONS (default 50), BENCH_SEARCH_DATABASE (default
// wirelens_search_bench); `--baseline` also times the statements search used before. The dataset is reused while it
// has the same size.
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

import pg from 'pg';

import { applyMigrations, createDbClient, dbPaths, seedDatabase } from '@wirelens/db';
import { benchDatabase, percentile, withDatabase } from '@wirelens/db/testing';
import { createApiToken } from '@wirelens/services/tokens';

import { createApiServer } from '../src/http/create-server.js';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 200_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 50);
const DATABASE = process.env.BENCH_SEARCH_DATABASE ?? 'wirelens_search_bench';
const END = '2026-11-01T00:00:00';
const DAYS = 730;
const DATASET_VERSION = 2;
/** The old statements take seconds on a large dataset: time them fewer times. */
const BASELINE_RUNS = 5;
const serverUrl = benchDatabase().serverUrl;
const url = withDatabase(serverUrl, DATABASE);

const say = (message: string) =>
  process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);

/** Vocabulary for generated wire copy: who did what, and the detail a body adds. */
const COPY = {
  who: 'Chipmakers|Port operators|Refiners|The central bank|Grocers|Carmakers|Lenders|Reinsurers|Drug developers|Miners|Airlines|Shipping lines|Utilities|Telecom operators|Steelmakers|Semiconductor suppliers'.split(
    '|',
  ),
  did: 'brace for|shrug off|report|push back on|prepare for|lobby against|warn about|welcome|study|price in|absorb|plan around'.split(
    '|',
  ),
  what: 'export controls|record quarterly profit|a competition inquiry|accelerator shortages|higher borrowing costs|takeover interest|a stock market listing|a ransomware attack|weaker factory orders|a profit warning|new import duties|a safety recall|bigger payouts|a walkout by staff|capacity additions|stricter emission limits'.split(
    '|',
  ),
  detail: [
    'Analysts said the move had been expected for weeks.',
    'Shares moved little in early trading. The company declined to comment beyond its statement.',
    'Officials will publish further details next month.',
    'Investors are watching supply chains and controls on shipments closely.',
    'The decision follows a review that began last year. Several rivals are expected to follow.',
    'Unions warned of further disruption.',
  ],
};
/** SQL for one of `options`, chosen at random per row. */
function sqlChoice(options: string[]): string {
  const literals = options.map((option) => `'${option.replace(/'/g, "''")}'`);
  return `(ARRAY[${literals.join(', ')}])[1 + floor(random() * ${options.length})::int]`;
}
/**
 * Place names that make rare terms: 600 made-up words drawn with a steep power law, so the
 * first are common and the last appear in a few hundred articles per million.
 */
const PLACE = `(ARRAY['ka','lo','mi','ne','su','ta','vo','ri','de','ba'])[1 + (p.n / 60)::int] ||
  (ARRAY['ran','sel','tov','mak','lin','dor'])[1 + ((p.n / 10) % 6)::int] ||
  (ARRAY['a','o','ia','en','is','um','ar','et','ix','ow'])[1 + (p.n % 10)::int]`;

async function build(sql: pg.Client): Promise<void> {
  const wanted = JSON.stringify({ version: DATASET_VERSION, articles: ARTICLES });
  const existing = await sql.query<{ value: unknown }>(
    `SELECT "value" FROM "InstanceSetting" WHERE "key" = 'bench.search-dataset'`,
  );
  if (JSON.stringify(existing.rows[0]?.value) === wanted) {
    say(`reusing the dataset in ${DATABASE} (${ARTICLES} articles)`);
    return;
  }
  say(`clearing ${DATABASE}`);
  await sql.query('TRUNCATE "Article", "Source" CASCADE');
  await sql.query(
    `INSERT INTO "Source" ("url", "title", "language", "updatedAt")
     SELECT 'https://wire' || g || '.example.com/feed', 'Wire ' || g, 'en', now() FROM generate_series(1, 40) g`,
  );
  await sql.query('SELECT setseed(0.17)');
  const chunk = 50_000;
  for (let start = 1; start <= ARTICLES; start += chunk) {
    const end = Math.min(ARTICLES, start + chunk - 1);
    await sql.query(
      `INSERT INTO "Article" ("sourceId", "canonicalUrl", "urlKey", "url", "title", "excerpt", "contentText", "publishedAt",
                              "updatedAt", "language", "contentHash", "fullTextStatus", "importance")
       SELECT s."id", 'https://news.example.com/s/' || r.g, 'news.example.com/s/' || r.g, 'https://news.example.com/s/' || r.g,
              r.title, r.title || ' in ' || r.place || ', people familiar with the matter said.',
              ${sqlChoice(COPY.who)} || ' in ' || r.place || ' ' || ${sqlChoice(COPY.did)} || ' ' || ${sqlChoice(COPY.what)} || '. ' ||
                ${sqlChoice(COPY.detail)} || ' ' || ${sqlChoice(COPY.detail)},
              r.published, now(), 'en', md5(r.g::text), 'EXTRACTED', (1 + floor(9 * power(random(), 1.6)))::int
       FROM (
         SELECT g, 1 + floor(random() * 40)::int AS source_no,
                ${sqlChoice(COPY.who)} || ' ' || ${sqlChoice(COPY.did)} || ' ' || ${sqlChoice(COPY.what)} AS title,
                (SELECT ${PLACE} FROM (SELECT floor(600 * power(random(), 3))::int + 0 * g AS n) p) AS place,
                date_trunc('second', timestamp '${END}' - interval '${DAYS} days' * (1 - sqrt(random()))) AS published
         FROM generate_series(${start}, ${end}) g
       ) r
       JOIN "Source" s ON s."url" = 'https://wire' || r.source_no || '.example.com/feed'`,
    );
    say(`articles ${end}/${ARTICLES}`);
  }
  say('VACUUM ANALYZE');
  await sql.query('VACUUM ANALYZE "Article"');
  await sql.query(
    `INSERT INTO "InstanceSetting" ("key", "value", "updatedAt") VALUES ('bench.search-dataset', $1::jsonb, now())
     ON CONFLICT ("key") DO UPDATE SET "value" = EXCLUDED."value"`,
    [wanted],
  );
}

async function main(): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const { rowCount } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [DATABASE]);
  if (!rowCount) await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  await applyMigrations({ connectionString: url, migrationsDir: dbPaths.migrations, log: say });
  const db = createDbClient({ connectionString: url, maxConnections: 4 });
  if (!(await db.user.findFirst({ where: { role: 'ADMIN' } })))
    await seedDatabase({ db, adminEmail: 'bench-admin@example.com', adminPassword: 'bench-password-123' });
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  await build(sql);
  if (!process.argv.includes('--build-only')) await measure(db, sql);
  await sql.end();
  await db.$disconnect();
}

interface SearchCase {
  name: string;
  search: string;
  /** Ask for totalCount and totalCountIsEstimate too. */
  count?: boolean;
}

/** Common and rare terms, a phrase and prefixes (place names: see PLACE; `badorow` is the rarest). */
const CASES: SearchCase[] = [
  { name: 'common words: export controls', search: 'export controls' },
  { name: 'common words + totalCount', search: 'export controls', count: true },
  { name: 'phrase: "export controls"', search: '"export controls"' },
  { name: 'prefix: semicond*', search: 'semicond*' },
  { name: 'rare word: badorow', search: 'badorow', count: true },
  { name: 'rarer: badorow dividend', search: 'badorow dividend', count: true },
  { name: 'rare prefix: badoro*', search: 'badoro*' },
];

const NODE = 'id title url publishedAt source { title } analysis { sentimentLabel importance }';

/** The statements search used before bounded relevance: rank every match, count every match. */
const BASELINE = {
  page: `SELECT a."id" FROM "Article" a CROSS JOIN websearch_to_tsquery('english', $1) AS q("query")
         WHERE a."searchVector" @@ q."query" ORDER BY ts_rank_cd(a."searchVector", q."query") DESC, a."id" DESC LIMIT 21`,
  count: `SELECT count(*)::int AS n FROM "Article" a WHERE a."searchVector" @@ websearch_to_tsquery('english', $1)`,
};

async function measure(db: ReturnType<typeof createDbClient>, sql: pg.Client): Promise<void> {
  const admin = await db.user.findFirstOrThrow({ where: { role: 'ADMIN' } });
  const token = (await createApiToken({ db, actor: { userId: admin.id }, name: 'bench-search' })).secret;
  // As in production, without rate limits; no dashboard files are needed.
  const api = await createApiServer({
    production: true,
    rateLimits: false,
    db,
    maxBodyBytes: 100_000,
    graphiqlDir: '/nonexistent',
    dashboardDir: '/nonexistent',
  });
  const port = await new Promise<number>((resolve) =>
    api.server.listen(0, '127.0.0.1', () => resolve((api.server.address() as AddressInfo).port)),
  );
  const endpoint = `http://127.0.0.1:${port}/graphql`;
  const post = async (request: object) => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(request),
    });
    return response.json();
  };
  const run = async (c: SearchCase) => {
    const body = (await post({
      query: `query T($f: ArticleFilter) { articles(first: 20, filter: $f) {
          ${c.count ? 'totalCount totalCountIsEstimate' : ''} edges { node { ${NODE} } } } }`,
      variables: { f: { search: c.search } },
    })) as {
      data?: { articles: { totalCount?: number; totalCountIsEstimate?: boolean; edges: unknown[] } };
      errors?: unknown;
    };
    if (body.errors || !body.data) throw new Error(`${c.name}: ${JSON.stringify(body.errors)}`);
    return body.data.articles;
  };
  const baseline = process.argv.includes('--baseline');
  const f = (n: number) => n.toFixed(1).padStart(7);
  const lines = [
    `| case | matches | GraphQL p50 ms | GraphQL p95 ms | API CPU ms/request | count shown |${baseline ? ' before: SQL page p50/p95 ms | before: SQL count p50 ms |' : ''}`,
    `|---|---:|---:|---:|---:|---|${baseline ? '---:|---:|' : ''}`,
  ];
  for (const c of CASES) {
    const exact = (await sql.query<{ n: number }>(BASELINE.count, [c.search.replace('*', '')])).rows[0]?.n;
    const first = await run(c);
    if (first.edges.length === 0) throw new Error(`${c.name}: no results`);
    for (let i = 0; i < 5; i += 1) await run(c);
    const times: number[] = [];
    const cpu = process.cpuUsage();
    for (let i = 0; i < ITERATIONS; i += 1) {
      const t = performance.now();
      await run(c);
      times.push(performance.now() - t);
    }
    const used = process.cpuUsage(cpu);
    const shown = c.count ? `${first.totalCountIsEstimate ? 'about ' : ''}${first.totalCount}` : '';
    let before = '';
    if (baseline) {
      const page: number[] = [];
      const count: number[] = [];
      for (let i = 0; i < BASELINE_RUNS; i += 1) {
        let t = performance.now();
        await sql.query(BASELINE.page, [c.search]);
        page.push(performance.now() - t);
        t = performance.now();
        await sql.query(BASELINE.count, [c.search]);
        count.push(performance.now() - t);
      }
      before = ` ${f(percentile(page, 50))} / ${f(percentile(page, 95))} | ${f(percentile(count, 50))} |`;
    }
    lines.push(
      `| ${c.name} | ${exact ?? '?'} | ${f(percentile(times, 50))} | ${f(percentile(times, 95))} | ${f((used.user + used.system) / 1000 / ITERATIONS)} | ${shown} |${before}`,
    );
    say(`measured ${c.name}`);
  }
  // The fixed cost of any request under the current load: HTTP, token, parse, validate.
  const empty: number[] = [];
  for (let i = 0; i < ITERATIONS; i += 1) {
    const t = performance.now();
    await post({ query: '{ __typename }' });
    empty.push(performance.now() - t);
  }
  lines.push(
    `| (empty request \`{ __typename }\`) | | ${f(percentile(empty, 50))} | ${f(percentile(empty, 95))} | | |`,
  );
  const load = (await import('node:os')).loadavg().map((n) => n.toFixed(1));
  process.stdout.write(
    `\n${ARTICLES} articles, ${ITERATIONS} sequential requests per case after 5 warm-up; load average ${load.join(' / ')}:\n\n${lines.join('\n')}\n` +
      `("matches" counts websearch_to_tsquery matches, so prefix rows show the word without its *; "API CPU" is this process — HTTP client and API server — not PostgreSQL.)\n`,
  );
  await api.close();
}

await main();
