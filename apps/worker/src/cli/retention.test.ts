import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createTestDatabase, insertSampleRows, type TestDatabase } from '@wirelens/db/testing';

import { runCli } from '../testing/run-cli.js';

let test: TestDatabase;

beforeEach(async () => {
  test = await createTestDatabase();
  await insertSampleRows(test.url);
  await test.db.$executeRawUnsafe(
    `UPDATE "Article" SET "publishedAt" = now() - interval '100 days' WHERE "guid" IN ('guid-1', 'guid-2')`,
  );
});

afterEach(async () => {
  await test.drop();
});

async function articlesWithText(): Promise<number> {
  return test.db.article.count({ where: { contentText: { not: null } } });
}

describe('wirelens retention', () => {
  it('prints what it would drop; --dry-run stops there, a real run drops it', async () => {
    const dry = await runCli(['retention', '--days', '90', '--dry-run'], { env: { DATABASE_URL: test.url } });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^2 articles published before \S+ \(more than 90 days ago\) have full text/);
    expect(dry.stdout).not.toMatch(/Dropped/);
    expect(await articlesWithText()).toBe(12);

    const run = await runCli(['retention'], {
      env: { DATABASE_URL: test.url, WIRELENS_RETENTION_DAYS: '90' },
    });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^2 articles published before/);
    expect(run.stdout).toMatch(/Dropped the full text of 2 articles/);
    expect(await articlesWithText()).toBe(10);
  });

  it('keeps everything when no retention period is set, and refuses a bad one', async () => {
    const off = await runCli(['retention'], { env: { DATABASE_URL: test.url } });
    expect(off.code).toBe(0);
    expect(off.stdout).toMatch(/Retention is off/);
    expect(await articlesWithText()).toBe(12);

    const bad = await runCli(['retention', '--days', 'soon'], { env: { DATABASE_URL: test.url } });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--days must be a whole number of days/);
  });
});
