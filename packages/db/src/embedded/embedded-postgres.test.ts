import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { queryOnce } from '../testing/query-once.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { findServedCluster } from './running-cluster.js';

const holdScript = fileURLToPath(new URL('../testing/hold-embedded-postgres.ts', import.meta.url));
const packageRoot = fileURLToPath(new URL('../..', import.meta.url));

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'wirelens-embedded-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const sql = queryOnce;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('embedded PostgreSQL', () => {
  it('starts, stops cleanly, and keeps the data for the next start', async () => {
    const first = await startEmbeddedPostgres({ dataDir });
    expect(first.connectionString).toMatch(/^postgresql:\/\/wirelens:[^@]+@127\.0\.0\.1:\d+\/wirelens$/);
    const [version] = await sql<{ server_version: string }>(first.connectionString, 'SHOW server_version');
    expect(Number(version?.server_version.split('.')[0])).toBeGreaterThanOrEqual(15);
    await sql(
      first.connectionString,
      'CREATE TABLE kept (value text); INSERT INTO kept VALUES ($$still here$$)',
    );
    const pid = Number((await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
    await first.stop();
    expect(isAlive(pid)).toBe(false);

    const second = await startEmbeddedPostgres({ dataDir });
    try {
      expect(await sql(second.connectionString, 'SELECT value FROM kept')).toEqual([{ value: 'still here' }]);
    } finally {
      await second.stop();
    }
  });

  it('recovers from a stale postmaster.pid left by a crash', async () => {
    const first = await startEmbeddedPostgres({ dataDir });
    await first.stop();
    // A crash leaves the lock file behind, naming a process that no longer exists.
    await writeFile(
      path.join(dataDir, 'pg', 'postmaster.pid'),
      '999999\n/nonexistent\n1700000000\n5432\n\n\n',
    );
    const second = await startEmbeddedPostgres({ dataDir });
    try {
      expect(await sql(second.connectionString, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await second.stop();
    }
  });

  it('stops an orphaned server from an earlier run instead of failing', async () => {
    // The first run dies without stopping its database.
    const holder = spawn(process.execPath, ['--import', 'tsx', holdScript, dataDir], {
      cwd: packageRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const holderExited = new Promise((resolve) => holder.once('exit', resolve));
    await Promise.race([
      new Promise<void>((resolve) => holder.stdout.once('data', () => resolve())),
      holderExited.then(() => Promise.reject(new Error('the holder exited'))),
    ]);
    const orphanPid = Number(
      (await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0],
    );
    holder.kill('SIGKILL');
    await holderExited;
    expect(isAlive(orphanPid)).toBe(true);

    const next = await startEmbeddedPostgres({ dataDir });
    try {
      expect(isAlive(orphanPid)).toBe(false);
      expect(await sql(next.connectionString, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await next.stop();
    }
  });

  it('leaves a server alone while the Wirelens that started it runs, and says so', async () => {
    const running = await startEmbeddedPostgres({ dataDir });
    try {
      await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(
        new RegExp(`Wirelens is already running on ${dataDir} .*process ${process.pid}`),
      );
      // A CLI command connects to it instead.
      const served = await findServedCluster({ dataDir });
      expect(served).toBe(running.connectionString);
      expect(await sql(running.connectionString, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await running.stop();
    }
    expect(await findServedCluster({ dataDir })).toBeNull();
  });

  it('names a corrupt pg-credentials.json and how to fix it', async () => {
    const file = path.join(dataDir, 'pg-credentials.json');
    await writeFile(file, '{"user": "wirelens", "pass');
    await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(
      `${file} is corrupt (it must be JSON with the "user" and "password"`,
    );
    await writeFile(file, '{"user": "wirelens"}');
    await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(
      /Put back a good copy .* or, to start over/,
    );
  });

  it('fails at once on a data directory that cannot be created, naming why', async () => {
    // Node's recursive mkdir spins forever on such a path.
    await expect(startEmbeddedPostgres({ dataDir: '/proc/wirelens-test/data' })).rejects.toThrow(
      'The data directory /proc/wirelens-test/data is unusable: /proc does not accept new directories',
    );
    const file = path.join(dataDir, 'a-file');
    await writeFile(file, '');
    await expect(startEmbeddedPostgres({ dataDir: path.join(file, 'data') })).rejects.toThrow(
      `${file} is not a directory`,
    );
  });
});
