import { AppError } from '../errors/app-error.js';
import type { DemoContent } from './demo-content.js';

export interface BuildDemoFeedOptions {
  content: DemoContent;
  sourceKey: string;
  /** Origin the app is served from, e.g. http://127.0.0.1:4000. */
  baseUrl: string;
  /** Articles are dated relative to this instant, so the demo always looks recent. */
  now: Date;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Text inside HTML elements only needs &, < and > escaped. */
function escapeHtmlText(text: string): string {
  return text.replace(/[<>&]/g, (char) => `&#${char.charCodeAt(0)};`);
}

function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/** Publication time of a demo article: `hoursAgo` before `now`, truncated to the minute (stable across polls). */
export function demoPublishedAt(hoursAgo: number, now: Date): Date {
  const minute = 60_000;
  return new Date(Math.floor((now.getTime() - hoursAgo * 3_600_000) / minute) * minute);
}

export function demoFeedPath(sourceKey: string): string {
  return `/demo/feeds/${sourceKey}.xml`;
}

export function demoArticlePath(articleKey: string): string {
  return `/demo/articles/${articleKey}`;
}

/**
 * An RSS 2.0 document for one demo source, with the full text in
 * `content:encoded` and every article labelled as demo content.
 */
export function buildDemoFeed({ content, sourceKey, baseUrl, now }: BuildDemoFeedOptions): string {
  const source = content.sources.find((s) => s.key === sourceKey);
  if (!source) throw new AppError('NOT_FOUND', `No demo source "${sourceKey}"`);
  const origin = baseUrl.replace(/\/+$/, '');
  const items = content.articles
    .filter((article) => article.source === sourceKey)
    .map((article) => ({ article, publishedAt: demoPublishedAt(article.hoursAgo, now) }))
    // Only what has "happened" by now; newest first, like a real feed.
    .filter(({ publishedAt }) => publishedAt.getTime() <= now.getTime())
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime())
    .map(({ article, publishedAt }) => {
      const link = `${origin}${demoArticlePath(article.key)}`;
      const html = [
        ...article.body.map((paragraph) => `<p>${escapeHtmlText(paragraph)}</p>`),
        `<p><em>${escapeHtmlText(content.notice)}</em></p>`,
      ].join('');
      return [
        '    <item>',
        `      <title>${escapeXml(article.title)}</title>`,
        `      <link>${escapeXml(link)}</link>`,
        `      <guid isPermaLink="false">wirelens-demo:${article.key}</guid>`,
        `      <pubDate>${publishedAt.toUTCString()}</pubDate>`,
        `      <dc:creator>${escapeXml(article.author)}</dc:creator>`,
        ...article.topics.map((topic) => `      <category>${escapeXml(topic)}</category>`),
        `      <description>${escapeXml(article.teaser)}</description>`,
        `      <content:encoded>${cdata(html)}</content:encoded>`,
        '    </item>',
      ].join('\n');
    });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '  <channel>',
    `    <title>${escapeXml(source.title)}</title>`,
    `    <link>${escapeXml(`${origin}/`)}</link>`,
    `    <description>${escapeXml(`${source.description} ${content.notice}`)}</description>`,
    `    <language>${escapeXml(source.language)}</language>`,
    `    <lastBuildDate>${now.toUTCString()}</lastBuildDate>`,
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}

/** A plain HTML page for one demo article (the item's link), for people who click "Read original". */
export function buildDemoArticlePage({
  content,
  articleKey,
  now,
}: {
  content: DemoContent;
  articleKey: string;
  now: Date;
}): string {
  const article = content.articles.find((a) => a.key === articleKey);
  if (!article) throw new AppError('NOT_FOUND', `No demo article "${articleKey}"`);
  const source = content.sources.find((s) => s.key === article.source);
  const published = demoPublishedAt(article.hoursAgo, now);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeXml(article.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5">
<p style="background:#fff3cd;padding:.5rem .75rem;border-radius:6px"><strong>Demo content.</strong> ${escapeXml(content.notice)}</p>
<article>
<h1>${escapeXml(article.title)}</h1>
<p>${escapeXml(source?.title ?? '')} · ${escapeXml(article.author)} · <time datetime="${published.toISOString()}">${published.toUTCString()}</time></p>
${article.body.map((paragraph) => `<p>${escapeXml(paragraph)}</p>`).join('\n')}
</article>
</body></html>
`;
}
