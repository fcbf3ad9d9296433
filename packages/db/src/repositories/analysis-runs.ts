import { labelToEnum, type AnalysisResult } from '@wirelens/core/review';

import type { Analysis, Prisma } from '../generated/prisma/client.js';
import { toJson, type StoredCompanyMention, type StoredTopic } from '../json-columns.js';
import { normalizeAlias, slugify } from '../seed/company-seed.js';
import type { Tx } from './types.js';

const registryId = (companyId: string | null): number | null =>
  companyId && /^\d+$/.test(companyId) ? Number(companyId) : null;

type CompanyRow = { id: number; status: string; mergedIntoId: number | null };

/**
 * Registry ids for the analyzer's mentions of each run; unknown organisations become PROPOSED companies.
 * One registry read for all runs, each new name proposed once.
 */
export async function resolveCompaniesOfRuns(
  tx: Tx,
  runs: readonly AnalysisResult['companies'][],
): Promise<StoredCompanyMention[][]> {
  const registryIds = runs.flat().flatMap((m) => {
    const id = registryId(m.companyId);
    return id === null ? [] : [id];
  });
  const known = new Map(
    (registryIds.length === 0
      ? []
      : await tx.company.findMany({
          where: { id: { in: [...new Set(registryIds)] } },
          select: { id: true, status: true, mergedIntoId: true },
        })
    ).map((c) => [c.id, c]),
  );
  const proposed = new Map<string, CompanyRow>();
  const results: StoredCompanyMention[][] = [];
  for (const mentions of runs) {
    const resolved: StoredCompanyMention[] = [];
    for (const mention of mentions) {
      let id: number | null = null;
      const listed = registryId(mention.companyId);
      const registered = listed === null ? undefined : known.get(listed);
      if (registered) {
        id =
          registered.status === 'MERGED' && registered.mergedIntoId !== null
            ? registered.mergedIntoId
            : registered.id;
        if (registered.status === 'REJECTED') id = null;
      } else {
        const name = (mention.proposedName ?? mention.name).trim();
        const slug = slugify(name);
        if (slug) {
          let company = proposed.get(slug);
          if (!company) {
            company = await tx.company.upsert({
              where: { slug },
              create: {
                slug,
                name,
                status: 'PROPOSED',
                aliases: { create: { alias: name, normalized: normalizeAlias(name) } },
              },
              update: {},
              select: { id: true, status: true, mergedIntoId: true },
            });
            proposed.set(slug, company);
          }
          id =
            company.status === 'REJECTED'
              ? null
              : company.status === 'MERGED'
                ? company.mergedIntoId
                : company.id;
        }
      }
      resolved.push({
        companyId: mention.companyId,
        proposedName: mention.proposedName,
        name: mention.name,
        relevance: mention.relevance,
        sentimentScore: mention.sentimentScore,
        sentences: mention.sentences,
        resolvedCompanyId: id,
      });
    }
    results.push(oneRowPerCompany(resolved));
  }
  return results;
}

/** One effective row per company: a company mentioned under two names keeps its most relevant mention. */
function oneRowPerCompany(resolved: StoredCompanyMention[]): StoredCompanyMention[] {
  const best = new Map<number, StoredCompanyMention>();
  for (const m of resolved) {
    if (m.resolvedCompanyId === null) continue;
    const current = best.get(m.resolvedCompanyId);
    if (!current || m.relevance > current.relevance) best.set(m.resolvedCompanyId, m);
  }
  return resolved.map((m) =>
    m.resolvedCompanyId !== null && best.get(m.resolvedCompanyId) !== m
      ? { ...m, resolvedCompanyId: null }
      : m,
  );
}

/** Taxonomy ids for the analyzer's topic slugs of each run, with one taxonomy read; a topic named twice counts once. */
export async function resolveTopicsOfRuns(
  tx: Tx,
  runs: readonly AnalysisResult['topics'][],
): Promise<StoredTopic[][]> {
  const slugs = [...new Set(runs.flat().map((t) => t.slug))];
  const ids = new Map(
    (slugs.length === 0
      ? []
      : await tx.topic.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } })
    ).map((t) => [t.slug, t.id]),
  );
  return runs.map((topics) => {
    const seen = new Set<number>();
    return topics.map((t) => {
      const id = ids.get(t.slug) ?? null;
      if (id === null || seen.has(id)) return { slug: t.slug, relevance: t.relevance, topicId: null };
      seen.add(id);
      return { slug: t.slug, relevance: t.relevance, topicId: id };
    });
  });
}

