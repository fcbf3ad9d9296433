/**
 * Vitest global setup for database tests: a PostgreSQL server (TEST_DATABASE_URL,
 * or an embedded one started here) and a migrated template database that each
 * test clones with `createTestDatabase()`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';
import type { TestProject } from 'vitest/node';

import { startEmbeddedPostgres } from '../embedded/embedded-postgres.js';
import { applyMigrations } from '../migrations/apply-migrations.js';
import { dbPaths } from '../paths.js';
import { withDatabase } from './database-url.js';

import './provided-context.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let serverUrl = process.env.TEST_DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | null = null;
  let tempDir: string | null = null;
  if (!serverUrl) {
    tempDir = await mkdtemp(path.join(os.tmpdir(), 'wirelens-test-pg-'));
    const embedded = await startEmbeddedPostgres({ dataDir: tempDir, database: 'postgres' });
    serverUrl = embedded.connectionString;
    stopEmbedded = () => embedded.stop();
  }
  const template = `wl_tpl_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${template}"`);
  await admin.end();
  await applyMigrations({
    connectionString: withDatabase(serverUrl, template),
    migrationsDir: dbPaths.migrations,
  });
  project.provide('wirelensTestDb', { serverUrl, template });

  return async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    // Drop what this run created (clones are named after the template).
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`${template}%`],
    );
    const names = rows.map((row) => row.datname).sort((a, b) => b.length - a.length);
    for (const name of names) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
    if (stopEmbedded) await stopEmbedded();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  };
}
