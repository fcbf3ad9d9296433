// `pnpm bench:search-relevance`: precision@10 of the judged query set (`search-judgements.ts`)
// for the ranking before this release (ts_rank_cd over every websearch_to_tsquery match) and for
// the current one (`findArticlePage`, RELEVANCE), per query and on average.
//
// Env: BENCH_DATABASE_URL (server; default DATABASE_URL, TEST_DATABASE_URL, or local postgres).
// Uses a scratch database `wirelens_search_relevance`, dropped at the end.
import pg from 'pg';

import { createDbClient } from '../src/client.js';
import { applyMigrations } from '../src/migrations/apply-migrations.js';
import { dbPaths } from '../src/paths.js';
import { findArticlePage } from '../src/repositories/article-feed.js';
import { benchDatabase } from '../src/testing/bench-database.js';
import { withDatabase } from '../src/testing/database-url.js';
import { judgeSearch, loadSearchCorpus } from '../src/testing/search-judgements.js';

const NAME = 'wirelens_search_relevance';
const { serverUrl } = benchDatabase();
const url = withDatabase(serverUrl, NAME);

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

await admin(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
await admin(`CREATE DATABASE ${NAME}`);
const db = createDbClient({ connectionString: url, maxConnections: 2 });
try {
  await applyMigrations({ connectionString: url, migrationsDir: dbPaths.migrations, log: () => undefined });
  const keys = await loadSearchCorpus(db);
  const before = await judgeSearch(keys, async (query) => {
    const rows = await db.$queryRawUnsafe<{ id: number }[]>(
      `SELECT a."id" FROM "Article" a CROSS JOIN websearch_to_tsquery('english', $1) AS q("query")
       WHERE a."searchVector" @@ q."query" ORDER BY ts_rank_cd(a."searchVector", q."query") DESC, a."id" DESC LIMIT 10`,
      query,
    );
    return rows.map((row) => row.id);
  });
  const after = await judgeSearch(keys, async (query) => {
    const page = await findArticlePage({
      db,
      filter: { search: query },
      order: 'RELEVANCE',
      page: { first: 10 },
      maxPageSize: 10,
    });
    return page.ids;
  });
  const lines = ['| query | before | after | after: first results |', '|---|---:|---:|---|'];
  before.perQuery.forEach((b, i) => {
    const a = after.perQuery[i] as (typeof after.perQuery)[number];
    lines.push(
      `| ${b.query.replace(/\|/g, '\\|')} | ${b.precision.toFixed(2)} | ${a.precision.toFixed(2)} | ${a.top.slice(0, 3).join(', ')} |`,
    );
  });
  lines.push(`| **mean precision@10** | **${before.mean.toFixed(3)}** | **${after.mean.toFixed(3)}** | |`);
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await db.$disconnect();
  await admin(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
}
