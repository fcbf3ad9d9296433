/**
 * Restores a physical backup into the embedded cluster's place: unpack next to it, check, swap the
 * directories, then start the server once so it replays the WAL from `backup_label` to a
 * consistent state. The previous cluster (with `--force`) is kept aside until that start succeeds.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chown, copyFile, lstat, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { AppError } from '@wirelens/core';

import { locateEmbeddedCluster, startEmbeddedPostgres } from '../embedded/embedded-postgres.js';
import { findRunningServer } from '../embedded/server-process.js';
import { countMainTables, type RowCounts } from './count-rows.js';
import { unpackBackup, type BackupManifest } from './manifest.js';
import { CLUSTER_ENTRY, CREDENTIALS_FILE } from './physical-backup.js';

export interface RestoreOptions {
  file: string;
  /** Replace an existing cluster (kept aside until the restored one has started). */
  force?: boolean;
  log?: (message: string) => void;
}

export interface RestoreResult {
  manifest: BackupManifest;
  counts: RowCounts;
}

async function chownTree(dir: string, ids: { uid: number; gid: number }): Promise<void> {
  await chown(dir, ids.uid, ids.gid);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const child = path.join(dir, entry.name);
    if (entry.isDirectory()) await chownTree(child, ids);
    else await chown(child, ids.uid, ids.gid);
  }
}

/** Unpacks `file` into `staging` and checks it is a complete physical backup. */
async function unpack(file: string, staging: string): Promise<BackupManifest> {
  const manifest = await unpackBackup(file, staging, 'physical');
  const required = [
    'PG_VERSION',
    'backup_label',
    path.join('global', 'pg_control'),
    ...manifest.walFiles.map((name) => path.join('pg_wal', name)),
  ].map((name) => path.join(CLUSTER_ENTRY, name));
  const missing = [...required, CREDENTIALS_FILE].filter((name) => !existsSync(path.join(staging, name)));
  if (missing.length > 0) {
    throw new AppError('INVALID_INPUT', `${file} is incomplete (missing ${missing.join(', ')}).`);
  }
  return manifest;
}

export async function restoreEmbeddedCluster({
  file,
  dataDir,
  force = false,
  log = () => undefined,
}: RestoreOptions & { dataDir: string }): Promise<RestoreResult> {
  const { root, clusterDir, ids } = await locateEmbeddedCluster({ dataDir, log });
  const running = await findRunningServer(clusterDir);
  if (running) {
    throw new AppError(
      'CONFLICT',
      `Wirelens' database is running on ${clusterDir} (pid ${running.pid}). Stop Wirelens, then restore.`,
    );
  }
  const hasCluster = existsSync(path.join(clusterDir, 'PG_VERSION'));
  if (hasCluster && !force) {
    throw new AppError(
      'CONFLICT',
      `${clusterDir} already holds a database. Restore into another WIRELENS_DATA_DIR, or pass --force to replace it.`,
    );
  }

  const suffix = randomBytes(4).toString('hex');
  // Siblings of the cluster directory, so the swap is a rename on one file system.
  const staging = `${clusterDir}.restore-${suffix}`;
  const previous = `${clusterDir}.before-restore-${suffix}`;
  const credentialsFile = path.join(root, CREDENTIALS_FILE);
  const previousCredentials = existsSync(credentialsFile) ? await readFile(credentialsFile) : null;
  let swapped = false;
  try {
    log(`unpacking ${file}`);
    const manifest = await unpack(file, staging);
    if (ids) await chownTree(path.join(staging, CLUSTER_ENTRY), ids);

    // An empty leftover directory (or a half-initialised one) is simply replaced.
    if (await lstat(clusterDir).catch(() => null)) await rename(clusterDir, previous);
    await rename(path.join(staging, CLUSTER_ENTRY), clusterDir);
    swapped = true;
    // The cluster's roles come from the backup, so its password must too.
    await copyFile(path.join(staging, CREDENTIALS_FILE), credentialsFile);

    log('starting the restored cluster (replaying the WAL to a consistent state)');
    // Replaying the WAL written during a long backup of a busy database can take a while.
    const server = await startEmbeddedPostgres({ dataDir: root, log, readyTimeoutMs: 60 * 60_000 });
    // It accepts connections only once the WAL replay has reached a consistent state and ended.
    let counts: RowCounts;
    try {
      counts = await countMainTables(server.connectionString);
    } finally {
      await server.stop();
    }
    await rm(previous, { recursive: true, force: true });
    return { manifest, counts };
  } catch (error) {
    if (swapped) {
      await rm(clusterDir, { recursive: true, force: true });
      if (existsSync(previous)) await rename(previous, clusterDir);
      if (previousCredentials) await writeFile(credentialsFile, previousCredentials, { mode: 0o600 });
      else await rm(credentialsFile, { force: true });
    }
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
