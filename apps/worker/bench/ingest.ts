/**
 * pnpm bench:ingest [--items 50000] — feed ingestion throughput.
 *
 * Parses the real-world fixture feeds (packages/core/test/fixtures/feeds) over and
 * over until --items items have been read, then runs the same work end to end:
 * parse + normalise (canonical URL, sanitised HTML, text, hash) + upsert into
 * PostgreSQL, with every copy's links made unique so each item is a new article.
 * Database: DATABASE_URL, else TEST_DATABASE_URL's server, else an embedded
 * PostgreSQL in a temporary directory. Prints items/s and peak RSS.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import pg from 'pg';

import { parseFeed, type FeedItem } from '@wirelens/core/feeds';
import { prepareArticle, type ArticleDraft } from '@wirelens/core/ingest';
import {
  applyMigrations,
  createDbClient,
  dbPaths,
  startEmbeddedPostgres,
  upsertArticles,
} from '@wirelens/db';

const { values } = parseArgs({ options: { items: { type: 'string', default: '50000' } } });
const target = Number(values.items);
const fixtureDir = path.resolve(import.meta.dirname, '../../../packages/core/test/fixtures/feeds');

function progress(label: string, done: number, total: number, started: number) {
  const rate = done / Math.max(0.001, (performance.now() - started) / 1000);
  process.stderr.write(
    `\r${label}: ${done.toLocaleString()}/${total.toLocaleString()} items (${Math.round(rate).toLocaleString()}/s)   `,
  );
}

function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

async function openDatabase(): Promise<{ url: string; close: () => Promise<void> }> {
  const explicit = process.env.DATABASE_URL;
  const server = process.env.TEST_DATABASE_URL;
  if (explicit) return { url: explicit, close: () => Promise.resolve() };
  if (server) {
    const name = `wirelens_bench_ingest_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      close: async () => {
        const client = new pg.Client({ connectionString: server });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'wirelens-bench-'));
  const embedded = await startEmbeddedPostgres({ dataDir: dir });
  return {
    url: embedded.connectionString,
    close: async () => {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

const files = await Promise.all(
  (await readdir(fixtureDir))
    .filter((file) => /\.(xml|rss|atom)$/.test(file))
    .sort()
    .map(async (file) => ({ file, body: new Uint8Array(await readFile(path.join(fixtureDir, file))) })),
);

// 1. Parsing alone.
let parsed = 0;
let started = performance.now();
while (parsed < target) {
  for (const { body } of files) {
    parsed += parseFeed({ body }).items.length;
    if (parsed >= target) break;
  }
  progress('parse', Math.min(parsed, target), target, started);
}
const parseSeconds = (performance.now() - started) / 1000;
process.stderr.write('\n');

// 2. End to end into PostgreSQL.
const database = await openDatabase();
try {
  await applyMigrations({ connectionString: database.url, migrationsDir: dbPaths.migrations });
  const db = createDbClient({ connectionString: database.url });
  const source = await db.source.create({ data: { url: `https://bench.invalid/${Date.now()}` } });
  let stored = 0;
  let round = 0;
  started = performance.now();
  while (stored < target) {
    for (const { body } of files) {
      const feed = parseFeed({ body });
      const drafts: ArticleDraft[] = [];
      for (const item of feed.items) {
        // A fresh path per copy makes every item a new article, as in a real stream of news.
        const unique: FeedItem = {
          ...item,
          link: item.link ? `${item.link.replace(/[?#].*$/, '').replace(/\/$/, '')}/copy-${round}` : null,
          guid: item.guid ? `${item.guid}#${round}` : null,
        };
        const prepared = prepareArticle({ item: unique, feedLanguage: feed.language });
        if (prepared.ok) drafts.push(prepared.draft);
      }
      const result = await upsertArticles({ db, sourceId: source.id, drafts });
      stored += result.created.length;
      if (stored >= target) break;
    }
    round += 1;
    progress('end to end', Math.min(stored, target), target, started);
  }
  const e2eSeconds = (performance.now() - started) / 1000;
  process.stderr.write('\n');
  const count = await db.article.count();
  await db.$disconnect();
  const parseRate = Math.round(parsed / parseSeconds);
  const e2eRate = Math.round(stored / e2eSeconds);
  process.stdout.write(
    [
      `fixtures: ${files.length} files, ${files.length > 0 ? 'RSS 2.0 / RSS 1.0 / Atom' : ''}`,
      `parse      items=${parsed} seconds=${parseSeconds.toFixed(2)} items_per_s=${parseRate} (target ≥ 2000)`,
      `end_to_end items=${stored} seconds=${e2eSeconds.toFixed(2)} items_per_s=${e2eRate} (target ≥ 500) articles_in_db=${count}`,
      `peak_rss_mb=${peakRssMb()}`,
      '',
    ].join('\n'),
  );
} finally {
  await database.close();
}
