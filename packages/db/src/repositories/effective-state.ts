import type { AnalysisValues, CorrectionValues } from '@wirelens/core/review';

import type { Prisma, ReviewStatus } from '../generated/prisma/client.js';
import {
  parseCorrectionValues,
  parseStoredMentions,
  parseStoredTopics,
  type StoredCompanyMention,
} from '../json-columns.js';
import type { ArticleContribution } from './sentiment-buckets.js';
import type { Tx } from './types.js';

export const articleStateSelect = {
  id: true,
  publishedAt: true,
  reviewStatus: true,
  reviewVersion: true,
  sentimentLabel: true,
  sentimentScore: true,
  latestAnalysisId: true,
  companies: { select: { companyId: true } },
  topics: { select: { topicId: true } },
} satisfies Prisma.ArticleSelect;

export type ArticleState = Prisma.ArticleGetPayload<{ select: typeof articleStateSelect }>;

export function contributionOf(state: {
  publishedAt: Date;
  reviewStatus: ReviewStatus;
  sentimentLabel: ArticleState['sentimentLabel'];
  sentimentScore: number | null;
  companies: { companyId: number }[];
  topics: { topicId: number }[];
}): ArticleContribution | null {
  if (state.reviewStatus === 'REJECTED' || state.sentimentScore === null || state.sentimentLabel === null)
    return null;
  return {
    publishedAt: state.publishedAt,
    score: state.sentimentScore,
    label: state.sentimentLabel,
    companyIds: state.companies.map((c) => c.companyId),
    topicIds: state.topics.map((t) => t.topicId),
  };
}

type AnalysisRow = Pick<
  Prisma.AnalysisGetPayload<object>,
  | 'sentimentLabel'
  | 'sentimentScore'
  | 'confidence'
  | 'importance'
  | 'summary'
  | 'paragraphs'
  | 'takeaways'
  | 'companies'
  | 'topics'
>;

/** The AI values of one stored analysis run, with companies and topics as registry ids. */
export function aiValuesOf(analysis: AnalysisRow): AnalysisValues {
  const mentions = parseStoredMentions(analysis.companies);
  const topics = parseStoredTopics(analysis.topics);
  return {
    sentimentLabel: analysis.sentimentLabel,
    sentimentScore: analysis.sentimentScore,
    confidence: analysis.confidence,
    importance: analysis.importance,
    summary: analysis.summary,
    paragraphs: analysis.paragraphs,
    takeaways: analysis.takeaways,
    companies: mentions.flatMap((m) =>
      m.resolvedCompanyId === null
        ? []
        : [{ companyId: m.resolvedCompanyId, relevance: m.relevance, sentimentScore: m.sentimentScore }],
    ),
    topics: topics.flatMap((t) =>
      t.topicId === null ? [] : [{ topicId: t.topicId, relevance: t.relevance }],
    ),
  };
}

export interface LatestCorrection {
  values: CorrectionValues;
  editorId: number;
  createdAt: Date;
  version: number;
}

/** The newest editor action on an article; its `values` are the cumulative corrections. */
export async function latestCorrection(tx: Tx, articleId: number): Promise<LatestCorrection | null> {
  return (await latestCorrections(tx, [articleId])).get(articleId) ?? null;
}

