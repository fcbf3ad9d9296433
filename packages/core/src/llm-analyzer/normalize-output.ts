/**
 * Turns a model's reply into a contract-valid AnalysisResult, or says
 * precisely what is wrong with it (the message goes back to the model on the
 * repair request and into `meta.fallbackReason`).
 *
 * Repaired silently, because the intent is unambiguous: numbers outside their
 * range (clamped), a label that disagrees with the score (recomputed with
 * labelForScore — the score is the finer signal), surplus paragraphs or
 * takeaways (the first ones kept), duplicates, list markers, markdown fences,
 * topic names instead of slugs, region-tagged language codes.
 * Rejected: anything that does not parse, wrong types, missing fields, and
 * too few paragraphs or distinct takeaways — those need the model again.
 */
import type { z } from 'zod';

import {
  analysisResultSchema,
  labelForScore,
  type AnalysisResult,
  type CompanyMention,
  type TopicAssignment,
} from '../analysis/contract.js';
import { TOPIC_TAXONOMY } from '../topics/taxonomy.js';
import { llmOutputParseSchema, type LlmOutput } from './llm-output-schema.js';
import type { CompanyResolver } from './resolve-company.js';

const MAX_ANALYSIS = 5;
const MAX_TAKEAWAYS = 6;
const MAX_COMPANY_SENTENCES = 5;
const MAX_ISSUES = 3;

export type NormalizeResult = { ok: true; result: AnalysisResult } | { ok: false; problem: string };

export interface NormalizeContext {
  analyzer: AnalysisResult['analyzer'];
  resolveCompany: CompanyResolver | null;
  /** Used when the model's language code is unusable. */
  inputLanguage?: string | null;
}

/** Strips what chat models wrap JSON in: reasoning blocks, markdown fences, a sentence before or after. */
export function extractJsonText(content: string): string {
  const withoutThinking = content.replace(/<think>[\s\S]*?<\/think>/gi, '').trim();
  const fenced = /^```[a-z]*\s*([\s\S]*?)\s*```$/i.exec(withoutThinking);
  const text = fenced?.[1] ?? withoutThinking;
  if (text.startsWith('{')) return text;
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  return start >= 0 && end > start ? text.slice(start, end + 1) : text;
}

export function formatIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, MAX_ISSUES).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path === '' ? issue.message : `${path}: ${issue.message}`;
  });
  const more = error.issues.length > MAX_ISSUES ? `; and ${error.issues.length - MAX_ISSUES} more` : '';
  return shown.join('; ') + more;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const round3 = (value: number) => Math.round(value * 1000) / 1000;
const unit = (value: number) => round3(clamp(value, 0, 1));
const signedUnit = (value: number) => round3(clamp(value, -1, 1));

function cleanList(items: readonly string[], max: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of items) {
    const text = item.replace(/^\s*(?:[-*•]|\d{1,2}[.)])\s+/, '').trim();
    const key = text.toLowerCase();
    if (text === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(text);
    if (out.length >= max) break;
  }
  return out;
}

function slugify(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const TOPIC_SLUG_BY_KEY = new Map<string, string>(
  TOPIC_TAXONOMY.flatMap((topic) => [
    [topic.slug, topic.slug] as const,
    [slugify(topic.name), topic.slug] as const,
  ]),
);

function normalizeTopics(topics: LlmOutput['topics']): TopicAssignment[] {
  const bySlug = new Map<string, number>();
  for (const topic of topics) {
    // Unknown slugs are dropped: only taxonomy topics exist at analysis time; editors add the rest.
    const slug = TOPIC_SLUG_BY_KEY.get(slugify(topic.slug));
    if (slug === undefined) continue;
    bySlug.set(slug, Math.max(bySlug.get(slug) ?? 0, unit(topic.relevance)));
  }
  return [...bySlug]
    .map(([slug, relevance]) => ({ slug, relevance }))
    .sort((a, b) => b.relevance - a.relevance || a.slug.localeCompare(b.slug));
}

function normalizeCompanies(
  companies: LlmOutput['companies'],
  resolve: CompanyResolver | null,
): CompanyMention[] {
  const byKey = new Map<string, CompanyMention>();
  for (const company of companies) {
    const name = company.name.trim();
    if (name === '') continue;
    const entry = resolve?.(name) ?? null;
    const key = entry ? `id:${entry.id}` : `name:${name.toLowerCase()}`;
    const sentences = cleanList(company.sentences, MAX_COMPANY_SENTENCES);
    const existing = byKey.get(key);
    if (existing) {
      // The model named one company twice ("Alphabet", "Google"): keep one row with the stronger relevance.
      existing.relevance = Math.max(existing.relevance, unit(company.relevance));
      existing.sentences = cleanList([...existing.sentences, ...sentences], MAX_COMPANY_SENTENCES);
      continue;
    }
    byKey.set(key, {
      companyId: entry?.id ?? null,
      proposedName: entry ? null : name,
      name: entry?.name ?? name,
      relevance: unit(company.relevance),
      sentimentScore: signedUnit(company.sentimentScore),
      sentences,
    });
  }
  return [...byKey.values()].sort((a, b) => b.relevance - a.relevance || a.name.localeCompare(b.name));
}

function normalizeLanguage(language: string, fallback: string | null | undefined): string {
  const code = language.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (/^[a-z]{2}$/.test(code)) return code;
  return fallback && /^[a-z]{2}$/.test(fallback) ? fallback : code;
}

function toAnalysisResult(output: LlmOutput, context: NormalizeContext): AnalysisResult {
  const score = signedUnit(output.sentiment.score);
  const eventType = output.importance.eventType?.trim() ?? '';
  return {
    sentiment: { label: labelForScore(score), score, confidence: unit(output.sentiment.confidence) },
    importance: {
      score: clamp(Math.round(output.importance.score), 1, 10),
      factors: {
        eventType: eventType === '' ? null : eventType,
        eventWeight: unit(output.importance.eventWeight),
        companyProminence: unit(output.importance.companyProminence),
        coverage: unit(output.importance.coverage),
        novelty: unit(output.importance.novelty),
        // Derived, not asked for: it is the score's magnitude by definition.
        sentimentMagnitude: Math.abs(score),
      },
    },
    summary: output.summary.trim(),
    analysis: cleanList(output.analysis, MAX_ANALYSIS),
    takeaways: cleanList(output.takeaways, MAX_TAKEAWAYS),
    companies: normalizeCompanies(output.companies, context.resolveCompany),
    topics: normalizeTopics(output.topics),
    language: normalizeLanguage(output.language, context.inputLanguage),
    analyzer: context.analyzer,
    eventTypes: [
      ...new Set(output.eventTypes.map((type) => type.trim().toLowerCase()).filter((type) => type !== '')),
    ],
  };
}

export function normalizeOutput(content: string | null, context: NormalizeContext): NormalizeResult {
  if (content === null || content.trim() === '') return { ok: false, problem: 'empty reply' };
  let json: unknown;
  try {
    json = JSON.parse(extractJsonText(content));
  } catch (error) {
    return {
      ok: false,
      problem: `malformed JSON (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  const shape = llmOutputParseSchema.safeParse(json);
  if (!shape.success) return { ok: false, problem: formatIssues(shape.error) };
  const checked = analysisResultSchema.safeParse(toAnalysisResult(shape.data, context));
  return checked.success
    ? { ok: true, result: checked.data }
    : { ok: false, problem: formatIssues(checked.error) };
}
