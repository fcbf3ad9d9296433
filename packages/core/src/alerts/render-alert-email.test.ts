import { describe, expect, it } from 'vitest';

import { renderAlertEmail, type EmailFiring } from './render-alert-email.js';

const shift: EmailFiring = {
  ruleId: 4,
  ruleName: 'Nvidia mood',
  kind: 'SENTIMENT_SHIFT',
  target: { type: 'company', name: 'Nvidia & Co', slug: 'nvidia' },
  figures: { delta: -0.4, currentMean: -0.2, previousMean: 0.2, threshold: null },
  windowStart: new Date('2026-12-02T00:00:00Z'),
  windowEnd: new Date('2026-12-03T00:00:00Z'),
  firedAt: new Date('2026-12-03T00:05:00Z'),
  articles: [{ id: 9, title: 'Chips <down>' }],
};

const render = (firings: EmailFiring[], digest?: { start: Date; end: Date }) =>
  renderAlertEmail({
    firings,
    digest: digest ?? null,
    publicUrl: 'https://w.example',
    tokenFor: (ids) => `t${ids.join('-')}`,
  });

describe('renderAlertEmail', () => {
  it('links a window rule to its chart with the period shaded, and escapes everything in HTML', () => {
    const email = render([shift]);
    expect(email.subject).toBe('[Wirelens] Nvidia mood: sentiment shift on Nvidia & Co');
    const chart =
      'https://w.example/companies/nvidia?from=2026-12-02T00%3A00%3A00.000Z&to=2026-12-03T00%3A00%3A00.000Z';
    expect(email.text).toContain(`Nvidia & Co chart: ${chart}`);
    expect(email.text).toContain('delta -0.4 · currentMean -0.2 · previousMean 0.2');
    expect(email.text).toContain('Stop e-mails for "Nvidia mood": https://w.example/unsubscribe?token=t4');
    expect(email.html).toContain(`<a href="${chart.replaceAll('&', '&amp;')}">Nvidia &amp; Co chart</a>`);
    expect(email.html).toContain('Chips &lt;down&gt;');
    expect(email.html).not.toContain('<down>');
    expect(email.oneClickUnsubscribeUrl).toBe('https://w.example/email/unsubscribe?token=t4');
  });

  it('puts a digest’s firings in one message with an unsubscribe link for all its rules', () => {
    const other: EmailFiring = { ...shift, ruleId: 7, ruleName: 'Other', kind: 'ATTENTION', target: null };
    const email = render([shift, other], {
      start: new Date('2026-12-02T07:00:00Z'),
      end: new Date('2026-12-03T07:00:00Z'),
    });
    expect(email.subject).toBe('[Wirelens] Daily digest for 2026-12-03: 2 alerts');
    expect(email.text).toContain('* Other: abnormal attention\n');
    expect(email.text).toContain(
      'Stop e-mails for all rules in this message: https://w.example/unsubscribe?token=t4-7',
    );
    expect(email.oneClickUnsubscribeUrl).toBe('https://w.example/email/unsubscribe?token=t4-7');
  });
});
