import { describe, expect, it } from 'vitest';

import { htmlToText } from './html-to-text.js';

describe('htmlToText', () => {
  it('separates blocks by a blank line and keeps line breaks', () => {
    expect(htmlToText('<h2>Title</h2><p>First   paragraph\nwrapped.</p><p>Second<br>line</p>')).toBe(
      'Title\n\nFirst paragraph wrapped.\n\nSecond\nline',
    );
  });

  it('decodes entities and drops scripts and styles', () => {
    expect(
      htmlToText('<p>Fish &amp; chips&nbsp;&mdash; &#163;5</p><script>x()</script><style>p{}</style>'),
    ).toBe('Fish & chips — £5');
  });

  it('lists items on their own lines', () => {
    expect(htmlToText('<p>Shopping:</p><ul><li>eggs</li><li>milk</li></ul>')).toBe(
      'Shopping:\n\n- eggs\n- milk',
    );
  });

  it('keeps line breaks inside pre', () => {
    expect(htmlToText('<pre>a\nb</pre>')).toBe('a\nb');
  });

  it('treats plain text as text', () => {
    expect(htmlToText('  just  words  ')).toBe('just words');
    expect(htmlToText('')).toBe('');
  });
});
