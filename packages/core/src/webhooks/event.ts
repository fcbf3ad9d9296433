/** `alert.fired` for a firing, `test` for the "send test event" button. */
export type WebhookEventType = 'alert.fired' | 'test';

/** The JSON body of a delivery in the JSON format (the README shows an example). */
export interface WebhookEvent {
  type: WebhookEventType;
  /** The delivery's idempotency key: the same on every attempt, so receivers can drop repeats. */
  id: string;
  deliveryId: number;
  firingId: number | null;
  firedAt: string;
  rule: { id: number; name: string; kind: string } | null;
  /** What the rule watches: `{ type: 'company' | 'topic' | 'watchlist' | 'savedFilter', id, name }`. */
  subject: { type: string; id: number; name: string } | null;
  /** The numbers that crossed (the firing's figures). */
  figures: Record<string, number | string | null>;
  window: { start: string; end: string } | null;
  articles: { id: number; title: string; url: string; sourceUrl: string }[];
  /** The firing in the dashboard (the notifications page). */
  url: string;
}

function describeFigures(figures: WebhookEvent['figures']): string {
  return Object.entries(figures)
    .filter(([, value]) => value !== null)
    .map(([name, value]) => `${name} ${String(value)}`)
    .join(' · ');
}

/** Slack's mrkdwn link; `<`, `>` and `&` are the only characters it needs escaped. */
function slackLink(url: string, text: string): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<${escape(url)}|${escape(text)}>`;
}

/**
 * The same event as a Slack (and Mattermost) incoming-webhook message: `text` for notifications
 * and clients without blocks, `blocks` for the layout.
 */
export function slackMessageOf(event: WebhookEvent): { text: string; blocks: object[] } {
  const title =
    event.type === 'test'
      ? 'Wirelens test event: this endpoint receives alerts.'
      : `Alert "${event.rule?.name ?? 'rule'}" fired${event.subject ? ` on ${event.subject.name}` : ''}`;
  const figures = describeFigures(event.figures);
  const lines = event.articles.map((a) => `• ${slackLink(a.url, a.title)}`);
  const blocks: object[] = [{ type: 'section', text: { type: 'mrkdwn', text: `*${title}*` } }];
  if (figures) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: figures }] });
  if (lines.length > 0) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } });
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: slackLink(event.url, 'Open in Wirelens') }],
  });
  return { text: figures ? `${title} (${figures})` : title, blocks };
}
