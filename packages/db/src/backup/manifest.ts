import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import type pg from 'pg';
import { z } from 'zod';

import { AppError } from '@wirelens/core';

import { extractArchive, type ArchiveWriter } from './archive.js';

/** The last entry of every backup archive; a restore reads it before it replaces anything. */
export const MANIFEST_NAME = 'manifest.json';
export const BACKUP_FORMAT_VERSION = 1;

const postgresInfo = z.object({
  /** `server_version`, e.g. "18.4". */
  version: z.string(),
  /** `server_version_num`, e.g. 180004. */
  versionNum: z.number().int(),
});

const common = {
  format: z.literal('wirelens-backup'),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  postgres: postgresInfo,
  /** Applied Wirelens migrations (`_prisma_migrations`): the schema version of the data. */
  migrations: z.array(z.string()),
};

export const manifestSchema = z.discriminatedUnion('kind', [
  z.object({
    ...common,
    /** The embedded cluster's files, copied online with the low-level backup API, plus the WAL. */
    kind: z.literal('physical'),
    startLsn: z.string(),
    stopLsn: z.string(),
    walFiles: z.array(z.string()).min(1),
  }),
  z.object({
    ...common,
    /** A `pg_dump -Fc` of a DATABASE_URL database. */
    kind: z.literal('logical'),
    /** Major version of the pg_dump that wrote it (pg_restore must be at least as new). */
    pgDumpMajor: z.number().int(),
  }),
]);

export type BackupManifest = z.infer<typeof manifestSchema>;
export type PostgresInfo = z.infer<typeof postgresInfo>;

/** What a backup of one kind says about itself; the format header and finish time are added here. */
type ManifestFields<Manifest = BackupManifest> = Manifest extends BackupManifest
  ? Omit<Manifest, 'format' | 'formatVersion' | 'finishedAt'>
  : never;

/** Writes the manifest as the archive's last entry, finished now, and answers it. */
export async function addManifest(
  writer: Pick<ArchiveWriter, 'addContent'>,
  fields: ManifestFields,
): Promise<BackupManifest> {
  const { kind, createdAt, ...rest } = fields;
  const finishedAt = new Date().toISOString();
  const manifest = {
    format: 'wirelens-backup',
    formatVersion: BACKUP_FORMAT_VERSION,
    kind,
    createdAt,
    finishedAt,
    ...rest,
  } as BackupManifest;
  await writer.addContent(MANIFEST_NAME, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export function parseManifest(text: string): BackupManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('INVALID_INPUT', `The backup's ${MANIFEST_NAME} is not JSON.`);
  }
  const format = z
    .object({ format: z.literal('wirelens-backup'), formatVersion: z.number() })
    .safeParse(json);
  if (!format.success) throw new AppError('INVALID_INPUT', 'This file is not a Wirelens backup.');
  if (format.data.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new AppError(
      'INVALID_INPUT',
      `This backup has format version ${format.data.formatVersion}; this Wirelens reads version ${BACKUP_FORMAT_VERSION}. Restore it with a newer Wirelens.`,
    );
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError('INVALID_INPUT', `The backup's ${MANIFEST_NAME} is invalid: ${parsed.error.message}`);
  }
  return parsed.data;
}

const WRONG_KIND: Record<BackupManifest['kind'], string> = {
  physical:
    'is a pg_dump backup of a DATABASE_URL database; set DATABASE_URL to the database to restore it into.',
  logical: 'is a backup of the embedded database: unset DATABASE_URL to restore it into WIRELENS_DATA_DIR.',
};

/** Unpacks a backup into `dir` and returns its manifest, which must be of the `kind` being restored. */
export async function unpackBackup<Kind extends BackupManifest['kind']>(
  file: string,
  dir: string,
  kind: Kind,
): Promise<Extract<BackupManifest, { kind: Kind }>> {
  await extractArchive(file, dir);
  const manifestFile = path.join(dir, MANIFEST_NAME);
  if (!existsSync(manifestFile)) {
    throw new AppError(
      'INVALID_INPUT',
      `${file} has no ${MANIFEST_NAME}: it is incomplete or not a Wirelens backup.`,
    );
  }
  const manifest = parseManifest(await readFile(manifestFile, 'utf8'));
  if (manifest.kind !== kind) throw new AppError('INVALID_INPUT', `${file} ${WRONG_KIND[kind]}`);
  return manifest as Extract<BackupManifest, { kind: Kind }>;
}

/** The server's version and the Wirelens migrations applied to the connected database. */
export async function describeDatabase(
  client: pg.Client,
): Promise<{ postgres: PostgresInfo; migrations: string[] }> {
  const { rows } = await client.query<{ version: string; num: string; history: string | null }>(
    `SELECT current_setting('server_version') AS version, current_setting('server_version_num') AS num,
            to_regclass('"_prisma_migrations"')::text AS history`,
  );
  const row = rows[0];
  if (!row) throw new AppError('INTERNAL', 'The server did not report its version.');
  const migrations = row.history
    ? (
        await client.query<{ migration_name: string }>(
          `SELECT migration_name FROM "_prisma_migrations"
           WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
        )
      ).rows.map((migration) => migration.migration_name)
    : [];
  // Drop distribution suffixes ("15.20 (Debian 15.20-0+deb12u1)").
  return {
    postgres: { version: row.version.split(' ')[0] ?? row.version, versionNum: Number(row.num) },
    migrations,
  };
}

export function majorOf(versionNum: number): number {
  return Math.floor(versionNum / 10_000);
}
