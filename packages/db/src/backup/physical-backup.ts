/**
 * Online backup of the embedded cluster with PostgreSQL's low-level API ("Making a Base Backup
 * Using the Low Level API"): the embedded binaries have no pg_dump or pg_basebackup, and an older
 * system pg_dump refuses a newer server. The files copied while the server writes are made
 * consistent at restore by replaying the WAL from the backup's start to its stop, which the archive
 * carries, so a restore needs nothing else.
 */
import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

import pg from 'pg';

import { AppError } from '@wirelens/core';

import { createArchiveWriter, type ArchiveWriter } from './archive.js';
import { addManifest, describeDatabase, type BackupManifest } from './manifest.js';

/** Names of Wirelens' own files beside the cluster (`<dataDir>/pg`) that a backup carries. */
export const CLUSTER_ENTRY = 'pg';
export const CREDENTIALS_FILE = 'pg-credentials.json';

// What the documentation (and pg_basebackup) leaves out of a base backup.
const SKIPPED_FILES = new Set([
  'postmaster.pid',
  'postmaster.opts',
  'backup_label',
  'tablespace_map',
  'backup_manifest',
  'current_logfiles',
  'postgresql.auto.conf.tmp',
  'pg_internal.init',
]);
/** Directories copied empty: their contents are rebuilt at start, or (pg_wal) come from the WAL we add. */
const EMPTIED_DIRECTORIES = new Set([
  'pg_wal',
  'pg_replslot',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
]);

/** What every kind of backup takes: the archive to write, and where progress is told. */
export interface BackupOptions {
  file: string;
  log?: (message: string) => void;
}

export interface PhysicalBackupOptions extends BackupOptions {
  /** A superuser connection to the running cluster (the embedded cluster's own role is one). */
  connectionString: string;
  /** The cluster's directory (the real one when `<dataDir>/pg` is a link). */
  clusterDir: string;
  /** The Wirelens data directory, for the credentials file beside the cluster. */
  dataDir: string;
}

export interface BackupResult {
  file: string;
  bytes: number;
  manifest: BackupManifest;
}

/** Copies the cluster's files into the archive, skipping what a base backup leaves out. */
async function copyClusterFiles(writer: ArchiveWriter, clusterDir: string): Promise<number> {
  let files = 0;
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(path.join(clusterDir, relative), { withFileTypes: true }).catch(
      (error: NodeJS.ErrnoException) => {
        // A database dropped during the backup takes its directory with it.
        if (error.code === 'ENOENT') return null;
        throw error;
      },
    );
    if (!entries) return;
    await writer.addDirectory(path.posix.join(CLUSTER_ENTRY, relative));
    const emptied = relative !== '' && EMPTIED_DIRECTORIES.has(relative);
    for (const entry of entries) {
      const child = relative ? path.posix.join(relative, entry.name) : entry.name;
      if (entry.name.startsWith('pgsql_tmp')) continue;
      if (entry.isDirectory()) {
        // pg_wal keeps its subdirectories (archive_status, summaries), empty.
        if (emptied && relative === 'pg_wal')
          await writer.addDirectory(path.posix.join(CLUSTER_ENTRY, child));
        if (!emptied) await walk(child);
      } else if (entry.isFile()) {
        if (emptied || SKIPPED_FILES.has(entry.name)) continue;
        if (await writer.addFile(path.posix.join(CLUSTER_ENTRY, child), path.join(clusterDir, child)))
          files++;
      } else {
        throw new AppError(
          'CONFIG',
          `Cannot back up ${path.join(clusterDir, child)}: the embedded cluster should contain only files and directories.`,
        );
      }
    }
  };
  await walk('');
  return files;
}

/** WAL segment names from `first` through `last` (same timeline), e.g. 000000010000000000000002. */
export function walSegmentsBetween(first: string, last: string, segmentBytes: number): string[] {
  const timeline = first.slice(0, 8);
  if (last.slice(0, 8) !== timeline) {
    throw new AppError('INTERNAL', `The timeline changed during the backup (${first} → ${last}).`);
  }
  const perLogFile = 0x1_0000_0000 / segmentBytes;
  const number = (name: string) =>
    Number.parseInt(name.slice(8, 16), 16) * perLogFile + Number.parseInt(name.slice(16, 24), 16);
  const hex = (value: number) => value.toString(16).toUpperCase().padStart(8, '0');
  const names: string[] = [];
  for (let segment = number(first); segment <= number(last); segment++) {
    names.push(`${timeline}${hex(Math.floor(segment / perLogFile))}${hex(segment % perLogFile)}`);
  }
  return names;
}

