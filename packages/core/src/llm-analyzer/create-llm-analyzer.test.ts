import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  analysisResultSchema,
  type AnalysisResult,
  type AnalyzeInput,
  type Analyzer,
} from '../analysis/contract.js';
import { AppError } from '../errors/app-error.js';
import { createExampleRetriever, type CorrectedExample } from '../learning/similar-examples.js';
import { sampleAnalysisResult } from '../testing/analysis-result.js';
import { createLlmAnalyzer } from './create-llm-analyzer.js';
import { PROMPT_VERSION } from './prompt.js';
import {
  completion,
  goodOutput,
  startFakeChatServer,
  type FakeChatServer,
  type FakeHandler,
} from './testing/fake-chat-server.js';
import { NVIDIA } from './testing/registry.js';
import type { LlmAnalyzerOptions } from './types.js';

const input: AnalyzeInput = {
  title: 'US tightens AI chip export controls; Nvidia warns on China revenue',
  text: 'The US Commerce Department announced new export controls on advanced AI chips. Nvidia said the rules will reduce its data-centre revenue from China.',
  sourceName: 'Example Wire',
  language: 'en',
};

const registry = [NVIDIA];

/** Deterministic stand-in for the built-in analyzer. */
function createFakeFallback(): Analyzer & { calls: number } {
  const fallback = {
    name: 'fake-builtin',
    version: 'fake-1',
    calls: 0,
    analyze(): Promise<AnalysisResult> {
      fallback.calls += 1;
      return Promise.resolve(
        sampleAnalysisResult({
          score: 0,
          importance: 3,
          confidence: 0.2,
          factors: { eventWeight: 0.25, companyProminence: 0, coverage: 0, novelty: 0.7 },
          summary: 'Fallback summary.',
          analyzer: { name: 'fake-builtin', version: 'fake-1', model: null },
        }),
      );
    },
  };
  return fallback;
}

const good: FakeHandler = () => completion(goodOutput());
const tooFewTakeaways = () => ({ ...goodOutput(), takeaways: ['Only one.', 'Only two.'] });

let server: FakeChatServer;
let fallback: ReturnType<typeof createFakeFallback>;

beforeEach(async () => {
  server = await startFakeChatServer(good);
  fallback = createFakeFallback();
});

afterEach(async () => {
  await server.close();
});

function analyzer(overrides: Partial<LlmAnalyzerOptions> = {}) {
  return createLlmAnalyzer({
    baseUrl: server.origin,
    model: 'test-model',
    fallback,
    timeoutMs: 1_000,
    maxRetries: 2,
    backoff: { baseMs: 10, maxMs: 40, maxRetryAfterMs: 2_000 },
    ...overrides,
  });
}

