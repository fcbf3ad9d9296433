import { existsSync } from 'node:fs';
import { mkdtemp, readdir, realpath, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { applyMigrations, dbPaths, startEmbeddedPostgres, type EmbeddedPostgres } from '@wirelens/db';
import { createEmptyDatabase, createTestDatabase, insertSampleRows } from '@wirelens/db/testing';

import { runCli } from '../testing/run-cli.js';

const TIMEOUT = 180_000;
/** Rows a restore must bring back: every one committed before the backup started. */
const CHECKED_TABLES = ['Article', 'Correction', 'AuditEntry', 'Analysis', 'User'] as const;
type Committed = Record<(typeof CHECKED_TABLES)[number], string[]>;

let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'wirelens-backup-test-'));
});

afterAll(async () => {
  // Our temporary directory is closed to the postgres user, so clusters live where `pg` links to.
  for (const entry of await readdir(workDir)) {
    const cluster = await realpath(path.join(workDir, entry, 'pg')).catch(() => null);
    if (cluster) await rm(cluster, { recursive: true, force: true });
  }
  await rm(workDir, { recursive: true, force: true });
});

async function withClient<T>(connectionString: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

async function committedRows(connectionString: string): Promise<Committed> {
  return withClient(connectionString, async (client) => {
    const committed: Partial<Committed> = {};
    for (const table of CHECKED_TABLES) {
      const { rows } = await client.query<{ id: string }>(
        `SELECT "id"::text AS id FROM "${table}" ORDER BY "id"`,
      );
      committed[table] = rows.map((row) => row.id);
    }
    return committed as Committed;
  });
}

function insertArticle(client: pg.Client, label: string): Promise<pg.QueryResult<{ id: number }>> {
  return client.query<{ id: number }>(
    `INSERT INTO "Article" ("sourceId", "canonicalUrl", "urlKey", "url", "title", "publishedAt", "updatedAt", "contentText", "contentHash")
     SELECT "id", $1, $2, $1, $3, now(), now(), 'Written while the backup ran.', md5($1) FROM "Source" ORDER BY "id" LIMIT 1
     RETURNING "id"`,
    [`https://live.example.com/${label}`, `live.example.com/${label}`, `Live article ${label}`],
  );
}

/** Inserts articles one after another, like an ingesting worker, until stopped. */
function keepInserting(connectionString: string): { inserted: () => number; stop: () => Promise<void> } {
  let count = 0;
  let stopping = false;
  const running = withClient(connectionString, async (client) => {
    while (!stopping) {
      await insertArticle(client, `loop-${Date.now()}-${count}`);
      count++;
    }
  });
  return {
    inserted: () => count,
    stop: async () => {
      stopping = true;
      await running;
    },
  };
}

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** Backs up with `env` while articles keep arriving; returns what was committed before it started. */
async function backupWhileWriting(
  liveUrl: string,
  file: string,
  env: Record<string, string>,
): Promise<Committed> {
  const writer = keepInserting(liveUrl);
  try {
    await waitFor(() => writer.inserted() >= 5);
    const committed = await committedRows(liveUrl);
    const before = writer.inserted();
    const backup = await runCli(['backup', file], { env });
    // The backup really ran while the database was being written.
    expect(writer.inserted()).toBeGreaterThan(before);
    expect(backup.stderr).not.toMatch(/error/i);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/^Backup written to .* \(\d+\.\d MB in \d+\.\d s\)/);
    return committed;
  } finally {
    await writer.stop();
  }
}

