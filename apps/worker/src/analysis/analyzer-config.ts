/** Which analyzer answers, from WIRELENS_ANALYZER and LLM_* (validated in env.ts). */
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
