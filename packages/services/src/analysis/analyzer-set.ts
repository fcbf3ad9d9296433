import {
  BUILTIN_ANALYZER_NAME,
  createBuiltinAnalyzer,
  type AnalysisResult,
  type AnalyzeInput,
  type Analyzer,
  type CompanyRegistryEntry,
} from '@wirelens/core/analysis';
import {
  createExampleRetriever,
  createLearnedAnalyzer,
  type LoadedLearnedModel,
} from '@wirelens/core/learning';
import { createLlmAnalyzer, type LlmAnalysisOutcome, type LlmAnalyzer } from '@wirelens/core/llm-analyzer';
import { loadCompanyRegistry, type DbClient } from '@wirelens/db';

import { collectLearningExamples } from '../learning/collect-learning-examples.js';
import { loadActiveModel } from '../learning/load-active-model.js';

/**
 * The registry changes when editors confirm companies, the active learned model when one is
 * trained or an admin switches it, the corrected examples with every review: rebuild the
 * analyzers this often.
 */
const REGISTRY_TTL_MS = 5 * 60_000;

/** Which analyzer answers, from WIRELENS_ANALYZER and LLM_* (validated by the app's env.ts). */
export interface AnalyzerConfig {
  kind: 'builtin' | 'llm';
  llm: {
    baseUrl: string | undefined;
    model: string | undefined;
    apiKey: string | undefined;
    timeoutMs: number;
    concurrency: number;
  };
}

/** Stored as the run's fallback reason when an LLM run was asked for but none is configured. */
export const LLM_NOT_CONFIGURED = 'llm_not_configured: LLM_BASE_URL and LLM_MODEL are not set';

export interface AnalysisOutcome {
  result: AnalysisResult;
  durationMs: number;
  fallbackReason: string | null;
  tokenUsage: Record<string, number> | null;
  /** The learned model that shaped a built-in answer (null: the rules alone, or an LLM answer). */
  learnedModelId: number | null;
}

export interface AnalyzerSet {
  /**
   * Analyses with the configured analyzer, or the one asked for. An LLM asked for but not
   * configured falls back to the built-in analyzer with LLM_NOT_CONFIGURED as the reason.
   */
  analyze(
    input: AnalyzeInput,
    which?: 'builtin' | 'llm',
    options?: { signal?: AbortSignal },
  ): Promise<AnalysisOutcome>;
  /** The analyzer name the configuration selects. */
  readonly defaultKind: 'builtin' | 'llm';
}

export function isLlmConfigured(config: AnalyzerConfig): boolean {
  return Boolean(config.llm.baseUrl && config.llm.model);
}

interface Analyzers {
  builtin: Analyzer;
  llm: LlmAnalyzer | null;
  learnedModelId: number | null;
}

async function buildAnalyzers(
  db: DbClient,
  config: AnalyzerConfig,
  log: (message: string) => void,
): Promise<Analyzers> {
  const registry: CompanyRegistryEntry[] = await loadCompanyRegistry(db);
  const active: { id: number; model: LoadedLearnedModel } | null = await loadActiveModel({ db });
  const builtin = createLearnedAnalyzer({
    builtin: createBuiltinAnalyzer({ registry }),
    model: active?.model ?? null,
  });
  const { baseUrl, model } = config.llm;
  const examples =
    baseUrl && model ? createExampleRetriever((await collectLearningExamples({ db })).corrected) : undefined;
  const llm =
    baseUrl && model
      ? createLlmAnalyzer({
          baseUrl,
          model,
          apiKey: config.llm.apiKey ?? null,
          timeoutMs: config.llm.timeoutMs,
          concurrency: config.llm.concurrency,
          fallback: builtin,
          registry,
          examples,
          log,
        })
      : null;
  return { builtin, llm, learnedModelId: active?.id ?? null };
}

/** Analyzers built over the company registry in the database, refreshed every few minutes. */
export function createAnalyzerSet({
  db,
  config,
  log = () => undefined,
}: {
  db: DbClient;
  config: AnalyzerConfig;
  log?: (message: string) => void;
}): AnalyzerSet {
  let cached: { at: number; analyzers: Promise<Analyzers> } | null = null;
  const analyzers = () => {
    if (!cached || Date.now() - cached.at > REGISTRY_TTL_MS) {
      const pending = buildAnalyzers(db, config, log);
      cached = { at: Date.now(), analyzers: pending };
      pending.catch(() => (cached = null));
    }
    return cached.analyzers;
  };
  return {
    defaultKind: config.kind,
    async analyze(input, which = config.kind, { signal } = {}) {
      const set = await analyzers();
      const started = performance.now();
      const outcome: LlmAnalysisOutcome =
        which === 'llm' && set.llm
          ? await set.llm.analyze(input, { signal })
          : await set.builtin.analyze(input);
      const { meta, ...result } = outcome;
      const notConfigured = which === 'llm' && !set.llm;
      return {
        result,
        durationMs: Math.round(performance.now() - started),
        fallbackReason: notConfigured ? LLM_NOT_CONFIGURED : (meta?.fallbackReason ?? null),
        tokenUsage: meta?.tokenUsage ? { ...meta.tokenUsage } : null,
        learnedModelId: result.analyzer.name === BUILTIN_ANALYZER_NAME ? set.learnedModelId : null,
      };
    },
  };
}
