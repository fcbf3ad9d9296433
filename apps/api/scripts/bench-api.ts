// `pnpm bench:api`: fills a dedicated database with a realistic news history (≥ 200,000 articles
// over two years, 400 companies, every topic, analyses and some corrections), then times the
// public API against the raw SQL that answers the same questions, and prints a table.
//
// Each case passes when its GraphQL p50 ≤ 2 × its raw SQL p50 + the p50 of an empty authenticated
// request (`{ __typename }` with a token): what GraphQL itself adds must stay small. Missed cases are profiled
// (statements per request, parse/validate, execution, serialisation, slowest resolvers).
//
// Env: BENCH_DATABASE_URL (server; default DATABASE_URL, TEST_DATABASE_URL, or local postgres),
// BENCH_DATABASE_NAME (default wirelens_bench), BENCH_ARTICLES (default 200000), BENCH_ITERATIONS
// (default 100), BENCH_BUILD_CONNECTIONS (chunks written in parallel, default 2), BENCH_AUTH_CACHE=0
// (credential cache off), BENCH_PROFILE=1 (profile every case), BENCH_STRICT=1 (exit 1 on a miss),
// BENCH_CASES (comma-separated words: only the cases whose name contains one, e.g. `feed,compare`).
// The database is created if missing and reused while it holds a dataset of the same shape.
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

import pg from 'pg';

import { applyMigrations, CONNECTION_OPTIONS, createDbClient, dbPaths } from '@wirelens/db';
import { benchDatabase, percentile } from '@wirelens/db/testing';
import { createApiToken } from '@wirelens/services/tokens';

import { createApiServer, type CreateApiServerOptions } from '../src/http/create-server.js';
import { buildDataset, END, say } from './bench-dataset.js';
import { createProfiler, describeProfile, type RequestProfile } from './bench-profile.js';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 200_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 100);
const BUILD_CONNECTIONS = Number(process.env.BENCH_BUILD_CONNECTIONS ?? 2);
const AUTH_CACHE = process.env.BENCH_AUTH_CACHE !== '0';
const PROFILE_REQUESTS = 20;
const PROFILE_ALL = process.env.BENCH_PROFILE === '1';
const CASE_WORDS = (process.env.BENCH_CASES ?? '')
  .split(',')
  .map((word) => word.trim().toLowerCase())
  .filter(Boolean);
const { serverUrl, url: benchUrl, name: benchName } = benchDatabase();

async function ensureDatabase(): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [benchName]);
  if (!rowCount) {
    say(`creating database ${benchName}`);
    await admin.query(`CREATE DATABASE ${benchName}`);
  }
  await admin.end();
  await applyMigrations({ connectionString: benchUrl, migrationsDir: dbPaths.migrations, log: say });
}

interface Case {
  name: string;
  graphql: { query: string; variables: Record<string, unknown> };
  /** One statement, or (search) the repository's own statements run in turn through the raw client. */
  sql: { text: string; values: unknown[] } | (() => Promise<Record<string, unknown>[]>);
  /** p95 target for the GraphQL request, if any. */
  target: number | null;
  /** The ids both answers return, to check they agree. */
  idsFromGraphql: (data: unknown) => string[];
  idsFromSql: (rows: Record<string, unknown>[]) => string[];
}

const NODE = `id title url publishedAt source { title }
  companies { relevance company { name slug } } topics { topic { slug } }
  analysis { sentimentLabel sentimentScore importance summary }`;

const FEED_SQL = (where: string, order: string, from = '"Article" a') => `
  SELECT a."id", a."title", a."url", a."publishedAt", s."title" AS source,
         (SELECT coalesce(json_agg(json_build_object('relevance', ac."relevance", 'name', c."name", 'slug', c."slug") ORDER BY ac."relevance" DESC, ac."companyId"), '[]')
            FROM "ArticleCompany" ac JOIN "Company" c ON c."id" = ac."companyId" WHERE ac."articleId" = a."id") AS companies,
         (SELECT coalesce(json_agg(t."slug" ORDER BY at."relevance" DESC, at."topicId"), '[]')
            FROM "ArticleTopic" at JOIN "Topic" t ON t."id" = at."topicId" WHERE at."articleId" = a."id") AS topics,
         a."sentimentLabel", a."sentimentScore", a."importance",
         coalesce((SELECT c2."values"->>'summary' FROM "Correction" c2 WHERE c2."articleId" = a."id" ORDER BY c2."version" DESC LIMIT 1), an."summary") AS summary
  FROM ${from} JOIN "Source" s ON s."id" = a."sourceId" LEFT JOIN "Analysis" an ON an."id" = a."latestAnalysisId"
  WHERE ${where} ORDER BY ${order} LIMIT 21`;

