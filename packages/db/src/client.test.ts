import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createDbClient, readRows } from './client.js';
import { Prisma } from './generated/prisma/client.js';
import { createTestDatabase, type TestDatabase } from './testing/index.js';

let test: TestDatabase;
const previousTz = process.env.TZ;

beforeAll(async () => {
  test = await createTestDatabase();
  // A zone far from UTC: stored timestamps are UTC whatever the process's zone is.
  process.env.TZ = 'America/Los_Angeles';
});

afterAll(async () => {
  process.env.TZ = previousTz;
  await test.drop();
});

describe('readRows (the hot read path beside Prisma)', () => {
  it('reads and binds timestamps as UTC, like Prisma, and reports each statement', async () => {
    const statements: string[] = [];
    const db = createDbClient({ connectionString: test.url, onQuery: (sql) => statements.push(sql) });
    try {
      const published = new Date('2026-03-08T09:30:15.250Z');
      const source = await db.source.create({ data: { url: 'https://utc.example.com/feed' } });
      await db.article.create({
        data: {
          sourceId: source.id,
          url: 'https://utc.example.com/a',
          canonicalUrl: 'https://utc.example.com/a',
          urlKey: 'utc.example.com/a',
          title: 'UTC',
          publishedAt: published,
          contentHash: 'h',
        },
      });
      statements.length = 0;
      const rows = await readRows<{ publishedAt: Date; n: number }>(
        db,
        Prisma.sql`SELECT "publishedAt", count(*) OVER ()::int AS n FROM "Article" WHERE "publishedAt" = ${published}::timestamp`,
      );
      expect(rows).toEqual([{ publishedAt: published, n: 1 }]);
      expect(statements).toHaveLength(1);
      expect(statements[0]).toContain('FROM "Article"');

      // Inside a transaction it goes through Prisma and sees uncommitted rows.
      await db
        .$transaction(async (tx) => {
          await tx.source.update({ where: { id: source.id }, data: { title: 'in tx' } });
          const inside = await readRows<{ title: string }>(tx, Prisma.sql`SELECT "title" FROM "Source"`);
          expect(inside).toEqual([{ title: 'in tx' }]);
          throw new Error('roll back');
        })
        .catch(() => undefined);
      const after = await readRows<{ title: string | null }>(db, Prisma.sql`SELECT "title" FROM "Source"`);
      expect(after).toEqual([{ title: null }]);
    } finally {
      await db.$disconnect();
      await db.$disconnect(); // closing twice is harmless
    }
  });
});
