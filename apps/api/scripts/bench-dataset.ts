// The dataset `pnpm bench:api` measures: a realistic news history (two years whose volume grows over
// time, 60 sources, 400 companies mentioned by a power law, 1–2 of the 17 taxonomy topics per article,
// one analysis per article, editor corrections on 2%) built in set-based SQL so that 10 million
// articles build in well under an hour on two cores:
// - rows are generated inside PostgreSQL (generate_series), one statement per chunk writes the
//   articles, their company and topic links, their analyses and corrections together (data-modifying
//   CTEs over one materialised chunk) — no later UPDATE pass;
// - secondary indexes are dropped before loading and built once afterwards (their definitions are kept
//   in a table, so an interrupted build restores them on the next run);
// - foreign-key triggers are skipped during the load (`session_replication_role = replica`; the rows
//   are consistent by construction) while the table's own triggers (the search vector) still run;
// - the time-partitioned copy of the search vectors is filled in one statement after the load (its
//   row trigger stays off during it), before its indexes are built;
// - then sentiment buckets (the product's own full rebuild) and VACUUM ANALYZE.
import { performance } from 'node:perf_hooks';

import pg from 'pg';

import { seedDatabase, type DbClient } from '@wirelens/db';

export const COMPANIES = 400;
const SOURCES = 60;
export const END = new Date('2026-11-01T00:00:00Z');
const DAYS = 730;
// 5: the search partitions' indexes are built (version 4 left them invalid, so searches scanned).
const DATASET_VERSION = 5;
const CHUNK = 100_000;
/** The tables the load writes; their secondary indexes are built after it. */
const LOADED_TABLES = ['Article', 'ArticleCompany', 'ArticleTopic', 'Analysis', 'Correction'];
/** Filled from "Article" after the load, in one statement, by what its trigger would write row by row. */
const SEARCH_VECTORS = '"search"."ArticleVector"';
const SEARCH_VECTOR_TRIGGER = 'Article_vector_sync';
const INDEXED_TABLES = [...LOADED_TABLES.map((t) => `"${t}"`), SEARCH_VECTORS];

export const say = (message: string) =>
  process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);

const WORDS = {
  who: [
    'Nvidia',
    'Chipmakers',
    'Regulators',
    'Oil majors',
    'The central bank',
    'A startup',
    'Retailers',
    'Automakers',
    'Banks',
    'Insurers',
    'Drugmakers',
    'Miners',
  ],
  did: [
    'beat',
    'miss',
    'cut',
    'raise',
    'face',
    'win',
    'lose',
    'announce',
    'delay',
    'expand',
    'weigh',
    'resume',
  ],
  what: [
    'quarterly earnings',
    'export controls',
    'an antitrust probe',
    'AI chip demand',
    'interest rates',
    'merger talks',
    'IPO plans',
    'a data breach',
    'factory output',
    'full-year guidance',
    'tariffs',
    'a product recall',
  ],
};
const pick = (list: string[]) =>
  `(ARRAY[${list.map((w) => `'${w.replace(/'/g, "''")}'`).join(',')}])[1 + floor(random() * ${list.length})::int]`;
// 1–3 companies per article, drawn by a power law over the 400 (duplicates collapse); 1–2 topics of 17.
const companyIndex = `floor(${COMPANIES} * power(random(), 2.2))::int`;
const topicIndex = 'floor(17 * power(random(), 1.3))::int';
const sentence = () => `${pick(WORDS.who)} || ' ' || ${pick(WORDS.did)} || ' ' || ${pick(WORDS.what)}`;

/**
 * One statement writes articles `$1`..`$2` with everything that hangs off them. Article ids, analysis
 * ids and `g` coincide (the tables are truncated with RESTART IDENTITY), so `latestAnalysisId` is known
 * while the article is written. Every 50th article carries an editor's importance correction.
 */
