/**
 * Reaching the embedded cluster of a data directory without disturbing a Wirelens that is using it:
 * `startEmbeddedPostgres` treats a server it finds running on the directory as an orphan and stops
 * it, which is right after a crash but not while `wirelens start` is serving.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { z } from 'zod';

import { AppError } from '@wirelens/core';

import { locateEmbeddedCluster, startEmbeddedPostgres } from './embedded-postgres.js';

const credentialsSchema = z.object({ user: z.string().min(1), password: z.string().min(1) });

export interface RunningServer {
  pid: number;
  port: number;
}

/**
 * The server running on `clusterDir`, from its `postmaster.pid` (pid, data directory, start time,
 * port, socket directory, listen address, shared memory key, status), or null.
 */
export async function findRunningServer(clusterDir: string): Promise<RunningServer | null> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  // After a crash the pid may belong to another program by now.
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => null);
  if (cmdline !== null && !cmdline.includes('postgres')) return null;
  return { pid, port };
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
}: {
  dataDir: string;
  database?: string;
  log?: (message: string) => void;
}): Promise<EmbeddedConnection> {
  if (!existsSync(path.join(dataDir, 'pg', 'PG_VERSION'))) {
    throw new AppError(
      'NOT_FOUND',
      `There is no Wirelens database in ${path.resolve(dataDir)}: check WIRELENS_DATA_DIR (or set DATABASE_URL).`,
    );
  }
  const { root, clusterDir } = await locateEmbeddedCluster({ dataDir, log });
  const running = await findRunningServer(clusterDir);
  if (running) {
    const credentialsFile = path.join(root, 'pg-credentials.json');
    const parsed = credentialsSchema.safeParse(
      JSON.parse(await readFile(credentialsFile, 'utf8').catch(() => 'null')),
    );
    if (!parsed.success) {
      throw new AppError(
        'CONFIG',
        `The embedded PostgreSQL is running (pid ${running.pid}) but ${credentialsFile} is missing or unreadable.`,
      );
    }
    const auth = `${encodeURIComponent(parsed.data.user)}:${encodeURIComponent(parsed.data.password)}`;
    log(`using the running embedded PostgreSQL (pid ${running.pid}, port ${running.port})`);
    return {
      connectionString: `postgresql://${auth}@127.0.0.1:${running.port}/${database}`,
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
