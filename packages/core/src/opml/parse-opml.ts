import { isTag, type ChildNode, type Element } from 'domhandler';
import { findOne, textContent } from 'domutils';
import { decodeHTMLStrict } from 'entities';
import { parseDocument } from 'htmlparser2';

import { AppError } from '../errors/app-error.js';
import type { OpmlDocument, OpmlOutline, OpmlSkipped } from './types.js';

const MAX_OPML_DEPTH = 64;

function attribute(el: Element, name: string): string | null {
  const raw = el.attribs[name.toLowerCase()];
  const value = raw === undefined ? '' : decodeHTMLStrict(raw).replace(/\s+/g, ' ').trim();
  return value === '' ? null : value;
}

function httpUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** OPML 2.0's `category` is a comma-separated list of slash-delimited paths; the first path's last step names it. */
function categoryAttribute(el: Element): string | null {
  const first = attribute(el, 'category')?.split(',')[0];
  const step = first
    ?.split('/')
    .filter((s) => s.trim() !== '')
    .pop();
  return step?.trim() ?? null;
}

const outlinesOf = (nodes: ChildNode[]): Element[] =>
  nodes.filter((node): node is Element => isTag(node) && node.name === 'outline');

/**
 * Reads an OPML 1.0/2.0 subscription list. Folders are flattened: each feed carries the name
 * of its innermost folder as `category`. A feed outline is one with an `xmlUrl` attribute or
 * without child outlines; its `xmlUrl` is returned as written (empty when missing), for the caller
 * to check like any other feed URL. Feeds nested deeper than MAX_OPML_DEPTH folders are listed in
 * `skipped`, so no outline disappears unreported. Throws AppError INVALID_INPUT when the document
 * has no `<opml>` root.
 */
export function parseOpml(xml: string): OpmlDocument {
  const doc = parseDocument(xml.replace(/^\uFEFF/, ''), {
    xmlMode: true,
    decodeEntities: false,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
  });
  const root = findOne((el) => el.name === 'opml', doc.children);
  if (!root) throw new AppError('INVALID_INPUT', 'Not an OPML document: no <opml> element');
  const head = findOne((el) => el.name === 'head', root.children, false);
  const titleEl = head ? findOne((el) => el.name === 'title', head.children, false) : null;
  const body = findOne((el) => el.name === 'body', root.children, false);
  const outlines: OpmlOutline[] = [];
  const skipped: OpmlSkipped[] = [];
  // Depth-first in document order, without recursion: a hostile document may nest thousands deep.
  const stack = outlinesOf(body?.children ?? [])
    .reverse()
    .map((node) => ({ node, folder: null as string | null, depth: 0 }));
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const { node, folder, depth } = entry;
    const children = outlinesOf(node.children);
    const isFeed = node.attribs.xmlurl !== undefined || children.length === 0;
    const xmlUrl = attribute(node, 'xmlUrl') ?? '';
    const title = attribute(node, 'title');
    const text = attribute(node, 'text');
    if (isFeed && depth > MAX_OPML_DEPTH) {
      skipped.push({ url: xmlUrl, reason: `nested deeper than ${MAX_OPML_DEPTH} levels` });
    } else if (isFeed) {
      outlines.push({
        xmlUrl,
        htmlUrl: httpUrl(attribute(node, 'htmlUrl')),
        title,
        text,
        category: folder ?? categoryAttribute(node),
      });
    }
    // Feeds nested below a feed outline are unusual but exist; they keep the current folder.
    const inner = isFeed ? folder : (title ?? text ?? folder);
    for (const child of children.reverse()) stack.push({ node: child, folder: inner, depth: depth + 1 });
  }
  const title = titleEl ? decodeHTMLStrict(textContent(titleEl)).trim() : '';
  return { title: title === '' ? null : title, outlines, skipped };
}
