import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createDbClient } from '../client.js';
import { dbPaths } from '../paths.js';
import {
  createEmptyDatabase,
  createPreviousReleaseSchema,
  insertSampleRows,
  PREVIOUS_RELEASE_MIGRATIONS,
  readColumns,
  snapshotRows,
} from '../testing/index.js';
import { applyMigrations } from './apply-migrations.js';
import { readMigrations } from './read-migrations.js';

let database: Awaited<ReturnType<typeof createEmptyDatabase>>;

beforeEach(async () => {
  database = await createEmptyDatabase();
});

afterEach(async () => {
  await database.drop();
});

/** A column default that is a plain constant (not now(), nextval(), …), as SQL. */
function constantDefault(expression: string | null): string | null {
  return expression !== null && !expression.includes('(') ? expression : null;
}

describe('upgrading from the previous release', () => {
  it('migrates its schema with data: every row survives, new columns take their defaults', async () => {
    await createPreviousReleaseSchema(database.url);
    await insertSampleRows(database.url);
    const oldColumns = await readColumns(database.url);
    const before = await snapshotRows(database.url, oldColumns);
    expect(before.Article).toHaveLength(12);

    const result = await applyMigrations({ connectionString: database.url, migrationsDir: dbPaths.migrations });
    const current = (await readMigrations(dbPaths.migrations)).map((migration) => migration.name);
    expect(result.alreadyApplied).toEqual(PREVIOUS_RELEASE_MIGRATIONS);
    expect(result.applied).toEqual(current.filter((name) => !PREVIOUS_RELEASE_MIGRATIONS.includes(name)));

    // Nothing lost or changed in the columns the previous release had (a column it had may have
    // been dropped on purpose, which this check would then report).
    expect(await snapshotRows(database.url, oldColumns)).toEqual(before);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const known = new Set(oldColumns.map((column) => `${column.table}.${column.column}`));
      const added = (await readColumns(database.url)).filter(
        (column) => !known.has(`${column.table}.${column.column}`) && before[column.table] !== undefined,
      );
      for (const column of added) {
        const expected = constantDefault(column.default) ?? (column.default === null ? 'NULL' : null);
        if (expected === null) continue;
        const { rows } = await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "${column.table}" WHERE "${column.column}" IS DISTINCT FROM ${expected}`,
        );
        expect({ column: `${column.table}.${column.column}`, differing: rows[0]?.n }).toEqual({
          column: `${column.table}.${column.column}`,
          differing: 0,
        });
      }
      // The hand-written triggers came through the upgrade.
      await expect(client.query(`UPDATE "AuditEntry" SET "action" = 'tampered'`)).rejects.toThrow(/append-only/);
      const { rows: searched } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "Article" WHERE "searchVector" @@ websearch_to_tsquery('english', 'record revenue')`,
      );
      expect(searched[0]?.n).toBe(12);
      // The time-partitioned search vectors were filled from the articles the upgrade found.
      const { rows: partitioned } = await client.query<{ n: number; same: number }>(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE v."vector" = a."searchVector" AND v."publishedAt" = a."publishedAt")::int AS same
         FROM "search"."ArticleVector" v JOIN "Article" a ON a."id" = v."articleId"`,
      );
      expect(partitioned[0]).toEqual({ n: 12, same: 12 });
    } finally {
      await client.end();
    }

    // The current client reads the upgraded data with its relations.
    const db = createDbClient({ connectionString: database.url });
    try {
      const articles = await db.article.findMany({
        include: { analyses: true, corrections: true, companies: true, topics: true, source: true, cluster: true },
      });
      expect(articles).toHaveLength(12);
      expect(articles.every((article) => article.analyses.length === 1 && article.companies.length === 1)).toBe(true);
      expect(articles.flatMap((article) => article.corrections)).toHaveLength(2);
      expect(await db.auditEntry.count()).toBe(3);
      expect(await db.user.findMany({ include: { sessions: true, apiTokens: true } })).toHaveLength(3);
    } finally {
      await db.$disconnect();
    }
  });
});
