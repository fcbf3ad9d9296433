/**
 * One POST to `<base>/chat/completions`, with a timeout per attempt, bounded
 * retries of transient failures and a concurrency limit. It never throws for
 * an upstream problem: the caller gets a typed failure to fall back on.
 */
import type { LimitFunction } from 'p-limit';
import { z } from 'zod';

import { AppError } from '../errors/app-error.js';
import { parseRetryAfterMs } from '../http/parse-retry-after.js';
import { backoffDelayMs, sleep, type BackoffPolicy } from './backoff.js';
import type { ChatMessage } from './prompt.js';
import type { LlmTokenUsage } from './types.js';

/** Structured-output modes, strongest first; a server that rejects one is asked with the next. */
export const RESPONSE_FORMAT_MODES = ['json_schema', 'json_object', 'none'] as const;
export type ResponseFormatMode = (typeof RESPONSE_FORMAT_MODES)[number];

const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
const RESPONSE_FORMAT_COMPLAINT_RE = /response_format|json_schema|json_object|structured output|schema/i;
// Fixed so repeated runs sample alike on servers that honour it; others ignore the field.
const REQUEST_SEED = 7;
const DETAIL_MAX_CHARS = 300;

export type ChatFailure =
  | { kind: 'timeout'; message: string }
  | { kind: 'network_error'; message: string }
  | { kind: 'http_error'; status: number; message: string }
  | { kind: 'response_format_rejected'; status: number; message: string }
  | { kind: 'invalid_response'; message: string };

export interface ChatReply {
  content: string | null;
  finishReason: string | null;
  /** The model the server says answered, when it says. */
  model: string | null;
  usage: LlmTokenUsage | null;
}

export type ChatResult =
  ({ ok: true } & ChatReply & { attempts: number }) | { ok: false; failure: ChatFailure; attempts: number };

export interface ChatRequest {
  messages: readonly ChatMessage[];
  mode: ResponseFormatMode;
  /** The caller's cancellation (a stopping worker): the request is cut and the reason thrown. */
  signal?: AbortSignal;
}

export interface ChatCompletionsClientOptions {
  baseUrl: string;
  model: string;
  apiKey?: string | null;
  timeoutMs: number;
  maxRetries: number;
  maxOutputTokens?: number;
  backoff: BackoffPolicy;
  jsonSchema: Record<string, unknown>;
  /** Bounds the requests in flight (p-limit). */
  limit: LimitFunction;
  fetch: typeof globalThis.fetch;
  log?: (message: string) => void;
}

/**
 * `http://host:port` and `http://host:port/` mean `http://host:port/v1`; any
 * other path is the API base as given; a URL ending in `/chat/completions` is
 * the endpoint itself.
 */
export function chatCompletionsUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch (error) {
    throw new AppError('CONFIG', `LLM base URL is not a URL: ${baseUrl}`, { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new AppError('CONFIG', `LLM base URL must be http(s): ${baseUrl}`);
  const path = url.pathname.replace(/\/+$/, '');
  if (path.endsWith('/chat/completions')) url.pathname = path;
  else url.pathname = `${path === '' ? '/v1' : path}/chat/completions`;
  return url.toString();
}

const completionSchema = z.object({
  model: z.string().optional(),
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullish(), refusal: z.string().nullish() }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
  usage: z
    .object({ prompt_tokens: z.number(), completion_tokens: z.number(), total_tokens: z.number().optional() })
    .nullish(),
});

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > DETAIL_MAX_CHARS ? `${flat.slice(0, DETAIL_MAX_CHARS)}…` : flat;
}

/** The error message of an OpenAI-style error body, else the body itself. */
function errorDetail(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null && 'error' in parsed) {
      const { error } = parsed;
      if (typeof error === 'string') return shorten(error);
      if (
        typeof error === 'object' &&
        error !== null &&
        'message' in error &&
        typeof error.message === 'string'
      )
        return shorten(error.message);
    }
  } catch {
    // Not JSON: the raw body is the best detail there is.
  }
  return shorten(body);
}

function responseFormat(
  mode: ResponseFormatMode,
  schema: Record<string, unknown>,
): Record<string, unknown> | undefined {
  if (mode === 'json_schema')
    return { type: 'json_schema', json_schema: { name: 'wirelens_analysis', strict: true, schema } };
  if (mode === 'json_object') return { type: 'json_object' };
  return undefined;
}

type AttemptOutcome =
  | { ok: true; reply: ChatReply }
  | { ok: false; failure: ChatFailure; retryable: boolean; retryAfterMs: number | null };

export interface ChatCompletionsClient {
  readonly url: string;
  complete(request: ChatRequest): Promise<ChatResult>;
}

