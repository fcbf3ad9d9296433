import { parseSavedFilter } from '@wirelens/db';
import {
  loadWatchlistScope,
  loadWatchlistScopes,
  type ArticleFilter,
  type Tx,
} from '@wirelens/db/repositories';

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

const keyOf = (target: RuleTarget) =>
  `${target.companyId}/${target.topicId}/${target.watchlistId}/${target.savedFilterId}`;

/** The filters of rules' targets, each read once and shared by the rules on that target. */
export interface TargetFilters {
  (target: RuleTarget): Promise<ArticleFilter | null>;
  /**
   * Reads the filters of every target not read yet: the lists in one statement, the saved filters
   * in another. A window pass reaches hundreds of lists; one statement per list was most of the
   * evaluating worker's statements (6,780 in a 30-second run of `bench:alerts`).
   */
  load(targets: readonly RuleTarget[]): Promise<void>;
}

/** ruleTargetFilter, read once per target: rules sharing a target (ten rules on one list) share its filter object. */
export function cachedTargetFilters(db: Tx): TargetFilters {
  const filters = new Map<string, Promise<ArticleFilter | null>>();
  const filterOf = (target: RuleTarget) => {
    const key = keyOf(target);
    let filter = filters.get(key);
    if (!filter) {
      filter = ruleTargetFilter(db, target);
      filters.set(key, filter);
    }
    return filter;
  };
  const load = async (targets: readonly RuleTarget[]) => {
    const unread = targets.filter((target) => !filters.has(keyOf(target)));
    const listIds = unread.flatMap((t) => (t.watchlistId !== null ? [t.watchlistId] : []));
    const savedIds = unread.flatMap((t) =>
      t.watchlistId === null && t.savedFilterId !== null ? [t.savedFilterId] : [],
    );
    const [scopes, saved] = await Promise.all([
      loadWatchlistScopes(db, listIds),
      savedIds.length > 0
        ? db.savedFilter.findMany({
            where: { id: { in: [...new Set(savedIds)] } },
            select: { id: true, filter: true },
          })
        : [],
    ]);
    const savedOf = new Map(saved.map((row) => [row.id, parseSavedFilter(row.filter)]));
    for (const target of unread) {
      const key = keyOf(target);
      if (filters.has(key)) continue;
      if (target.watchlistId !== null)
        filters.set(key, Promise.resolve(scopes.get(target.watchlistId)?.filter ?? null));
      else if (target.savedFilterId !== null)
        filters.set(key, Promise.resolve(savedOf.get(target.savedFilterId) ?? null));
      else filters.set(key, ruleTargetFilter(db, target));
    }
  };
  return Object.assign(filterOf, { load });
}
