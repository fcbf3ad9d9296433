import type { DbClient } from '../client.js';
import { dbPaths } from '../paths.js';
import { readMigrations } from './read-migrations.js';

/**
 * Migrations in the folder that the database has not finished applying (in folder order):
 * empty when the schema is current. A database without the migrations table lacks them all.
 */
export async function pendingMigrations({
  db,
  migrationsDir = dbPaths.migrations,
}: {
  db: DbClient;
  migrationsDir?: string;
}): Promise<string[]> {
  const folders = await readMigrations(migrationsDir);
  const [table] = await db.$queryRaw<{ exists: boolean }[]>`
    SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS exists`;
  if (!table?.exists) return folders.map((f) => f.name);
  const applied = await db.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const done = new Set(applied.map((row) => row.migration_name));
  return folders.map((f) => f.name).filter((name) => !done.has(name));
}
