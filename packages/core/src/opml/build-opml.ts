import { encodeXML } from 'entities';

import type { OpmlSource } from './types.js';

/** Characters XML 1.0 forbids even when escaped. */
const invalidXmlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g; // eslint-disable-line no-control-regex

function xml(value: string): string {
  return encodeXML(value.replace(invalidXmlChars, ''));
}

function outline(source: OpmlSource, indent: string): string {
  const name = source.title?.trim() || source.xmlUrl;
  const attributes = [
    `type="rss"`,
    `text="${xml(name)}"`,
    `title="${xml(name)}"`,
    `xmlUrl="${xml(source.xmlUrl)}"`,
  ];
  if (source.htmlUrl) attributes.push(`htmlUrl="${xml(source.htmlUrl)}"`);
  return `${indent}<outline ${attributes.join(' ')}/>`;
}

/**
 * Writes an OPML 2.0 subscription list; sources with a category are grouped in one folder
 * outline per category (in first-seen order), the rest follow at the top level.
 */
export function buildOpml({
  title,
  sources,
  dateCreated = new Date(),
}: {
  title: string;
  sources: readonly OpmlSource[];
  dateCreated?: Date;
}): string {
  const folders = new Map<string, OpmlSource[]>();
  const loose: OpmlSource[] = [];
  for (const source of sources) {
    const category = source.category?.trim();
    if (!category) {
      loose.push(source);
      continue;
    }
    const folder = folders.get(category) ?? [];
    folder.push(source);
    folders.set(category, folder);
  }
  const body: string[] = [];
  for (const [category, members] of folders) {
    body.push(`    <outline text="${xml(category)}" title="${xml(category)}">`);
    for (const member of members) body.push(outline(member, '      '));
    body.push('    </outline>');
  }
  for (const source of loose) body.push(outline(source, '    '));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${xml(title)}</title>`,
    `    <dateCreated>${dateCreated.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...body,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
