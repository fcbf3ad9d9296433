import { describe, expect, it } from 'vitest';

import { EMPTY_LEARNED_MODEL } from '@wirelens/core/testing';
import { toJson } from '@wirelens/db';

import { startFileTestApi } from './testing/harness.js';

const api = await startFileTestApi();

const QUALITY = `{ analyzerQuality { newCorrections agreement { day field approvals corrections agreement }
  activeModel { version } models { version active improves exampleCount crossValidation { field examples builtin learned used } } } }`;

interface Quality {
  analyzerQuality: {
    activeModel: { version: number } | null;
    models: { version: number; active: boolean; crossValidation: { field: string; used: boolean }[] }[];
  };
}

async function storeModel(improves: boolean): Promise<number> {
  const model = await api.db.analyzerModel.create({
    data: {
      exampleCount: 40,
      lastCorrectionId: 0,
      improves,
      crossValidation: {
        sentiment: {
          n: 40,
          builtin: 0.5,
          learned: improves ? 0.8 : 0.4,
          used: improves,
          scoreError: { builtin: 0.3, learned: improves ? 0.2 : 0.35 },
        },
        companySentiment: { n: 12, builtin: 0.5, learned: 0.5, used: false, pooled: true },
      },
      weights: toJson(EMPTY_LEARNED_MODEL),
    },
  });
  return model.id;
}

describe('analyzer quality', () => {
  it('shows the built-in analyzer alone on a fresh install, to editors but not viewers', async () => {
    const viewer = await api.gql(QUALITY, {}, { token: api.users.VIEWER.token });
    expect(viewer.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const editor = await api.gql<Quality>(QUALITY, {}, { token: api.users.EDITOR.token });
    expect(editor.body.errors).toBeUndefined();
    expect(editor.body.data?.analyzerQuality).toMatchObject({ activeModel: null, models: [] });
  });

  it('queues a training for an admin, with the admin as the one who asked', async () => {
    const response = await api.gql<{ trainAnalyzer: boolean }>(
      'mutation { trainAnalyzer }',
      {},
      {
        token: api.users.ADMIN.token,
      },
    );
    expect(response.body.data?.trainAnalyzer).toBe(true);
    const queued = (await api.queuedJobs()).filter((job) => job.name === 'analysis-learn');
    expect(queued).toEqual([
      {
        name: 'analysis-learn',
        data: { force: true, requestedById: api.users.ADMIN.id },
        singletonKey: 'learn-now',
      },
    ]);
  });

  it('lets an admin activate any model that beat the rules, roll back to none, and refuses the others', async () => {
    const good = await storeModel(true);
    const bad = await storeModel(false);
    const activate = (version: number | null) =>
      api.gql<{ activateAnalyzerModel: Quality['analyzerQuality'] }>(
        'mutation($v: Int) { activateAnalyzerModel(version: $v) { activeModel { version } models { version active crossValidation { field used } } } }',
        { v: version },
        { token: api.users.ADMIN.token },
      );
    const on = await activate(good);
    expect(on.body.data?.activateAnalyzerModel.activeModel).toEqual({ version: good });
    expect(
      on.body.data?.activateAnalyzerModel.models.find((m) => m.version === good)?.crossValidation,
    ).toEqual([
      { field: 'sentiment', used: true },
      { field: 'companySentiment', used: false },
    ]);
    const refused = await activate(bad);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'modelId' });
    const off = await activate(null);
    expect(off.body.data?.activateAnalyzerModel.activeModel).toBeNull();
    const audit = await api.db.auditEntry.findMany({
      where: { action: 'analyzer-model.activate', actorId: api.users.ADMIN.id },
      orderBy: { id: 'asc' },
      select: { after: true },
    });
    expect(audit.map((entry) => entry.after)).toEqual([{ activeModelId: good }, { activeModelId: null }]);
  });

  it("shows each field's score errors and whether the company head pooled the articles' tone", async () => {
    const version = await storeModel(true);
    const response = await api.gql<{
      analyzerQuality: {
        models: {
          version: number;
          crossValidation: {
            field: string;
            scoreError: { builtin: number; learned: number } | null;
            pooled: boolean;
          }[];
        }[];
      };
    }>(
      '{ analyzerQuality { models { version crossValidation { field scoreError { builtin learned } pooled } } } }',
      {},
      { token: api.users.EDITOR.token },
    );
    expect(response.body.errors).toBeUndefined();
    expect(
      response.body.data?.analyzerQuality.models.find((m) => m.version === version)?.crossValidation,
    ).toEqual([
      { field: 'sentiment', scoreError: { builtin: 0.3, learned: 0.2 }, pooled: false },
      { field: 'companySentiment', scoreError: null, pooled: true },
    ]);
  });
});
