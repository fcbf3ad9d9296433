/**
 * Backups of a DATABASE_URL database: `pg_dump -Fc` (one consistent snapshot while the app runs)
 * inside the same archive format as the embedded backups, and `pg_restore` back. Only with client
 * programs at least as new as the server (pg_dump refuses a newer server) or the dump.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';

import { AppError } from '@wirelens/core';

import { runProgram } from '../process/run-program.js';
import { createArchiveWriter } from './archive.js';
import { requireClientTool } from './client-tools.js';
import { countMainTables } from './count-rows.js';
import { addManifest, describeDatabase, majorOf, unpackBackup } from './manifest.js';
import type { BackupOptions, BackupResult } from './physical-backup.js';
import type { RestoreOptions, RestoreResult } from './physical-restore.js';

const DUMP_FILE = 'database.pgdump';

/** URL parameters Prisma understands and libpq rejects ("invalid URI query parameter"). */
const PRISMA_ONLY_PARAMETERS = [
  'schema',
  'connection_limit',
  'pool_timeout',
  'pgbouncer',
  'socket_timeout',
  'statement_cache_size',
];

/** The URL for libpq without its password, which goes in PGPASSWORD so no process list shows it. */
function libpqConnection(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  for (const name of PRISMA_ONLY_PARAMETERS) url.searchParams.delete(name);
  // The child needs the rest of the environment too (PATH, locale, PGSSL* settings).
  return { url: url.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

async function describe(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const description = await describeDatabase(client);
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
    );
    return { ...description, tables: rows[0]?.n ?? 0 };
  } finally {
    await client.end();
  }
}

export async function backupWithPgDump({
  databaseUrl,
  file,
  log = () => undefined,
}: BackupOptions & { databaseUrl: string }): Promise<BackupResult> {
  const createdAt = new Date().toISOString();
  const { postgres, migrations } = await describe(databaseUrl);
  const serverMajor = majorOf(postgres.versionNum);
  const pgDump = await requireClientTool({
    name: 'pg_dump',
    minMajor: serverMajor,
    reason: `The database at DATABASE_URL runs PostgreSQL ${postgres.version}, and pg_dump cannot dump a server newer than itself, so no backup was written.`,
  });
  const { url, env } = libpqConnection(databaseUrl);
  // Next to the target, so the dump and the archive need no room elsewhere.
  const workDir = await mkdtemp(path.join(path.dirname(path.resolve(file)), '.wirelens-backup-'));
  try {
    const dump = path.join(workDir, DUMP_FILE);
    log(`dumping with ${pgDump.path} ${pgDump.version}`);
    await runProgram(pgDump.path, ['--format=custom', `--file=${dump}`, `--dbname=${url}`], { env });
    const writer = await createArchiveWriter(file);
    try {
      await writer.addFile(DUMP_FILE, dump);
      const manifest = await addManifest(writer, {
        kind: 'logical',
        createdAt,
        postgres,
        migrations,
        pgDumpMajor: pgDump.major,
      });
      return { file: path.resolve(file), bytes: await writer.close(), manifest };
    } catch (error) {
      await writer.abort();
      throw error;
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

export async function restoreWithPgRestore({
  databaseUrl,
  file,
  force = false,
  log = () => undefined,
}: RestoreOptions & { databaseUrl: string }): Promise<RestoreResult> {
  const target = await describe(databaseUrl);
  if (target.tables > 0 && !force) {
    throw new AppError(
      'CONFLICT',
      `The database at DATABASE_URL already has ${target.tables} tables. Restore into an empty database, or pass --force to replace the objects the backup contains.`,
    );
  }
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'wirelens-restore-'));
  try {
    log(`unpacking ${file}`);
    const manifest = await unpackBackup(file, workDir, 'logical');
    const pgRestore = await requireClientTool({
      name: 'pg_restore',
      minMajor: manifest.pgDumpMajor,
      reason: `This backup was written by pg_dump ${manifest.pgDumpMajor}, and pg_restore cannot read a dump from a newer pg_dump, so nothing was restored.`,
    });
    const { url, env } = libpqConnection(databaseUrl);
    log(`restoring with ${pgRestore.path} ${pgRestore.version}`);
    // One transaction: a failure leaves the database as it was.
    await runProgram(
      pgRestore.path,
      [
        '--no-owner',
        '--no-privileges',
        '--single-transaction',
        '--exit-on-error',
        ...(force ? ['--clean', '--if-exists'] : []),
        `--dbname=${url}`,
        path.join(workDir, DUMP_FILE),
      ],
      { env },
    );
    return { manifest, counts: await countMainTables(databaseUrl) };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
