import { afterEach, describe, expect, it } from 'vitest';

import { EMPTY_LEARNED_MODEL } from '@wirelens/core/testing';
import { toJson } from '@wirelens/db';
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

  it('lists each model with its cross-validated figures, score errors and the pooled company head', async () => {
    test = await createTestDatabase();
    await test.db.analyzerModel.create({
      data: {
        exampleCount: 40,
        lastCorrectionId: 0,
        improves: true,
        crossValidation: {
          sentiment: {
            n: 40,
            builtin: 0.5,
            learned: 0.75,
            used: true,
            scoreError: { builtin: 0.3, learned: 0.2 },
          },
          companySentiment: {
            n: 12,
            builtin: 0.5,
            learned: 0.5,
            used: false,
            scoreError: { builtin: 0.25, learned: 0.26 },
            pooled: true,
          },
        },
        weights: toJson(EMPTY_LEARNED_MODEL),
      },
    });
    const list = await runCli(['learn', '--list'], { env: { DATABASE_URL: test.url } });
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(
      '  sentiment n=40 builtin=0.5000 learned=0.7500 score_error=0.3000→0.2000 (used)',
    );
    expect(list.stdout).toContain(
      '  companySentiment n=12 builtin=0.5000 learned=0.5000 score_error=0.2500→0.2600 (pooled)',
    );
  });
});
