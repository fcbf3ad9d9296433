import { describe, expect, it } from 'vitest';

import type { CompanyRegistryEntry } from '../analysis/contract.js';
import { TOPIC_TAXONOMY } from '../topics/taxonomy.js';
import {
  buildPromptMessages,
  buildRepairMessages,
  PROMPT_VERSION,
  SYSTEM_PROMPT,
  truncateArticleText,
} from './prompt.js';

describe('prompt', () => {
  it('is versioned and states the sentiment buckets and every taxonomy slug', () => {
    expect(PROMPT_VERSION).toMatch(/^llm-prompt-v\d+$/);
    expect(SYSTEM_PROMPT).toContain('score <= -0.35 "Bearish"');
    expect(SYSTEM_PROMPT).toContain('0.15 <= score < 0.35 "Somewhat-Bullish"');
    for (const topic of TOPIC_TAXONOMY) expect(SYSTEM_PROMPT).toContain(`- ${topic.slug}: `);
  });

  it('puts the article facts in the user message and suggests registry names found in the text', () => {
    const registry: CompanyRegistryEntry[] = [
      {
        id: '1',
        slug: 'nvidia',
        name: 'Nvidia',
        aliases: ['NVIDIA'],
        tickers: [{ symbol: 'NVDA', exchange: null }],
      },
      {
        id: '2',
        slug: 'apple',
        name: 'Apple Inc.',
        aliases: ['Apple'],
        ambiguousAliases: ['Apple'],
        tickers: [],
      },
      { id: '3', slug: 'intel', name: 'Intel', aliases: [], tickers: [] },
    ];
    const [system, user] = buildPromptMessages(
      {
        title: 'NVIDIA shares fall',
        text: 'Apple pie sales rose. Intelligence agencies commented.',
        sourceName: 'Wire',
        publishedAt: new Date('2026-01-02T03:04:05Z'),
        coverage: { distinctSources: 4, isFirstReport: false },
      },
      { maxArticleChars: 1_000, registry },
    );

    expect(system?.role).toBe('system');
    expect(user?.content).toContain('Title: NVIDIA shares fall');
    expect(user?.content).toContain('Published: 2026-01-02T03:04:05.000Z');
    expect(user?.content).toContain('Coverage: 4 independent source(s); follow-up');
    expect(user?.content).toContain(
      'Known companies that appear in the text (use these names for them): Nvidia (NVDA)\n',
    );
  });

  it('adds the previous reply and the problem for a repair request', () => {
    const messages = buildRepairMessages([{ role: 'user', content: 'q' }], '{}', 'summary: required');

    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(messages[2]?.content).toContain('summary: required');
  });
});

describe('truncateArticleText', () => {
  it('keeps short text whole', () => {
    expect(truncateArticleText('Short.', 100)).toEqual({ text: 'Short.', truncated: false });
  });

  it('cuts at a sentence end near the budget', () => {
    const text = `${'a'.repeat(85)}. ${'b'.repeat(50)}`;
    expect(truncateArticleText(text, 100)).toEqual({ text: `${'a'.repeat(85)}.`, truncated: true });
  });

  it('cuts at a space, or hard, when there is no sentence end near the budget', () => {
    expect(truncateArticleText(`${'a'.repeat(90)} ${'b'.repeat(50)}`, 100).text).toBe('a'.repeat(90));
    expect(truncateArticleText('c'.repeat(150), 100).text).toBe('c'.repeat(100));
  });
});
