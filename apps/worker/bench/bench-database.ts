import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';

import { applyMigrations, dbPaths, startEmbeddedPostgres } from '@wirelens/db';

export interface BenchDatabase {
  url: string;
  close(): Promise<void>;
}

/**
 * A migrated database for a worker bench: DATABASE_URL as it is, else a fresh database named
 * `wirelens_bench_<label>_…` on TEST_DATABASE_URL's server (dropped afterwards), else an embedded
 * PostgreSQL in a temporary directory.
 */
export async function openBenchDatabase(label: string): Promise<BenchDatabase> {
  const database = await createBenchDatabase(label);
  if (process.env.DATABASE_URL) await requireNoArticles(database.url);
  await applyMigrations({ connectionString: database.url, migrationsDir: dbPaths.migrations });
  return database;
}

/**
 * A bench times new articles going through: a database that already holds articles (a second run
 * on the same DATABASE_URL holds the first run's, with the same URLs) stores nothing new and would
 * report every article analysed at once.
 */
async function requireNoArticles(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const table = await client.query<{ t: string | null }>(
      `SELECT to_regclass('public."Article"')::text AS t`,
    );
    const held = table.rows[0]?.t ? await client.query('SELECT 1 FROM "Article" LIMIT 1') : null;
    if ((held?.rowCount ?? 0) > 0)
      throw new Error(
        'DATABASE_URL names a database that already holds articles; a worker bench needs an empty one. ' +
          "Point DATABASE_URL at a new database, or unset it to use a scratch database on TEST_DATABASE_URL's server.",
      );
  } finally {
    await client.end();
  }
}

async function createBenchDatabase(label: string): Promise<BenchDatabase> {
  const explicit = process.env.DATABASE_URL;
  const server = process.env.TEST_DATABASE_URL;
  if (explicit) return { url: explicit, close: () => Promise.resolve() };
  if (server) {
    const name = `wirelens_bench_${label}_${randomBytes(3).toString('hex')}`;
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
