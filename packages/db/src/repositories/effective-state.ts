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
  const row = await tx.correction.findFirst({
    where: { articleId },
    orderBy: { version: 'desc' },
    select: { values: true, editorId: true, createdAt: true, version: true },
  });
  return row
    ? {
        values: parseCorrectionValues(row.values),
        editorId: row.editorId,
        createdAt: row.createdAt,
        version: row.version,
      }
    : null;
}

/**
 * Companies merged or rejected after an analysis or correction named them: merged ones count for
 * the company they were merged into, rejected ones are dropped.
 */
async function currentCompanies(
  tx: Tx,
  companies: AnalysisValues['companies'],
): Promise<AnalysisValues['companies']> {
  if (companies.length === 0) return companies;
  const stale = await tx.company.findMany({
    where: { id: { in: companies.map((c) => c.companyId) }, status: { in: ['MERGED', 'REJECTED'] } },
    select: { id: true, mergedIntoId: true },
  });
  if (stale.length === 0) return companies;
  const target = new Map(stale.map((c) => [c.id, c.mergedIntoId]));
  const best = new Map<number, AnalysisValues['companies'][number]>();
  for (const company of companies) {
    const id = target.has(company.companyId) ? target.get(company.companyId) : company.companyId;
    if (id === null || id === undefined) continue;
    const current = best.get(id);
    if (!current || company.relevance > current.relevance) best.set(id, { ...company, companyId: id });
  }
  return [...best.values()];
}

/**
 * Writes the effective values onto the article and replaces its company and topic rows.
 * Returns the values as written (merged companies resolved), for the series.
 */
export async function writeEffective(
  tx: Tx,
  {
    articleId,
    publishedAt,
    effective,
    mentions,
    data,
  }: {
    articleId: number;
    publishedAt: Date;
    effective: AnalysisValues;
    /** The AI mentions, to keep their sentences for companies the editor kept. */
    mentions: StoredCompanyMention[];
    data: Prisma.ArticleUncheckedUpdateInput;
  },
): Promise<AnalysisValues> {
  effective = { ...effective, companies: await currentCompanies(tx, effective.companies) };
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
  await tx.articleCompany.deleteMany({ where: { articleId } });
  await tx.articleTopic.deleteMany({ where: { articleId } });
  if (effective.companies.length > 0) {
    const sentences = new Map<number, string[]>();
    for (const m of mentions)
      if (m.resolvedCompanyId !== null) sentences.set(m.resolvedCompanyId, m.sentences);
    await tx.articleCompany.createMany({
      data: effective.companies.map((c) => {
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
      }),
    });
  }
  if (effective.topics.length > 0) {
    await tx.articleTopic.createMany({
      data: effective.topics.map((t) => ({
        articleId,
        topicId: t.topicId,
        relevance: t.relevance,
        publishedAt,
      })),
    });
  }
  return effective;
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
  const rows = await tx.$queryRaw<
    { id: number }[]
  >`SELECT "id" FROM "Article" WHERE "id" = ${articleId} FOR UPDATE`;
  return rows.length > 0;
}
