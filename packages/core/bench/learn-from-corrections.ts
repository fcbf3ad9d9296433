/**
 * `bench:quality --learn-from`: labelled examples go the way an editor's
 * corrections go — each is stored as an article, analysed by the built-in
 * analyzer, corrected through the review use case, and the learn use case
 * trains (and, if it beats the rules, activates) a model — all in a scratch
 * database that is dropped afterwards. Nothing of it reaches the product.
 */
import { randomBytes } from 'node:crypto';

import pLimit from 'p-limit';

import {
  applyMigrations,
  createDbClient,
  dbPaths,
  loadCompanyRegistry,
  seedDatabase,
} from '../../db/src/index.js';
import { storeAnalysisRun } from '../../services/src/analysis/store-analysis-run.js';
import { loadActiveModel } from '../../services/src/learning/load-active-model.js';
import { trainAnalyzer } from '../../services/src/learning/train-analyzer.js';
import { correctAnalysis } from '../../services/src/review/correct-analysis.js';
import { createBuiltinAnalyzer, type CompanyRegistryEntry } from '../src/analysis/index.js';
import type { CrossValidation, LoadedLearnedModel } from '../src/learning/index.js';
import { BenchInputError } from './fixture-files.js';
import { idsByName, type BenchCompany } from './semeval-companies.js';

/** One labelled example as an editor would settle it. */
export interface LabelledExample {
  title: string;
  /** PhraseBank: the article's sentiment. */
  sentimentScore?: number;
  /** SemEval: the sentiment toward this company. */
  company?: { name: string; sentimentScore: number };
}

export interface LearnedFromCorrections {
  model: LoadedLearnedModel | null;
  crossValidation: CrossValidation;
  exampleCount: number;
  /** The scratch deployment's registry (so evaluation matches companies under the same ids). */
  registry: CompanyRegistryEntry[];
}

function slugOf(name: string, i: number): string {
  return `${
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'company'
  }-${i}`;
}

export async function learnFromCorrections({
  serverUrl,
  examples,
  companies,
  progress,
}: {
  /** A PostgreSQL server URL whose role may create databases. */
  serverUrl: string;
  examples: readonly LabelledExample[];
  /** Companies the scratch registry holds (the SemEval targets). */
  companies: readonly BenchCompany[];
  progress: (done: number, total: number) => void;
}): Promise<LearnedFromCorrections> {
  const name = `wirelens_bench_learn_${randomBytes(4).toString('hex')}`;
  const server = createDbClient({ connectionString: serverUrl, maxConnections: 1 });
  try {
    await server.$executeRawUnsafe(`CREATE DATABASE "${name}"`);
  } catch (error) {
    await server.$disconnect();
    throw new BenchInputError(
      `--learn-from needs a PostgreSQL server that lets it create a scratch database (TEST_DATABASE_URL): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = createDbClient({ connectionString: url.toString(), maxConnections: 6 });
  try {
    await applyMigrations({ connectionString: url.toString(), migrationsDir: dbPaths.migrations });
    await seedDatabase({
      db,
      adminEmail: 'bench@example.com',
      adminPassword: 'bench-password-1',
      companies: companies.map((company, i) => ({
        slug: slugOf(company.name, i),
        name: company.name,
        legalName: null,
        aliases: company.aliases,
        ambiguousAliases: [],
        tickers: [],
        domain: null,
        sector: null,
        country: null,
        prominence: 1,
      })),
    });
    const editor = await db.user.findFirstOrThrow({ select: { id: true } });
    const source = await db.source.create({
      data: { url: 'https://bench.invalid/feed.xml', title: 'bench' },
    });
    const registry = await loadCompanyRegistry(db);
    const builtin = createBuiltinAnalyzer({ registry });
    const idByName = idsByName(registry);
    // One at a time: concurrent runs race to create the same proposed companies.
    const limit = pLimit(1);
    let done = 0;
    await Promise.all(
      examples.map((example, i) =>
        limit(async () => {
          const article = await db.article.create({
            data: {
              sourceId: source.id,
              url: `https://bench.invalid/${i}`,
              canonicalUrl: `https://bench.invalid/${i}`,
              urlKey: `bench.invalid/${i}`,
              title: example.title,
              publishedAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
              contentHash: `bench-${i}`,
            },
          });
          // The analysis job's store step (story clustering left out: it teaches nothing here).
          await storeAnalysisRun({
            db,
            articleId: article.id,
            result: builtin.analyzeSync({ title: example.title, text: '' }),
            durationMs: 0,
          });
          const state = await db.article.findUniqueOrThrow({
            where: { id: article.id },
            select: {
              reviewVersion: true,
              companies: { select: { companyId: true, relevance: true, sentimentScore: true } },
            },
          });
          const targetId = example.company && idByName.get(example.company.name);
          const target = targetId === undefined ? undefined : Number(targetId);
          const values =
            example.company && target !== undefined
              ? {
                  // The editor keeps the other companies as they are and sets the target's tone.
                  companies: [
                    ...state.companies
                      .filter((c) => c.companyId !== target)
                      .map((c) => ({
                        companyId: c.companyId,
                        relevance: c.relevance,
                        sentimentScore: c.sentimentScore,
                      })),
                    { companyId: target, relevance: 1, sentimentScore: example.company.sentimentScore },
                  ],
                }
              : { sentimentScore: example.sentimentScore ?? 0 };
          const result = await correctAnalysis({
            db,
            articleId: article.id,
            expectedVersion: state.reviewVersion,
            actor: { userId: editor.id, requestId: 'bench' },
            values,
          });
          if (result.kind !== 'success') throw new Error(`correction of example ${i} conflicted`);
          progress(++done, examples.length);
        }),
      ),
    );
    const trained = await trainAnalyzer({ db, actor: { userId: null, requestId: 'bench' } });
    const active = await loadActiveModel({ db });
    return {
      model: active?.model ?? null,
      crossValidation: trained.status === 'trained' ? trained.crossValidation : {},
      exampleCount: trained.status === 'trained' ? trained.exampleCount : 0,
      registry: await loadCompanyRegistry(db),
    };
  } finally {
    await db.$disconnect();
    await server.$executeRawUnsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await server.$disconnect();
  }
}
