import { isTag, type ChildNode, type Element } from 'domhandler';
import { findOne, textContent } from 'domutils';
import { decodeHTMLStrict } from 'entities';
import { parseDocument } from 'htmlparser2';

import { AppError } from '../errors/app-error.js';
import type { OpmlDocument, OpmlOutline } from './types.js';

const MAX_DEPTH = 64;

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

function collect(nodes: ChildNode[], folder: string | null, out: OpmlOutline[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (const node of nodes) {
    if (!isTag(node) || node.name !== 'outline') continue;
    const xmlUrl = httpUrl(attribute(node, 'xmlUrl'));
    const title = attribute(node, 'title');
    const text = attribute(node, 'text');
    if (xmlUrl) {
      out.push({
        xmlUrl,
        htmlUrl: httpUrl(attribute(node, 'htmlUrl')),
        title,
        text,
        category: folder ?? categoryAttribute(node),
      });
    }
    // Feeds nested below a feed outline are unusual but exist; they keep the current folder.
    collect(node.children, xmlUrl ? folder : (title ?? text ?? folder), out, depth + 1);
  }
}

/**
 * Reads an OPML 1.0/2.0 subscription list. Folders are flattened: each feed carries the name
 * of its innermost folder as `category`. Outlines without an http(s) `xmlUrl` are skipped.
 * Throws AppError INVALID_INPUT when the document has no `<opml>` root.
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
  collect(body?.children ?? [], null, outlines, 0);
  const title = titleEl ? decodeHTMLStrict(textContent(titleEl)).trim() : '';
  return { title: title === '' ? null : title, outlines };
}
