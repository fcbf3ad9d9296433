import { labelToEnum, type AnalysisResult } from '@wirelens/core/review';

import type { Analysis } from '../generated/prisma/client.js';
import { toJson, type StoredCompanyMention, type StoredTopic } from '../json-columns.js';
import { normalizeAlias, slugify } from '../seed/company-seed.js';
import type { Tx } from './types.js';

const registryId = (companyId: string | null): number | null =>
  companyId && /^\d+$/.test(companyId) ? Number(companyId) : null;

type CompanyRow = { id: number; status: string; mergedIntoId: number | null };

/** Registry ids for the analyzer's mentions; unknown organisations become PROPOSED companies. */
export async function resolveCompanies(
  tx: Tx,
  mentions: AnalysisResult['companies'],
): Promise<StoredCompanyMention[]> {
  const [resolved] = await resolveCompaniesOfRuns(tx, [mentions]);
  return resolved ?? [];
}

/** resolveCompanies for several runs at once: one registry read, each new name proposed once. */
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

/** Taxonomy ids for the analyzer's topic slugs; a topic named twice counts once. */
export async function resolveTopics(tx: Tx, topics: AnalysisResult['topics']): Promise<StoredTopic[]> {
  const [resolved] = await resolveTopicsOfRuns(tx, [topics]);
  return resolved ?? [];
}

/** resolveTopics for several runs at once, with one taxonomy read. */
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

function analysisRow({
  articleId,
  result,
  mentions,
  topics,
  durationMs,
  fallbackReason,
  tokenUsage,
  learnedModelId = null,
}: AnalysisRunInput) {
  return {
    articleId,
    analyzer: result.analyzer.name,
    analyzerVersion: result.analyzer.version,
    model: result.analyzer.model,
    sentimentLabel: labelToEnum(result.sentiment.label),
    sentimentScore: result.sentiment.score,
    confidence: result.sentiment.confidence,
    importance: result.importance.score,
    importanceFactors: result.importance.factors,
    summary: result.summary,
    paragraphs: result.analysis,
    takeaways: result.takeaways,
    companies: toJson(mentions),
    topics: toJson(topics),
    eventTypes: result.eventTypes,
    language: result.language,
    fallbackReason,
    tokenUsage: tokenUsage ?? undefined,
    durationMs,
    learnedModelId,
  };
}

/** Appends one analyzer run to the article's history (runs are never rewritten). */
export function insertAnalysisRun(tx: Tx, run: AnalysisRunInput): Promise<Analysis> {
  return tx.analysis.create({ data: analysisRow(run) });
}

/** Appends runs of different articles in one statement; the rows come back in the runs' order. */
export async function insertAnalysisRuns(tx: Tx, runs: readonly AnalysisRunInput[]): Promise<Analysis[]> {
  if (runs.length === 0) return [];
  const rows = await tx.analysis.createManyAndReturn({ data: runs.map(analysisRow) });
  const byArticle = new Map(rows.map((row) => [row.articleId, row]));
  return runs.map((run) => {
    const row = byArticle.get(run.articleId);
    if (!row || byArticle.size !== runs.length) throw new Error('insertAnalysisRuns: one run per article');
    return row;
  });
}
