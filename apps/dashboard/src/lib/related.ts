export interface Named {
  id: string;
  slug: string;
  name: string;
}

/**
 * The companies or topics that appear most often alongside the subject in its recent articles. The API has no
 * "related" field, so co-coverage is the honest signal available.
 */
export function coMentioned(
  lists: readonly (readonly Named[])[],
  excludeId: string | null,
  limit = 8,
): (Named & { count: number })[] {
  const counts = new Map<string, Named & { count: number }>();
  for (const list of lists) {
    for (const item of list) {
      if (item.id === excludeId) continue;
      const entry = counts.get(item.id) ?? { ...item, count: 0 };
      entry.count += 1;
      counts.set(item.id, entry);
    }
  }
  return [...counts.values()]
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, limit);
}
