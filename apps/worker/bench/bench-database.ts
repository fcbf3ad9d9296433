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
  await applyMigrations({ connectionString: database.url, migrationsDir: dbPaths.migrations });
  return database;
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
