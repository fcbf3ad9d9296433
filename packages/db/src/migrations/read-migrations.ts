import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface MigrationFolder {
  /** Folder name, e.g. `20261127040000_init`; also the `migration_name` Prisma records. */
  name: string;
  sql: string;
  /** sha256 hex of the file bytes, as Prisma computes it. */
  checksum: string;
}

export function checksumOf(sql: string | Buffer): string {
  return createHash('sha256').update(sql).digest('hex');
}

/** Reads `<dir>/<timestamp>_<name>/migration.sql` folders in name order, like `prisma migrate deploy`. */
export async function readMigrations(migrationsDir: string): Promise<MigrationFolder[]> {
  if (!existsSync(migrationsDir)) return [];
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const folders: MigrationFolder[] = [];
  for (const name of names) {
    const file = path.join(migrationsDir, name, 'migration.sql');
    if (!existsSync(file)) continue;
    const bytes = await readFile(file);
    folders.push({ name, sql: bytes.toString('utf8'), checksum: checksumOf(bytes) });
  }
  return folders;
}