export async function backupEmbeddedCluster({
  connectionString,
  clusterDir,
  dataDir,
  file,
  log = () => undefined,
}: PhysicalBackupOptions): Promise<BackupResult> {
  const createdAt = new Date().toISOString();
  // The backup belongs to this one session: PostgreSQL aborts it if the session ends early, and
  // the temporary slot that holds the WAL back disappears with it.
  const client = new pg.Client({ connectionString });
  await client.connect();
  const writer = await createArchiveWriter(file);
  try {
    const { rows: tablespaces } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_tablespace WHERE spcname NOT IN ('pg_default', 'pg_global')`,
    );
    if ((tablespaces[0]?.n ?? 0) > 0) {
      throw new AppError(
        'CONFIG',
        'The embedded cluster has tablespaces outside its data directory; wirelens backup copies only the data directory.',
      );
    }
    const { postgres, migrations } = await describeDatabase(client);
    const { rows: settings } = await client.query<{ bytes: string }>(
      `SELECT setting AS bytes FROM pg_settings WHERE name = 'wal_segment_size'`,
    );
    const segmentBytes = Number(settings[0]?.bytes);

    // Reserve the WAL before the backup starts, so no segment it needs is recycled before we copy it.
    const slot = `wirelens_backup_${randomBytes(4).toString('hex')}`;
    await client.query(`SELECT pg_create_physical_replication_slot($1, true, true)`, [slot]);
    const { rows: started } = await client.query<{ lsn: string; wal: string }>(
      `SELECT lsn::text AS lsn, pg_walfile_name(lsn) AS wal FROM pg_backup_start($1, true) AS lsn`,
      [`wirelens ${createdAt}`],
    );
    const start = started[0];
    if (!start) throw new AppError('INTERNAL', 'pg_backup_start returned nothing.');
    log(`backup started at WAL ${start.lsn}; copying ${clusterDir}`);

    const files = await copyClusterFiles(writer, clusterDir);
    const credentials = path.join(dataDir, CREDENTIALS_FILE);
    if (!(await writer.addFile(CREDENTIALS_FILE, credentials))) {
      throw new AppError('CONFIG', `${credentials} is missing: the backup could not be restored without it.`);
    }

    const { rows: stopped } = await client.query<{
      lsn: string;
      wal: string;
      labelfile: string;
    }>(
      `SELECT lsn::text AS lsn, pg_walfile_name(lsn) AS wal, labelfile FROM pg_backup_stop(wait_for_archive => false)`,
    );
    const stop = stopped[0];
    if (!stop) throw new AppError('INTERNAL', 'pg_backup_stop returned nothing.');
    await writer.addContent(`${CLUSTER_ENTRY}/backup_label`, stop.labelfile);

    const walDir = path.join(clusterDir, 'pg_wal');
    const walFiles = walSegmentsBetween(start.wal, stop.wal, segmentBytes);
    const history = (await readdir(walDir)).filter((name) => name.endsWith('.history'));
    for (const name of [...history, ...walFiles]) {
      if (!(await writer.addFile(`${CLUSTER_ENTRY}/pg_wal/${name}`, path.join(walDir, name)))) {
        throw new AppError('INTERNAL', `WAL file ${name} disappeared before it was copied.`);
      }
    }
    await client.query(`SELECT pg_drop_replication_slot($1)`, [slot]);

    const manifest = await addManifest(writer, {
      kind: 'physical',
      createdAt,
      postgres,
      migrations,
      startLsn: start.lsn,
      stopLsn: stop.lsn,
      walFiles,
    });
    const bytes = await writer.close();
    log(`copied ${files} cluster files and ${walFiles.length} WAL segments (${start.lsn} → ${stop.lsn})`);
    return { file: path.resolve(file), bytes, manifest };
  } catch (error) {
    await writer.abort();
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}
