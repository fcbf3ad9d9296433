import {
  createBuiltinAnalyzer,
  type AnalysisResult,
  type AnalyzeInput,
  type Analyzer,
  type CompanyRegistryEntry,
} from '@wirelens/core/analysis';
import { createLlmAnalyzer, type LlmAnalysisOutcome, type LlmAnalyzer } from '@wirelens/core/llm-analyzer';
import { loadCompanyRegistry, type DbClient } from '@wirelens/db';

/** The registry changes when editors confirm companies; rebuild the analyzers this often. */
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

function buildAnalyzers(
  config: AnalyzerConfig,
  registry: CompanyRegistryEntry[],
  log: (message: string) => void,
): { builtin: Analyzer; llm: LlmAnalyzer | null } {
  const builtin = createBuiltinAnalyzer({ registry });
  const { baseUrl, model } = config.llm;
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
          log,
        })
      : null;
  return { builtin, llm };
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
  let cached: { at: number; analyzers: Promise<ReturnType<typeof buildAnalyzers>> } | null = null;
  const analyzers = () => {
    if (!cached || Date.now() - cached.at > REGISTRY_TTL_MS) {
      const pending = loadCompanyRegistry(db).then((registry) => buildAnalyzers(config, registry, log));
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
      };
    },
  };
}
