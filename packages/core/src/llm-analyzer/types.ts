import type { AnalysisResult, AnalyzeInput, Analyzer, CompanyRegistryEntry } from '../analysis/contract.js';
import type { ExampleRetriever } from '../learning/similar-examples.js';

export interface LlmBackoffOptions {
  /** First retry waits between baseMs/2 and baseMs; each further retry doubles that. Default 500. */
  baseMs?: number;
  /** Upper bound of one computed backoff delay. Default 8_000. */
  maxMs?: number;
  /** Upper bound of a server's `Retry-After` we are willing to wait. Default 30_000. */
  maxRetryAfterMs?: number;
}

export interface LlmAnalyzerOptions {
  /**
   * Base URL of an OpenAI-compatible API. A bare origin (`http://localhost:11434`)
   * means its `/v1`; any other path is used as the API base as given
   * (`http://localhost:11434/v1`, `https://openrouter.ai/api/v1`,
   * `https://generativelanguage.googleapis.com/v1beta/openai`). A URL that already
   * ends in `/chat/completions` is used unchanged.
   */
  baseUrl: string;
  model: string;
  /** Sent as `Authorization: Bearer <apiKey>`; omitted when absent or empty (local servers). */
  apiKey?: string | null;
  /** Per HTTP request, including reading the body. Default 60_000. */
  timeoutMs?: number;
  /** Retries of one request after a network error, timeout, 408, 429 or 5xx. Default 2 (3 attempts). */
  maxRetries?: number;
  /** Most requests in flight at once for this analyzer instance; the rest queue. Default 2. */
  concurrency?: number;
  /** Answers whenever the LLM cannot (usually the built-in analyzer). */
  fallback: Analyzer;
  /** Maps company names the model returns to registry ids. */
  registry?: readonly CompanyRegistryEntry[];
  /** Editors' corrected articles; the few most like each article go into its prompt. */
  examples?: ExampleRetriever;
  /** Article text beyond this many characters is cut before prompting. Default 12_000. */
  maxArticleChars?: number;
  /** Sent as `max_tokens` when set; left to the server otherwise (some APIs reject the field). */
  maxOutputTokens?: number;
  backoff?: LlmBackoffOptions;
  fetch?: typeof globalThis.fetch;
  log?: (message: string) => void;
}

export interface LlmTokenUsage {
  prompt: number;
  completion: number;
  total: number;
}

/**
 * Facts about one `analyze` call that are stored beside the analysis but are
 * not part of the analysis contract.
 */
export interface LlmAnalysisMeta {
  /** Summed over every LLM response of the call, including a rejected first answer; absent when the server reports none. */
  tokenUsage?: LlmTokenUsage;
  /**
   * Present exactly when the fallback analyzer produced the result. Starts with
   * a machine-readable kind: `invalid_output`, `timeout`, `network_error`,
   * `http_<status>` or `invalid_response`, then a human-readable detail.
   */
  fallbackReason?: string;
  /** HTTP requests sent to the LLM: transient retries, the repair request and response-format probes all count. */
  attempts: number;
  /** Wall time of the whole `analyze` call, queueing and fallback included. */
  durationMs: number;
}

/**
 * What the LLM analyzer returns: a contract-valid `AnalysisResult` plus `meta`.
 * On success `analyzer` is `{ name: 'llm', version: PROMPT_VERSION, model }`.
 * On fallback the fallback analyzer's result is returned with its own
 * `analyzer` untouched, so a stored analysis always names the analyzer that
 * really produced it; `meta.fallbackReason` says why the LLM did not.
 * `analysisResultSchema.parse` strips `meta`, so the value can be passed
 * anywhere an `AnalysisResult` is expected.
 */
export type LlmAnalysisOutcome = AnalysisResult & { meta?: LlmAnalysisMeta };

export interface LlmAnalyzeOptions {
  /** Cancels the call (e.g. a worker stopping): the pending request is cut and the reason thrown. */
  signal?: AbortSignal;
}

export interface LlmAnalyzer extends Analyzer {
  readonly name: 'llm';
  readonly model: string;
  analyze(input: AnalyzeInput, options?: LlmAnalyzeOptions): Promise<LlmAnalysisOutcome>;
}
