import { existsSync } from 'node:fs';

import { AppError } from '@wirelens/core';

import { connectEmbeddedCluster } from '../embedded/running-cluster.js';
import { backupWithPgDump, restoreWithPgRestore } from './logical-backup.js';
import { backupEmbeddedCluster, type BackupOptions, type BackupResult } from './physical-backup.js';
import { restoreEmbeddedCluster, type RestoreOptions, type RestoreResult } from './physical-restore.js';

export { formatCounts, type RowCounts } from './count-rows.js';
export type { BackupManifest } from './manifest.js';
export type { BackupResult, RestoreResult };

interface Target {
  /** `DATABASE_URL`: back up with pg_dump. Unset: the embedded cluster in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  log?: (message: string) => void;
}

/** Writes a backup of the configured database to `file`, consistent while Wirelens runs. */
export async function backupDatabase({
  databaseUrl,
  dataDir,
  file,
  log,
}: Target & BackupOptions): Promise<BackupResult> {
  if (databaseUrl) return backupWithPgDump({ databaseUrl, file, log });
  const cluster = await connectEmbeddedCluster({ dataDir, log });
  try {
    return await backupEmbeddedCluster({
      connectionString: cluster.connectionString,
      clusterDir: cluster.clusterDir,
      dataDir,
      file,
      log,
    });
  } finally {
    await cluster.release();
  }
}

/** Restores `file` into the configured database (an empty one unless `force`) and counts what it holds. */
export async function restoreDatabase({
  databaseUrl,
  dataDir,
  ...options
}: Target & RestoreOptions): Promise<RestoreResult> {
  if (!existsSync(options.file)) throw new AppError('NOT_FOUND', `${options.file} does not exist.`);
  if (databaseUrl) return restoreWithPgRestore({ databaseUrl, ...options });
  return restoreEmbeddedCluster({ dataDir, ...options });
}
