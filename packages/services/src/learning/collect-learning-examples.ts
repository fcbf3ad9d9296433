import { labelForScore, type AnalyzeInput } from '@wirelens/core/analysis';
import type { CorrectedExample, LearningExample } from '@wirelens/core/learning';
import { overlayCorrections } from '@wirelens/core/review';
import { parseCorrectionValues, parseStoredMentions, type DbClient } from '@wirelens/db';
import { aiValuesOf } from '@wirelens/db/repositories';

/** What every article an editor approved or corrected teaches, for training and for LLM prompts. */
export interface CollectedExamples {
  examples: LearningExample[];
  /** The same articles in the words a prompt shows. */
  corrected: CorrectedExample[];
  /** The newest correction read (0 when there is none). */
  lastCorrectionId: number;
}

/**
 * Reads each article's latest editor decision. An approval confirms every field; a correction
 * teaches only the fields the editor set (the others may simply not have been looked at, and
 * counting them would fill the examples with the analyzer agreeing with itself). Companies the
 * analyzer matched and the editor's companies leave out are removals. Articles whose latest
 * decision is a rejection or a reopening teach nothing.
 */
export async function collectLearningExamples({ db }: { db: DbClient }): Promise<CollectedExamples> {
  const latest = await db.correction.findMany({
    distinct: ['articleId'],
    orderBy: [{ articleId: 'asc' }, { version: 'desc' }],
    select: {
      id: true,
      action: true,
      values: true,
      analysis: true,
      article: { select: { title: true, contentText: true, excerpt: true } },
    },
  });
  // By the primary key (Prisma's `aggregate({ _max })` scans the whole table).
  const lastCorrectionId =
    (await db.correction.findFirst({ select: { id: true }, orderBy: { id: 'desc' } }))?.id ?? 0;
  const topics = await db.topic.findMany({ select: { id: true, slug: true } });
  const slugOf = new Map(topics.map((topic) => [topic.id, topic.slug]));
  const companies = await db.company.findMany({ select: { id: true, name: true } });
  const nameOf = new Map(companies.map((company) => [company.id, company.name]));

  const examples: LearningExample[] = [];
  const corrected: CorrectedExample[] = [];
  for (const row of latest) {
    if ((row.action !== 'CORRECT' && row.action !== 'APPROVE') || row.analysis === null) continue;
    const values = parseCorrectionValues(row.values);
    const effective = overlayCorrections(aiValuesOf(row.analysis), values);
    const taught = (field: 'sentimentScore' | 'companies' | 'topics') =>
      row.action === 'APPROVE' || values[field] !== undefined;
    const kept = new Set(effective.companies.map((company) => company.companyId));
    const removed = parseStoredMentions(row.analysis.companies).flatMap((mention) =>
      mention.resolvedCompanyId !== null && !kept.has(mention.resolvedCompanyId)
        ? [String(mention.resolvedCompanyId)]
        : [],
    );
    const topicSlugs = effective.topics.flatMap((topic) => slugOf.get(topic.topicId) ?? []);
    const input: AnalyzeInput = {
      title: row.article.title,
      text: row.article.contentText ?? row.article.excerpt ?? '',
    };
    examples.push({
      input,
      sentimentScore: taught('sentimentScore') ? effective.sentimentScore : undefined,
      ...(taught('companies') && {
        companies: effective.companies.map((company) => ({
          companyId: String(company.companyId),
          sentimentScore: company.sentimentScore,
        })),
        removedCompanyIds: [...new Set(removed)],
      }),
      topics: taught('topics') ? topicSlugs : undefined,
    });
    corrected.push({
      title: input.title,
      text: input.text.slice(0, 600),
      sentimentLabel: labelForScore(effective.sentimentScore),
      sentimentScore: effective.sentimentScore,
      companies: effective.companies.flatMap((company) => nameOf.get(company.companyId) ?? []),
      topics: topicSlugs,
    });
  }
  return { examples, corrected, lastCorrectionId };
}
