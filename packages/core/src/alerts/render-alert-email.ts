import { escapeAttribute, escapeUTF8 } from 'entities';

import type { AlertFigures } from './evaluate.js';

export type AlertKindName = 'ARTICLE' | 'SENTIMENT_SHIFT' | 'ATTENTION' | 'SENTIMENT_ANOMALY';

/** One firing as an e-mail shows it: the rule, what it watches, the numbers and the articles. */
export interface EmailFiring {
  ruleId: number;
  ruleName: string;
  kind: AlertKindName;
  /** What the rule watches; a company or topic links to its chart with the window shaded. */
  target:
    | { type: 'company' | 'topic'; name: string; slug: string }
    | { type: 'watchlist' | 'filter'; name: string }
    | null;
  figures: AlertFigures;
  windowStart: Date | null;
  windowEnd: Date | null;
  firedAt: Date;
  articles: { id: number; title: string }[];
}

export interface RenderAlertEmailOptions {
  /** One firing (immediate) or a user's firings of the period (digest, oldest first). */
  firings: readonly EmailFiring[];
  /** Set for the daily digest: the 24 hours it covers. */
  digest?: { start: Date; end: Date } | null;
  /** WIRELENS_PUBLIC_URL without a trailing slash. */
  publicUrl: string;
  /** Signs an unsubscribe token for these rules (core/email signUnsubscribeToken with the server secret). */
  tokenFor: (ruleIds: number[]) => string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  /** RFC 8058 one-click target (POST), for List-Unsubscribe: every rule in the message. */
  oneClickUnsubscribeUrl: string;
}

const KIND_NAMES: Record<AlertKindName, string> = {
  ARTICLE: 'article',
  SENTIMENT_SHIFT: 'sentiment shift',
  ATTENTION: 'abnormal attention',
  SENTIMENT_ANOMALY: 'sentiment anomaly',
};

/** Pothos' relay ids, which the dashboard's article route takes: base64 of `Article:<id>`. */
const articleGlobalId = (id: number) => Buffer.from(`Article:${id}`).toString('base64');

/** Header fields hold no line breaks; titles come from feeds. */
const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();

function figuresText(figures: AlertFigures): string {
  return Object.entries(figures)
    .filter(([, value]) => value !== null)
    .map(([name, value]) => `${name} ${String(value)}`)
    .join(' · ');
}

interface Link {
  label: string;
  url: string;
}

/** The article for an article rule; a company's or topic's chart with the window as the period otherwise. */
function linksOf(firing: EmailFiring, publicUrl: string): Link[] {
  const articleLinks = firing.articles.map((article) => ({
    label: article.title,
    url: `${publicUrl}/articles/${encodeURIComponent(articleGlobalId(article.id))}`,
  }));
  const target = firing.target;
  if (firing.kind === 'ARTICLE' || !target || !('slug' in target)) return articleLinks;
  const period =
    firing.windowStart && firing.windowEnd
      ? `?${new URLSearchParams({ from: firing.windowStart.toISOString(), to: firing.windowEnd.toISOString() }).toString()}`
      : '';
  const path = target.type === 'company' ? 'companies' : 'topics';
  const chart = {
    label: `${target.name} chart`,
    url: `${publicUrl}/${path}/${encodeURIComponent(target.slug)}${period}`,
  };
  return [chart, ...articleLinks];
}

/** "Sentiment shift on ACME" / "Bearish news on ACME: <title>": what fired, for subject and headings. */
function headlineOf(firing: EmailFiring): string {
  const about = firing.target ? ` on ${firing.target.name}` : '';
  if (firing.kind === 'ARTICLE') {
    const title = firing.articles[0]?.title;
    return oneLine(`${firing.ruleName}${about}${title ? `: ${title}` : ''}`);
  }
  return oneLine(`${firing.ruleName}: ${KIND_NAMES[firing.kind]}${about}`);
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The alert e-mail: a subject saying what fired, a plain-text and an HTML part (every rule, target
 * and article text escaped), absolute links to the article or the chart with the period, and an
 * unsubscribe link per rule plus one for the whole message (List-Unsubscribe).
 */
export function renderAlertEmail({
  firings,
  digest = null,
  publicUrl,
  tokenFor,
}: RenderAlertEmailOptions): RenderedEmail {
  const ruleIds = [...new Set(firings.map((firing) => firing.ruleId))];
  const pageUnsubscribe = (ids: number[]) =>
    `${publicUrl}/unsubscribe?${new URLSearchParams({ token: tokenFor(ids) }).toString()}`;
  const first = firings[0];
  const subject = oneLine(
    digest
      ? `[Wirelens] Daily digest for ${day(digest.end)}: ${firings.length} alert${firings.length === 1 ? '' : 's'}`
      : `[Wirelens] ${first ? headlineOf(first) : 'Alert'}`,
  );
  const intro = digest
    ? `Your alerts from ${digest.start.toISOString()} to ${digest.end.toISOString()} (UTC).`
    : 'An alert rule of yours fired.';

  const sections = firings.map((firing) => ({
    firing,
    headline: headlineOf(firing),
    figures: figuresText(firing.figures),
    links: linksOf(firing, publicUrl),
    unsubscribe: pageUnsubscribe([firing.ruleId]),
  }));

  const text = [
    intro,
    '',
    ...sections.flatMap(({ firing, headline, figures, links, unsubscribe }) => [
      `* ${headline}`,
      `  Fired ${firing.firedAt.toISOString()}${figures ? ` — ${figures}` : ''}`,
      ...links.map((link) => `  ${oneLine(link.label)}: ${link.url}`),
      `  Stop e-mails for "${oneLine(firing.ruleName)}": ${unsubscribe}`,
      '',
    ]),
    `Notifications: ${publicUrl}/notifications`,
    ruleIds.length > 1 ? `Stop e-mails for all rules in this message: ${pageUnsubscribe(ruleIds)}` : '',
  ]
    .join('\n')
    .trimEnd();

  const a = (link: Link) => `<a href="${escapeAttribute(link.url)}">${escapeUTF8(link.label)}</a>`;
  const html = [
    '<!doctype html>',
    `<html><head><meta charset="utf-8"><title>${escapeUTF8(subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.4">',
    `<p>${escapeUTF8(intro)}</p>`,
    ...sections.map(
      ({ firing, headline, figures, links, unsubscribe }) =>
        `<div style="margin: 1em 0"><h3 style="margin: 0">${escapeUTF8(headline)}</h3>` +
        `<p style="margin: 0.25em 0">Fired ${escapeUTF8(firing.firedAt.toISOString())}${figures ? ` — ${escapeUTF8(figures)}` : ''}</p>` +
        (links.length > 0 ? `<ul>${links.map((link) => `<li>${a(link)}</li>`).join('')}</ul>` : '') +
        `<p style="font-size: small">${a({ label: `Stop e-mails for “${firing.ruleName}”`, url: unsubscribe })}</p></div>`,
    ),
    `<p>${a({ label: 'All notifications', url: `${publicUrl}/notifications` })}</p>`,
    ruleIds.length > 1
      ? `<p style="font-size: small">${a({ label: 'Stop e-mails for all rules in this message', url: pageUnsubscribe(ruleIds) })}</p>`
      : '',
    '</body></html>',
  ].join('\n');

  return {
    subject,
    text,
    html,
    oneClickUnsubscribeUrl: `${publicUrl}/email/unsubscribe?${new URLSearchParams({ token: tokenFor(ruleIds) }).toString()}`,
  };
}
