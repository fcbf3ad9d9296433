/*
 * Why the `sanitize-html` package rather than our own walker: this function is the only barrier between
 * feed HTML and the dashboard's `dangerouslySetInnerHTML`. The package is maintained, parses with the same
 * htmlparser2 we use elsewhere, and tracks browser parsing quirks we would otherwise have to discover one
 * advisory at a time (raw-text end tags in <noscript>/<textarea>/<xmp>, iframe fallback markup, SVG
 * animation of URL attributes, entity-encoded and whitespace-split `javascript:` schemes). Our policy —
 * which elements and attributes survive, http(s) links that open in a new tab without referrer, https
 * images, relative URLs resolved against the item — stays here as options.
 *
 * The result is stored at ingest, so changing what this function produces must raise SANITIZER_VERSION:
 * stored rows with an older version are re-sanitised by the `resanitize` use case.
 */
import sanitize from 'sanitize-html';

import { cleanText } from './clean-text.js';

/**
 * Raise whenever `sanitizeHtml` can produce different output for the same input. 2: bidi controls stripped
 * (re-sanitising also strips them from stored titles, excerpts and authors). 3: mojibake repaired
 * ("Â£" → "£", in the HTML and, on re-sanitising, in stored titles, excerpts and authors).
 */
export const SANITIZER_VERSION = 3;

export interface SanitizeHtmlOptions {
  /** Relative links and images resolve against this URL; without it they are dropped. */
  baseUrl?: string | null;
}

const words = (lines: readonly string[]) => lines.flatMap((line) => line.split(' '));

const noAttributes = words([
  'p br hr h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote pre code figure figcaption',
  'em strong b i u s del ins sub sup small mark cite q time',
  'table caption thead tbody tfoot tr',
]);

/** Elements kept, each with the only attributes it may keep; `rel`/`target` on links are always ours. */
const allowedAttributes: Record<string, string[]> = {
  ...Object.fromEntries(noAttributes.map((name) => [name, []])),
  abbr: ['title'],
  th: ['colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
  a: ['href', 'title', 'rel', 'target'],
  img: ['src', 'alt', 'width', 'height', 'title'],
};

/** Elements removed together with everything inside them (others give way to their content). */
const droppedWithContent = words([
  'script style noscript template iframe frame frameset object embed applet noembed noframes portal slot',
  'svg math canvas audio video source track param',
  'form input button select textarea option optgroup datalist output dialog',
  'base meta link title head xmp plaintext marquee',
]);

const voidElements = ['br', 'hr', 'img'];
const numericAttributes = ['width', 'height', 'colspan', 'rowspan'];
const linkSchemes = ['http:', 'https:'];
const imageSchemes = ['https:'];
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

/**
 * Our per-attribute rules, applied before sanitize-html's own checks (which run again on the result):
 * URLs made absolute and limited to their schemes, sizes only as plain numbers, links hardened.
 */
function transform(baseUrl: string | null): sanitize.Transformer {
  return (tagName, attribs) => {
    const out: sanitize.Attributes = {};
    for (const [name, value] of Object.entries(attribs)) {
      if (name === 'rel' || name === 'target') continue;
      let kept: string | null = value;
      if (name === 'href') kept = safeUrl(value, baseUrl, linkSchemes);
      else if (name === 'src') kept = safeUrl(value, baseUrl, imageSchemes);
      else if (numericAttributes.includes(name)) kept = /^\s*\d{1,5}\s*$/.test(value) ? value.trim() : null;
      if (kept !== null) out[name] = kept;
    }
    if (tagName === 'a') Object.assign(out, { rel: 'noopener noreferrer nofollow', target: '_blank' });
    // h1 becomes h2 so an article keeps the page's single title.
    return { tagName: tagName === 'h1' ? 'h2' : tagName, attribs: out };
  };
}

/**
 * Allow-list HTML sanitiser for feed and article content: only listed elements and attributes survive,
 * text is re-escaped, links are http(s) only and open in a new tab without referrer, images are https only.
 */
export function sanitizeHtml(html: string, { baseUrl = null }: SanitizeHtmlOptions = {}): string {
  const base = baseUrl ? safeUrl(baseUrl, null, linkSchemes) : null;
  const clean = sanitize(html, {
    allowedTags: Object.keys(allowedAttributes),
    allowedAttributes,
    allowedSchemes: linkSchemes.map((scheme) => scheme.slice(0, -1)),
    allowedSchemesByTag: { img: imageSchemes.map((scheme) => scheme.slice(0, -1)) },
    allowProtocolRelative: false,
    nonTextTags: droppedWithContent,
    selfClosing: voidElements,
    nestingLimit: MAX_DEPTH,
    transformTags: { '*': transform(base) },
    // A link whose URL was refused gives way to its text; an image without a source goes entirely.
    exclusiveFilter: ({ tag, attribs }) => {
      if (tag === 'a' && !attribs.href) return 'excludeTag';
      return tag === 'img' && !attribs.src;
    },
  });
  // sanitize-html closes void elements XHTML-style (`<br />`); stored rows use HTML's `<br>`. Text and
  // attribute values have every `>` escaped, so ` />` can only be the end of one of those tags.
  return cleanText(clean.replaceAll(' />', '>')).trim();
}
