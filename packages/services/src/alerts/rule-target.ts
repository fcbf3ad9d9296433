import { parseSavedFilter } from '@wirelens/db';
import { loadWatchlistScope, type ArticleFilter, type Tx } from '@wirelens/db/repositories';

/** The target columns of a rule: exactly one is set. */
export interface RuleTarget {
  watchlistId: number | null;
  companyId: number | null;
  topicId: number | null;
  savedFilterId: number | null;
}

/** What a rule watches, as a feed filter; null when its target is gone. */
export async function ruleTargetFilter(db: Tx, target: RuleTarget): Promise<ArticleFilter | null> {
  if (target.companyId !== null) return { companyIds: [target.companyId] };
  if (target.topicId !== null) return { topicIds: [target.topicId] };
  if (target.watchlistId !== null) return (await loadWatchlistScope(db, target.watchlistId))?.filter ?? null;
  if (target.savedFilterId !== null) {
    const saved = await db.savedFilter.findUnique({
      where: { id: target.savedFilterId },
      select: { filter: true },
    });
    return saved ? parseSavedFilter(saved.filter) : null;
  }
  return null;
}

/** ruleTargetFilter, read once per target: rules sharing a target (ten rules on one list) share its filter object. */
export function cachedTargetFilters(db: Tx): (target: RuleTarget) => Promise<ArticleFilter | null> {
  const filters = new Map<string, Promise<ArticleFilter | null>>();
  return (target) => {
    const key = `${target.companyId}/${target.topicId}/${target.watchlistId}/${target.savedFilterId}`;
    let filter = filters.get(key);
    if (!filter) {
      filter = ruleTargetFilter(db, target);
      filters.set(key, filter);
    }
    return filter;
  };
}
