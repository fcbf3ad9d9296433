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

/** An article's review state, language and latest run's AI values, as storing a new run needs them. */
export type ArticleRunState = ArticleState & { language: string | null; latestAnalysis: AnalysisRow | null };

/**
 * The states of several articles in one statement (articles that do not exist are absent):
 * storing a batch's runs reads them for every batch, so it skips the ORM's per-call query planning.
 */
export async function loadArticleRunStates(
  tx: Tx,
  articleIds: readonly number[],
): Promise<Map<number, ArticleRunState>> {
  if (articleIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<
    (Omit<ArticleState, 'companies' | 'topics'> & {
      language: string | null;
      companyIds: number[];
      topicIds: number[];
      latestSentimentLabel: AnalysisRow['sentimentLabel'] | null;
      latestSentimentScore: AnalysisRow['sentimentScore'];
    } & Omit<AnalysisRow, 'sentimentLabel' | 'sentimentScore'>)[]
  >`
    SELECT a."id", a."publishedAt", a."reviewStatus"::text AS "reviewStatus", a."reviewVersion",
      a."sentimentLabel"::text AS "sentimentLabel", a."sentimentScore", a."latestAnalysisId", a."language",
      ARRAY(SELECT c."companyId" FROM "ArticleCompany" c WHERE c."articleId" = a."id" ORDER BY c."companyId") AS "companyIds",
      ARRAY(SELECT t."topicId" FROM "ArticleTopic" t WHERE t."articleId" = a."id" ORDER BY t."topicId") AS "topicIds",
      l."sentimentLabel"::text AS "latestSentimentLabel", l."sentimentScore" AS "latestSentimentScore",
      l."confidence", l."importance", l."summary", l."paragraphs", l."takeaways", l."companies", l."topics"
    FROM "Article" a LEFT JOIN "Analysis" l ON l."id" = a."latestAnalysisId"
    WHERE a."id" = ANY(${[...articleIds]}::int[])`;
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        publishedAt: row.publishedAt,
        reviewStatus: row.reviewStatus,
        reviewVersion: row.reviewVersion,
        sentimentLabel: row.sentimentLabel,
        sentimentScore: row.sentimentScore,
        latestAnalysisId: row.latestAnalysisId,
        language: row.language,
        companies: row.companyIds.map((companyId) => ({ companyId })),
        topics: row.topicIds.map((topicId) => ({ topicId })),
        latestAnalysis:
          row.latestSentimentLabel === null
            ? null
            : {
                sentimentLabel: row.latestSentimentLabel,
                sentimentScore: row.latestSentimentScore,
                confidence: row.confidence,
                importance: row.importance,
                summary: row.summary,
                paragraphs: row.paragraphs,
                takeaways: row.takeaways,
                companies: row.companies,
                topics: row.topics,
              },
      },
    ]),
  );
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

/** Article columns an effective write sets beside the effective values. */
export interface EffectiveArticleData {
  reviewStatus: ReviewStatus;
  /** A new analyzer run: it becomes the article's latest. */
  latestAnalysisId?: number;
  analyzedAt?: Date;
  /** Kept when null or absent. */
  language?: string | null;
  /** Bumps the optimistic-lock version (a re-analysis; an editor action bumps it itself). */
  bumpReviewVersion?: boolean;
}

/** What writeEffective writes for one article. */
export interface EffectiveWrite {
  articleId: number;
  publishedAt: Date;
  effective: AnalysisValues;
  /** The AI mentions, to keep their sentences for companies the editor kept. */
  mentions: StoredCompanyMention[];
  data: EffectiveArticleData;
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

/**
 * writeEffective for several different articles: one statement each for the articles, their old
 * company and topic rows and the new ones, whatever the number of articles. The rows travel as one
 * JSON parameter per statement (`jsonb_to_recordset`), which also carries the sentence arrays.
 */
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
  const articleRows = writes.map(({ articleId, data }, i) => ({
    id: articleId,
    reviewStatus: data.reviewStatus,
    latestAnalysisId: data.latestAnalysisId ?? null,
    analyzedAt: data.analyzedAt?.toISOString() ?? null,
    language: data.language ?? null,
    bump: data.bumpReviewVersion ? 1 : 0,
    sentimentLabel: written[i]?.sentimentLabel ?? null,
    sentimentScore: written[i]?.sentimentScore ?? null,
    confidence: written[i]?.confidence ?? null,
    importance: written[i]?.importance ?? null,
  }));
  // Timestamps are written as UTC wall times (Prisma's TIMESTAMP(3) convention): a time zone in
  // the text is ignored by the cast to a timestamp without time zone.
  await tx.$executeRaw`
    UPDATE "Article" AS a SET
      "reviewStatus" = u."reviewStatus"::"ReviewStatus",
      "latestAnalysisId" = COALESCE(u."latestAnalysisId", a."latestAnalysisId"),
      "analyzedAt" = COALESCE(u."analyzedAt"::timestamp(3), a."analyzedAt"),
      "language" = COALESCE(u."language", a."language"),
      "reviewVersion" = a."reviewVersion" + u."bump",
      "sentimentLabel" = u."sentimentLabel"::"SentimentLabel",
      "sentimentScore" = u."sentimentScore",
      "confidence" = u."confidence",
      "importance" = u."importance",
      "updatedAt" = now() AT TIME ZONE 'UTC'
    FROM jsonb_to_recordset(${JSON.stringify(articleRows)}::jsonb) AS u(
      "id" int, "reviewStatus" text, "latestAnalysisId" int, "analyzedAt" text, "language" text,
      "bump" int, "sentimentLabel" text, "sentimentScore" float8, "confidence" float8, "importance" int)
    WHERE a."id" = u."id"`;
  const articleIds = writes.map((w) => w.articleId);
  await tx.$executeRaw`DELETE FROM "ArticleCompany" WHERE "articleId" = ANY(${articleIds}::int[])`;
  await tx.$executeRaw`DELETE FROM "ArticleTopic" WHERE "articleId" = ANY(${articleIds}::int[])`;
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
        publishedAt: publishedAt.toISOString(),
      };
    });
  });
  if (companyRows.length > 0) {
    await tx.$executeRaw`
      INSERT INTO "ArticleCompany"
        ("articleId", "companyId", "relevance", "sentimentScore", "mentions", "sentences", "publishedAt")
      SELECT "articleId", "companyId", "relevance", "sentimentScore", "mentions", "sentences", "publishedAt"::timestamp(3)
      FROM jsonb_to_recordset(${JSON.stringify(companyRows)}::jsonb) AS r(
        "articleId" int, "companyId" int, "relevance" float8, "sentimentScore" float8, "mentions" int,
        "sentences" text[], "publishedAt" text)`;
  }
  const topicRows = writes.flatMap(({ articleId, publishedAt }, i) =>
    (written[i]?.topics ?? []).map((t) => ({
      articleId,
      topicId: t.topicId,
      relevance: t.relevance,
      publishedAt: publishedAt.toISOString(),
    })),
  );
  if (topicRows.length > 0) {
    await tx.$executeRaw`
      INSERT INTO "ArticleTopic" ("articleId", "topicId", "relevance", "publishedAt")
      SELECT "articleId", "topicId", "relevance", "publishedAt"::timestamp(3)
      FROM jsonb_to_recordset(${JSON.stringify(topicRows)}::jsonb) AS r(
        "articleId" int, "topicId" int, "relevance" float8, "publishedAt" text)`;
  }
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
