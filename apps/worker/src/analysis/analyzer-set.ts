import { AppError } from '@wirelens/core';
import {
  createBuiltinAnalyzer,
  type AnalysisResult,
  type AnalyzeInput,
  type Analyzer,
  type CompanyRegistryEntry,
} from '@wirelens/core/analysis';
import { createLlmAnalyzer, type LlmAnalysisOutcome } from '@wirelens/core/llm-analyzer';
import { loadCompanyRegistry, type DbClient } from '@wirelens/db';

import { logger } from '../logger.js';
import type { AnalyzerConfig } from './analyzer-config.js';

/** The registry changes when editors confirm companies; rebuild the analyzers this often. */
const REGISTRY_TTL_MS = 5 * 60_000;

export interface AnalysisOutcome {
  result: AnalysisResult;
  durationMs: number;
  fallbackReason: string | null;
  tokenUsage: Record<string, number> | null;
}

export interface AnalyzerSet {
  /** Analyses with the configured analyzer, or the one asked for. */
  analyze(input: AnalyzeInput, which?: 'builtin' | 'llm'): Promise<AnalysisOutcome>;
  /** The analyzer name the configuration selects. */
  readonly defaultKind: 'builtin' | 'llm';
}

function buildAnalyzers(
  config: AnalyzerConfig,
  registry: CompanyRegistryEntry[],
): Record<'builtin', Analyzer> & { llm: Analyzer | null } {
  const builtin = createBuiltinAnalyzer({ registry });
  let llm: Analyzer | null = null;
  if (config.llm.baseUrl && config.llm.model) {
    llm = createLlmAnalyzer({
      baseUrl: config.llm.baseUrl,
      model: config.llm.model,
      apiKey: config.llm.apiKey ?? null,
      timeoutMs: config.llm.timeoutMs,
      concurrency: config.llm.concurrency,
      fallback: builtin,
      registry,
      log: (message) => logger.warn(message),
    });
  }
  return { builtin, llm };
}

/** Analyzers built over the company registry in the database, refreshed every few minutes. */
export function createAnalyzerSet({ db, config }: { db: DbClient; config: AnalyzerConfig }): AnalyzerSet {
  let cached: { at: number; analyzers: Promise<ReturnType<typeof buildAnalyzers>> } | null = null;
  const analyzers = () => {
    if (!cached || Date.now() - cached.at > REGISTRY_TTL_MS) {
      const pending = loadCompanyRegistry(db).then((registry) => buildAnalyzers(config, registry));
      cached = { at: Date.now(), analyzers: pending };
      pending.catch(() => (cached = null));
    }
    return cached.analyzers;
  };
  return {
    defaultKind: config.kind,
    async analyze(input, which = config.kind) {
      const set = await analyzers();
      const analyzer = which === 'llm' ? set.llm : set.builtin;
      if (!analyzer) {
        throw new AppError('CONFIG', 'The LLM analyzer needs LLM_BASE_URL and LLM_MODEL');
      }
      const started = performance.now();
      const outcome: LlmAnalysisOutcome = await analyzer.analyze(input);
      const { meta, ...result } = outcome;
      return {
        result,
        durationMs: Math.round(performance.now() - started),
        fallbackReason: meta?.fallbackReason ?? null,
        tokenUsage: meta?.tokenUsage ? { ...meta.tokenUsage } : null,
      };
    },
  };
}
