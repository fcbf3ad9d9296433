import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { findFreePort } from '@wirelens/core/net';
import { queryOnce } from '@wirelens/db/testing';

const run = promisify(execFile);

/** Debian's postgresql-15 package: the tools a streaming standby needs. */
export const PG15_BIN = '/usr/lib/postgresql/15/bin';
/** Tries at starting a server on a fresh port when the one found free was taken before it bound. */
const PORT_ATTEMPTS = 3;
const TOOLS = ['initdb', 'pg_ctl', 'pg_basebackup', 'postgres'];

/** Why a primary and standby cannot be started here, or null when they can. */
export function streamingReplicaUnavailable(): string | null {
  const missing = TOOLS.filter((tool) => !existsSync(path.join(PG15_BIN, tool)));
  return missing.length === 0
    ? null
    : `${missing.join(', ')} not found in ${PG15_BIN} (apt-get install postgresql-15)`;
}

export interface StreamingPair {
  /** The URL of `database` on the primary, or on the standby. */
  primaryUrl(database: string): string;
  replicaUrl(database: string): string;
  /** Waits until the standby has replayed everything the primary has written so far. */
  waitForReplay(): Promise<void>;
  /** Stops (or resumes) applying WAL on the standby: it keeps serving reads, frozen in the past. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Stops the standby only (an outage of the replica); `stop` still stops both. */
  stopReplica(): Promise<void>;
  stop(): Promise<void>;
}

const query = queryOnce;

/**
 * A PostgreSQL 15 primary and a streaming standby made with pg_basebackup, in a temporary directory, on free
 * ports. PostgreSQL refuses to run as root, so as root the servers run as the `postgres` user.
 */
export async function startStreamingPair(): Promise<StreamingPair> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'wirelens-replica-'));
  const user = process.getuid?.() === 0 ? await postgresUser() : null;
  if (user) await chown(root, user.uid, user.gid);
  const as = user ? { uid: user.uid, gid: user.gid } : {};
  const tool = (name: string, args: string[]) =>
    run(path.join(PG15_BIN, name), args, { ...as, cwd: root, env: { PATH: process.env.PATH ?? '' } });
  const primaryDir = path.join(root, 'primary');
  const standbyDir = path.join(root, 'standby');
  const settings =
    `\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${root}'\n` +
    `fsync = off\nmax_wal_senders = 4\nhot_standby = on\nshared_buffers = 16MB\n`;
  const started: string[] = [];
  let primaryPort = 0;
  let standbyPort = 0;
  /**
   * Starts a server on a port found free just before, and on another one if a parallel test took it
   * meanwhile (the suite's servers and connections draw from the same ephemeral range); the last
   * `port =` line of postgresql.conf wins.
   */
  const startOnFreePort = async (dir: string, log: string): Promise<number> => {
    for (let attempt = 1; ; attempt += 1) {
      const port = await findFreePort();
      await appendFile(path.join(dir, 'postgresql.conf'), `\nport = ${port}\n`);
      try {
        await tool('pg_ctl', ['-D', dir, '-l', path.join(root, log), '-w', 'start']);
        started.push(dir);
        return port;
      } catch (error) {
        const written = await readFile(path.join(root, log), 'utf8').catch(() => '');
        if (attempt < PORT_ATTEMPTS && /could not bind|already in use/i.test(written)) continue;
        throw new Error(`${dir} did not start: ${written.trim().split('\n').slice(-5).join(' | ')}`, {
          cause: error,
        });
      }
    }
  };
  const stop = async () => {
    for (const dir of started.reverse())
      await tool('pg_ctl', ['-D', dir, '-m', 'immediate', 'stop']).catch(() => undefined);
    await rm(root, { recursive: true, force: true });
  };
  try {
    await tool('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    await appendFile(path.join(primaryDir, 'postgresql.conf'), settings);
    primaryPort = await startOnFreePort(primaryDir, 'primary.log');
    // -R writes standby.signal and primary_conninfo; -X stream copies the WAL written meanwhile.
    await tool('pg_basebackup', [
      ...['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres'],
      ...['-D', standbyDir, '-R', '-X', 'stream', '--no-sync'],
    ]);
    standbyPort = await startOnFreePort(standbyDir, 'standby.log');
  } catch (error) {
    await stop();
    throw error;
  }
  const primaryUrl = (database: string) => `postgresql://postgres@127.0.0.1:${primaryPort}/${database}`;
  const replicaUrl = (database: string) => `postgresql://postgres@127.0.0.1:${standbyPort}/${database}`;
  return {
    primaryUrl,
    replicaUrl,
    async waitForReplay() {
      const [target] = await query<{ lsn: string }>(
        primaryUrl('postgres'),
        'SELECT pg_current_wal_lsn()::text AS lsn',
      );
      for (let attempt = 0; attempt < 600; attempt += 1) {
        const [row] = await query<{ done: boolean }>(
          replicaUrl('postgres'),
          `SELECT pg_last_wal_replay_lsn() >= '${target?.lsn ?? '0/0'}'::pg_lsn AS done`,
        );
        if (row?.done) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('the standby did not catch up within 60 s');
    },
    async pauseReplay() {
      await query(replicaUrl('postgres'), 'SELECT pg_wal_replay_pause()');
    },
    async resumeReplay() {
      await query(replicaUrl('postgres'), 'SELECT pg_wal_replay_resume()');
    },
    async stopReplica() {
      await tool('pg_ctl', ['-D', standbyDir, '-m', 'immediate', 'stop']);
    },
    stop,
  };
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}