export function createChatCompletionsClient(options: ChatCompletionsClientOptions): ChatCompletionsClient {
  const url = chatCompletionsUrl(options.baseUrl);
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;

  async function attempt(
    body: string,
    mode: ResponseFormatMode,
    cancel: AbortSignal | undefined,
  ): Promise<AttemptOutcome> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    const signal = cancel ? AbortSignal.any([controller.signal, cancel]) : controller.signal;
    try {
      const response = await options.fetch(url, { method: 'POST', headers, body, signal });
      // Read inside the timer: a server that sends headers and then stalls is as stuck as one that never answers.
      const text = await response.text();
      if (!response.ok) {
        const message = errorDetail(text) || response.statusText;
        if (
          (response.status === 400 || response.status === 422) &&
          mode !== 'none' &&
          RESPONSE_FORMAT_COMPLAINT_RE.test(text)
        ) {
          return {
            ok: false,
            failure: { kind: 'response_format_rejected', status: response.status, message },
            retryable: false,
            retryAfterMs: null,
          };
        }
        const retryable = RETRYABLE_STATUSES.has(response.status);
        const retryAfter = parseRetryAfterMs(response.headers.get('retry-after'));
        return {
          ok: false,
          failure: { kind: 'http_error', status: response.status, message },
          retryable,
          retryAfterMs: retryAfter === null ? null : Math.min(retryAfter, options.backoff.maxRetryAfterMs),
        };
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        // A 200 that is not JSON is a misconfigured base URL (a web page, a proxy login), not a blip: no retry.
        return {
          ok: false,
          failure: { kind: 'invalid_response', message: `body is not JSON: ${shorten(text)}` },
          retryable: false,
          retryAfterMs: null,
        };
      }
      const parsed = completionSchema.safeParse(json);
      if (!parsed.success) {
        return {
          ok: false,
          failure: { kind: 'invalid_response', message: `not a chat completion: ${shorten(text)}` },
          retryable: false,
          retryAfterMs: null,
        };
      }
      const [choice] = parsed.data.choices;
      const usage = parsed.data.usage;
      return {
        ok: true,
        reply: {
          content:
            choice?.message.content ??
            (choice?.message.refusal ? `Refusal: ${choice.message.refusal}` : null),
          finishReason: choice?.finish_reason ?? null,
          model: parsed.data.model ?? null,
          usage: usage
            ? {
                prompt: usage.prompt_tokens,
                completion: usage.completion_tokens,
                total: usage.total_tokens ?? usage.prompt_tokens + usage.completion_tokens,
              }
            : null,
        },
      };
    } catch (error) {
      // A cancellation is not an LLM failure: no fallback answer, the caller stops.
      if (cancel?.aborted) throw cancel.reason;
      if (controller.signal.aborted) {
        return {
          ok: false,
          failure: { kind: 'timeout', message: `no complete response within ${options.timeoutMs} ms` },
          retryable: true,
          retryAfterMs: null,
        };
      }
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      const message = `${error instanceof Error ? error.message : String(error)}${cause}`;
      return { ok: false, failure: { kind: 'network_error', message }, retryable: true, retryAfterMs: null };
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    url,
    async complete({ messages, mode, signal }) {
      const format = responseFormat(mode, options.jsonSchema);
      const body = JSON.stringify({
        model: options.model,
        messages,
        temperature: 0,
        seed: REQUEST_SEED,
        stream: false,
        ...(format ? { response_format: format } : {}),
        ...(options.maxOutputTokens === undefined ? {} : { max_tokens: options.maxOutputTokens }),
      });
      for (let attempts = 1; ; attempts += 1) {
        const outcome = await options.limit(() => attempt(body, mode, signal));
        if (outcome.ok) return { ok: true, ...outcome.reply, attempts };
        if (!outcome.retryable || attempts > options.maxRetries)
          return { ok: false, failure: outcome.failure, attempts };
        const delay = outcome.retryAfterMs ?? backoffDelayMs(attempts - 1, options.backoff);
        options.log?.(
          `llm: ${describeFailure(outcome.failure)}; retry ${attempts}/${options.maxRetries} in ${Math.round(delay)} ms`,
        );
        // Sleep outside the limit so a backing-off request does not hold a slot others could use.
        await sleep(delay, signal);
      }
    },
  };
}

/** `<kind>: <detail>` as stored in `meta.fallbackReason`. */
export function describeFailure(failure: ChatFailure): string {
  switch (failure.kind) {
    case 'http_error':
      return `http_${failure.status}: ${failure.message}${failure.status === 401 || failure.status === 403 ? ' (check the API key)' : ''}`;
    case 'response_format_rejected':
      return `http_${failure.status}: ${failure.message}`;
    default:
      return `${failure.kind}: ${failure.message}`;
  }
}