const CHUNK_SQL = `
WITH r AS MATERIALIZED (
  SELECT g, 1 + floor(random() * ${SOURCES})::int AS source_no,
         ${sentence()} AS title, ${sentence()} AS tail,
         date_trunc('second', timestamp '${END.toISOString().slice(0, 19)}' - interval '${DAYS} days' * (1 - sqrt(random()))) AS published,
         round(greatest(-1, least(1, (random() + random() + random() - 1.5) * 0.9))::numeric, 3)::float8 AS score,
         round((0.3 + 0.7 * random())::numeric, 3)::float8 AS confidence,
         (1 + floor(9 * power(random(), 1.6)))::int AS importance,
         (ARRAY[${companyIndex}, ${companyIndex}, ${companyIndex}])[1:1 + (g % 3)] AS company_idx,
         (ARRAY[${topicIndex}, ${topicIndex}])[1:1 + (g % 2)] AS topic_idx
  FROM generate_series($1::int, $2::int) g
), a AS MATERIALIZED (
  SELECT r.*, s."id" AS source_id, s."language",
         (CASE WHEN r.score <= -0.35 THEN 'BEARISH' WHEN r.score <= -0.15 THEN 'SOMEWHAT_BEARISH' WHEN r.score < 0.15 THEN 'NEUTRAL'
               WHEN r.score < 0.35 THEN 'SOMEWHAT_BULLISH' ELSE 'BULLISH' END)::"SentimentLabel" AS label,
         r.published + interval '5 minutes' AS analyzed,
         r.g % 50 = 0 AS corrected, 1 + ((r.importance + 4) % 10) AS corrected_importance
  FROM r JOIN bench_source s ON s.no = r.source_no
), companies AS MATERIALIZED (
  SELECT x.g, p."id" AS company_id, round((0.3 + 0.7 * random())::numeric, 3)::float8 AS relevance, x.score, x.published
  FROM (SELECT DISTINCT a.g, i.idx, a.score, a.published FROM a CROSS JOIN LATERAL unnest(a.company_idx) i(idx)) x
  JOIN bench_pool p ON p.idx = x.idx
), topics AS MATERIALIZED (
  SELECT x.g, t."id" AS topic_id, t.slug, round((0.3 + 0.7 * random())::numeric, 3)::float8 AS relevance, x.published
  FROM (SELECT DISTINCT a.g, i.idx, a.published FROM a CROSS JOIN LATERAL unnest(a.topic_idx) i(idx)) x
  JOIN bench_topic t ON t.idx = x.idx
), articles AS (
  INSERT INTO "Article" ("id", "sourceId", "canonicalUrl", "urlKey", "url", "title", "excerpt", "publishedAt", "updatedAt", "language",
                         "contentHash", "fullTextStatus", "sentimentScore", "sentimentLabel", "confidence", "importance", "reviewStatus",
                         "reviewVersion", "analyzedAt", "latestAnalysisId")
  SELECT g, source_id, 'https://news.example.com/a/' || g, 'news.example.com/a/' || g, 'https://news.example.com/a/' || g || '?utm_source=rss',
         title, title || '. ' || tail || '.', published, now(), "language", md5(g::text), 'FROM_FEED', score, label, confidence,
         CASE WHEN corrected THEN corrected_importance ELSE importance END,
         (CASE WHEN corrected THEN 'APPROVED' ELSE 'UNREVIEWED' END)::"ReviewStatus", CASE WHEN corrected THEN 2 ELSE 1 END, analyzed, g
  FROM a
), company_links AS (
  INSERT INTO "ArticleCompany" ("articleId", "companyId", "relevance", "sentimentScore", "mentions", "sentences", "publishedAt")
  SELECT g, company_id, relevance, score, 1, '{}', published FROM companies
), topic_links AS (
  INSERT INTO "ArticleTopic" ("articleId", "topicId", "relevance", "publishedAt")
  SELECT g, topic_id, relevance, published FROM topics
), analyses AS (
  INSERT INTO "Analysis" ("id", "articleId", "analyzer", "analyzerVersion", "sentimentLabel", "sentimentScore", "confidence", "importance",
                          "importanceFactors", "summary", "paragraphs", "takeaways", "companies", "topics", "eventTypes", "language",
                          "durationMs", "createdAt")
  SELECT a.g, a.g, 'builtin', '1.0.0', a.label, a.score, a.confidence, a.importance, '{}'::jsonb,
         'Summary: ' || a.title || '.', ARRAY['What happened.', 'Why it matters.', 'What to expect next.'], ARRAY['One.', 'Two.', 'Three.'],
         coalesce(c.list, '[]'::jsonb), coalesce(t.list, '[]'::jsonb), '{}', a."language", 20, a.analyzed
  FROM a
  LEFT JOIN (SELECT g, jsonb_agg(jsonb_build_object('companyId', company_id::text, 'proposedName', NULL, 'name', 'Company',
                      'relevance', relevance, 'sentimentScore', score, 'sentences', '[]'::jsonb, 'resolvedCompanyId', company_id)) AS list
             FROM companies GROUP BY g) c ON c.g = a.g
  LEFT JOIN (SELECT g, jsonb_agg(jsonb_build_object('slug', slug, 'relevance', relevance, 'topicId', topic_id)) AS list
             FROM topics GROUP BY g) t ON t.g = a.g
)
INSERT INTO "Correction" ("articleId", "analysisId", "editorId", "action", "version", "values", "before", "after", "note", "createdAt")
SELECT g, g, $3::int, 'CORRECT', 2, jsonb_build_object('importance', corrected_importance), jsonb_build_object('importance', importance),
       jsonb_build_object('importance', corrected_importance, 'changedFields', jsonb_build_array('importance')), 'bench correction',
       analyzed + interval '1 hour'
FROM a WHERE corrected`;

