import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { SANITIZER_VERSION } from '@wirelens/core/html';
import { createTestDatabase, type TestDatabase } from '@wirelens/db/testing';

import { runCli } from '../testing/run-cli.js';
import { startWorkerProcess } from '../testing/worker-process.js';

let test: TestDatabase;

beforeEach(async () => {
  test = await createTestDatabase();
  await test.db.source.create({ data: { url: 'https://news.example/feed' } });
});

afterEach(async () => {
  await test.drop();
});

/** An article as an older Wirelens stored it: HTML its sanitiser let through, version 0. */
async function storeStaleArticle(slug: string): Promise<number> {
  const rows = await test.db.$queryRaw<{ id: number }[]>`
    INSERT INTO "Article" ("sourceId", "canonicalUrl", "urlKey", url, title, "publishedAt", "updatedAt",
                           "contentHtml", "contentText", "contentHash")
    SELECT s.id, ${`https://news.example/${slug}`}, ${`news.example/${slug}`}, ${`https://news.example/${slug}`},
           ${slug}, now(), now(), '<p>See <img src="https://news.example/c.png" onerror="alert(1)"></p>', 'old', ${slug}
    FROM "Source" s LIMIT 1
    RETURNING id`;
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('no source to store the article under');
  return id;
}

const stored = (id: number) =>
  test.db.article.findUniqueOrThrow({ where: { id }, select: { contentHtml: true, sanitizerVersion: true } });

const clean = {
  contentHtml: '<p>See <img src="https://news.example/c.png"></p>',
  sanitizerVersion: SANITIZER_VERSION,
};

describe('wirelens resanitize', () => {
  it('counts with --dry-run, then cleans stored HTML, then has nothing left to do', async () => {
    const id = await storeStaleArticle('a');
    const env = { DATABASE_URL: test.url };

    const dry = await runCli(['resanitize', '--dry-run'], { env });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('1/1 articles checked, 1 would change');
    expect(dry.stdout).toContain('Dry run: 1 article(s) stored by an older sanitiser, 1 would change');
    expect(await stored(id)).toEqual({
      contentHtml: '<p>See <img src="https://news.example/c.png" onerror="alert(1)"></p>',
      sanitizerVersion: 0,
    });

    const run = await runCli(['resanitize'], { env });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1/1 articles checked, 1 changed');
    expect(await stored(id)).toEqual(clean);

    const again = await runCli(['resanitize'], { env });
    expect(again.stdout).toContain(
      `All stored article HTML is from the current sanitiser (version ${SANITIZER_VERSION})`,
    );
  });

  it('is reported by migrate and done in the background by a starting worker', async () => {
    const id = await storeStaleArticle('b');

    const migrate = await runCli(['migrate'], { env: { DATABASE_URL: test.url } });
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toContain('1 article(s) hold HTML stored by an older sanitiser');
    expect((await stored(id)).sanitizerVersion).toBe(0);

    const worker = startWorkerProcess(test.url);
    try {
      await expect.poll(() => stored(id), { timeout: 30_000, interval: 200 }).toEqual(clean);
      const entry = await test.db.auditEntry.findFirstOrThrow({ where: { action: 'article.resanitize' } });
      expect(entry.after).toMatchObject({ via: 'job', scanned: 1, changed: 1, changedIds: [id] });
      await expect.poll(() => worker.log.text, { timeout: 10_000 }).toContain('"jobId"');
    } finally {
      await worker.kill();
    }
  });
});
