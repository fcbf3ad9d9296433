import { cp, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@wirelens/core';
import { dbPaths } from '../paths.js';
import { createEmptyDatabase } from '../testing/index.js';
import { applyMigrations } from './apply-migrations.js';
import { readMigrations } from './read-migrations.js';

let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
let migrationsDir: string;

beforeEach(async () => {
  database = await createEmptyDatabase();
  migrationsDir = await mkdtemp(path.join(os.tmpdir(), 'wirelens-migrations-'));
  await cp(dbPaths.migrations, migrationsDir, { recursive: true });
});

afterEach(async () => {
  await database.drop();
  await rm(migrationsDir, { recursive: true, force: true });
});

async function query<Row extends pg.QueryResultRow>(sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<Row>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function addMigration(name: string, sql: string): Promise<void> {
  await mkdir(path.join(migrationsDir, name), { recursive: true });
  await writeFile(path.join(migrationsDir, name, 'migration.sql'), sql);
}

describe('applyMigrations', () => {
  it('applies every folder and records it exactly as Prisma does', async () => {
    const folders = await readMigrations(migrationsDir);
    const result = await applyMigrations({ connectionString: database.url, migrationsDir });
    expect(result.applied).toEqual(folders.map((f) => f.name));

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number; id: string }>(
      'SELECT id, migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(folders.map((f) => [f.name, f.checksum]));
    for (const row of rows) {
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    const columns = await query<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => `${c.column_name}:${c.data_type}`)).toEqual([
      'id:character varying',
      'checksum:character varying',
      'finished_at:timestamp with time zone',
      'migration_name:character varying',
      'logs:text',
      'rolled_back_at:timestamp with time zone',
      'started_at:timestamp with time zone',
      'applied_steps_count:integer',
    ]);
    const tables = await query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'Article'`,
    );
    expect(tables).toHaveLength(1);
  });

  it('is idempotent: a second run applies nothing', async () => {
    await applyMigrations({ connectionString: database.url, migrationsDir });
    const second = await applyMigrations({ connectionString: database.url, migrationsDir });
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied.length).toBeGreaterThan(0);
    const rows = await query('SELECT 1 FROM "_prisma_migrations"');
    expect(rows).toHaveLength(second.alreadyApplied.length);
  });

  it('runs concurrent migrators one at a time without double-applying', async () => {
    const results = await Promise.all([
      applyMigrations({ connectionString: database.url, migrationsDir }),
      applyMigrations({ connectionString: database.url, migrationsDir }),
    ]);
    const appliedTotal = results.flatMap((r) => r.applied);
    expect(appliedTotal).toHaveLength((await readMigrations(migrationsDir)).length);
  });

  it('stops at a failing migration with its name and the database error, keeping the earlier ones', async () => {
    await addMigration('99990101000000_broken', 'CREATE TABLE "ok_part" (id int);\nALTER TABLE "NoSuchTable" ADD COLUMN x int;');
    const error = await applyMigrations({ connectionString: database.url, migrationsDir }).catch((e: unknown) => e);
    expect(AppError.is(error, 'MIGRATION_FAILED')).toBe(true);
    expect((error as Error).message).toContain('99990101000000_broken');
    expect((error as Error).message).toContain('relation "NoSuchTable" does not exist');

    // The broken migration rolled back as a whole; the ones before it stay applied.
    expect(await query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'ok_part'`)).toHaveLength(0);
    const rows = await query<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null; logs: string | null }>(
      'SELECT migration_name, finished_at, rolled_back_at, logs FROM "_prisma_migrations"',
    );
    const broken = rows.find((r) => r.migration_name === '99990101000000_broken');
    expect(broken?.finished_at).toBeNull();
    expect(broken?.rolled_back_at).toBeInstanceOf(Date);
    expect(broken?.logs).toContain('NoSuchTable');
    expect(rows.filter((r) => r.finished_at !== null).length).toBeGreaterThan(0);

    // Once fixed, the next run applies it.
    await addMigration('99990101000000_broken', 'CREATE TABLE "ok_part" (id int);');
    const retry = await applyMigrations({ connectionString: database.url, migrationsDir });
    expect(retry.applied).toEqual(['99990101000000_broken']);
  });

  it('refuses a migration that was edited after it was applied', async () => {
    await addMigration('99990101000000_extra', 'CREATE TABLE "extra" (id int);');
    await applyMigrations({ connectionString: database.url, migrationsDir });
    await addMigration('99990101000000_extra', 'CREATE TABLE "extra" (id bigint);');
    const error = await applyMigrations({ connectionString: database.url, migrationsDir }).catch((e: unknown) => e);
    expect(AppError.is(error, 'MIGRATION_FAILED')).toBe(true);
    expect((error as Error).message).toMatch(/99990101000000_extra was changed after it was applied/);
  });

  it('refuses to continue past a migration left unfinished by a crash', async () => {
    await applyMigrations({ connectionString: database.url, migrationsDir });
    await query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ('00000000-0000-0000-0000-000000000001', 'x', '99990101000000_crashed', now())`,
    );
    const error = await applyMigrations({ connectionString: database.url, migrationsDir }).catch((e: unknown) => e);
    expect((error as Error).message).toContain('99990101000000_crashed failed earlier');
  });
});
