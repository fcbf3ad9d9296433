/**
 * Reaching the embedded cluster of a data directory without disturbing a Wirelens that is using it:
 * `startEmbeddedPostgres` stops a server it finds orphaned on the directory (right after a crash) and
 * refuses to start beside one whose Wirelens still runs; these connect to the running server instead.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

import { AppError } from '@wirelens/core';

import { locateEmbeddedCluster, readCredentials, startEmbeddedPostgres } from './embedded-postgres.js';
import { findRunningServer, type RunningServer } from './server-process.js';

export { findRunningServer, type RunningServer };

async function attach(
  root: string,
  running: RunningServer,
  database: string,
  log: (message: string) => void,
): Promise<string> {
  const credentials = await readCredentials(root);
  if (!credentials) {
    throw new AppError(
      'CONFIG',
      `The embedded PostgreSQL is running (pid ${running.pid}) but ${path.join(root, 'pg-credentials.json')} is missing.`,
    );
  }
  log(`using the running embedded PostgreSQL (pid ${running.pid}, port ${running.port})`);
  const auth = `${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}`;
  return `postgresql://${auth}@127.0.0.1:${running.port}/${database}`;
}

interface ClusterOptions {
  dataDir: string;
  database?: string;
  log?: (message: string) => void;
}

/**
 * The connection string of the server a running Wirelens (or another CLI command) has up on `dataDir`, or null
 * when there is none, or only an orphan that a start will stop.
 */
export async function findServedCluster({
  dataDir,
  database = 'wirelens',
  log = () => undefined,
}: ClusterOptions): Promise<string | null> {
  if (!existsSync(path.join(dataDir, 'pg', 'PG_VERSION'))) return null;
  const { root, clusterDir } = await locateEmbeddedCluster({ dataDir, log });
  const running = await findRunningServer(clusterDir);
  if (!running || running.ownerPid === null) return null;
  return attach(root, running, database, log);
}

export interface EmbeddedConnection {
  connectionString: string;
  clusterDir: string;
  /** True when the cluster was already running (Wirelens is up); false when we started it. */
  attached: boolean;
  /** Stops the server if we started it; leaves a running Wirelens alone. */
  release(): Promise<void>;
}

/**
 * Connects to the existing embedded cluster of `dataDir`: the running server if there is one, else
 * one started for the caller. Unlike a start, it never creates a cluster.
 */
export async function connectEmbeddedCluster({
  dataDir,
  database = 'wirelens',
  log = () => undefined,
}: ClusterOptions): Promise<EmbeddedConnection> {
  if (!existsSync(path.join(dataDir, 'pg', 'PG_VERSION'))) {
    throw new AppError(
      'NOT_FOUND',
      `There is no Wirelens database in ${path.resolve(dataDir)}: check WIRELENS_DATA_DIR (or set DATABASE_URL).`,
    );
  }
  const { root, clusterDir } = await locateEmbeddedCluster({ dataDir, log });
  const running = await findRunningServer(clusterDir);
  if (running) {
    return {
      connectionString: await attach(root, running, database, log),
      clusterDir,
      attached: true,
      release: () => Promise.resolve(),
    };
  }
  const embedded = await startEmbeddedPostgres({ dataDir, database, log });
  return {
    connectionString: embedded.connectionString,
    clusterDir,
    attached: false,
    release: () => embedded.stop(),
  };
}
