import { isTag, isText, type ChildNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';

import { cleanText } from './clean-text.js';

const skipped = new Set(
  'script style noscript template head title iframe object embed svg math canvas select button textarea form'.split(
    ' ',
  ),
);

const blocks = new Set(
  [
    'p div section article aside header footer main nav blockquote pre address details summary fieldset',
    'h1 h2 h3 h4 h5 h6 ul ol dl dt dd table tr caption figure figcaption hr',
  ].flatMap((line) => line.split(' ')),
);

const MAX_DEPTH = 512;

/**
 * Breaks are marked with private-use sentinels while whitespace is collapsed, then turned into
 * newlines; any sentinel characters already in the input are removed first.
 */
const PARAGRAPH = '\ue000';
const LINE = '\ue001';

function walk(nodes: ChildNode[], out: string[], depth: number, inPre: boolean): void {
  if (depth > MAX_DEPTH) return;
  for (const node of nodes) {
    if (isText(node)) {
      const data = cleanText(node.data.replace(/[\ue000\ue001]/g, ''));
      out.push(inPre ? data.replace(/\n/g, LINE) : data);
    } else if (isTag(node)) {
      const name = node.name;
      if (skipped.has(name)) continue;
      if (name === 'br') {
        out.push(LINE);
        continue;
      }
      if (name === 'li') {
        out.push(LINE, '- ');
        walk(node.children, out, depth + 1, inPre);
        out.push(LINE);
        continue;
      }
      if (name === 'td' || name === 'th') {
        out.push(' ');
        walk(node.children, out, depth + 1, inPre);
        out.push(' ');
        continue;
      }
      const block = blocks.has(name);
      if (block) out.push(PARAGRAPH);
      walk(node.children, out, depth + 1, inPre || name === 'pre');
      if (block) out.push(PARAGRAPH);
    }
  }
}

/**
 * Readable plain text from HTML: entities decoded, scripts/styles dropped, blocks separated by a
 * blank line, `<br>` and list items on their own lines, other whitespace collapsed.
 */
export function htmlToText(html: string): string {
  const out: string[] = [];
  walk(parseDocument(html, { decodeEntities: true }).children, out, 0, false);
  return out
    .join('')
    .replace(/\s+/g, ' ')
    .replace(/ ?([\ue000\ue001] ?)+/g, (run) => (run.includes(PARAGRAPH) ? '\n\n' : '\n'))
    .trim();
}
