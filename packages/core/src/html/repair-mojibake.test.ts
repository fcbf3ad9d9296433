import { describe, expect, it } from 'vitest';

import { mojibakeOf } from '../testing/mojibake.js';
import { htmlToText } from './html-to-text.js';
import { repairMojibake } from './repair-mojibake.js';
import { sanitizeHtml } from './sanitize-html.js';

describe('repairMojibake', () => {
  it('turns doubly decoded UTF-8 back into the characters it was', () => {
    expect(repairMojibake('Metro Bank raises Â£400m ahead of listing')).toBe(
      'Metro Bank raises £400m ahead of listing',
    );
    expect(repairMojibake('Deutsche BÃ¶rse merger â€“ what next')).toBe('Deutsche Börse merger – what next');
    expect(repairMojibake('PKN OrlenÂ\u00a0and Åšwiat: Å‚Ã³dÅº')).toBe('PKN Orlen\u00a0and Świat: łódź');
    expect(repairMojibake('itâ€™s a â€œturnaroundâ€\u009d')).toBe('it’s a “turnaround”');
  });

  it('repairs any text broken once: accents, signs, Greek, Cyrillic, CJK and emoji', () => {
    const texts = [
      'Nestlé and L’Oréal: €1.2bn deal, “cautious” outlook — 5½ pct',
      'Ørsted, Société Générale, Crédit Agricole, Škoda, Łódź',
      'Ρωσία και Ελλάδα · Привет, Газпром',
      '北京 — 東京 · 서울 🚀📉',
    ];
    for (const text of texts) expect(repairMojibake(mojibakeOf(text))).toBe(text);
  });

  it('repairs text broken twice', () => {
    expect(repairMojibake(mojibakeOf(mojibakeOf('Börse £5')))).toBe('Börse £5');
  });

  it('leaves correct text alone, in every language the repair could mistake', () => {
    const texts = [
      'São Paulo, naïve café, Æon, « Élysée », ÀÉÎÕÜ',
      // A German closing quote after ß: the bytes DF 93 are valid UTF-8 (an N'Ko letter).
      'Er sagte „viele Grüße“ und „Gruß“',
      'Â alone, Ã alone, price Â 5, Ð and Ñ',
      'ﬁnance 北京 🚀 שלום عربي',
      '',
    ];
    for (const text of texts) expect(repairMojibake(text)).toBe(text);
  });

  it('keeps a broken run that is not valid UTF-8 as it came', () => {
    // "â€" needs a third byte; an overlong two-byte form (C0/C1 leads) is never valid.
    expect(repairMojibake('driveâ€ now')).toBe('driveâ€ now');
    expect(repairMojibake('Ã€ and Ã')).toBe('À and Ã');
  });
});

describe('mojibake on the way in', () => {
  it('repairs text and text attributes in HTML, never a link or an image address', () => {
    expect(
      sanitizeHtml(
        '<p><a href="https://x.example/CafÃ©">CafÃ©</a> <img src="https://x.example/BÃ¶rse.png" alt="BÃ¶rse chart"></p>',
      ),
    ).toBe(
      '<p><a href="https://x.example/Caf%C3%83%C2%A9" rel="noopener noreferrer nofollow" target="_blank">Café</a> <img src="https://x.example/B%C3%83%C2%B6rse.png" alt="Börse chart"></p>',
    );
  });

  it('never turns broken characters into markup', () => {
    // No repaired character is below U+0080, so no repair can open a tag or an entity.
    expect(sanitizeHtml('<p>Â£5 &lt;b&gt; Ã¶</p>')).toBe('<p>£5 &lt;b&gt; ö</p>');
    expect(htmlToText('<p>Ã¶ &amp; Â£</p>')).toBe('ö & £');
  });
});
