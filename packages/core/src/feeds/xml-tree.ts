import render from 'dom-serializer';
import { isCDATA, isTag, isText, type ChildNode, type Element } from 'domhandler';
import { decodeHTMLStrict } from 'entities';
import { parseDocument } from 'htmlparser2';

export const NS = {
  atom: 'http://www.w3.org/2005/atom',
  atom03: 'http://purl.org/atom/ns',
  rss1: 'http://purl.org/rss/1.0',
  rss09: 'http://my.netscape.com/rdf/simple/0.9',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns',
  dc: 'http://purl.org/dc/elements/1.1',
  dcterms: 'http://purl.org/dc/terms',
  content: 'http://purl.org/rss/1.0/modules/content',
  media: 'http://search.yahoo.com/mrss',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  xhtml: 'http://www.w3.org/1999/xhtml',
  feedburner: 'http://rssnamespace.org/feedburner/ext/1.0',
} as const;

/**
 * Namespace URIs compared loosely: feeds write the Media RSS URI with and without the trailing
 * slash, mix case in the host, etc.
 */
function normalizeNs(uri: string): string {
  return uri
    .trim()
    .toLowerCase()
    .replace(/[/#]+$/, '');
}

/** Prefixes feeds use without declaring them; resolving them by convention is what readers do. */
const conventionalPrefixes = new Map<string, string>([
  ['atom', NS.atom],
  ['atom10', NS.atom],
  ['dc', NS.dc],
  ['dcterms', NS.dcterms],
  ['content', NS.content],
  ['media', NS.media],
  ['itunes', NS.itunes],
  ['rdf', NS.rdf],
  ['feedburner', NS.feedburner],
]);

export interface XmlElement {
  /** Normalised namespace URI ('' when none). */
  ns: string;
  /** Lower-cased local name. */
  local: string;
  /** Effective xml:base, already absolute when it could be resolved. */
  base: string | null;
  children: XmlElement[];
  node: Element;
}

export const MAX_DEPTH = 256;

/** Parses XML leniently; entities are left undecoded here so that only the XML/HTML set is ever expanded. */
export function parseXml(text: string): ChildNode[] {
  return parseDocument(text, {
    xmlMode: true,
    decodeEntities: false,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
  }).children;
}

function resolveBase(value: string | undefined, parentBase: string | null): string | null {
  if (value === undefined) return parentBase;
  try {
    return new URL(decodeHTMLStrict(value.trim()), parentBase ?? undefined).href;
  } catch {
    return parentBase;
  }
}

/** Builds the namespace-resolved element tree below `nodes`. */
export function buildTree(
  nodes: ChildNode[],
  {
    scope = new Map(),
    base = null,
    depth = 0,
  }: { scope?: ReadonlyMap<string, string>; base?: string | null; depth?: number } = {},
): XmlElement[] {
  if (depth > MAX_DEPTH) return [];
  const out: XmlElement[] = [];
  for (const node of nodes) {
    if (!isTag(node)) continue;
    let ownScope = scope;
    for (const [name, value] of Object.entries(node.attribs)) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        const extended = new Map(ownScope);
        extended.set(name === 'xmlns' ? '' : name.slice(6), normalizeNs(decodeHTMLStrict(value)));
        ownScope = extended;
      }
    }
    const colon = node.name.indexOf(':');
    const prefix = colon === -1 ? '' : node.name.slice(0, colon);
    const local = colon === -1 ? node.name : node.name.slice(colon + 1);
    const ns = ownScope.get(prefix) ?? conventionalPrefixes.get(prefix) ?? prefix;
    const ownBase = resolveBase(node.attribs['xml:base'], base);
    out.push({
      ns,
      local,
      base: ownBase,
      node,
      children: buildTree(node.children, { scope: ownScope, base: ownBase, depth: depth + 1 }),
    });
  }
  return out;
}

export function matches(el: XmlElement, ns: string | readonly string[], local: string): boolean {
  return el.local === local && (typeof ns === 'string' ? el.ns === ns : ns.includes(el.ns));
}

export function child(el: XmlElement, ns: string | readonly string[], local: string): XmlElement | undefined {
  return el.children.find((c) => matches(c, ns, local));
}

export function childrenOf(el: XmlElement, ns: string | readonly string[], local: string): XmlElement[] {
  return el.children.filter((c) => matches(c, ns, local));
}

/** Depth-first search for the first element matching `predicate`. */
export function findElement(
  elements: XmlElement[],
  predicate: (el: XmlElement) => boolean,
): XmlElement | undefined {
  for (const el of elements) {
    if (predicate(el)) return el;
    const found = findElement(el.children, predicate);
    if (found) return found;
  }
  return undefined;
}

/** Attribute value with XML/HTML entities decoded; `name` is the lower-cased qualified name. */
export function attr(el: XmlElement | undefined, name: string): string | null {
  const value = el?.node.attribs[name];
  return value === undefined ? null : decodeHTMLStrict(value);
}

function collectText(nodes: ChildNode[], depth: number): string {
  if (depth > MAX_DEPTH) return '';
  let text = '';
  for (const node of nodes) {
    if (isText(node)) text += decodeHTMLStrict(node.data);
    else if (isCDATA(node)) text += node.children.map((c) => (isText(c) ? c.data : '')).join('');
    else if (isTag(node)) text += collectText(node.children, depth + 1);
  }
  return text;
}

/** Text content: entity-decoded text plus raw CDATA, in document order. */
export function textOf(el: XmlElement | undefined): string | null {
  if (!el) return null;
  return collectText(el.node.children, 0);
}

/** Iterative depth check: serialisers recurse, so absurdly deep markup must not reach them. */
function deeperThan(nodes: ChildNode[], limit: number): boolean {
  const stack: [ChildNode, number][] = nodes.map((n) => [n, 1]);
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, depth] = entry;
    if (depth > limit) return true;
    if (isTag(node)) for (const c of node.children) stack.push([c, depth + 1]);
  }
  return false;
}

/**
 * The HTML an element carries: escaped or CDATA-wrapped markup is returned decoded; markup written
 * inline (Atom xhtml content, or unescaped HTML in an RSS description) is serialised back.
 */
export function htmlOf(el: XmlElement | undefined): string | null {
  if (!el) return null;
  const nodes = el.node.children;
  if (!nodes.some(isTag) || deeperThan(nodes, MAX_DEPTH)) return collectText(nodes, 0);
  const elements = nodes.filter(isTag);
  const [wrapper] = elements;
  // Atom xhtml content must be wrapped in one <div> (RFC 4287 §3.1.1.3) that is not part of the content.
  const wrapped =
    elements.length === 1 &&
    wrapper?.name.endsWith('div') === true &&
    nodes.every((n) => !isText(n) || n.data.trim() === '');
  const inner = wrapped && wrapper ? wrapper.children : nodes;
  return render(inner, { xmlMode: false, decodeEntities: false, encodeEntities: false });
}