/** latestCorrection for several articles in one statement (articles never corrected are absent). */
export async function latestCorrections(
  tx: Tx,
  articleIds: readonly number[],
): Promise<Map<number, LatestCorrection>> {
  if (articleIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<
    { articleId: number; values: Prisma.JsonValue; editorId: number; createdAt: Date; version: number }[]
  >`SELECT DISTINCT ON ("articleId") "articleId", "values", "editorId", "createdAt", "version"
    FROM "Correction" WHERE "articleId" = ANY(${[...articleIds]}::int[])
    ORDER BY "articleId", "version" DESC`;
  return new Map(
    rows.map((row) => [
      row.articleId,
      {
        values: parseCorrectionValues(row.values),
        editorId: row.editorId,
        createdAt: row.createdAt,
        version: row.version,
      },
    ]),
  );
}

/**
 * Companies merged or rejected after an analysis or correction named them: merged ones count for
 * the company they were merged into, rejected ones are dropped. One read for all the lists.
 */
async function currentCompaniesOfMany(
  tx: Tx,
  lists: readonly AnalysisValues['companies'][],
): Promise<AnalysisValues['companies'][]> {
  const ids = [...new Set(lists.flat().map((c) => c.companyId))];
  if (ids.length === 0) return [...lists];
  const stale = await tx.company.findMany({
    where: { id: { in: ids }, status: { in: ['MERGED', 'REJECTED'] } },
    select: { id: true, mergedIntoId: true },
  });
  if (stale.length === 0) return [...lists];
  const target = new Map(stale.map((c) => [c.id, c.mergedIntoId]));
  return lists.map((companies) => {
    const best = new Map<number, AnalysisValues['companies'][number]>();
    for (const company of companies) {
      const id = target.has(company.companyId) ? target.get(company.companyId) : company.companyId;
      if (id === null || id === undefined) continue;
      const current = best.get(id);
      if (!current || company.relevance > current.relevance) best.set(id, { ...company, companyId: id });
    }
    return [...best.values()];
  });
}

/** What writeEffective writes for one article. */
export interface EffectiveWrite {
  articleId: number;
  publishedAt: Date;
  effective: AnalysisValues;
  /** The AI mentions, to keep their sentences for companies the editor kept. */
  mentions: StoredCompanyMention[];
  data: Prisma.ArticleUncheckedUpdateInput;
}

/**
 * Writes the effective values onto the article and replaces its company and topic rows.
 * Returns the values as written (merged companies resolved), for the series.
 */
export async function writeEffective(tx: Tx, write: EffectiveWrite): Promise<AnalysisValues> {
  const [written] = await writeEffectiveMany(tx, [write]);
  if (!written) throw new Error('writeEffective: nothing written');
  return written;
}

/** writeEffective for several different articles: company and topic rows in one statement each. */
export async function writeEffectiveMany(
  tx: Tx,
  writes: readonly EffectiveWrite[],
): Promise<AnalysisValues[]> {
  if (writes.length === 0) return [];
  const current = await currentCompaniesOfMany(
    tx,
    writes.map((w) => w.effective.companies),
  );
  const written = writes.map((w, i) => ({ ...w.effective, companies: current[i] ?? [] }));
  for (const [i, { articleId, data }] of writes.entries()) {
    const effective = written[i];
    if (!effective) continue;
    await tx.article.update({
      where: { id: articleId },
      data: {
        ...data,
        sentimentLabel: effective.sentimentLabel,
        sentimentScore: effective.sentimentScore,
        confidence: effective.confidence,
        importance: effective.importance,
      },
    });
  }
  const articleIds = writes.map((w) => w.articleId);
  await tx.articleCompany.deleteMany({ where: { articleId: { in: articleIds } } });
  await tx.articleTopic.deleteMany({ where: { articleId: { in: articleIds } } });
  const companyRows = writes.flatMap(({ articleId, publishedAt, mentions }, i) => {
    const sentences = new Map<number, string[]>();
    for (const m of mentions)
      if (m.resolvedCompanyId !== null) sentences.set(m.resolvedCompanyId, m.sentences);
    return (written[i]?.companies ?? []).map((c) => {
      const found = sentences.get(c.companyId) ?? [];
      return {
        articleId,
        companyId: c.companyId,
        relevance: c.relevance,
        sentimentScore: c.sentimentScore,
        mentions: Math.max(1, found.length),
        sentences: found,
        publishedAt,
      };
    });
  });
  if (companyRows.length > 0) await tx.articleCompany.createMany({ data: companyRows });
  const topicRows = writes.flatMap(({ articleId, publishedAt }, i) =>
    (written[i]?.topics ?? []).map((t) => ({
      articleId,
      topicId: t.topicId,
      relevance: t.relevance,
      publishedAt,
    })),
  );
  if (topicRows.length > 0) await tx.articleTopic.createMany({ data: topicRows });
  return written;
}

export function effectiveContribution(
  publishedAt: Date,
  status: ReviewStatus,
  effective: AnalysisValues,
): ArticleContribution | null {
  return contributionOf({
    publishedAt,
    reviewStatus: status,
    sentimentLabel: effective.sentimentLabel,
    sentimentScore: effective.sentimentScore,
    companies: effective.companies,
    topics: effective.topics,
  });
}

/** Locks the article row for the rest of the transaction (serialises analysis runs and editor actions). */
export async function lockArticle(tx: Tx, articleId: number): Promise<boolean> {
  return (await lockArticles(tx, [articleId])).has(articleId);
}

/** Locks several article rows, in id order so two transactions never wait on each other; returns those that exist. */
export async function lockArticles(tx: Tx, articleIds: readonly number[]): Promise<Set<number>> {
  if (articleIds.length === 0) return new Set();
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT "id" FROM "Article" WHERE "id" = ANY(${[...articleIds]}::int[]) ORDER BY "id" FOR UPDATE`;
  return new Set(rows.map((row) => row.id));
}
