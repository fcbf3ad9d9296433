import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { dbPaths, readMigrations, startEmbeddedPostgres } from '@wirelens/db';
import {
  createPreviousReleaseSchema,
  insertSampleRows,
  PREVIOUS_RELEASE_MIGRATIONS,
} from '@wirelens/db/testing';

import { loadEnv } from '../env.js';
import { openDatabase } from './database.js';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'wirelens-upgrade-'));
  // Reachable by the postgres user, so the cluster stays inside the directory we remove.
  await chmod(dataDir, 0o755);
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('starting a newer Wirelens on an older data directory', () => {
  it('migrates the embedded database the way `wirelens start` opens it, keeping the data', async () => {
    const older = await startEmbeddedPostgres({ dataDir });
    try {
      await createPreviousReleaseSchema(older.connectionString);
      await insertSampleRows(older.connectionString);
    } finally {
      await older.stop();
    }

    // The entry point `wirelens start` (and every other CLI command) brings the database up with.
    const { database, db, close } = await openDatabase(
      loadEnv({ WIRELENS_DATA_DIR: dataDir, NODE_ENV: 'test' }),
    );
    try {
      const client = new pg.Client({ connectionString: database.connectionString });
      await client.connect();
      const { rows } = await client.query<{ migration_name: string }>(
        `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`,
      );
      await client.end();
      const current = (await readMigrations(dbPaths.migrations)).map((migration) => migration.name);
      expect(rows.map((row) => row.migration_name)).toEqual(current);
      expect(current.slice(0, PREVIOUS_RELEASE_MIGRATIONS.length)).toEqual(PREVIOUS_RELEASE_MIGRATIONS);

      expect(await db.article.count()).toBe(12);
      expect(await db.analysis.count()).toBe(12);
      expect(await db.correction.count()).toBe(2);
      // Start may add entries of its own (re-sanitising old HTML); the earlier ones are all there.
      expect(
        await db.auditEntry.count({ where: { action: { in: ['analysis.correct', 'system.seed'] } } }),
      ).toBe(3);
      expect(await db.user.count()).toBe(3);
    } finally {
      await close();
    }
  });
});
