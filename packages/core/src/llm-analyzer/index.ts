export { createLlmAnalyzer } from './create-llm-analyzer.js';
export { PROMPT_VERSION } from './prompt.js';
export { chatCompletionsUrl } from './chat-completions-client.js';
export type {
  LlmAnalysisMeta,
  LlmAnalysisOutcome,
  LlmAnalyzeOptions,
  LlmAnalyzer,
  LlmAnalyzerOptions,
  LlmBackoffOptions,
  LlmTokenUsage,
} from './types.js';
