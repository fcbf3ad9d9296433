import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { AppError } from '@wirelens/core';
import { readMigrations, type MigrationFolder } from './read-migrations.js';

/**
 * Applies pending migrations like `prisma migrate deploy`, without Prisma's Rust
 * schema engine: each `migration.sql` runs in its own transaction and is
 * recorded in `_prisma_migrations` with Prisma's columns and checksum, so the
 * Prisma CLI (where available) sees the same history.
 */

// Prisma's own DDL for the history table.
const CREATE_HISTORY_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

// Serialises concurrent migrators (API and worker starting together, parallel test setup).
const ADVISORY_LOCK_KEY = 72_707_369;

export interface ApplyMigrationsOptions {
  connectionString: string;
  migrationsDir: string;
  log?: (message: string) => void;
}

export interface ApplyMigrationsResult {
  applied: string[];
  alreadyApplied: string[];
  /** Rows in the database with no folder here (the database is newer than this code). */
  unknown: string[];
}

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export async function applyMigrations({
  connectionString,
  migrationsDir,
  log = () => undefined,
}: ApplyMigrationsOptions): Promise<ApplyMigrationsResult> {
  const folders = await readMigrations(migrationsDir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
    await client.query(CREATE_HISTORY_TABLE);
    const { rows } = await client.query<HistoryRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
    );
    const applied = new Map<string, HistoryRow>();
    for (const row of rows) {
      if (row.rolled_back_at !== null) continue;
      if (row.finished_at === null) {
        throw new AppError(
          'MIGRATION_FAILED',
          `Migration ${row.migration_name} failed earlier and was never completed. Fix the database, then mark it rolled back (UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${row.migration_name}').`,
          { details: { migration: row.migration_name } },
        );
      }
      applied.set(row.migration_name, row);
    }

    const result: ApplyMigrationsResult = { applied: [], alreadyApplied: [], unknown: [] };
    const known = new Set(folders.map((folder) => folder.name));
    result.unknown = [...applied.keys()].filter((name) => !known.has(name));

    for (const folder of folders) {
      const row = applied.get(folder.name);
      if (row) {
        if (row.checksum !== folder.checksum) {
          throw new AppError(
            'MIGRATION_FAILED',
            `Migration ${folder.name} was changed after it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ${folder.checksum.slice(0, 12)}… on disk). Restore the original file and put the change in a new migration.`,
            { details: { migration: folder.name } },
          );
        }
        result.alreadyApplied.push(folder.name);
        continue;
      }
      log(`applying ${folder.name}`);
      await applyOne(client, folder);
      result.applied.push(folder.name);
    }
    return result;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

async function applyOne(client: pg.Client, folder: MigrationFolder): Promise<void> {
  const id = randomUUID();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
      [id, folder.checksum, folder.name],
    );
    await client.query(folder.sql);
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    // The transaction rolled the migration back entirely, so record the attempt as rolled back:
    // the next run retries it after the file is fixed, and the error stays on record.
    await client
      .query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, rolled_back_at, applied_steps_count) VALUES ($1, $2, $3, $4, now(), now(), 0)`,
        [randomUUID(), folder.checksum, folder.name, message],
      )
      .catch(() => undefined);
    throw new AppError('MIGRATION_FAILED', `Migration ${folder.name} failed: ${message}`, {
      details: { migration: folder.name },
      cause: error,
    });
  }
}
