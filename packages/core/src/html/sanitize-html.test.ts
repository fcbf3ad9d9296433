import { readFileSync } from 'node:fs';

import { isComment, isTag, type ChildNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';

import { sanitizeHtml } from './sanitize-html.js';

const payloads = JSON.parse(
  readFileSync(new URL('../../test/fixtures/html/xss-payloads.json', import.meta.url), 'utf8'),
) as string[];

const allowed = new Map<string, string[]>([
  ...[
    'p br hr h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote pre code figure figcaption',
    'em strong b i u s del ins sub sup small mark cite q time table caption thead tbody tfoot tr',
  ]
    .flatMap((line) => line.split(' '))
    .map((name) => [name, []] as [string, string[]]),
  ['abbr', ['title']],
  ['th', ['colspan', 'rowspan']],
  ['td', ['colspan', 'rowspan']],
  ['a', ['href', 'title', 'rel', 'target']],
  ['img', ['src', 'alt', 'width', 'height', 'title']],
]);

/** Every problem a browser could act on, found by parsing the sanitiser's output again. */
function problems(html: string): string[] {
  const found: string[] = [];
  const visit = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (isComment(node)) found.push('comment');
      if (!isTag(node)) continue;
      const permitted = allowed.get(node.name);
      if (!permitted) found.push(`element <${node.name}>`);
      for (const [name, value] of Object.entries(node.attribs)) {
        if (!permitted?.includes(name)) found.push(`attribute ${name} on <${node.name}>`);
        if (name === 'href' || name === 'src') {
          const protocol = URL.canParse(value) ? new URL(value).protocol : 'unparseable';
          const schemes = name === 'src' ? ['https:'] : ['http:', 'https:'];
          if (!schemes.includes(protocol)) found.push(`${name}=${value}`);
        }
      }
      visit(node.children);
    }
  };
  visit(parseDocument(html).children);
  if (
    /<\s*\/?\s*(script|style|iframe|object|embed|svg|math|base|meta|link|form|input|button|textarea)\b/i.test(
      html,
    )
  ) {
    found.push('dangerous tag in raw output');
  }
  if (/javascript\s*:|vbscript\s*:|data\s*:/i.test(html.replace(/>[^<]*</g, '><')))
    found.push('script URL in markup');
  return found;
}

describe('sanitizeHtml against hostile payloads', () => {
  it('has at least 25 payloads', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(25);
  });

  it.each(payloads.map((payload, index) => [index, payload]))(
    'payload %i leaves nothing executable',
    (_index, payload) => {
      for (const baseUrl of [null, 'https://example.com/articles/']) {
        const output = sanitizeHtml(payload, { baseUrl });
        expect(problems(output)).toEqual([]);
        expect(sanitizeHtml(output, { baseUrl })).toBe(output);
      }
    },
  );

  it('the checker itself flags unsafe markup', () => {
    const found = problems(
      '<a href="javascript:alert(1)" onclick="x">a</a><script></script><img src="http://a/b">',
    );
    expect(found.sort()).toEqual([
      'attribute onclick on <a>',
      'dangerous tag in raw output',
      'element <script>',
      'href=javascript:alert(1)',
      'script URL in markup',
      'src=http://a/b',
    ]);
  });
});

describe('sanitizeHtml keeps safe content', () => {
  it('keeps allowed formatting and escapes text', () => {
    expect(sanitizeHtml('<p>A <b>bold</b> &amp; <em>brave</em> 1 &lt; 2</p><ul><li>x</li></ul>')).toBe(
      '<p>A <b>bold</b> &amp; <em>brave</em> 1 &lt; 2</p><ul><li>x</li></ul>',
    );
  });

  it('hardens links and resolves relative URLs against baseUrl', () => {
    expect(
      sanitizeHtml('<a href="/x?a=1&amp;b=2" title="T" class="c">go</a>', { baseUrl: 'https://ex.com/a/' }),
    ).toBe(
      '<a href="https://ex.com/x?a=1&amp;b=2" title="T" rel="noopener noreferrer nofollow" target="_blank">go</a>',
    );
  });

  it("replaces a link's own rel and target and escapes markup inside attribute values", () => {
    expect(sanitizeHtml('<a target="_self" rel="opener" title="</a><b>" href="https://ex.com/">go</a>')).toBe(
      '<a title="&lt;/a&gt;&lt;b&gt;" href="https://ex.com/" rel="noopener noreferrer nofollow" target="_blank">go</a>',
    );
  });

  it('unwraps links it cannot keep and drops relative URLs without a base', () => {
    expect(sanitizeHtml('<a href="javascript:alert(1)">text</a> <a href="rel/path">rel</a>')).toBe(
      'text rel',
    );
  });

  it('keeps https images with their safe attributes', () => {
    expect(
      sanitizeHtml('<img src="/i.png" alt="An &quot;image&quot;" width="640" height="auto" onerror="x">', {
        baseUrl: 'https://ex.com/',
      }),
    ).toBe('<img src="https://ex.com/i.png" alt="An &quot;image&quot;" width="640">');
  });

  it('maps h1 to h2, unwraps unknown elements and drops scripts with their content', () => {
    expect(sanitizeHtml('<h1>Title</h1><div class="x"><span>kept</span><script>gone()</script></div>')).toBe(
      '<h2>Title</h2>kept',
    );
  });

  it('survives deep nesting without overflowing the stack', () => {
    expect(() => sanitizeHtml(`${'<div>'.repeat(50000)}x`)).not.toThrow();
  });
});
