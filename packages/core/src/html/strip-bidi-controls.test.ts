import { describe, expect, it } from 'vitest';

import { htmlToText } from './html-to-text.js';
import { sanitizeHtml } from './sanitize-html.js';
import { stripBidiControls } from './strip-bidi-controls.js';

const OVERRIDES = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069';

describe('stripBidiControls', () => {
  it('removes every embedding, override and isolate control', () => {
    expect(stripBidiControls(`Profit \u202ewarning\u202c for ${OVERRIDES}Acme`)).toBe(
      'Profit warning for Acme',
    );
  });

  it('keeps right-to-left text and the directional marks', () => {
    expect(stripBidiControls('שלום \u200fworld\u200e عربي')).toBe('שלום \u200fworld\u200e عربي');
  });
});

describe('HTML on the way in', () => {
  it('sanitised HTML carries no bidi controls, in text or attributes, written raw or as entities', () => {
    const html = sanitizeHtml(
      '<p>Shares \u202efell&#x202E; <img src="https://x.example/a.png" alt="\u2067chart"> &#8238;now</p>',
    );
    expect(html).toBe('<p>Shares fell <img src="https://x.example/a.png" alt="chart"> now</p>');
  });

  it('text taken from HTML carries none either', () => {
    expect(htmlToText('<p>Shares \u202efell&#x202E; now</p>')).toBe('Shares fell now');
  });
});
