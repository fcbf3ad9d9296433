import { isTag, isText, type ChildNode, type Element } from 'domhandler';
import { escapeAttribute, escapeText } from 'entities';
import { parseDocument } from 'htmlparser2';

export interface SanitizeHtmlOptions {
  /** Relative links and images resolve against this URL; without it they are dropped. */
  baseUrl?: string | null;
}

const noAttributes = [
  'p br hr h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote pre code figure figcaption',
  'em strong b i u s del ins sub sup small mark cite q time',
  'table caption thead tbody tfoot tr',
].flatMap((line) => line.split(' '));

/** Elements kept, each with the only attributes it may keep; h1 becomes h2 so articles keep one page title. */
const allowedAttributes = new Map<string, readonly string[]>([
  ...noAttributes.map((name) => [name, []] as const),
  ['abbr', ['title']],
  ['th', ['colspan', 'rowspan']],
  ['td', ['colspan', 'rowspan']],
  ['a', ['href', 'title']],
  ['img', ['src', 'alt', 'width', 'height', 'title']],
]);

const renamed = new Map([['h1', 'h2']]);

/** Elements removed together with everything inside them. */
const dropped = new Set(
  [
    'script style noscript template iframe frame frameset object embed applet noembed noframes portal slot',
    'svg math canvas audio video source track param',
    'form input button select textarea option optgroup datalist output dialog',
    'base meta link title head xmp plaintext marquee',
  ].flatMap((line) => line.split(' ')),
);

const voidElements = new Set(['br', 'hr', 'img']);
const numericAttributes = new Set(['width', 'height', 'colspan', 'rowspan']);
const MAX_DEPTH = 256;

function safeUrl(value: string, baseUrl: string | null, schemes: readonly string[]): string | null {
  try {
    // WHATWG parsing strips the tabs/newlines and leading control characters browsers ignore, so
    // `java\nscript:` and `&#x20;javascript:` are judged by the scheme a browser would see.
    const url = baseUrl ? new URL(value, baseUrl) : new URL(value);
    return schemes.includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function renderAttributes(el: Element, name: string, baseUrl: string | null): string | null {
  let out = '';
  for (const attribute of allowedAttributes.get(name) ?? []) {
    const raw = el.attribs[attribute];
    if (raw === undefined) continue;
    let value: string | null = raw;
    if (attribute === 'href') value = safeUrl(raw, baseUrl, ['http:', 'https:']);
    else if (attribute === 'src') value = safeUrl(raw, baseUrl, ['https:']);
    else if (numericAttributes.has(attribute)) value = /^\s*\d{1,5}\s*$/.test(raw) ? raw.trim() : null;
    if (value !== null) out += ` ${attribute}="${escapeAttribute(value)}"`;
  }
  if (name === 'a') {
    if (!out.includes(' href="')) return null;
    out += ' rel="noopener noreferrer nofollow" target="_blank"';
  }
  if (name === 'img' && !out.includes(' src="')) return null;
  return out;
}

function render(nodes: ChildNode[], baseUrl: string | null, depth: number): string {
  if (depth > MAX_DEPTH) return '';
  let out = '';
  for (const node of nodes) {
    if (isText(node)) {
      out += escapeText(node.data);
      continue;
    }
    // Comments, CDATA, doctypes and processing instructions are never kept.
    if (!isTag(node)) continue;
    const source = node.name.toLowerCase();
    if (dropped.has(source) || source.includes(':')) continue;
    const name = renamed.get(source) ?? source;
    const attributes = allowedAttributes.has(name) ? renderAttributes(node, name, baseUrl) : null;
    const inner = voidElements.has(name) ? '' : render(node.children, baseUrl, depth + 1);
    if (attributes === null) {
      // Unknown wrappers (div, span, font, a without a safe href…) give way to their content.
      if (name !== 'img') out += inner;
      continue;
    }
    out += voidElements.has(name) ? `<${name}${attributes}>` : `<${name}${attributes}>${inner}</${name}>`;
  }
  return out;
}

/**
 * Allow-list HTML sanitiser for feed and article content. Output is rebuilt from the parsed tree,
 * so only listed elements and attributes survive, text is re-escaped, links are http(s) only and
 * open in a new tab without referrer, images are https only.
 */
export function sanitizeHtml(html: string, { baseUrl = null }: SanitizeHtmlOptions = {}): string {
  const base = baseUrl && safeUrl(baseUrl, null, ['http:', 'https:']);
  return render(parseDocument(html, { decodeEntities: true }).children, base ?? null, 0).trim();
}