/** One analyzer run to append to an article's history. */
export interface AnalysisRunInput {
  articleId: number;
  result: AnalysisResult;
  mentions: StoredCompanyMention[];
  topics: StoredTopic[];
  durationMs: number;
  fallbackReason: string | null;
  tokenUsage: Record<string, number> | null;
  /** The learned model applied on top of the built-in analyzer, if any. */
  learnedModelId?: number | null;
}

function analysisRow(
  {
    articleId,
    result,
    mentions,
    topics,
    durationMs,
    fallbackReason,
    tokenUsage,
    learnedModelId = null,
  }: AnalysisRunInput,
  createdAt: Date,
): Omit<Analysis, 'id'> {
  return {
    articleId,
    analyzer: result.analyzer.name,
    analyzerVersion: result.analyzer.version,
    model: result.analyzer.model,
    promptVersion: null,
    sentimentLabel: labelToEnum(result.sentiment.label),
    sentimentScore: result.sentiment.score,
    confidence: result.sentiment.confidence,
    importance: result.importance.score,
    importanceFactors: toJson(result.importance.factors) as Prisma.JsonValue,
    summary: result.summary,
    paragraphs: result.analysis,
    takeaways: result.takeaways,
    companies: toJson(mentions) as Prisma.JsonValue,
    topics: toJson(topics) as Prisma.JsonValue,
    eventTypes: result.eventTypes,
    language: result.language,
    fallbackReason,
    tokenUsage: tokenUsage ?? null,
    durationMs,
    learnedModelId,
    createdAt,
  };
}

/**
 * Appends runs of different articles (runs are never rewritten) in one statement, the rows
 * travelling as one JSON parameter; they come back in the runs' order. The rows are built here,
 * so only their ids are read back.
 */
export async function insertAnalysisRuns(tx: Tx, runs: readonly AnalysisRunInput[]): Promise<Analysis[]> {
  if (runs.length === 0) return [];
  if (new Set(runs.map((run) => run.articleId)).size !== runs.length)
    throw new Error('insertAnalysisRuns: one run per article');
  // One creation time for the batch, set here as Prisma's @default(now()) would: UTC wall time.
  const createdAt = new Date();
  const rows = runs.map((run) => analysisRow(run, createdAt));
  const stored = await tx.$queryRaw<{ id: number; articleId: number }[]>`
    INSERT INTO "Analysis" ("articleId", "analyzer", "analyzerVersion", "model", "sentimentLabel",
      "sentimentScore", "confidence", "importance", "importanceFactors", "summary", "paragraphs",
      "takeaways", "companies", "topics", "eventTypes", "language", "fallbackReason", "tokenUsage",
      "durationMs", "learnedModelId", "createdAt")
    SELECT "articleId", "analyzer", "analyzerVersion", "model", "sentimentLabel"::"SentimentLabel",
      "sentimentScore", "confidence", "importance", "importanceFactors", "summary", "paragraphs",
      "takeaways", "companies", "topics", "eventTypes", "language", "fallbackReason", "tokenUsage",
      "durationMs", "learnedModelId", ${createdAt.toISOString()}::timestamp(3)
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(
      "articleId" int, "analyzer" text, "analyzerVersion" text, "model" text, "sentimentLabel" text,
      "sentimentScore" float8, "confidence" float8, "importance" int, "importanceFactors" jsonb,
      "summary" text, "paragraphs" text[], "takeaways" text[], "companies" jsonb, "topics" jsonb,
      "eventTypes" text[], "language" text, "fallbackReason" text, "tokenUsage" jsonb,
      "durationMs" int, "learnedModelId" int)
    RETURNING "id", "articleId"`;
  const ids = new Map(stored.map((row) => [row.articleId, row.id]));
  return rows.map((row) => {
    const id = ids.get(row.articleId);
    if (id === undefined)
      throw new Error(`insertAnalysisRuns: the run of article ${row.articleId} was not stored`);
    return { id, ...row };
  });
}
