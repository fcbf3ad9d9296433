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

/** The event a delivery carries, read from its firing (links absolute under `publicUrl`). */
export async function webhookEventOf(
  db: DbClient,
  delivery: DeliveryRow,
  publicUrl: string,
): Promise<WebhookEvent> {
  const base = {
    type: delivery.eventType as WebhookEventType,
    id: delivery.idempotencyKey,
    deliveryId: delivery.id,
    firingId: delivery.firingId,
    url: `${publicUrl}/notifications`,
  };
  const firing =
    delivery.firingId === null
      ? null
      : await db.alertFiring.findUnique({
          where: { id: delivery.firingId },
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
  const articles = await db.article.findMany({
    where: { id: { in: firing.articleIds } },
    select: { id: true, title: true, url: true },
  });
  const order = new Map(firing.articleIds.map((id, i) => [id, i]));
  articles.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
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
    articles: articles.map((a) => ({
      id: a.id,
      title: a.title,
      url: `${publicUrl}/articles/${a.id}`,
      sourceUrl: a.url,
    })),
  };
}
