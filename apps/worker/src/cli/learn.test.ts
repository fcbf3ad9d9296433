import { afterEach, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@wirelens/db/testing';

import { runCli } from '../testing/run-cli.js';

let test: TestDatabase | null = null;
afterEach(async () => {
  await test?.drop();
  test = null;
});

describe('wirelens learn', () => {
  it('learns nothing on a fresh install, lists no model, and refuses a bad version', async () => {
    test = await createTestDatabase();
    const env = { DATABASE_URL: test.url };
    const learn = await runCli(['learn'], { env });
    expect(learn.code).toBe(0);
    expect(learn.stdout).toContain('Nothing to learn from yet');
    const list = await runCli(['learn', '--list'], { env });
    expect(list.stdout).toContain('No learned models yet: the built-in analyzer alone is active.');
    const bad = await runCli(['learn', '--activate', 'latest'], { env });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--activate takes a model version or "none"');
    const missing = await runCli(['learn', '--activate', '7'], { env });
    expect(missing.stderr).toContain('Analyzer model 7 does not exist');
    expect(await test.db.analyzerModel.count()).toBe(0);
  });
});
