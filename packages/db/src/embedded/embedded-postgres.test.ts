import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { startEmbeddedPostgres } from './embedded-postgres.js';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'wirelens-embedded-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function sql<Row extends pg.QueryResultRow>(url: string, text: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(text)).rows;
  } finally {
    await client.end();
  }
}

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
    // The first "run" dies without stopping its database.
    const orphan = await startEmbeddedPostgres({ dataDir });
    const orphanPid = Number(
      (await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0],
    );
    const next = await startEmbeddedPostgres({ dataDir });
    try {
      expect(isAlive(orphanPid)).toBe(false);
      expect(next.port).not.toBe(orphan.port);
      expect(await sql(next.connectionString, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await next.stop();
    }
  });
});
