import { parseSavedFilter } from '@wirelens/db';
import { loadWatchlistScopes, type ArticleFilter, type Tx } from '@wirelens/db/repositories';

/** The target columns of a rule: exactly one is set. */
export interface RuleTarget {
  watchlistId: number | null;
  companyId: number | null;
  topicId: number | null;
  savedFilterId: number | null;
}

/**
 * What each rule watches, as a feed filter (null when its target is gone), in the order given: the
 * lists in one statement, the saved filters in another, whatever the number of targets.
 */
async function readTargetFilters(db: Tx, targets: readonly RuleTarget[]): Promise<(ArticleFilter | null)[]> {
  const listIds = targets.flatMap((t) => (t.watchlistId !== null ? [t.watchlistId] : []));
  const savedIds = targets.flatMap((t) => (t.savedFilterId !== null ? [t.savedFilterId] : []));
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
  return targets.map((target) => {
    if (target.companyId !== null) return { companyIds: [target.companyId] };
    if (target.topicId !== null) return { topicIds: [target.topicId] };
    if (target.watchlistId !== null) return scopes.get(target.watchlistId)?.filter ?? null;
    if (target.savedFilterId !== null) return savedOf.get(target.savedFilterId) ?? null;
    return null;
  });
}

const keyOf = (target: RuleTarget) =>
  `${target.companyId}/${target.topicId}/${target.watchlistId}/${target.savedFilterId}`;

/** The filters of rules' targets, each read once and shared by the rules on that target. */
export interface TargetFilters {
  (target: RuleTarget): Promise<ArticleFilter | null>;
  /**
   * Reads the filters of every target not read yet, in one `readTargetFilters`. A window pass
   * reaches hundreds of lists; one statement per list was most of the evaluating worker's
   * statements (6,780 in a 30-second run of `bench:alerts`).
   */
  load(targets: readonly RuleTarget[]): Promise<void>;
}

/** Target filters read once per target: rules sharing a target (ten rules on one list) share its filter object. */
export function cachedTargetFilters(db: Tx): TargetFilters {
  const filters = new Map<string, Promise<ArticleFilter | null>>();
  const load = async (targets: readonly RuleTarget[]) => {
    const unread = new Map<string, RuleTarget>();
    for (const target of targets) if (!filters.has(keyOf(target))) unread.set(keyOf(target), target);
    if (unread.size === 0) return;
    const read = readTargetFilters(db, [...unread.values()]);
    [...unread.keys()].forEach((key, i) => {
      const filter = read.then((found) => found[i] ?? null);
      // A failed read rejects for whoever awaits the filter (and this load); unawaited ones stay quiet.
      filter.catch(() => undefined);
      filters.set(key, filter);
    });
    await read;
  };
  const filterOf = (target: RuleTarget) => {
    void load([target]).catch(() => undefined);
    return filters.get(keyOf(target)) as Promise<ArticleFilter | null>;
  };
  return Object.assign(filterOf, { load });
}
