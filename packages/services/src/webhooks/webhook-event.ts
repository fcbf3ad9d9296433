import type { WebhookEvent, WebhookEventType } from '@wirelens/core/webhooks';
import { parseAlertFigures, type DbClient } from '@wirelens/db';

interface DeliveryRow {
  id: number;
  firingId: number | null;
  eventType: string;
  idempotencyKey: string;
  createdAt: Date;
}

const targetSelect = { select: { id: true, name: true } } as const;

/** What the rule watches, named for people. */
function subjectOf(rule: {
  company: { id: number; name: string } | null;
  topic: { id: number; name: string } | null;
  watchlist: { id: number; name: string } | null;
  savedFilter: { id: number; name: string } | null;
}): WebhookEvent['subject'] {
  const [type, target] =
    (
      [
        ['company', rule.company],
        ['topic', rule.topic],
        ['watchlist', rule.watchlist],
        ['savedFilter', rule.savedFilter],
      ] as const
    ).find(([, value]) => value !== null) ?? [];
  return type && target ? { type, id: target.id, name: target.name } : null;
}

/**
 * The events deliveries carry, read from their firings (links absolute under `publicUrl`), in the
 * order given: a batch of deliveries costs two statements (their firings with rules, then every
 * article they name), not two per delivery.
 */
export async function webhookEventsOf(
  db: DbClient,
  deliveries: readonly DeliveryRow[],
  publicUrl: string,
): Promise<WebhookEvent[]> {
  const firingIds = [...new Set(deliveries.flatMap((d) => (d.firingId === null ? [] : [d.firingId])))];
  const firings =
    firingIds.length === 0
      ? []
      : await db.alertFiring.findMany({
          where: { id: { in: firingIds } },
          include: {
            rule: {
              select: {
                id: true,
                name: true,
                kind: true,
                company: targetSelect,
                topic: targetSelect,
                watchlist: targetSelect,
                savedFilter: targetSelect,
              },
            },
          },
        });
  const firingById = new Map(firings.map((f) => [f.id, f]));
  const articleIds = [...new Set(firings.flatMap((f) => f.articleIds))];
  const articles =
    articleIds.length === 0
      ? []
      : await db.article.findMany({
          where: { id: { in: articleIds } },
          select: { id: true, title: true, url: true },
        });
  const articleById = new Map(articles.map((a) => [a.id, a]));
  return deliveries.map((delivery) => {
    const base = {
      type: delivery.eventType as WebhookEventType,
      id: delivery.idempotencyKey,
      deliveryId: delivery.id,
      firingId: delivery.firingId,
      url: `${publicUrl}/notifications`,
    };
    const firing = delivery.firingId === null ? undefined : firingById.get(delivery.firingId);
    if (!firing) {
      return {
        ...base,
        firedAt: delivery.createdAt.toISOString(),
        rule: null,
        subject: null,
        figures: {},
        window: null,
        articles: [],
      };
    }
    return {
      ...base,
      firedAt: firing.firedAt.toISOString(),
      rule: { id: firing.rule.id, name: firing.rule.name, kind: firing.rule.kind },
      subject: subjectOf(firing.rule),
      figures: parseAlertFigures(firing.figures),
      window:
        firing.windowStart && firing.windowEnd
          ? { start: firing.windowStart.toISOString(), end: firing.windowEnd.toISOString() }
          : null,
      // In the firing's order (the most important first).
      articles: firing.articleIds.flatMap((id) => {
        const a = articleById.get(id);
        return a
          ? [{ id: a.id, title: a.title, url: `${publicUrl}/articles/${a.id}`, sourceUrl: a.url }]
          : [];
      }),
    };
  });
}
