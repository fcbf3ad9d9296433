import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';

import { applyMigrations } from '../migrations/apply-migrations.js';
import { dbPaths } from '../paths.js';

/**
 * The migrations the previous release shipped: upgrade tests build its schema from exactly these,
 * load data, then migrate with the current code. At each release, set this to the full list of
 * `prisma/migrations` folders of the release before it (and adjust `sample-rows.ts` if that
 * release changed what an insert needs).
 */
export const PREVIOUS_RELEASE_MIGRATIONS = ['20261127034033_init', '20261127040351_article_url_key'];

/** Applies only the previous release's migrations to the database at `connectionString`. */
export async function createPreviousReleaseSchema(connectionString: string): Promise<void> {
  const migrationsDir = await mkdtemp(path.join(os.tmpdir(), 'wirelens-previous-release-'));
  try {
    for (const name of PREVIOUS_RELEASE_MIGRATIONS) {
      await cp(path.join(dbPaths.migrations, name), path.join(migrationsDir, name), { recursive: true });
    }
    await applyMigrations({ connectionString, migrationsDir });
  } finally {
    await rm(migrationsDir, { recursive: true, force: true });
  }
}

export interface ColumnInfo {
  table: string;
  column: string;
  nullable: boolean;
  /** `column_default` as PostgreSQL prints it, e.g. `0`, `'ACTIVE'::"SourceStatus"`, `now()`. */
  default: string | null;
}

/** Columns of the Wirelens tables (public schema, without Prisma's history table). */
export async function readColumns(connectionString: string): Promise<ColumnInfo[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{
      table: string;
      column: string;
      nullable: string;
      default: string | null;
    }>(
      `SELECT c.table_name AS table, c.column_name AS column, c.is_nullable AS nullable, c.column_default AS default
       FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
       WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> '_prisma_migrations'
       ORDER BY c.table_name, c.ordinal_position`,
    );
    return rows.map((row) => ({ ...row, nullable: row.nullable === 'YES' }));
  } finally {
    await client.end();
  }
}

/** Every row of each table, limited to the given columns, as sorted JSON text (comparable across schemas). */
export async function snapshotRows(
  connectionString: string,
  columns: readonly ColumnInfo[],
): Promise<Record<string, string[]>> {
  const byTable = new Map<string, string[]>();
  for (const { table, column } of columns) byTable.set(table, [...(byTable.get(table) ?? []), column]);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const snapshot: Record<string, string[]> = {};
    for (const [table, names] of byTable) {
      const list = names.map((name) => `"${name}"`).join(', ');
      const { rows } = await client.query<{ row: string }>(
        `SELECT row_to_json(t)::text AS row FROM (SELECT ${list} FROM "${table}") t ORDER BY 1`,
      );
      snapshot[table] = rows.map((row) => row.row);
    }
    return snapshot;
  } finally {
    await client.end();
  }
}