const duration = (ms: number) => {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s` : `${s} s`;
};

/** Runs a build step and prints how long it took. */
async function step<T>(label: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  say(`${label}…`);
  const result = await run();
  say(`${label}: ${duration(performance.now() - started)}`);
  return result;
}

/** Drops the secondary indexes of the loaded tables, keeping their definitions in `bench_index`. */
async function dropSecondaryIndexes(sql: pg.Client): Promise<void> {
  await sql.query('CREATE TABLE IF NOT EXISTS bench_index (name text PRIMARY KEY, definition text NOT NULL)');
  await sql.query(
    `INSERT INTO bench_index (name, definition)
     -- A partitioned table's index is defined ON ONLY the parent (valid only once every partition's
     -- index is attached); rebuilt without ONLY, it builds and attaches the partitions' indexes too.
     SELECT i.indexrelid::regclass::text, replace(pg_get_indexdef(i.indexrelid), ' ON ONLY ', ' ON ')
     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
     WHERE i.indrelid = ANY($1::regclass[]) AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
     ON CONFLICT (name) DO NOTHING`,
    [INDEXED_TABLES],
  );
  const { rows } = await sql.query<{ name: string }>('SELECT name FROM bench_index');
  for (const { name } of rows) await sql.query(`DROP INDEX IF EXISTS ${name}`);
}

/** Builds the indexes `dropSecondaryIndexes` removed (also after an interrupted build), `connections` at a time. */
async function restoreSecondaryIndexes(
  sql: pg.Client,
  connectionString: string,
  connections: number,
): Promise<void> {
  await sql.query('CREATE TABLE IF NOT EXISTS bench_index (name text PRIMARY KEY, definition text NOT NULL)');
  const { rows } = await sql.query<{ name: string; definition: string }>(
    'SELECT name, definition FROM bench_index ORDER BY name',
  );
  const worker = async () => {
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      await client.query(`SET maintenance_work_mem = '256MB'`);
      for (let next = rows.shift(); next; next = rows.shift()) {
        const { name, definition } = next;
        await step(`index ${name}`, () =>
          client.query(definition.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS ')),
        );
        await client.query('DELETE FROM bench_index WHERE name = $1', [name]);
      }
    } finally {
      await client.end();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, connections) }, worker));
  // An index left invalid (e.g. a partitioned table's built ON ONLY its parent) is never used by
  // the planner: the cases would time sequential scans while the table reads as indexed.
  const invalid = await sql.query<{ name: string }>(
    `SELECT i.indexrelid::regclass::text AS name FROM pg_index i
     WHERE NOT i.indisvalid AND i.indrelid = ANY($1::regclass[])`,
    [INDEXED_TABLES],
  );
  if (invalid.rows.length > 0)
    throw new Error(`indexes left invalid after the build: ${invalid.rows.map((r) => r.name).join(', ')}`);
}

/**
 * The buckets `rebuildSentimentBuckets` would write, in half its work: the hour buckets from the
 * article links (as it does), then each day as the sum of its hours instead of a second pass over the links.
 */
async function buildBuckets(sql: pg.Client): Promise<void> {
  await sql.query('DELETE FROM "SentimentBucket"');
  for (const [subject, table, column] of [
    ['COMPANY', 'ArticleCompany', 'companyId'],
    ['TOPIC', 'ArticleTopic', 'topicId'],
  ]) {
    await sql.query(
      `INSERT INTO "SentimentBucket" ("subject", "subjectId", "granularity", "bucketStart", "count", "scoreSum", "bullish", "neutral", "bearish")
       SELECT '${subject}', j."${column}", 'HOUR', date_trunc('hour', a."publishedAt"), count(*)::int, sum(a."sentimentScore"),
              count(*) FILTER (WHERE a."sentimentLabel" IN ('SOMEWHAT_BULLISH', 'BULLISH'))::int,
              count(*) FILTER (WHERE a."sentimentLabel" = 'NEUTRAL')::int,
              count(*) FILTER (WHERE a."sentimentLabel" IN ('SOMEWHAT_BEARISH', 'BEARISH'))::int
       FROM "${table}" j JOIN "Article" a ON a."id" = j."articleId"
       WHERE a."sentimentScore" IS NOT NULL AND a."reviewStatus" <> 'REJECTED'
       GROUP BY 2, 4`,
    );
  }
  await sql.query(
    `INSERT INTO "SentimentBucket" ("subject", "subjectId", "granularity", "bucketStart", "count", "scoreSum", "bullish", "neutral", "bearish")
     SELECT "subject", "subjectId", 'DAY', date_trunc('day', "bucketStart"), sum("count")::int, sum("scoreSum"),
            sum("bullish")::int, sum("neutral")::int, sum("bearish")::int
     FROM "SentimentBucket" WHERE "granularity" = 'HOUR' GROUP BY 1, 2, 4`,
  );
}

/** The article tables' own triggers (e.g. the search vector) must run while replication role skips foreign keys. */
async function setUserTriggers(sql: pg.Client, mode: 'ALWAYS' | 'ORIGIN'): Promise<void> {
  const { rows } = await sql.query<{ table: string; trigger: string }>(
    `SELECT c.relname AS table, t.tgname AS trigger FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE t.tgrelid = ANY($1::regclass[]) AND NOT t.tgisinternal AND t.tgname <> $2`,
    [LOADED_TABLES.map((t) => `"${t}"`), SEARCH_VECTOR_TRIGGER],
  );
  for (const { table, trigger } of rows) {
    await sql.query(
      `ALTER TABLE "${table}" ${mode === 'ALWAYS' ? 'ENABLE ALWAYS' : 'ENABLE'} TRIGGER "${trigger}"`,
    );
  }
}

/** Fills the database behind `db`/`sql` with `articles` articles unless it already holds that dataset. */
export async function buildDataset({
  db,
  sql,
  connectionString,
  databaseName,
  articles,
  connections,
}: {
  db: DbClient;
  sql: pg.Client;
  connectionString: string;
  databaseName: string;
  articles: number;
  /** Chunks written in parallel (one connection each). */
  connections: number;
}): Promise<void> {
  const existing = await db.instanceSetting.findUnique({ where: { key: 'bench.dataset' } });
  const wanted = { version: DATASET_VERSION, articles };
  if (existing && JSON.stringify(existing.value) === JSON.stringify(wanted)) {
    say(`reusing the dataset in ${databaseName} (${articles} articles)`);
    return;
  }
  const started = performance.now();
  await sql.query(`DELETE FROM "InstanceSetting" WHERE "key" = 'bench.dataset'`);
  await step(`clearing ${databaseName}`, () =>
    sql.query('TRUNCATE "Article", "Source", "SentimentBucket", "StoryCluster" RESTART IDENTITY CASCADE'),
  );
  await step('dropping secondary indexes of the article tables', () => dropSecondaryIndexes(sql));
  await step('seeding topics, the company registry and an admin', () =>
    seedDatabase({ db, adminEmail: 'bench-admin@example.com', adminPassword: 'bench-password-123' }),
  );
  await sql.query(
    `INSERT INTO "Source" ("url", "title", "language", "updatedAt")
     SELECT 'https://wire' || g || '.example.com/feed', 'Bench Wire ' || g, CASE WHEN g % 10 = 0 THEN 'de' ELSE 'en' END, now()
     FROM generate_series(1, ${SOURCES}) g`,
  );
  // Lookup tables for the chunk statement: sources by number, the 400 companies articles talk about
  // (most prominent first: mentions follow a power law) and the taxonomy topics.
  await sql.query(
    `DROP TABLE IF EXISTS bench_source, bench_pool, bench_topic;
     CREATE TABLE bench_source AS
       SELECT substring("url" FROM 'wire([0-9]+)')::int AS no, "id", "language" FROM "Source" WHERE "url" LIKE 'https://wire%.example.com/feed';
     CREATE TABLE bench_pool AS
       SELECT (row_number() OVER (ORDER BY "prominence" DESC, "id") - 1)::int AS idx, "id" FROM "Company" WHERE "status" = 'CONFIRMED'
       ORDER BY "prominence" DESC, "id" LIMIT ${COMPANIES};
     CREATE TABLE bench_topic AS
       SELECT (row_number() OVER (ORDER BY "id") - 1)::int AS idx, "id", "slug" FROM "Topic" WHERE "kind" = 'TAXONOMY';
     CREATE UNIQUE INDEX ON bench_source (no); CREATE UNIQUE INDEX ON bench_pool (idx); CREATE UNIQUE INDEX ON bench_topic (idx);
     ANALYZE bench_source, bench_pool, bench_topic`,
  );
  const { rows: editors } = await sql.query<{ id: number }>(`SELECT "id" FROM "User" ORDER BY "id" LIMIT 1`);
  const editorId = editors[0]?.id;
  if (editorId === undefined) throw new Error('the seed created no user');

  await setUserTriggers(sql, 'ALWAYS');
  const loadStarted = performance.now();
  let next = 1;
  let written = 0;
  const worker = async () => {
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      // Foreign keys are checked by triggers that the replica role skips; the chunk is consistent by
      // construction. Each chunk commits on its own, so nothing waits for a huge transaction.
      await client.query(
        `SET session_replication_role = replica; SET synchronous_commit = off; SET work_mem = '64MB'; SET enable_hashagg = off`,
      );
      for (;;) {
        const start = next;
        if (start > articles) return;
        const end = Math.min(articles, start + CHUNK - 1);
        next = end + 1;
        await client.query(`SELECT setseed(${((start % 9973) / 9973).toFixed(6)})`);
        await client.query(CHUNK_SQL, [start, end, editorId]);
        written += end - start + 1;
        const elapsed = (performance.now() - loadStarted) / 1000;
        const rate = written / elapsed;
        say(
          `articles ${written.toLocaleString('en')}/${articles.toLocaleString('en')} · ${Math.round(rate).toLocaleString('en')} rows/s · ` +
            `ETA ${duration(((articles - written) / rate) * 1000)} (load only; then indexes, buckets, VACUUM ANALYZE)`,
        );
      }
    } finally {
      await client.end();
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, connections) }, worker));
  } finally {
    await setUserTriggers(sql, 'ORIGIN');
  }
  say(`load: ${duration(performance.now() - loadStarted)}`);
  await sql.query(
    `SELECT setval(pg_get_serial_sequence('"Article"', 'id'), ${articles});
     SELECT setval(pg_get_serial_sequence('"Analysis"', 'id'), ${articles})`,
  );
  await step('copying the search vectors into their time partitions', () =>
    sql.query(
      `INSERT INTO ${SEARCH_VECTORS} ("articleId", "publishedAt", "vector") SELECT "id", "publishedAt", "searchVector" FROM "Article"`,
    ),
  );
  await step('building the secondary indexes', () =>
    restoreSecondaryIndexes(sql, connectionString, connections),
  );
  await step('ANALYZE (for the bucket rebuild)', () => sql.query(`ANALYZE ${INDEXED_TABLES.join(', ')}`));
  await step('building sentiment buckets (hours, then days from hours)', () => buildBuckets(sql));
  await step('VACUUM ANALYZE', () => sql.query('VACUUM ANALYZE'));
  await db.instanceSetting.upsert({
    where: { key: 'bench.dataset' },
    create: { key: 'bench.dataset', value: wanted },
    update: { value: wanted },
  });
  const counts = await sql.query(
    `SELECT (SELECT count(*) FROM "Article")::int AS articles, (SELECT count(*) FROM "ArticleCompany")::int AS "companyLinks",
            (SELECT count(DISTINCT "companyId") FROM "ArticleCompany")::int AS companies, (SELECT count(*) FROM "ArticleTopic")::int AS "topicLinks",
            (SELECT count(*) FROM "Analysis")::int AS analyses, (SELECT count(*) FROM "Correction")::int AS corrections,
            (SELECT count(*) FROM "SentimentBucket")::int AS buckets, pg_size_pretty(pg_database_size(current_database())) AS size`,
  );
  say(`dataset: ${JSON.stringify(counts.rows[0])}`);
  say(`dataset built in ${duration(performance.now() - started)}`);
}
