import type { EmailFiring } from '@wirelens/core/alerts';
import type { DbClient, Prisma } from '@wirelens/db';

const firingSelect = {
  id: true,
  kind: true,
  figures: true,
  articleIds: true,
  windowStart: true,
  windowEnd: true,
  firedAt: true,
  rule: {
    select: {
      id: true,
      name: true,
      ownerId: true,
      emailMode: true,
      company: { select: { name: true, slug: true } },
      topic: { select: { name: true, slug: true } },
      watchlist: { select: { name: true } },
      savedFilter: { select: { name: true } },
    },
  },
} as const;

/** Firings (oldest first) with what an e-mail shows: rule, target, figures and article titles. */
export async function loadEmailFirings(
  db: DbClient,
  where: Prisma.AlertFiringWhereInput,
): Promise<(EmailFiring & { id: number; ownerId: number; emailMode: string })[]> {
  const firings = await db.alertFiring.findMany({
    where,
    select: firingSelect,
    orderBy: [{ firedAt: 'asc' }, { id: 'asc' }],
  });
  const articleIds = [...new Set(firings.flatMap((firing) => firing.articleIds))];
  const articles = await db.article.findMany({
    where: { id: { in: articleIds } },
    select: { id: true, title: true },
  });
  const titles = new Map(articles.map((article) => [article.id, article.title]));
  return firings.map(({ rule, ...firing }) => ({
    id: firing.id,
    ownerId: rule.ownerId,
    emailMode: rule.emailMode,
    ruleId: rule.id,
    ruleName: rule.name,
    kind: firing.kind,
    target: rule.company
      ? { type: 'company', ...rule.company }
      : rule.topic
        ? { type: 'topic', ...rule.topic }
        : rule.watchlist
          ? { type: 'watchlist', name: rule.watchlist.name }
          : rule.savedFilter
            ? { type: 'filter', name: rule.savedFilter.name }
            : null,
    figures: firing.figures as EmailFiring['figures'],
    windowStart: firing.windowStart,
    windowEnd: firing.windowEnd,
    firedAt: firing.firedAt,
    // An article deleted since (retention keeps rows; an admin delete does not) is left out.
    articles: firing.articleIds.flatMap((id) => {
      const title = titles.get(id);
      return title === undefined ? [] : [{ id, title }];
    }),
  }));
}
