import type { NameLookup } from '../../lib/analysisValues.js';
import { databaseId } from '../../lib/globalId.js';
import type { ReviewArticle } from './reviewDocuments.js';

/** Names for the company and topic ids found in history snapshots and conflicts (global or database ids). */
export function nameLookup(
  article: ReviewArticle,
  topics: readonly { id: string; name: string }[],
  extraCompanies: readonly { companyId: string; name: string }[] = [],
): NameLookup {
  const companies = new Map<string | number, string>();
  const add = (id: string, name: string) => {
    companies.set(id, name);
    const dbId = databaseId(id);
    if (dbId !== null) companies.set(dbId, name);
  };
  for (const item of article.companies) add(item.company.id, item.company.name);
  for (const item of extraCompanies) add(item.companyId, item.name);
  for (const correction of article.corrections) {
    const mentions = correction.analysis?.companies;
    if (!Array.isArray(mentions)) continue;
    for (const mention of mentions as { resolvedCompanyId?: unknown; name?: unknown }[]) {
      if (typeof mention.resolvedCompanyId === 'number' && typeof mention.name === 'string')
        companies.set(mention.resolvedCompanyId, mention.name);
    }
  }
  const topicNames = new Map<string | number, string>();
  for (const topic of [...topics, ...article.topics.map((t) => t.topic)]) {
    topicNames.set(topic.id, topic.name);
    const dbId = databaseId(topic.id);
    if (dbId !== null) topicNames.set(dbId, topic.name);
  }
  return {
    company: (id) => companies.get(id) ?? `Company ${String(id)}`,
    topic: (id) => topicNames.get(id) ?? `Topic ${String(id)}`,
  };
}