describe('createLlmAnalyzer: successful answers', () => {
  it('shows the model the three corrected articles most like this one', async () => {
    const example = (title: string, topics: string[]): CorrectedExample => ({
      title,
      text: '',
      sentimentLabel: 'Bearish',
      sentimentScore: -0.5,
      companies: ['Nvidia'],
      topics,
    });
    const examples = createExampleRetriever([
      example('Bakery chain opens shop in Lyon', ['retail']),
      example('US export rules hit Nvidia chip sales to China', ['geopolitics-trade']),
      example('Export controls on AI chips tighten again', ['geopolitics-trade', 'ai']),
      example('Nvidia chip shipments to China face new export licence rules', ['geopolitics-trade']),
      example('Football club signs striker', ['sports']),
    ]);
    await analyzer({ examples }).analyze(input);
    const prompt = server.requests[0]?.body.messages[1]?.content ?? '';
    expect(prompt).toContain("as this site's editors reviewed them");
    expect(prompt).toContain("Editors' sentiment: Bearish (score -0.50)");
    expect(prompt.match(/^\d\. Title: /gm)).toHaveLength(3);
    expect(prompt).not.toContain('Bakery');
    expect(prompt).not.toContain('Football');
  });

  it('returns a contract-valid result made by the llm analyzer, with token usage', async () => {
    const llm = analyzer({ registry });
    const result = await llm.analyze(input);

    expect(llm.name).toBe('llm');
    expect(llm.version).toBe(PROMPT_VERSION);
    expect(analysisResultSchema.safeParse(result).success).toBe(true);
    expect(result.analyzer).toEqual({ name: 'llm', version: PROMPT_VERSION, model: 'test-model' });
    expect(result.sentiment).toEqual({ label: 'Bearish', score: -0.6, confidence: 0.8 });
    expect(result.importance.factors.sentimentMagnitude).toBe(0.6);
    expect(result.companies[0]).toMatchObject({ companyId: 'c-nvda', proposedName: null, name: 'Nvidia' });
    expect(result.topics.map((t) => t.slug)).toEqual(['geopolitics-trade', 'ai']);
    expect(result.meta).toMatchObject({
      attempts: 1,
      tokenUsage: { prompt: 120, completion: 80, total: 200 },
    });
    expect(result.meta?.fallbackReason).toBeUndefined();
    expect(result.meta?.durationMs).toBeGreaterThanOrEqual(0);
    expect(fallback.calls).toBe(0);
  });

  it('sends model, messages, temperature 0, a seed and a strict json_schema response_format, without Authorization', async () => {
    await analyzer({ maxOutputTokens: 1500 }).analyze(input);

    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBeUndefined();
    const body = request?.body;
    expect(body?.model).toBe('test-model');
    expect(body?.temperature).toBe(0);
    expect(typeof body?.seed).toBe('number');
    expect(body?.max_tokens).toBe(1500);
    expect(body?.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(body?.messages[1]?.content).toContain(input.title);
    expect(body?.response_format?.type).toBe('json_schema');
    expect(body?.response_format?.json_schema).toMatchObject({ name: 'wirelens_analysis', strict: true });
    expect(body?.response_format?.json_schema?.schema).toMatchObject({
      type: 'object',
      additionalProperties: false,
    });
  });

  it('sends Authorization: Bearer only when an API key is set', async () => {
    await analyzer({ apiKey: 'sk-test' }).analyze(input);
    await analyzer({ apiKey: '' }).analyze(input);

    expect(server.requests[0]?.headers.authorization).toBe('Bearer sk-test');
    expect(server.requests[1]?.headers.authorization).toBeUndefined();
  });

  it('records the model the server says answered', async () => {
    server.setHandler(() => {
      const reply = completion(goodOutput());
      return { ...reply, body: { ...(reply.body as object), model: 'test-model-2026-01-01' } };
    });
    const result = await analyzer().analyze(input);

    expect(result.analyzer.model).toBe('test-model-2026-01-01');
  });

  it('accepts a base URL that already ends in /v1', async () => {
    const result = await analyzer({ baseUrl: `${server.origin}/v1/` }).analyze(input);

    expect(result.analyzer.name).toBe('llm');
    expect(server.requests[0]?.url).toBe('/v1/chat/completions');
  });

  it('cuts long article text to the character budget', async () => {
    const long = `${'Nvidia sold many chips this quarter. '.repeat(400)}`;
    await analyzer({ maxArticleChars: 1_000 }).analyze({ ...input, text: long });

    const user = server.requests[0]?.body.messages[1]?.content ?? '';
    expect(long.length).toBeGreaterThan(10_000);
    expect(user.length).toBeLessThan(1_600);
    expect(user).toContain('cut to its first');
  });
});

describe('createLlmAnalyzer: invalid output', () => {
  it('retries malformed JSON once with the parse error and succeeds', async () => {
    server.setHandler((_request, index) =>
      index === 0 ? completion('{"sentiment": {"score": -0.6,') : completion(goodOutput()),
    );
    const result = await analyzer().analyze(input);

    expect(result.analyzer.name).toBe('llm');
    expect(result.meta).toMatchObject({
      attempts: 2,
      tokenUsage: { prompt: 240, completion: 160, total: 400 },
    });
    const repair = server.requests[1]?.body.messages ?? [];
    expect(repair.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(repair[2]?.content).toBe('{"sentiment": {"score": -0.6,');
    expect(repair[3]?.content).toContain('malformed JSON');
  });

  it('retries output that fails the schema once, naming the problem, and succeeds', async () => {
    server.setHandler((_request, index) => completion(index === 0 ? tooFewTakeaways() : goodOutput()));
    const result = await analyzer().analyze(input);

    expect(result.analyzer.name).toBe('llm');
    expect(result.meta?.attempts).toBe(2);
    expect(server.requests[1]?.body.messages.at(-1)?.content).toMatch(/takeaways: Too small/);
  });

  it('answers with the fallback analyzer when the output is invalid twice, and records why', async () => {
    server.setHandler(() => completion(tooFewTakeaways()));
    const result = await analyzer().analyze(input);

    expect(server.requests).toHaveLength(2);
    expect(fallback.calls).toBe(1);
    expect(result.analyzer).toEqual({ name: 'fake-builtin', version: 'fake-1', model: null });
    expect(result.meta?.fallbackReason).toMatch(/^invalid_output: takeaways: Too small/);
    expect(result.meta).toMatchObject({ attempts: 2, tokenUsage: { total: 400 } });
  });

  it('falls back with the parse error when JSON is malformed twice', async () => {
    server.setHandler(() => completion('Sure! Here is the analysis: sentiment is bearish.'));
    const result = await analyzer().analyze(input);

    expect(result.analyzer.name).toBe('fake-builtin');
    expect(result.meta?.fallbackReason).toMatch(/^invalid_output: malformed JSON/);
  });

  it('falls back without retrying when a 200 response is not a chat completion', async () => {
    server.setHandler(() => ({ body: '<html>login</html>', headers: { 'content-type': 'text/html' } }));
    const result = await analyzer().analyze(input);

    expect(server.requests).toHaveLength(1);
    expect(result.meta?.fallbackReason).toMatch(/^invalid_response: body is not JSON/);
  });
});

describe('createLlmAnalyzer: transport failures', () => {
  it('retries a request that exceeds the timeout, then falls back', async () => {
    server.setHandler(() => ({ ...completion(goodOutput()), delayMs: 400 }));
    const result = await analyzer({ timeoutMs: 80 }).analyze(input);

    expect(server.requests).toHaveLength(3);
    expect(result.analyzer.name).toBe('fake-builtin');
    expect(result.meta?.fallbackReason).toBe('timeout: no complete response within 80 ms');
    expect(result.meta?.attempts).toBe(3);
  });

  it('succeeds when a retry after a timeout is answered in time', async () => {
    server.setHandler((_request, index) => ({ ...completion(goodOutput()), delayMs: index === 0 ? 400 : 0 }));
    const result = await analyzer({ timeoutMs: 80 }).analyze(input);

    expect(result.analyzer.name).toBe('llm');
    expect(result.meta?.attempts).toBe(2);
  });

  it('waits for Retry-After seconds on 429 and then succeeds', async () => {
    server.setHandler((_request, index) =>
      index === 0
        ? { status: 429, headers: { 'retry-after': '1' }, body: { error: { message: 'Rate limit reached' } } }
        : completion(goodOutput()),
    );
    const started = Date.now();
    const result = await analyzer().analyze(input);

    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(result.analyzer.name).toBe('llm');
    expect(result.meta?.attempts).toBe(2);
  });

  it('caps a long Retry-After at maxRetryAfterMs', async () => {
    server.setHandler((_request, index) =>
      index === 0 ? { status: 429, headers: { 'retry-after': '3600' }, body: {} } : completion(goodOutput()),
    );
    const started = Date.now();
    const result = await analyzer({ backoff: { baseMs: 10, maxRetryAfterMs: 100 } }).analyze(input);

    expect(Date.now() - started).toBeLessThan(1_000);
    expect(result.analyzer.name).toBe('llm');
  });

  it('retries a 500 and succeeds', async () => {
    server.setHandler((_request, index) =>
      index === 0 ? { status: 500, body: { error: { message: 'boom' } } } : completion(goodOutput()),
    );
    const result = await analyzer().analyze(input);

    expect(result.analyzer.name).toBe('llm');
    expect(result.meta?.attempts).toBe(2);
  });

  it('falls back after maxRetries when the server keeps answering 503', async () => {
    server.setHandler(() => ({ status: 503, body: { error: { message: 'model is loading' } } }));
    const result = await analyzer({ maxRetries: 1 }).analyze(input);

    expect(server.requests).toHaveLength(2);
    expect(result.meta?.fallbackReason).toBe('http_503: model is loading');
  });

  it('falls back after retries when the server cannot be reached', async () => {
    const { origin } = server;
    await server.close();
    const result = await analyzer({ baseUrl: origin }).analyze(input);
    server = await startFakeChatServer(good);

    expect(result.analyzer.name).toBe('fake-builtin');
    expect(result.meta?.fallbackReason).toMatch(/^network_error: /);
    expect(result.meta?.attempts).toBe(3);
  });

  it.each([401, 403, 404])('falls back immediately on %i without retrying', async (status) => {
    server.setHandler(() => ({ status, body: { error: { message: 'Nope' } } }));
    const result = await analyzer().analyze(input);

    expect(server.requests).toHaveLength(1);
    expect(result.analyzer.name).toBe('fake-builtin');
    expect(result.meta?.fallbackReason).toMatch(new RegExp(`^http_${status}: Nope`));
    expect(result.meta?.attempts).toBe(1);
  });

  it('says to check the API key on 401', async () => {
    server.setHandler(() => ({ status: 401, body: { error: { message: 'Incorrect API key provided' } } }));
    const result = await analyzer({ apiKey: 'wrong' }).analyze(input);

    expect(result.meta?.fallbackReason).toBe('http_401: Incorrect API key provided (check the API key)');
  });
});

describe('createLlmAnalyzer: response format negotiation', () => {
  it('switches to JSON mode when json_schema is rejected, and remembers it', async () => {
    server.setHandler((request) =>
      request.body.response_format?.type === 'json_schema'
        ? {
            status: 400,
            body: {
              error: {
                message:
                  "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.",
              },
            },
          }
        : completion(goodOutput()),
    );
    const llm = analyzer();
    const first = await llm.analyze(input);
    const second = await llm.analyze(input);

    expect(first.analyzer.name).toBe('llm');
    expect(second.analyzer.name).toBe('llm');
    expect(server.requests.map((r) => r.body.response_format?.type)).toEqual([
      'json_schema',
      'json_object',
      'json_object',
    ]);
    expect(first.meta?.attempts).toBe(2);
    expect(second.meta?.attempts).toBe(1);
  });

  it('drops response_format altogether when JSON mode is rejected too', async () => {
    server.setHandler((request) =>
      request.body.response_format
        ? { status: 400, body: { error: 'response_format is not supported' } }
        : completion(goodOutput()),
    );
    const result = await analyzer().analyze(input);

    expect(result.analyzer.name).toBe('llm');
    expect(server.requests.map((r) => r.body.response_format?.type ?? 'none')).toEqual([
      'json_schema',
      'json_object',
      'none',
    ]);
  });

  it('does not retry other 400 errors', async () => {
    server.setHandler(() => ({ status: 400, body: { error: { message: 'messages: field required' } } }));
    const result = await analyzer().analyze(input);

    expect(server.requests).toHaveLength(1);
    expect(result.meta?.fallbackReason).toBe('http_400: messages: field required');
  });
});

describe('createLlmAnalyzer: cancellation', () => {
  it('cuts the request when the caller aborts, and throws instead of answering with the fallback', async () => {
    server.setHandler(() => ({ ...completion(goodOutput()), delayMs: 5_000 }));
    const controller = new AbortController();
    const pending = analyzer({ timeoutMs: 10_000 }).analyze(input, { signal: controller.signal });
    await expect.poll(() => server.requests.length).toBe(1);
    controller.abort(new Error('worker stopping'));
    await expect(pending).rejects.toThrow('worker stopping');
    // Without the abort the call would wait for the 5 s answer, past this test's time limit.
    expect(fallback.calls).toBe(0);
  });

  it('stops waiting between retries when the caller aborts', async () => {
    server.setHandler(() => ({ status: 503, headers: { 'retry-after': '2' }, body: { error: 'busy' } }));
    const controller = new AbortController();
    const pending = analyzer().analyze(input, { signal: controller.signal });
    await expect.poll(() => server.requests.length).toBe(1);
    controller.abort(new Error('worker stopping'));
    await expect(pending).rejects.toThrow('worker stopping');
    expect(server.requests).toHaveLength(1);
    expect(fallback.calls).toBe(0);
  });
});

describe('createLlmAnalyzer: concurrency', () => {
  it('keeps at most `concurrency` requests in flight and queues the rest', async () => {
    server.setHandler(() => ({ ...completion(goodOutput()), delayMs: 60 }));
    const llm = analyzer({ concurrency: 2 });
    const results = await Promise.all(Array.from({ length: 6 }, () => llm.analyze(input)));

    expect(results.every((r) => r.analyzer.name === 'llm')).toBe(true);
    expect(server.requests).toHaveLength(6);
    expect(server.maxInFlight).toBe(2);
  });

  it('limits each instance separately', async () => {
    server.setHandler(() => ({ ...completion(goodOutput()), delayMs: 60 }));
    const llm = analyzer({ concurrency: 1 });
    await Promise.all(Array.from({ length: 3 }, () => llm.analyze(input)));

    expect(server.maxInFlight).toBe(1);
  });
});

describe('createLlmAnalyzer: fallback errors', () => {
  it('lets an error of the fallback analyzer itself propagate', async () => {
    server.setHandler(() => ({ status: 401, body: {} }));
    const broken: Analyzer = {
      name: 'broken',
      version: '0',
      analyze: () => Promise.reject(new Error('fallback down')),
    };

    await expect(analyzer({ fallback: broken }).analyze(input)).rejects.toThrow('fallback down');
  });
});

describe('createLlmAnalyzer: configuration', () => {
  it('rejects unusable options with a CONFIG error', () => {
    expect(() => analyzer({ baseUrl: 'localhost:11434' })).toThrow(AppError);
    expect(() => analyzer({ baseUrl: 'not a url' })).toThrow(/base URL/);
    expect(() => analyzer({ concurrency: 0 })).toThrow(/concurrency/);
    expect(() => analyzer({ model: ' ' })).toThrow(/model/);
  });
});
