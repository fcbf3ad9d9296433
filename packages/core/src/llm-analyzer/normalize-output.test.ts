import { describe, expect, it } from 'vitest';

import { extractJsonText, normalizeOutput, type NormalizeContext } from './normalize-output.js';
import { createCompanyResolver } from './resolve-company.js';
import { goodOutput } from './testing/fake-chat-server.js';
import { ALPHABET, NVIDIA, ONSEMI } from './testing/registry.js';

const registry = [NVIDIA, ALPHABET, ONSEMI];

const context: NormalizeContext = {
  analyzer: { name: 'llm', version: 'llm-prompt-v2', model: 'm' },
  resolveCompany: createCompanyResolver(registry),
  inputLanguage: 'en',
};

function run(patch: Record<string, unknown>) {
  return normalizeOutput(JSON.stringify({ ...goodOutput(), ...patch }), context);
}

function ok(patch: Record<string, unknown> = {}) {
  const outcome = run(patch);
  if (!outcome.ok) throw new Error(outcome.problem);
  return outcome.result;
}

describe('normalizeOutput', () => {
  it('recomputes a label that disagrees with the score and clamps numbers', () => {
    const result = ok({
      sentiment: { label: 'Bullish', score: -1.4, confidence: 1.2 },
      importance: {
        score: 11.4,
        eventType: '',
        eventWeight: 2,
        companyProminence: -1,
        coverage: 0.5,
        novelty: 0.5,
      },
    });

    expect(result.sentiment).toEqual({ label: 'Bearish', score: -1, confidence: 1 });
    expect(result.importance.score).toBe(10);
    expect(result.importance.factors).toMatchObject({
      eventType: null,
      eventWeight: 1,
      companyProminence: 0,
      sentimentMagnitude: 1,
    });
  });

  it.each([
    [0.15, 'Somewhat-Bullish'],
    [0.149, 'Neutral'],
    [-0.15, 'Somewhat-Bearish'],
    [-0.35, 'Bearish'],
    [0.35, 'Bullish'],
  ])('labels score %f as %s', (score, label) => {
    expect(ok({ sentiment: { label: 'Neutral', score, confidence: 0.5 } }).sentiment.label).toBe(label);
  });

  it('maps company names, aliases and tickers to registry ids and merges duplicates', () => {
    const result = ok({
      companies: [
        { name: 'Google', relevance: 0.4, sentimentScore: 0.2, sentences: ['Google said so.'] },
        {
          name: 'Alphabet Inc.',
          relevance: 0.9,
          sentimentScore: 0.3,
          sentences: ['Alphabet agreed.', 'Google said so.'],
        },
        { name: 'NASDAQ:NVDA', relevance: 0.5, sentimentScore: -2, sentences: [] },
        { name: 'On', relevance: 0.1, sentimentScore: 0, sentences: [] },
        { name: 'Acme Robotics', relevance: 0.3, sentimentScore: 0, sentences: [] },
      ],
    });

    expect(result.companies).toEqual([
      {
        companyId: 'c-googl',
        proposedName: null,
        name: 'Alphabet',
        relevance: 0.9,
        sentimentScore: 0.2,
        sentences: ['Google said so.', 'Alphabet agreed.'],
      },
      {
        companyId: 'c-nvda',
        proposedName: null,
        name: 'Nvidia',
        relevance: 0.5,
        sentimentScore: -1,
        sentences: [],
      },
      {
        companyId: null,
        proposedName: 'Acme Robotics',
        name: 'Acme Robotics',
        relevance: 0.3,
        sentimentScore: 0,
        sentences: [],
      },
      { companyId: null, proposedName: 'On', name: 'On', relevance: 0.1, sentimentScore: 0, sentences: [] },
    ]);
  });

  it('proposes every company when no registry is given', () => {
    const outcome = normalizeOutput(JSON.stringify(goodOutput()), { ...context, resolveCompany: null });

    expect(outcome.ok && outcome.result.companies[0]).toMatchObject({
      companyId: null,
      proposedName: 'NVIDIA Corporation',
    });
  });

  it('maps topic names to taxonomy slugs and drops unknown topics', () => {
    const result = ok({
      topics: [
        { slug: 'Mergers & Acquisitions', relevance: 0.8 },
        { slug: 'AI', relevance: 0.5 },
        { slug: 'ai', relevance: 0.6 },
        { slug: 'space-tourism', relevance: 0.9 },
      ],
    });

    expect(result.topics).toEqual([
      { slug: 'mergers-acquisitions', relevance: 0.8 },
      { slug: 'ai', relevance: 0.6 },
    ]);
  });

  it('strips list markers, drops duplicates and keeps the first six takeaways', () => {
    const result = ok({
      takeaways: ['- One.', '2. Two.', 'one.', 'Three.', 'Four.', 'Five.', 'Six.', 'Seven.'],
    });

    expect(result.takeaways).toEqual(['One.', 'Two.', 'Three.', 'Four.', 'Five.', 'Six.']);
  });

  it('rejects takeaways that are too few once duplicates are removed', () => {
    const outcome = run({ takeaways: ['Same.', 'same.', 'Other.'] });

    expect(outcome).toEqual({
      ok: false,
      problem: expect.stringMatching(/^takeaways: Too small/) as unknown,
    });
  });

  it('reduces a region-tagged language code and falls back to the input language', () => {
    expect(ok({ language: 'EN-us' }).language).toBe('en');
    expect(ok({ language: 'English' }).language).toBe('en');
  });

  it('names missing fields and wrong types', () => {
    const { summary: _summary, ...withoutSummary } = goodOutput();
    const missing = normalizeOutput(JSON.stringify(withoutSummary), context);
    const wrongType = run({ analysis: 'One long paragraph.' });

    expect(missing).toEqual({ ok: false, problem: expect.stringMatching(/^summary: /) as unknown });
    expect(wrongType).toEqual({ ok: false, problem: expect.stringMatching(/^analysis: /) as unknown });
  });

  it('reports empty replies and malformed JSON', () => {
    expect(normalizeOutput(null, context)).toEqual({ ok: false, problem: 'empty reply' });
    expect(normalizeOutput('{"a":', context)).toEqual({
      ok: false,
      problem: expect.stringMatching(/^malformed JSON \(/) as unknown,
    });
  });

  it('defaults lists a model left out', () => {
    const { companies: _c, topics: _t, eventTypes: _e, ...rest } = goodOutput();
    const outcome = normalizeOutput(JSON.stringify(rest), context);

    expect(
      outcome.ok && [outcome.result.companies, outcome.result.topics, outcome.result.eventTypes],
    ).toEqual([[], [], []]);
  });
});

describe('extractJsonText', () => {
  it('unwraps markdown fences, reasoning blocks and surrounding prose', () => {
    expect(extractJsonText('```json\n{"a":1}\n```')).toBe('{"a":1}');
    expect(extractJsonText('<think>hmm {no}</think>\n{"a":1}')).toBe('{"a":1}');
    expect(extractJsonText('Here you go: {"a":1} Hope it helps.')).toBe('{"a":1}');
  });
});
