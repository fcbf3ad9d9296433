/**
 * The JSON the model is asked to produce: the contract minus what we derive
 * ourselves (analyzer, company ids, sentiment magnitude), so that a small
 * model can fill it. Two variants come from one definition:
 *
 * - `model`: sent as the structured-output schema; carries ranges, item
 *   counts and enums so grammar-constrained servers enforce them.
 * - `parse`: checks the reply's shape only; ranges are clamped and counts are
 *   checked by `normalizeOutput` and the contract, so a JSON-mode answer with
 *   `0.35` too much sentiment or a seventh takeaway is repaired, not rejected.
 *
 * Changing either variant changes what the model sees: bump PROMPT_VERSION.
 */
import { z } from 'zod';

import { SENTIMENT_LABELS } from '../analysis/contract.js';
import { TOPIC_TAXONOMY } from '../topics/taxonomy.js';

const TOPIC_SLUGS = TOPIC_TAXONOMY.map((topic) => topic.slug);

function buildLlmOutputSchema(variant: 'model' | 'parse') {
  const forModel = variant === 'model';
  const number = (min: number, max: number, description: string) =>
    (forModel ? z.number().min(min).max(max) : z.number()).describe(description);
  const list = <T extends z.ZodType>(item: T, min: number, max: number, description: string) =>
    (forModel ? z.array(item).min(min).max(max) : z.array(item)).describe(description);
  // Lists a weak model may leave out; an omission there is not worth a retry.
  const optionalList = <T extends z.ZodType>(item: T, description: string) =>
    (forModel ? z.array(item) : z.array(item).default([])).describe(description);

  return z.object({
    sentiment: z.object({
      // Score before label: a grammar-constrained model writes fields in order and should pick the bucket after the number.
      score: number(-1, 1, 'Overall market sentiment, -1 very negative .. 1 very positive'),
      label: (forModel ? z.enum(SENTIMENT_LABELS) : z.string()).describe('Bucket of the score'),
      confidence: number(0, 1, 'Certainty of the score, 0..1'),
    }),
    importance: z.object({
      score: (forModel ? z.number().int().min(1).max(10) : z.number()).describe(
        '1 trivial .. 10 market-moving',
      ),
      eventType: (forModel ? z.string().nullable() : z.string().nullable().default(null)).describe(
        'Main event type, or null',
      ),
      eventWeight: number(0, 1, 'Weight of the main event type, 0..1'),
      companyProminence: number(0, 1, 'Prominence of the most important company, 0..1'),
      coverage: number(0, 1, 'How widely the story is covered, 0..1'),
      novelty: number(0, 1, 'How new the news is, 0..1'),
    }),
    summary: z.string().describe('1 to 3 sentences'),
    analysis: list(z.string(), 3, 5, '3 to 5 paragraphs'),
    takeaways: list(z.string(), 3, 6, '3 to 6 distinct bullet points'),
    companies: optionalList(
      z.object({
        name: z.string(),
        relevance: number(0, 1, 'How central the company is to the article, 0..1'),
        sentimentScore: number(-1, 1, 'Tone toward this company, -1..1'),
        sentences: optionalList(z.string(), 'Up to 3 sentences quoted verbatim from the article'),
      }),
      'Companies the article is about',
    ),
    topics: optionalList(
      z.object({
        slug: (forModel ? z.enum(TOPIC_SLUGS) : z.string()).describe('Topic slug from the taxonomy'),
        relevance: number(0, 1, 'How central the topic is, 0..1'),
      }),
      '1 to 4 topics',
    ),
    language: z.string().describe('ISO 639-1 code of the article, e.g. "en"'),
    eventTypes: optionalList(z.string(), 'Every listed event type the article reports'),
  });
}

export const llmOutputParseSchema = buildLlmOutputSchema('parse');
export type LlmOutput = z.output<typeof llmOutputParseSchema>;

const { $schema: _dialect, ...llmOutputJsonSchemaBody } = z.toJSONSchema(buildLlmOutputSchema('model'));

/**
 * Strict-mode compatible JSON Schema (every property required, no additional
 * properties). `$schema` is dropped because some servers reject unknown
 * top-level keywords inside `response_format`.
 */
export const llmOutputJsonSchema: Record<string, unknown> = llmOutputJsonSchemaBody;