const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');
const edgesIds = (data: unknown) =>
  (data as { articles: { edges: { node: { id: string } }[] } }).articles.edges.map((e) => e.node.id);
const rowIds = (rows: Record<string, unknown>[]) =>
  rows.slice(0, 20).map((r) => gid('Article', Number(r.id)));

async function main(): Promise<void> {
  await ensureDatabase();
  const db = createDbClient({ connectionString: benchUrl, maxConnections: 10 });
  const sql = new pg.Client({ connectionString: benchUrl, options: CONNECTION_OPTIONS });
  await sql.connect();
  await buildDataset({
    db,
    sql,
    connectionString: benchUrl,
    databaseName: benchName,
    articles: ARTICLES,
    connections: BUILD_CONNECTIONS,
  });

  const top = await sql.query<{ id: number }>(
    `SELECT "companyId" AS id FROM "ArticleCompany" GROUP BY 1 ORDER BY count(*) DESC LIMIT 5`,
  );
  const companyIds = top.rows.map((r) => r.id);
  const [topCompany = 0] = companyIds;
  const topic = await sql.query<{ id: number }>(`SELECT "id" FROM "Topic" WHERE "slug" = 'ai'`);
  const topicId = topic.rows[0]?.id ?? 0;
  const admin = await db.user.findFirstOrThrow({ where: { role: 'ADMIN' } });
  const token = (await createApiToken({ db, actor: { userId: admin.id }, name: 'bench' })).secret;

  // As `pnpm start` runs it (credential cache on unless BENCH_AUTH_CACHE=0), and a second instance on
  // its own db client that only profiles: per-field timing and statement counts must not slow the timed one.
  const profiler = createProfiler();
  const profiledDb = createDbClient({
    connectionString: benchUrl,
    maxConnections: 10,
    onQuery: profiler.onQuery,
  });
  const start = async (options: Partial<CreateApiServerOptions>) => {
    const server = await createApiServer({
      db,
      dashboardDir: '/nonexistent',
      graphiqlDir: '/nonexistent',
      maxBodyBytes: 1_000_000,
      production: true,
      rateLimits: false,
      authCache: AUTH_CACHE ? { connectionString: benchUrl } : null,
      ...options,
    });
    await new Promise<void>((resolve) => server.server.listen(0, '127.0.0.1', resolve));
    return { server, url: `http://127.0.0.1:${(server.server.address() as AddressInfo).port}/graphql` };
  };
  const { server: api, url } = await start({});
  const profiled = await start({ db: profiledDb, plugins: [profiler.plugin] });
  const yearAgo = new Date(END.getTime() - 365 * 86_400_000);

  const seriesSql = `SELECT "subjectId", "bucketStart", "count", "scoreSum" / "count" AS mean, "bullish", "neutral", "bearish"
    FROM "SentimentBucket" WHERE "subject" = 'COMPANY' AND "subjectId" = ANY($1::int[]) AND "granularity" = 'DAY'
      AND "bucketStart" >= $2 AND "bucketStart" < $3 AND "count" > 0 ORDER BY "subjectId", "bucketStart"`;
  const seriesQuery = `query S($ids: [ID!], $from: DateTime, $to: DateTime) {
    sentimentSeries(companyIds: $ids, interval: DAY, from: $from, to: $to) { subjectId buckets { start meanScore count bullish neutral bearish } } }`;
  const seriesIds = (data: unknown) =>
    (data as { sentimentSeries: { buckets: { start: string; count: number }[] }[] }).sentimentSeries.flatMap(
      (s) => s.buckets.map((b) => `${b.start}:${b.count}`),
    );
  const seriesRowIds = (rows: Record<string, unknown>[]) =>
    rows.map((r) => `${(r.bucketStart as Date).toISOString()}:${String(r.count)}`);

  // ---- Search cases (kept in this block): each compares the API with the statements the repository
  // itself runs for RELEVANCE (its newest matches, scored: `findSearchMatches`, straight on the pool
  // through `readRows`), then one statement joining those candidates to the same columns. ----
  const { findSearchMatches, SEARCH_CANDIDATES } = await import('@wirelens/db/repositories');
  const runStatement = async (statement: { text: string; values: unknown[] }) =>
    (await sql.query(statement.text, statement.values)).rows as Record<string, unknown>[];
  const searchCase = (name: string, search: string): Case => ({
    name,
    graphql: {
      query: `query T($f: ArticleFilter) { articles(first: 20, filter: $f) { edges { node { ${NODE} } } } }`,
      variables: { f: { search } },
    },
    sql: async () => {
      const matches = await findSearchMatches({
        db,
        filter: { search },
        limit: SEARCH_CANDIDATES,
        score: true,
      });
      return runStatement({
        text: FEED_SQL(
          'TRUE',
          'r."score" DESC, a."id" DESC',
          `unnest($1::int[], $2::float8[]) AS r("id", "score") JOIN "Article" a ON a."id" = r."id"`,
        ),
        values: [matches.map((m) => m.id), matches.map((m) => m.score)],
      });
    },
    target: ARTICLES > 2_000_000 ? 300 : 150,
    idsFromGraphql: edgesIds,
    idsFromSql: rowIds,
  });
  const searchCases = [
    searchCase('text search "export controls"', 'export controls'),
    searchCase('phrase search (quoted "export controls")', '"export controls"'),
    searchCase('prefix search regulat*', 'regulat*'),
    searchCase('rare-combination search miners delay ipo', 'miners delay ipo'),
  ];
  // ---- end of search cases ----

  const allCases: Case[] = [
    {
      name: 'first feed page (20)',
      graphql: {
        query: `{ articles(first: 20) { pageInfo { hasNextPage endCursor } edges { node { ${NODE} } } } }`,
        variables: {},
      },
      sql: { text: FEED_SQL('TRUE', 'a."publishedAt" DESC, a."id" DESC'), values: [] },
      target: 50,
      idsFromGraphql: edgesIds,
      idsFromSql: rowIds,
    },
    {
      name: 'filtered feed (company+topic+importance≥6)',
      graphql: {
        query: `query F($f: ArticleFilter) { articles(first: 20, filter: $f) { pageInfo { hasNextPage endCursor } edges { node { ${NODE} } } } }`,
        variables: {
          f: {
            companyIds: [gid('Company', topCompany)],
            topicIds: [gid('Topic', topicId)],
            minImportance: 6,
          },
        },
      },
      sql: {
        text: FEED_SQL(
          // The company's own (companyId, publishedAt) index drives the page, as the API does.
          `l."companyId" = $1
           AND EXISTS (SELECT 1 FROM "ArticleTopic" j WHERE j."articleId" = a."id" AND j."topicId" = $2) AND a."importance" >= 6`,
          'l."publishedAt" DESC, l."articleId" DESC',
          '"ArticleCompany" l JOIN "Article" a ON a."id" = l."articleId"',
        ),
        values: [topCompany, topicId],
      },
      target: 50,
      idsFromGraphql: edgesIds,
      idsFromSql: rowIds,
    },
    ...searchCases,
    {
      name: '1-year daily series, 1 company',
      graphql: {
        query: seriesQuery,
        variables: { ids: [gid('Company', topCompany)], from: yearAgo, to: END },
      },
      sql: { text: seriesSql, values: [[topCompany], yearAgo, END] },
      target: 50,
      idsFromGraphql: seriesIds,
      idsFromSql: seriesRowIds,
    },
    {
      name: '1-year daily compare, 5 companies',
      graphql: {
        query: seriesQuery,
        variables: { ids: companyIds.map((id) => gid('Company', id)), from: yearAgo, to: END },
      },
      sql: { text: seriesSql, values: [companyIds, yearAgo, END] },
      target: 50,
      idsFromGraphql: seriesIds,
      idsFromSql: seriesRowIds,
    },
  ];
  const cases = CASE_WORDS.length
    ? allCases.filter((c) => CASE_WORDS.some((word) => c.name.toLowerCase().includes(word)))
    : allCases;
  if (cases.length === 0) throw new Error(`BENCH_CASES=${process.env.BENCH_CASES}: no case matches`);

  const post = async (target: string, body: Case['graphql'], name: string) => {
    const response = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    const result = (await response.json()) as { data?: unknown; errors?: unknown };
    if (result.errors) throw new Error(`${name}: ${JSON.stringify(result.errors)}`);
    return result.data;
  };
  const runGraphql = (c: Case) => post(url, c.graphql, c.name);
  const runSql = async (c: Case) => (typeof c.sql === 'function' ? c.sql() : runStatement(c.sql));
  const cpuMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };

  // The fixed cost every request pays whatever it asks: HTTP, authentication, parse, validate, cost
  // and serialisation.
  const empty: Case['graphql'] = { query: '{ __typename }', variables: {} };
  const emptyTimes: number[] = [];
  for (let i = 0; i < ITERATIONS + 10; i += 1) {
    const t = performance.now();
    await post(url, empty, 'empty authenticated request');
    if (i >= 10) emptyTimes.push(performance.now() - t);
  }
  const emptyP50 = percentile(emptyTimes, 50);
  say(`measured the empty authenticated request (p50 ${emptyP50.toFixed(1)} ms)`);

  const results: {
    name: string;
    gql: number[];
    raw: number[];
    target: number | null;
    cpuPerRequest: number;
    profile: RequestProfile;
  }[] = [];
  for (const c of cases) {
    // Same answers first: the comparison is only fair if both return the same rows.
    const fromGraphql = c.idsFromGraphql(await runGraphql(c));
    const fromSql = c.idsFromSql(await runSql(c));
    if (JSON.stringify(fromGraphql) !== JSON.stringify(fromSql))
      throw new Error(`${c.name}: GraphQL and SQL disagree`);
    if (fromGraphql.length === 0) throw new Error(`${c.name}: empty answer`);
    for (let i = 0; i < 10; i += 1) {
      await runGraphql(c);
      await runSql(c);
    }
    const gql: number[] = [];
    const raw: number[] = [];
    let cpu = 0;
    for (let i = 0; i < ITERATIONS; i += 1) {
      let t = performance.now();
      const c0 = cpuMs();
      await runGraphql(c);
      cpu += cpuMs() - c0;
      gql.push(performance.now() - t);
      t = performance.now();
      await runSql(c);
      raw.push(performance.now() - t);
    }
    await post(profiled.url, c.graphql, c.name);
    profiler.take();
    for (let i = 0; i < PROFILE_REQUESTS; i += 1) await post(profiled.url, c.graphql, c.name);
    results.push({
      name: c.name,
      gql,
      raw,
      target: c.target,
      cpuPerRequest: cpu / ITERATIONS,
      profile: profiler.take(),
    });
    say(`measured ${c.name}`);
  }
  await post(profiled.url, empty, 'empty authenticated request');
  profiler.take();
  for (let i = 0; i < PROFILE_REQUESTS; i += 1)
    await post(profiled.url, empty, 'empty authenticated request');
  const emptyProfile = profiler.take();

  const f = (n: number) => n.toFixed(1).padStart(7);
  const lines = [
    `| case | GraphQL p50 ms | GraphQL p95 ms | SQL p50 ms | SQL p95 ms | 2×SQL p50 + empty p50 | GraphQL p50 within | p95 target | statements / request | API+client CPU ms / request |`,
    `|---|---:|---:|---:|---:|---:|---|---|---:|---:|`,
  ];
  let failed = false;
  const misses: string[] = [];
  for (const r of results) {
    const g50 = percentile(r.gql, 50);
    const g95 = percentile(r.gql, 95);
    const s50 = percentile(r.raw, 50);
    const s95 = percentile(r.raw, 95);
    const budget = 2 * s50 + emptyP50;
    const ratioOk = g50 <= budget;
    const targetOk = r.target === null || g95 <= r.target;
    if (!ratioOk || !targetOk) failed = true;
    if (!ratioOk || PROFILE_ALL) misses.push(describeProfile(r.name, r.profile));
    lines.push(
      `| ${r.name} | ${f(g50)} | ${f(g95)} | ${f(s50)} | ${f(s95)} | ${f(budget)} | ${ratioOk ? 'OK' : 'MISS'} | ` +
        `${r.target === null ? '–' : `≤ ${r.target} ms: ${targetOk ? 'OK' : 'MISS'}`} | ` +
        `${(r.profile.statements / r.profile.requests).toFixed(1)} | ${r.cpuPerRequest.toFixed(1)} |`,
    );
  }
  process.stdout.write(
    `\n${ARTICLES} articles, ${ITERATIONS} requests per case (after 10 warm-up), sequential, same machine, ` +
      `credential cache ${AUTH_CACHE ? 'on' : 'off'}:\n\n${lines.join('\n')}\n` +
      `\nEmpty authenticated request (\`{ __typename }\` with a token, over HTTP): p50 ${emptyP50.toFixed(1)} ms, ` +
      `p95 ${percentile(emptyTimes, 95).toFixed(1)} ms, ${(emptyProfile.statements / emptyProfile.requests).toFixed(1)} statements.\n` +
      (misses.length
        ? `\nWhere the time goes (${PROFILE_REQUESTS} profiled requests per case on a second instance):\n${misses.join('\n')}\n` +
          `${describeProfile('empty authenticated request', emptyProfile)}\n`
        : ''),
  );
  await api.close();
  await profiled.server.close();
  await sql.end();
  await db.$disconnect();
  await profiledDb.$disconnect();
  // Timings depend on the machine and its load; only BENCH_STRICT=1 turns a missed target into a failure.
  process.exitCode = failed && process.env.BENCH_STRICT === '1' ? 1 : 0;
}

await main();
