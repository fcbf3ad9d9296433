/** The channel the `live_event_notify` trigger announces stored analyses and new notifications on. */
export const LIVE_EVENTS_CHANNEL = 'wirelens_live';

/** One announcement: an article was (re-)analysed, or a notification was recorded. */
export type LiveEvent =
  | { kind: 'article'; articleId: number; analysisId: number }
  | { kind: 'notification'; notificationId: number };

/**
 * `a:<articleId>:<analysisId>` / `n:<notificationId>` (see the live_events and live_delivery_robustness
 * migrations); null for anything else.
 */
export function parseLiveEvent(payload: string): LiveEvent | null {
  const article = /^a:(\d{1,10}):(\d{1,10})$/.exec(payload);
  if (article) return { kind: 'article', articleId: Number(article[1]), analysisId: Number(article[2]) };
  const notification = /^n:(\d{1,10})$/.exec(payload);
  return notification ? { kind: 'notification', notificationId: Number(notification[1]) } : null;
}
