/**
 * The LLM analyzer: prompt → chat completion → validated AnalysisResult, or
 * the fallback analyzer's result with the reason the LLM could not answer.
 *
 * Per call: up to two answers are asked for (the second one shows the model
 * its invalid reply and the validation problem); each request retries
 * transient failures on its own. Per instance: the structured-output mode the
 * server accepts is remembered, and a p-limit bounds requests in flight. A caller's abort
 * signal cancels the call (no fallback answer: the caller is stopping).
 */
import pLimit from 'p-limit';

import type { AnalysisResult, AnalyzeInput } from '../analysis/contract.js';
import { AppError } from '../errors/app-error.js';
import { DEFAULT_BACKOFF } from './backoff.js';
import {
  createChatCompletionsClient,
  describeFailure,
  RESPONSE_FORMAT_MODES,
  type ChatResult,
  type ResponseFormatMode,
} from './chat-completions-client.js';
import { llmOutputJsonSchema } from './llm-output-schema.js';
import { normalizeOutput } from './normalize-output.js';
import { buildPromptMessages, buildRepairMessages, PROMPT_VERSION, type ChatMessage } from './prompt.js';
import { createCompanyResolver } from './resolve-company.js';
import type {
  LlmAnalysisOutcome,
  LlmAnalyzeOptions,
  LlmAnalyzer,
  LlmAnalyzerOptions,
  LlmTokenUsage,
} from './types.js';

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_CONCURRENCY = 2;
const DEFAULT_MAX_ARTICLE_CHARS = 12_000;
// The first answer plus one repair: a model that fails twice on the same article rarely succeeds on a third try.
const MAX_ANSWERS = 2;
/** Corrected examples per prompt: enough to show the editors' judgement, few enough to keep the prompt short. */
const SIMILAR_EXAMPLES = 3;

function positiveInteger(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min)
    throw new AppError('CONFIG', `LLM analyzer option ${name} must be an integer ≥ ${min}, got ${value}`);
  return value;
}

function addUsage(total: LlmTokenUsage | undefined, usage: LlmTokenUsage | null): LlmTokenUsage | undefined {
  if (!usage) return total;
  if (!total) return { ...usage };
  return {
    prompt: total.prompt + usage.prompt,
    completion: total.completion + usage.completion,
    total: total.total + usage.total,
  };
}

export function createLlmAnalyzer(options: LlmAnalyzerOptions): LlmAnalyzer {
  const model = options.model.trim();
  if (model === '') throw new AppError('CONFIG', 'LLM analyzer needs a model name');
  const timeoutMs = positiveInteger('timeoutMs', options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 1);
  const maxRetries = positiveInteger('maxRetries', options.maxRetries ?? DEFAULT_MAX_RETRIES, 0);
  const concurrency = positiveInteger('concurrency', options.concurrency ?? DEFAULT_CONCURRENCY, 1);
  const maxArticleChars = positiveInteger(
    'maxArticleChars',
    options.maxArticleChars ?? DEFAULT_MAX_ARTICLE_CHARS,
    200,
  );
  const { fallback, registry, log } = options;
  const resolveCompany = registry && registry.length > 0 ? createCompanyResolver(registry) : null;

  const client = createChatCompletionsClient({
    baseUrl: options.baseUrl,
    model,
    apiKey: options.apiKey,
    timeoutMs,
    maxRetries,
    maxOutputTokens: options.maxOutputTokens,
    backoff: { ...DEFAULT_BACKOFF, ...options.backoff },
    jsonSchema: llmOutputJsonSchema,
    limit: pLimit(concurrency),
    fetch: options.fetch ?? globalThis.fetch,
    log,
  });

  // Index into RESPONSE_FORMAT_MODES of the strongest mode the server has not rejected; only ever moves down.
  let modeIndex = 0;

  interface CallState {
    attempts: number;
    tokenUsage?: LlmTokenUsage;
    signal?: AbortSignal;
  }

  async function request(messages: readonly ChatMessage[], state: CallState): Promise<ChatResult> {
    for (;;) {
      const usedIndex = modeIndex;
      const mode: ResponseFormatMode = RESPONSE_FORMAT_MODES[usedIndex] ?? 'none';
      const result = await client.complete({ messages, mode, signal: state.signal });
      state.attempts += result.attempts;
      if (result.ok) state.tokenUsage = addUsage(state.tokenUsage, result.usage);
      if (
        result.ok ||
        result.failure.kind !== 'response_format_rejected' ||
        usedIndex >= RESPONSE_FORMAT_MODES.length - 1
      )
        return result;
      // Concurrent calls may all learn this at once; max() keeps them from stepping down twice.
      modeIndex = Math.max(modeIndex, usedIndex + 1);
      log?.(
        `llm: server rejected response_format ${mode} (${result.failure.message}); using ${RESPONSE_FORMAT_MODES[modeIndex] ?? 'none'} from now on`,
      );
    }
  }

  async function analyze(input: AnalyzeInput, call: LlmAnalyzeOptions = {}): Promise<LlmAnalysisOutcome> {
    const startedAt = performance.now();
    const state: CallState = { attempts: 0, signal: call.signal };
    const meta = (fallbackReason?: string) => ({
      ...(state.tokenUsage ? { tokenUsage: state.tokenUsage } : {}),
      ...(fallbackReason === undefined ? {} : { fallbackReason }),
      attempts: state.attempts,
      durationMs: Math.round(performance.now() - startedAt),
    });

    const useFallback = async (reason: string): Promise<LlmAnalysisOutcome> => {
      log?.(`llm: falling back to ${fallback.name} analyzer: ${reason}`);
      const result = await fallback.analyze(input);
      return { ...result, meta: meta(reason) };
    };

    const messages = buildPromptMessages(input, {
      maxArticleChars,
      registry,
      examples: options.examples?.nearest(input, SIMILAR_EXAMPLES),
    });
    let conversation: readonly ChatMessage[] = messages;
    let problem = '';
    for (let answer = 1; answer <= MAX_ANSWERS; answer += 1) {
      const reply = await request(conversation, state);
      if (!reply.ok) return useFallback(describeFailure(reply.failure));
      const analyzer: AnalysisResult['analyzer'] = {
        name: 'llm',
        version: PROMPT_VERSION,
        model: reply.model || model,
      };
      const normalised = normalizeOutput(reply.content, {
        analyzer,
        resolveCompany,
        inputLanguage: input.language,
      });
      if (normalised.ok) return { ...normalised.result, meta: meta() };
      problem =
        reply.finishReason === 'length'
          ? `${normalised.problem} (reply cut off at the output token limit)`
          : normalised.problem;
      log?.(`llm: invalid answer ${answer}/${MAX_ANSWERS}: ${problem}`);
      conversation = buildRepairMessages(messages, reply.content?.trim() || '(empty reply)', problem);
    }
    return useFallback(`invalid_output: ${problem}`);
  }

  return { name: 'llm', version: PROMPT_VERSION, model, analyze };
}