/** Every row committed before the backup is there, the audit log is still append-only, and writes work. */
async function expectRestored(restoredUrl: string, committed: Committed): Promise<void> {
  const restored = await committedRows(restoredUrl);
  for (const table of CHECKED_TABLES) {
    expect({ table, missing: committed[table].filter((id) => !restored[table].includes(id)) }).toEqual({
      table,
      missing: [],
    });
  }
  await withClient(restoredUrl, async (client) => {
    await expect(client.query(`UPDATE "AuditEntry" SET "action" = 'tampered'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(client.query(`DELETE FROM "AuditEntry"`)).rejects.toThrow(/append-only/);
    const { rows } = await insertArticle(client, 'after-restore');
    expect(rows[0]?.id).toBeGreaterThan(Math.max(...restored.Article.map(Number)));
  });
}

describe('wirelens backup / restore, embedded PostgreSQL', () => {
  let liveDir: string;
  let live: EmbeddedPostgres;

  beforeAll(async () => {
    liveDir = path.join(workDir, 'live');
    live = await startEmbeddedPostgres({ dataDir: liveDir });
    await applyMigrations({ connectionString: live.connectionString, migrationsDir: dbPaths.migrations });
    await insertSampleRows(live.connectionString);
  }, TIMEOUT);

  afterAll(async () => {
    await live.stop();
  });

  it(
    'backs up the running cluster while articles are written, and restores every committed row into a fresh data directory',
    async () => {
      const file = path.join(workDir, 'embedded.tar.gz');
      const committed = await backupWhileWriting(live.connectionString, file, { WIRELENS_DATA_DIR: liveDir });
      // The running cluster was used, not stopped as an orphan.
      await withClient(live.connectionString, (client) => client.query('SELECT 1'));

      const restoredDir = path.join(workDir, 'restored');
      const restore = await runCli(['restore', file], { env: { WIRELENS_DATA_DIR: restoredDir } });
      expect(restore.stderr).not.toMatch(/error/i);
      expect(restore.code).toBe(0);
      expect(restore.stdout).toMatch(/Restored the backup of .* \(embedded PostgreSQL 18\.\d+, WAL /);
      expect(restore.stdout).toMatch(
        /It holds 2 sources, \d+ articles, 12 analyses, 2 corrections, 2 companies, 3 users, 3 audit entries\./,
      );

      const restored = await startEmbeddedPostgres({ dataDir: restoredDir });
      try {
        await expectRestored(restored.connectionString, committed);
      } finally {
        await restored.stop();
      }

      const again = await runCli(['restore', file], { env: { WIRELENS_DATA_DIR: restoredDir } });
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/already holds a database.*--force/);
      const forced = await runCli(['restore', file, '--force'], { env: { WIRELENS_DATA_DIR: restoredDir } });
      expect(forced.code).toBe(0);
      // Nothing of the replaced cluster or the unpacking is left beside it.
      expect((await readdir(restoredDir)).sort()).toEqual(['pg', 'pg-credentials.json', 'postgres.log']);
    },
    TIMEOUT,
  );

  it(
    'refuses pg_dump for a server newer than the installed client, naming both versions, and writes no file',
    async () => {
      const file = path.join(workDir, 'refused.tar.gz');
      const result = await runCli(['backup', file], { env: { DATABASE_URL: live.connectionString } });
      expect(result.code).toBe(1);
      // This machine kind has Debian's PostgreSQL 15 client; the embedded server is 18.
      expect(result.stderr).toMatch(
        /runs PostgreSQL 18\.\d+, and pg_dump cannot dump a server newer than itself/,
      );
      expect(result.stderr).toMatch(/The newest pg_dump here is 15\.\d+ \(/);
      expect(result.stderr).toMatch(/postgresql-client-18/);
      expect(existsSync(file)).toBe(false);
      expect(existsSync(`${file}.partial`)).toBe(false);
    },
    TIMEOUT,
  );
});

describe('wirelens backup without a database', () => {
  it(
    'names the data directory instead of creating an empty database to back up',
    async () => {
      const emptyDir = path.join(workDir, 'empty');
      const file = path.join(workDir, 'nothing.tar.gz');
      const result = await runCli(['backup', file], { env: { WIRELENS_DATA_DIR: emptyDir } });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/There is no Wirelens database in .*empty: check WIRELENS_DATA_DIR/);
      expect(existsSync(path.join(emptyDir, 'pg'))).toBe(false);
      expect(existsSync(file)).toBe(false);
    },
    TIMEOUT,
  );
});

describe('wirelens backup / restore, DATABASE_URL with pg_dump', () => {
  it(
    'dumps a database while articles are written and restores every committed row into an empty one',
    async () => {
      const live = await createTestDatabase();
      const target = await createEmptyDatabase();
      try {
        await insertSampleRows(live.url);
        const file = path.join(workDir, 'dump.tar.gz');
        const committed = await backupWhileWriting(live.url, file, { DATABASE_URL: live.url });

        const restore = await runCli(['restore', file], { env: { DATABASE_URL: target.url } });
        expect(restore.stderr).not.toMatch(/error/i);
        expect(restore.code).toBe(0);
        expect(restore.stdout).toMatch(
          /\(pg_dump of PostgreSQL 15\.\d+, \d+ migrations \(latest \d+_\w+\)\)/,
        );
        await expectRestored(target.url, committed);

        const again = await runCli(['restore', file], { env: { DATABASE_URL: target.url } });
        expect(again.code).toBe(1);
        expect(again.stderr).toMatch(/already has \d+ tables.*--force/);
        const forced = await runCli(['restore', file, '--force'], { env: { DATABASE_URL: target.url } });
        expect(forced.stderr).not.toMatch(/error/i);
        expect(forced.code).toBe(0);
        // --force put back the backup's rows: the article written after the first restore is gone.
        expect((await committedRows(target.url)).Article).toEqual(expect.arrayContaining(committed.Article));
        expect(
          await withClient(target.url, (client) =>
            client.query(`SELECT 1 FROM "Article" WHERE "urlKey" = 'live.example.com/after-restore'`),
          ),
        ).toMatchObject({ rowCount: 0 });
      } finally {
        await target.drop();
        await live.drop();
      }
    },
    TIMEOUT,
  );
});
